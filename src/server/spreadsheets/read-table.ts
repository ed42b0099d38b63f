import { PassThrough, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { validationError } from '../errors';

/** A spreadsheet or CSV read as text cells; row numbers are those a person sees in the file (1-based). */
export interface Table {
  headers: string[];
  rows: Array<{ rowNumber: number; cells: string[] }>;
}

export type TableFormat = 'csv' | 'xlsx';

export function detectTableFormat(fileName: string, content: Buffer): TableFormat {
  // XLSX is a ZIP: trust the content's signature before the name.
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (/\.xlsx?$/i.test(fileName))
    throw validationError(`Tệp "${fileName}" không phải XLSX hợp lệ.`, [
      { field: 'file', message: 'Không đọc được.' },
    ]);
  return 'csv';
}

export async function readTable(fileName: string, content: Buffer): Promise<Table> {
  return detectTableFormat(fileName, content) === 'xlsx'
    ? readXlsx(content)
    : readCsv(content.toString('utf8'));
}

/** RFC 4180 CSV with a comma or semicolon delimiter (Excel in Vietnamese locales writes ";"). */
export function readCsv(text: string): Table {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: Array<{ rowNumber: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (inQuotes) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') inQuotes = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ rowNumber: recordLine, cells });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length) {
    cells.push(cell);
    records.push({ rowNumber: recordLine, cells });
  }
  const nonEmpty = records.filter((record) => record.cells.some((value) => value.trim() !== ''));
  const [header, ...rows] = nonEmpty;
  return { headers: (header?.cells ?? []).map((h) => h.trim()), rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel date cells: kept as an ISO day; callers that expect dates also accept dd/MM/yyyy text.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('hyperlink' in value && typeof value.hyperlink === 'string') return value.hyperlink;
    return '';
  }
  return String(value);
}

async function readXlsx(content: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw validationError('Không đọc được tệp XLSX.', [
      { field: 'file', message: 'Tệp hỏng hoặc không phải XLSX.' },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const rows: Array<{ rowNumber: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let col = 1; col <= sheet.columnCount; col++) cells.push(cellText(row.getCell(col).value));
    if (cells.some((value) => value.trim() !== '')) rows.push({ rowNumber, cells });
  });
  const [header, ...data] = rows;
  return { headers: (header?.cells ?? []).map((h) => h.trim()), rows: data };
}

/**
 * A cell as the file holds it: text, a number, or a Date for an Excel date or time cell (exceljs gives
 * the UTC instant whose UTC fields are what the cell shows: 05/03/2025 is 2025-03-05T00:00Z, 08:30 is
 * 1899-12-30T08:30Z). CSV cells are always text.
 */
export type TypedCell = string | number | boolean | Date | null;

export interface TypedTable {
  headers: string[];
  rows: Array<{ rowNumber: number; cells: TypedCell[] }>;
}

/** Above this size an XLSX is streamed; below it, loaded whole (see readTypedTable). */
const STREAM_FROM_BYTES = 2 * 1024 * 1024;

/**
 * Reads a CSV or XLSX keeping Excel date cells apart from text. The sheet read is the first whose
 * header row `isDataSheet` accepts (a template's help and list sheets are skipped), else the first.
 *
 * A large XLSX is streamed: a 100,000-row sheet takes seconds and a fraction of the memory of
 * loading the whole workbook. exceljs's streaming reader has a race in how it walks the zip
 * (exceljs issue #3064: the same file sometimes fails), so a file read that way is read again whole
 * when streaming fails, and the usual small file (a commune's month of records) is read whole
 * anyway. Only a file that fails both ways is refused.
 */
export async function readTypedTable(
  fileName: string,
  content: Buffer,
  isDataSheet: (headers: string[]) => boolean = () => true,
  options: { streamFromBytes?: number } = {},
): Promise<TypedTable> {
  if (detectTableFormat(fileName, content) === 'csv') return readCsv(content.toString('utf8'));
  if (content.length >= (options.streamFromBytes ?? STREAM_FROM_BYTES)) {
    try {
      return await streamTypedXlsx(content, isDataSheet);
    } catch {
      // Read whole below; a file that is really damaged fails there too.
    }
  }
  try {
    return await loadTypedXlsx(content, isDataSheet);
  } catch {
    throw validationError('Không đọc được tệp XLSX.', [
      { field: 'file', message: 'Tệp hỏng hoặc không phải XLSX.' },
    ]);
  }
}

/** Collects a sheet's rows as typed cells: the first non-empty row is the header. */
class TypedTableBuilder {
  readonly table: TypedTable = { headers: [], rows: [] };
  private hasHeader = false;

  addRow(rowNumber: number, values: readonly ExcelJS.CellValue[]): void {
    const cells: TypedCell[] = [];
    for (let col = 1; col < values.length; col++) cells.push(typedCell(values[col]));
    if (!cells.some((cell) => cell !== null && cell !== '')) return;
    if (!this.hasHeader) {
      this.table.headers = cells.map((cell) => (cell === null ? '' : String(cell).trim()));
      this.hasHeader = true;
    } else this.table.rows.push({ rowNumber, cells });
  }

  isDataSheet(accepts: (headers: string[]) => boolean): boolean {
    return this.hasHeader && accepts(this.table.headers);
  }
}

async function loadTypedXlsx(
  content: Buffer,
  isDataSheet: (headers: string[]) => boolean,
): Promise<TypedTable> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  let first: TypedTable | null = null;
  for (const sheet of workbook.worksheets) {
    const builder = new TypedTableBuilder();
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) =>
      builder.addRow(rowNumber, row.values as ExcelJS.CellValue[]),
    );
    if (builder.isDataSheet(isDataSheet)) return builder.table;
    first ??= builder.table;
  }
  return first ?? { headers: [], rows: [] };
}

