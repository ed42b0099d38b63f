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
  if (/\.xlsx?$/i.test(fileName)) throw validationError(`Tệp "${fileName}" không phải XLSX hợp lệ.`, [{ field: 'file', message: 'Không đọc được.' }]);
  return 'csv';
}

export async function readTable(fileName: string, content: Buffer): Promise<Table> {
  return detectTableFormat(fileName, content) === 'xlsx' ? readXlsx(content) : readCsv(content.toString('utf8'));
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
    throw validationError('Không đọc được tệp XLSX.', [{ field: 'file', message: 'Tệp hỏng hoặc không phải XLSX.' }]);
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
