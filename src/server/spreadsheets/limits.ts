import { AppError, validationError } from '../errors';

/**
 * What one imported spreadsheet may hold. An XLSX is a zip: 2 MB on disk can expand to gigabytes, so
 * its declared sizes are checked before anything is inflated, the real sizes while it is, and rows and
 * cells while it is read; the first breach stops the read.
 */
export const TABLE_LIMITS = {
  /** Data rows of one import (the header row not counted). */
  maxRows: 100_000,
  /** Rows the reader walks through, empty ones included: a sheet of blank rows is work too. */
  maxRowsRead: 200_000,
  /** Characters in one cell (a title is at most 1,000, a URL 2,048). */
  maxCellChars: 5_000,
  /** Columns of one row: the templates have about a dozen. */
  maxColumns: 100,
  /** Files inside the zip: an XLSX from Excel or LibreOffice has about ten. */
  maxZipEntries: 500,
  /** The zip's parts together, uncompressed: 100,000 rows of records take about 70 MB. */
  maxUncompressedBytes: 120 * 1024 * 1024,
  /** Uncompressed to compressed size of one part; XML of real sheets compresses 5–40 times. */
  maxCompressionRatio: 100,
  /** Parts smaller than this are not held to the ratio (tiny XML compresses very well). */
  ratioCheckFromBytes: 1024 * 1024,
} as const;

/** 100000 → "100.000", the way Vietnamese writes numbers. */
export function formatCount(value: number): string {
  return new Intl.NumberFormat('vi-VN').format(value);
}

export function fileTooLargeUnpacked(reason: string): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `Tệp XLSX quá lớn khi giải nén (${reason}); không có gì được nhập.`,
    [
      {
        field: 'file',
        message: `Tối đa ${Math.round(TABLE_LIMITS.maxUncompressedBytes / (1024 * 1024))} MB sau khi giải nén và ${formatCount(TABLE_LIMITS.maxRows)} dòng; hãy chia thành nhiều tệp nhỏ hơn.`,
      },
    ],
  );
}

export function tooManyRows(): AppError {
  return validationError(
    `Tệp có hơn ${formatCount(TABLE_LIMITS.maxRows)} dòng dữ liệu; hãy chia thành nhiều tệp. Không có gì được nhập.`,
    [{ field: 'file', message: `Tối đa ${formatCount(TABLE_LIMITS.maxRows)} dòng mỗi tệp.` }],
  );
}

export function cellTooLong(row: number, column: number): AppError {
  return validationError(
    `Dòng ${row}, cột ${column}: ô dài hơn ${formatCount(TABLE_LIMITS.maxCellChars)} ký tự. Không có gì được nhập.`,
    [
      {
        row,
        column: String(column),
        message: `Ô dài hơn ${formatCount(TABLE_LIMITS.maxCellChars)} ký tự.`,
      },
    ],
  );
}

export function tooManyColumns(row: number): AppError {
  return validationError(
    `Dòng ${row} có hơn ${TABLE_LIMITS.maxColumns} cột; tệp không đúng mẫu. Không có gì được nhập.`,
    [{ row, message: `Tối đa ${TABLE_LIMITS.maxColumns} cột.` }],
  );
}

export function unreadableXlsx(): AppError {
  return validationError('Không đọc được tệp XLSX.', [
    { field: 'file', message: 'Tệp hỏng hoặc không phải XLSX.' },
  ]);
}
