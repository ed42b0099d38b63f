import { loadExcelJs } from '../spreadsheets/load-exceljs';

export interface WorkbookColumn<T> {
  header: string;
  /** Width in characters. */
  width: number;
  value: (row: T) => string | number | Date | null;
  /** date: a real date cell shown dd/mm/yyyy (Excel sorts and filters it as a date). */
  kind?: 'text' | 'number' | 'date';
}

export interface TableSheet<T> {
  name: string;
  columns: Array<WorkbookColumn<T>>;
  rows: T[];
}

export interface InfoSheet {
  name: string;
  /** Label and value pairs, one a row. */
  rows: Array<[string, string]>;
}

/** A yyyy-MM-dd day as a date cell: midnight UTC, which Excel stores as exactly that day. */
export function dayCell(day: string | null): Date | null {
  return day ? new Date(`${day}T00:00:00Z`) : null;
}

/**
 * A text a spreadsheet program could take for a formula (= + - @, or a tab or return before one)
 * gets an apostrophe in front, as the records export does (the importer drops it again).
 */
export function guardFormulaText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cellValue(value: string | number | Date | null): string | number | Date | null {
  return typeof value === 'string' ? guardFormulaText(value) : value;
}

const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;

export function sheetName(value: string): string {
  return value.replace(SHEET_NAME_FORBIDDEN, '-').slice(0, 31);
}

/**
 * A workbook with one list per sheet: Vietnamese headers in row 1 (bold, frozen, with filters), dates
 * as date cells in dd/mm/yyyy, texts guarded against formulas, and optional label/value sheets
 * describing the list.
 */
export async function buildTableWorkbook<T>(options: {
  table: TableSheet<T>;
  info?: InfoSheet[];
  creator?: string;
}): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = options.creator ?? 'Loa Số';
  workbook.created = new Date();
  const { table } = options;
  const sheet = workbook.addWorksheet(sheetName(table.name), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = table.columns.map((column) => ({
    header: column.header,
    width: column.width,
    style: column.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : {},
  }));
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (const row of table.rows) sheet.addRow(table.columns.map((column) => cellValue(column.value(row))));
  for (const [index, column] of table.columns.entries()) {
    if (column.kind !== 'number')
      sheet.getColumn(index + 1).alignment = { vertical: 'top', wrapText: column.kind !== 'date' };
  }
  headerRow.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  sheet.pageSetup.printTitlesRow = '1:1';

  for (const info of options.info ?? []) {
    const infoSheet = workbook.addWorksheet(sheetName(info.name));
    infoSheet.columns = [{ width: 28 }, { width: 80 }];
    for (const [label, value] of info.rows)
      infoSheet.addRow([guardFormulaText(label), guardFormulaText(value)]);
    infoSheet.getColumn(1).font = { bold: true };
    infoSheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
