import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJS from 'exceljs';
import { textProblem } from '../../shared/safe-input';
import { AppError, validationError } from '../errors';
import {
  cellTooLong,
  fileTooLargeUnpacked,
  TABLE_LIMITS,
  tooManyColumns,
  tooManyRows,
  unreadableXlsx,
} from './limits';
import { loadExcelJs } from './load-exceljs';
import { openXlsxZip } from './xlsx-zip';

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
  if (detectTableFormat(fileName, content) === 'csv') return readCsv(content.toString('utf8'));
  const typed = await readXlsx(content, () => true);
  return {
    headers: typed.headers,
    rows: typed.rows.map(({ rowNumber, cells }) => ({ rowNumber, cells: cells.map(cellText) })),
  };
}

/**
 * RFC 4180 CSV with a comma or semicolon delimiter (Excel in Vietnamese locales writes ";"). Held to
 * the same limits as an XLSX (rows, cell length, the shared text rule); the first breach stops it.
 */
export function readCsv(text: string): Table {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const limits = new TableLimiter();
  const records: Array<{ rowNumber: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  const endCell = () => {
    limits.checkCell(recordLine, cells.length + 1, cell);
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    limits.countRowRead();
    // Blank lines are skipped, not kept: a file of empty lines costs no memory.
    if (cells.some((value) => value.trim() !== '')) {
      limits.countDataRow(records.length === 0);
      records.push({ rowNumber: recordLine, cells });
    }
    cells = [];
  };
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
        if (cell.length > TABLE_LIMITS.maxCellChars) throw cellTooLong(recordLine, cells.length + 1);
      }
    } else if (ch === '"' && cell === '') inQuotes = true;
    else if (ch === delimiter) {
      endCell();
      if (cells.length > TABLE_LIMITS.maxColumns) throw tooManyColumns(recordLine);
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
      if (cell.length > TABLE_LIMITS.maxCellChars) throw cellTooLong(recordLine, cells.length + 1);
    }
  }
  if (cell !== '' || cells.length) endRecord();
  const [header, ...rows] = records;
  return { headers: (header?.cells ?? []).map((h) => h.trim()), rows };
}

function cellText(value: TypedCell): string {
  if (value === null) return '';
  // Excel date cells: kept as an ISO day; callers that expect dates also accept dd/MM/yyyy text.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
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

/**
 * Reads a CSV or XLSX keeping Excel date cells apart from text. The sheet read is the first whose
 * header row `isDataSheet` accepts (a template's help and list sheets are skipped), else the first.
 */
export async function readTypedTable(
  fileName: string,
  content: Buffer,
  isDataSheet: (headers: string[]) => boolean = () => true,
): Promise<TypedTable> {
  if (detectTableFormat(fileName, content) === 'csv') return readCsv(content.toString('utf8'));
  return readXlsx(content, isDataSheet);
}

/**
 * Counts what a read has taken so far and stops it at the first breach of TABLE_LIMITS, naming the
 * row and column; cells are held to the shared text rule (no NUL, no lone surrogate).
 */
class TableLimiter {
  private rowsRead = 0;
  private dataRows = 0;

  countRowRead(): void {
    if (++this.rowsRead > TABLE_LIMITS.maxRowsRead) throw tooManyRows();
  }

  countDataRow(isHeader: boolean): void {
    if (!isHeader && ++this.dataRows > TABLE_LIMITS.maxRows) throw tooManyRows();
  }

  checkCell(row: number, column: number, text: string): void {
    if (text.length > TABLE_LIMITS.maxCellChars) throw cellTooLong(row, column);
    const problem = textProblem(text);
    if (problem)
      throw validationError(`Dòng ${row}, cột ${column}: ${problem} Không có gì được nhập.`, [
        { row, column: String(column), message: problem },
      ]);
  }
}

/** Collects a sheet's rows as typed cells: the first non-empty row is the header. */
class TypedTableBuilder {
  readonly table: TypedTable = { headers: [], rows: [] };
  private hasHeader = false;
  private readonly limits = new TableLimiter();

  addRow(rowNumber: number, values: readonly ExcelJS.CellValue[]): void {
    this.limits.countRowRead();
    // values[0] is unused: exceljs numbers columns from 1.
    if (values.length - 1 > TABLE_LIMITS.maxColumns) throw tooManyColumns(rowNumber);
    const cells: TypedCell[] = [];
    for (let col = 1; col < values.length; col++) {
      const cell = typedCell(values[col]);
      if (typeof cell === 'string') this.limits.checkCell(rowNumber, col, cell);
      cells.push(cell);
    }
    if (!cells.some((cell) => cell !== null && cell !== '')) return;
    this.limits.countDataRow(!this.hasHeader);
    if (!this.hasHeader) {
      this.table.headers = cells.map((cell) => (cell === null ? '' : String(cell).trim()));
      this.hasHeader = true;
    } else this.table.rows.push({ rowNumber, cells });
  }

  isDataSheet(accepts: (headers: string[]) => boolean): boolean {
    return this.hasHeader && accepts(this.table.headers);
  }
}

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * Streams an XLSX whatever its size: memory follows one row, not the file. The zip is walked here, by
 * part name, instead of by exceljs's own zip walk: that one has a race (exceljs issue #3064, a good
 * file failing now and then), copies sheets that come before the shared strings into temporary files,
 * and cannot be held to the limits. exceljs still parses each part (styles for date cells, shared
 * strings, rows). The zip's declared sizes are checked before anything is inflated (openXlsxZip), and
 * the first row or cell past TABLE_LIMITS stops the read.
 */
