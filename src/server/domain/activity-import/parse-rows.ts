import { ACTIVITY_KIND_LABELS, type BroadcastSource, type Genre } from '../../../shared/activities';
import type { ActivityFileKind } from '../../../shared/api/activity-files';
import type { ErrorDetail } from '../../../shared/errors';
import type { TypedTable } from '../../spreadsheets/read-table';
import { type ColumnKey, type ColumnSpec, importColumns, mapHeaders } from './columns';
import {
  cellText,
  isBlank,
  parseDayCell,
  parseDurationCell,
  parseTimeCell,
  parseUrlCell,
} from './parse-cells';
import { matchGenre, matchKind, matchSource } from './vocabulary';

/** One data row as read from the file, before anything is looked up in the database. */
export interface ParsedRow {
  rowNumber: number;
  unitRef: string;
  channelName: string;
  day: string | null;
  time: string | null;
  title: string;
  url: string | null;
  genre: Genre | null;
  topicsText: string;
  languageText: string;
  author: string | null;
  durationSeconds: number | null;
  source: BroadcastSource | null;
  errors: ErrorDetail[];
}

export interface ParsedFile {
  rows: ParsedRow[];
  /** The header a column has in this file (or in the template when the file lacks it), for messages. */
  headerOf(key: ColumnKey): string;
}

/**
 * Reads every row's cells as the column expects, collecting every problem with its row and column
 * (the header as the file writes it), so a person can fix the whole file at once.
 */
export function parseRows(
  table: TypedTable,
  kind: ActivityFileKind,
): { file: ParsedFile; fileErrors: ErrorDetail[] } {
  const columns = importColumns(kind);
  const headers = table.headers;
  const positions = mapHeaders(headers, columns);
  const spec = (key: ColumnKey) => columns.find((column) => column.key === key)!;
  const headerOf = (key: ColumnKey) => {
    const index = positions.get(key);
    return index === undefined ? spec(key).header : headers[index]!;
  };
  const fileErrors: ErrorDetail[] = columns
    .filter((column: ColumnSpec) => column.isRequired && !positions.has(column.key))
    .map((column) => ({
      row: 1,
      column: column.header,
      message: `Thiếu cột "${column.header}" ở dòng tiêu đề.`,
    }));
  if (fileErrors.length === 0 && table.rows.length === 0)
    fileErrors.push({ row: 2, message: 'Tệp không có dòng dữ liệu nào.' });

  const rows = table.rows.map(({ rowNumber, cells }): ParsedRow => {
    const errors: ErrorDetail[] = [];
    const fail = (key: ColumnKey, message: string) =>
      errors.push({ row: rowNumber, column: headerOf(key), message });
    const cell = (key: ColumnKey) => {
      const index = positions.get(key);
      return index === undefined ? null : (cells[index] ?? null);
    };
    const text = (key: ColumnKey) => cellText(cell(key));

    const kindText = text('kind');
    if (kindText) {
      const rowKind = matchKind(kindText);
      if (rowKind !== kind) {
        fail(
          'kind',
          rowKind
            ? `Dòng này là ${ACTIVITY_KIND_LABELS[rowKind].vi.toLowerCase()}; tệp đang được nhập là ${ACTIVITY_KIND_LABELS[kind].vi.toLowerCase()}.`
            : `Loại "${kindText}" không hợp lệ.`,
        );
      }
    }

    const unitRef = text('unit');
    if (!unitRef) fail('unit', 'Thiếu mã đơn vị.');

    let day: string | null = null;
    let time: string | null = null;
    const parsedDay = parseDayCell(cell('date'));
    if ('error' in parsedDay) fail('date', parsedDay.error);
    else ({ day, time } = parsedDay.value);
    if (!isBlank(cell('time'))) {
      const parsedTime = parseTimeCell(cell('time'));
      if ('error' in parsedTime) fail('time', parsedTime.error);
      else time = parsedTime.value;
    }

    const title = text('title');
    if (!title) fail('title', 'Thiếu tiêu đề.');
    else if (title.length > 1000) fail('title', 'Tiêu đề dài quá 1.000 ký tự.');

    let url: string | null = null;
    if (!isBlank(cell('url'))) {
      const parsedUrl = parseUrlCell(cell('url'));
      if ('error' in parsedUrl) fail('url', parsedUrl.error);
      else url = parsedUrl.value;
    }

    let genre: Genre | null = null;
    const genreText = text('genre');
    if (genreText) {
      genre = matchGenre(genreText);
      if (!genre)
        fail('genre', `Thể loại "${genreText}" không có trong danh mục (chọn trong danh sách của mẫu).`);
    }

    let durationSeconds: number | null = null;
    if (kind === 'broadcast') {
      if (isBlank(cell('duration'))) fail('duration', 'Thiếu thời lượng (số phút).');
      else {
        const parsedDuration = parseDurationCell(cell('duration'));
        if ('error' in parsedDuration) fail('duration', parsedDuration.error);
        else durationSeconds = parsedDuration.value;
      }
    }

    let source: BroadcastSource | null = null;
    const sourceText = text('source');
    if (kind === 'broadcast' && sourceText) {
      source = matchSource(sourceText);
      if (!source)
        fail(
          'source',
          `Nguồn "${sourceText}" không hợp lệ (Tự sản xuất, Hệ thống thông tin nguồn tỉnh, Tiếp sóng).`,
        );
    }

    const author = kind === 'post' ? text('author') || null : null;
    if (author && author.length > 300) fail('author', 'Tên tác giả dài quá 300 ký tự.');

    return {
      rowNumber,
      unitRef,
      channelName: text('channel'),
      day,
      time,
      title,
      url,
      genre,
      // Several topics may sit on separate lines of one cell (Alt+Enter).
      topicsText: cellText(
        typeof cell('topics') === 'string'
          ? (cell('topics') as string).replace(/\r?\n/g, ';')
          : cell('topics'),
      ),
      languageText: text('language'),
      author,
      durationSeconds,
      source,
      errors,
    };
  });
  return { file: { rows, headerOf }, fileErrors };
}
