import { TABLE_LIMITS, tooManyRows } from './limits';
import { detectTableFormat, throwXlsxReadError } from './read-table';
import { openXlsxZip } from './xlsx-zip';

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
/** A row element, `<row r="2" …>` or `<row>`, never `<rowBreaks`. */
const ROW_TAG = /<row[\s>]/g;

/**
 * About how many data rows a spreadsheet holds, without reading its cells: enough to decide whether
 * an import runs inside the request or as a job. Only tags are counted, so even a file of 100,000 rows
 * costs the inflating of its sheet (a few hundred milliseconds), not the seconds of reading its cells.
 * A file with more rows than the reader walks through (TABLE_LIMITS.maxRowsRead, empty rows counted
 * as the reader counts them) is refused here with the reader's own message, at once rather than after
 * a wait for its job; so is a zip whose declared sizes lie.
 *
 * An estimate, erring on the large side: a CSV counts its line breaks (a line break inside a quoted
 * cell counts too, blank lines count); an XLSX counts the row elements of the first sheet that has a
 * data row, the sheet the reader takes for a template (the data sheet comes first, its help and list
 * sheets after). A file whose data sits behind another filled sheet is undercounted and imported inside
 * the request, which is how every import ran before, still held to TABLE_LIMITS and the import limiter.
 */
export async function countDataRows(fileName: string, content: Buffer): Promise<number> {
  if (detectTableFormat(fileName, content) === 'csv') return countCsvRows(content);
  const rowsRead = await countXlsxRows(content, TABLE_LIMITS.maxRowsRead);
  // The reader stops at the same row element (it counts every one, empty or not, header included).
  if (rowsRead > TABLE_LIMITS.maxRowsRead) throw tooManyRows();
  return Math.max(rowsRead - 1, 0);
}

/** Row elements of the first sheet with a data row, header included; `limit + 1` once past `limit`. */
async function countXlsxRows(content: Buffer, limit: number): Promise<number> {
  const zip = await openXlsxZip(content);
  try {
    for (const name of zip.names(WORKSHEET)) {
      let rows = 0;
      let tail = '';
      for await (const chunk of await zip.open(name)) {
        // Tags are ASCII: latin1 keeps one character per byte and never fails on a split letter.
        const text = tail + (chunk as Buffer).toString('latin1');
        rows += text.match(ROW_TAG)?.length ?? 0;
        // A tag split across two chunks is found in the next one; "<row" is 4 characters, so the
        // last 4 are carried over, and a tag found whole in them is not found again (it ends in [\s>]).
        tail = text.slice(-4);
        if (rows > limit) return limit + 1;
      }
      if (rows > 1) return rows;
    }
    return 0;
  } catch (error) {
    throwXlsxReadError(error);
  } finally {
    zip.close();
  }
}

/**
 * Lines less the header. Not held to the reader's limit: a line break inside a quoted cell counts as
 * a line here, so a CSV past the limit by this count may still be a good file; its job reads it.
 */
function countCsvRows(content: Buffer): number {
  let lines = 0;
  let at = content.indexOf(0x0a);
  while (at !== -1) {
    lines++;
    at = content.indexOf(0x0a, at + 1);
  }
  // The last line has no break after it (or is empty); old Mac files break lines with \r alone.
  if (content.length && content[content.length - 1] !== 0x0a) lines++;
  if (lines <= 1 && content.includes(0x0d)) lines = content.toString('latin1').split('\r').length;
  return Math.max(lines - 1, 0);
}