async function readXlsx(content: Buffer, isDataSheet: (headers: string[]) => boolean): Promise<TypedTable> {
  const zip = await openXlsxZip(content);
  try {
    const reader = new (await loadExcelJs()).stream.xlsx.WorkbookReader(Readable.from([]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    const internals = reader as unknown as ReaderInternals;
    if (zip.has('xl/_rels/workbook.xml.rels'))
      await internals._parseRels(await zip.open('xl/_rels/workbook.xml.rels'));
    if (zip.has('xl/workbook.xml')) await internals._parseWorkbook(await zip.open('xl/workbook.xml'));
    if (zip.has('xl/styles.xml')) await internals._parseStyles(await zip.open('xl/styles.xml'));
    if (zip.has('xl/sharedStrings.xml')) {
      // exceljs decodes each chunk on its own, so a Vietnamese letter split across two chunks came out
      // as "��": the text is decoded here with a streaming decoder instead.
      const entry = Readable.from(decodeUtf8(await zip.open('xl/sharedStrings.xml')));
      for await (const _ of internals._parseSharedStrings(entry)) void _;
    }
    let first: TypedTable | null = null;
    for (const name of zip.names(WORKSHEET)) {
      const sheetNo = WORKSHEET.exec(name)![1]!;
      const builder = new TypedTableBuilder();
      for (const event of internals._parseWorksheet(decodeUtf8(await zip.open(name)), sheetNo)) {
        for await (const row of event.value) builder.addRow(row.number, row.values as ExcelJS.CellValue[]);
      }
      if (builder.isDataSheet(isDataSheet)) return builder.table;
      first ??= builder.table;
    }
    return first ?? { headers: [], rows: [] };
  } catch (error) {
    throwXlsxReadError(error);
  } finally {
    zip.close();
  }
}

/**
 * What reading an XLSX's parts failed with, as the user is told it: our own refusals as they are; a
 * part yauzl stopped for inflating past its declared size (a zip bomb lying about its sizes); else an
 * unreadable file.
 */
export function throwXlsxReadError(error: unknown): never {
  if (error instanceof AppError) throw error;
  if (error instanceof Error && /too many bytes in the stream/.test(error.message))
    throw fileTooLargeUnpacked('kích thước khai báo trong tệp không đúng');
  throw unreadableXlsx();
}

function typedCell(value: ExcelJS.CellValue | undefined): TypedCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return typedCell(value.result as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('hyperlink' in value && typeof value.hyperlink === 'string') return value.hyperlink;
  if ('error' in value) return null;
  return null;
}

/** The parts of exceljs's streaming reader that parse one zip part each (not in its types). */
interface ReaderInternals {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseWorksheet(
    iterator: AsyncIterable<Buffer | string>,
    sheetNo: string,
  ): Iterable<{ eventType: 'worksheet'; value: AsyncIterable<ExcelJS.Row> }>;
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
