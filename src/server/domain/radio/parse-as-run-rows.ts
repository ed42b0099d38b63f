import { BROADCAST_SOURCES } from '../../../shared/activities';
import { vnInstant } from '../../../shared/dates';
import type { ErrorDetail } from '../../../shared/errors';
import type { TypedCell, TypedTable } from '../../spreadsheets/read-table';
import { cellText, isBlank, parseDayCell } from '../activity-import/parse-cells';
import { type CodeList, matchSource } from '../activity-import/vocabulary';
import { AS_RUN_COLUMNS, type AsRunColumn, durationUnitOf, mapAsRunHeaders } from './as-run-columns';
import type { AsRunEntry } from './as-run-entry';
import { parseAiredAt } from './parse-aired-at';

type Source = (typeof BROADCAST_SOURCES)[number];

export interface ParsedAsRunFile {
  entries: AsRunEntry[];
  errors: ErrorDetail[];
  /** The header a column has in this file (or the template's when the file lacks it), for messages. */
  headerOf(key: AsRunColumn): string;
}

const MAX_DURATION = 24 * 3600;

/**
 * Reads every row of an as-run file into an airing, collecting every problem with its row and the
 * column as the file names it, so a person can fix the whole file at once.
 */
export function parseAsRunRows(
  table: TypedTable,
  context: { stationCode: string; languages: CodeList },
): ParsedAsRunFile {
  const positions = mapAsRunHeaders(table.headers);
  const headerOf = (key: AsRunColumn) => {
    const index = positions.get(key);
    return index === undefined ? AS_RUN_COLUMNS.find((c) => c.key === key)!.header : table.headers[index]!;
  };
  const errors: ErrorDetail[] = AS_RUN_COLUMNS.filter((c) => c.isRequired && !positions.has(c.key)).map(
    (c) => ({
      row: 1,
      column: c.header,
      message: `Thiếu cột "${c.header}" ở dòng tiêu đề.`,
    }),
  );
  if (errors.length) return { entries: [], errors, headerOf };
  if (table.rows.length === 0)
    return { entries: [], errors: [{ row: 2, message: 'Tệp không có dòng dữ liệu nào.' }], headerOf };
  const durationUnit = durationUnitOf(headerOf('duration'));

  const entries: AsRunEntry[] = [];
  for (const { rowNumber, cells } of table.rows) {
    const rowErrors: ErrorDetail[] = [];
    const fail = (key: AsRunColumn, message: string) =>
      rowErrors.push({ row: rowNumber, column: headerOf(key), message });
    const cell = (key: AsRunColumn): TypedCell => {
      const index = positions.get(key);
      return index === undefined ? null : (cells[index] ?? null);
    };
    const text = (key: AsRunColumn) => cellText(cell(key));

    const externalId = text('externalId');
    if (!externalId) fail('externalId', 'Thiếu mã lượt phát.');
    else if (externalId.length > 200) fail('externalId', 'Mã dài quá 200 ký tự.');

    const stationCode = text('stationCode');
    if (stationCode && stationCode.toUpperCase() !== context.stationCode)
      fail('stationCode', `Mã trạm "${stationCode}" không phải trạm ${context.stationCode} đang nhập.`);

    const airedAt = readAiredAt(cell('airedAt'));
    if ('error' in airedAt) fail('airedAt', airedAt.error);

    const duration = readDuration(cell('duration'), durationUnit);
    if ('error' in duration) fail('duration', duration.error);

    const title = text('title');
    if (!title) fail('title', 'Thiếu tiêu đề.');
    else if (title.length > 1000) fail('title', 'Tiêu đề dài quá 1.000 ký tự.');

    const programme = text('programme') || null;
    if (programme && programme.length > 300) fail('programme', 'Tên chương trình dài quá 300 ký tự.');

    let source: Source | null = null;
    const sourceText = text('source');
    if (sourceText) {
      source = matchSource(sourceText) ?? matchSourceCode(sourceText);
      if (!source)
        fail(
          'source',
          `Nguồn "${sourceText}" không hợp lệ (Tự sản xuất, Hệ thống thông tin nguồn tỉnh, Tiếp sóng).`,
        );
    }

    let language: string | null = null;
    const languageText = text('language');
    if (languageText) {
      language = context.languages.match(languageText);
      if (!language) fail('language', `Ngôn ngữ "${languageText}" không có trong danh mục.`);
    }

    errors.push(...rowErrors);
    if (rowErrors.length || 'error' in airedAt || 'error' in duration) continue;
    entries.push({
      position: rowNumber,
      externalId,
      airedAt: airedAt.value,
      durationSeconds: duration.value,
      title,
      programme,
      source,
      language,
      topics: [],
    });
  }
  return { entries, errors, headerOf };
}

/** The push's codes (own, province_source, relay), read from the one list of sources. */
function matchSourceCode(text: string): Source | null {
  const code = text.trim().toLowerCase();
  return BROADCAST_SOURCES.find((source) => source === code) ?? null;
}

/**
 * ISO with or without an offset (as in a push), dd/MM/yyyy HH:mm, or an Excel date-time cell (its
 * UTC fields are the wall clock shown, read as Vietnam time). The time of day is required: an as-run
 * log says when.
 */
function readAiredAt(cell: TypedCell): { value: Date } | { error: string } {
  if (isBlank(cell)) return { error: 'Thiếu thời điểm phát.' };
  const text = cellText(cell);
  if (typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}[T ]/.test(text)) {
    const parsed = parseAiredAt(text);
    return 'error' in parsed ? parsed : { value: parsed.instant };
  }
  const parsed = parseDayCell(cell);
  if ('error' in parsed)
    return {
      error: `Thời điểm phát "${text}" không hợp lệ; ghi dạng dd/MM/yyyy HH:mm (ví dụ 10/09/2025 17:00).`,
    };
  if (!parsed.value.time)
    return { error: `Thiếu giờ phát trong "${text}"; ghi dạng dd/MM/yyyy HH:mm (ví dụ 10/09/2025 17:00).` };
  return { value: vnInstant(parsed.value.day, parsed.value.time) };
}

/** Seconds ("330"), minutes when the header says so, "m:ss" / "h:mm:ss", or an Excel time cell. */
function readDuration(cell: TypedCell, unit: 'seconds' | 'minutes'): { value: number } | { error: string } {
  if (isBlank(cell)) return { error: 'Thiếu thời lượng.' };
  let seconds: number;
  if (cell instanceof Date) {
    // An Excel time cell: 00:05:30 arrives as 1899-12-30T00:05:30Z.
    seconds = Math.round((((cell.getTime() % 86_400_000) + 86_400_000) % 86_400_000) / 1000);
  } else {
    const text = cellText(cell).replace(',', '.');
    const clock = /^(?:(\d{1,2}):)?(\d{1,3}):(\d{2})$/.exec(text);
    if (clock) {
      const [, h, m, s] = clock;
      if (Number(s) > 59 || (h !== undefined && Number(m) > 59))
        return { error: `Thời lượng "${text}" không hợp lệ; ghi số giây hoặc phút:giây (ví dụ 5:30).` };
      seconds = Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
    } else {
      const amount = Number(text);
      if (!text || !Number.isFinite(amount))
        return { error: `Thời lượng "${text}" không hợp lệ; ghi số giây hoặc phút:giây (ví dụ 5:30).` };
      seconds = Math.round(unit === 'minutes' ? amount * 60 : amount);
    }
  }
  if (seconds < 1 || seconds > MAX_DURATION)
    return { error: 'Thời lượng phải lớn hơn 0 và không quá 24 giờ.' };
  return { value: seconds };
}