async function streamTypedXlsx(
  content: Buffer,
  isDataSheet: (headers: string[]) => boolean,
): Promise<TypedTable> {
  const reader = utf8SafeReader(Readable.from([content]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let first: TypedTable | null = null;
  let chosen: TypedTable | null = null;
  for await (const sheet of reader) {
    if (chosen) {
      // Drained, not parsed: the zip stream must reach its end.
      for await (const _row of sheet) void _row;
      continue;
    }
    const builder = new TypedTableBuilder();
    for await (const row of sheet) builder.addRow(row.number, row.values as ExcelJS.CellValue[]);
    first ??= builder.table;
    if (builder.isDataSheet(isDataSheet)) chosen = builder.table;
  }
  return chosen ?? first ?? { headers: [], rows: [] };
}

function typedCell(value: ExcelJS.CellValue | undefined): TypedCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return typedCell(value.result as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return null;
  return null;
}

/** The parts of exceljs's streaming reader that receive the raw bytes of a zip entry (not in its types). */
interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): unknown;
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
}

async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * exceljs's streaming reader decodes every chunk of a zip entry on its own, so a Vietnamese letter
 * whose bytes straddle two chunks comes out as "��" (a few cells in every 10,000-row sheet, silently
 * in titles). Sheets and shared strings are decoded here with a streaming decoder instead; exceljs
 * passes text through untouched.
 */
function utf8SafeReader(input: Readable, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, options);
  const internals = reader as unknown as ReaderInternals;
  const parseWorksheet = internals._parseWorksheet.bind(reader);
  const parseSharedStrings = internals._parseSharedStrings.bind(reader);
  internals._parseWorksheet = (iterator, sheetNo) => parseWorksheet(decodeUtf8(iterator), sheetNo);
  internals._parseSharedStrings = (entry) =>
    parseSharedStrings(Readable.from(decodeUtf8(entry.pipe(new PassThrough()))));
  return reader;
}
