import { PassThrough, Readable } from 'node:stream';
import { loadExcelJs } from '../../spreadsheets/load-exceljs';
import type { ExportColumn, ExportValue } from './export-columns';

/** Rows of an export, already turned into cells, page by page. */
export type ExportPages = AsyncIterable<ExportValue[][]>;

/** A text that a spreadsheet program would run as a formula gets an apostrophe (the importer drops it). */
function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(value: ExportValue): string {
  if (value === null) return '';
  const text =
    typeof value === 'number'
      ? String(value)
      : typeof value === 'object'
        ? `${value.day.slice(8, 10)}/${value.day.slice(5, 7)}/${value.day.slice(0, 4)}`
        : guardFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV in UTF-8 with a byte-order mark, which is what makes Excel read Vietnamese correctly; comma
 * separated, CRLF line ends (RFC 4180), dates as dd/MM/yyyy text.
 */
export function writeCsv(columns: ExportColumn[], pages: ExportPages): Readable {
  async function* chunks() {
    yield Buffer.from(`\uFEFF${columns.map((column) => csvField(column.header)).join(',')}\r\n`, 'utf8');
    for await (const rows of pages) {
      yield Buffer.from(rows.map((cells) => `${cells.map(csvField).join(',')}\r\n`).join(''), 'utf8');
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/**
 * XLSX through exceljs's streaming writer: rows are written and forgotten page by page, so a national
 * export does not sit in memory. Dates are real date cells shown dd/mm/yyyy.
 */
export function writeXlsx(columns: ExportColumn[], pages: ExportPages, sheetName: string): Readable {
  const output = new PassThrough();
  const write = async () => {
    const workbook = new (await loadExcelJs()).stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column, i) => ({
      header: column.header,
      key: String(i),
      width: column.width,
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const rows of pages) {
      for (const cells of rows) {
        const row = sheet.addRow(
          cells.map((value) =>
            value !== null && typeof value === 'object' ? new Date(`${value.day}T00:00:00Z`) : value,
          ),
        );
        cells.forEach((value, i) => {
          if (value !== null && typeof value === 'object') row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
        });
        row.commit();
      }
      // Let the zip stream drain to the client before the next page is read; stop if the client left.
      if (output.writableNeedDrain) {
        await new Promise((resolve) => {
          output.once('drain', resolve);
          output.once('close', resolve);
        });
      }
      if (output.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: Error) => output.destroy(error));
  return output;
}
