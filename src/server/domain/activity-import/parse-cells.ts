import { isRealDay, parseVnDate } from '../../../shared/dates';
import { normalizeText } from '../../../shared/text';
import type { TypedCell } from '../../spreadsheets/read-table';

/** A cell read as what a column expects, or the Vietnamese reason it cannot be. */
export type Parsed<T> = { value: T } | { error: string };

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system (it counts a 29/02/1900 that never was, hence the 30th). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * Text of a cell, NFC and trimmed. A leading apostrophe before = + - @ is dropped: exports add it so
 * that spreadsheet programs do not run a title as a formula.
 */
export function cellText(cell: TypedCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = normalizeText(String(cell));
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

export function isBlank(cell: TypedCell): boolean {
  return cellText(cell) === '';
}

function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

function utcTime(instant: Date): string {
  const minutes = Math.round((((instant.getTime() % DAY_MS) + DAY_MS) % DAY_MS) / 60_000) % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * A day from a cell: dd/MM/yyyy or d/M/yyyy text, yyyy-MM-dd text, or an Excel date cell. Excel date
 * cells arrive as UTC midnight of the day shown, so the UTC fields are read, never the local ones (in
 * UTC+7 a local reading is still the same day, but a UTC-n server would step back a day). A date cell
 * or text carrying a time of day returns it too.
 */
export function parseDayCell(cell: TypedCell): Parsed<{ day: string; time: string | null }> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime()) || cell.getUTCFullYear() < 1901)
      return { error: 'Ô ngày không chứa ngày hợp lệ.' };
    const time = utcTime(cell);
    return { value: { day: utcDay(cell), time: time === '00:00' ? null : time } };
  }
  if (typeof cell === 'number') {
    // A date typed into a cell formatted as a number: Excel's serial day count.
    if (cell < 367 || cell > 73_051) return { error: `"${cell}" không phải ngày; ghi theo dạng dd/MM/yyyy.` };
    return parseDayCell(new Date(EXCEL_EPOCH_MS + Math.round(cell * 1440) * 60_000));
  }
  const text = cellText(cell);
  if (!text) return { error: 'Thiếu ngày.' };
  const match = /^(\S+)(?:\s+(\d{1,2}:\d{2}(?::\d{2})?))?$/.exec(text);
  const datePart = match?.[1] ?? text;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(datePart)
    ? isRealDay(datePart)
      ? datePart
      : null
    : parseVnDate(datePart);
  if (!day) return { error: `Ngày "${text}" không hợp lệ; ghi theo dạng dd/MM/yyyy (ví dụ 05/03/2025).` };
  const timeText = match?.[2];
  if (!timeText) return { value: { day, time: null } };
  const time = parseTimeCell(timeText);
  return 'error' in time ? time : { value: { day, time: time.value } };
}

/** "HH:mm" (also "8:30", "8h30", "08:30:00", "17:00–17:15") or an Excel time cell → "HH:mm". */
export function parseTimeCell(cell: TypedCell): Parsed<string> {
  if (cell instanceof Date) return { value: utcTime(cell) };
  if (typeof cell === 'number') {
    if (cell < 0) return { error: `Giờ "${cell}" không hợp lệ; ghi theo dạng HH:mm.` };
    // A fraction of a day (or a date serial with a time part).
    const minutes = Math.min(Math.round((cell % 1) * 1440), 1439);
    return {
      value: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
    };
  }
  const text = cellText(cell);
  const match = /^(\d{1,2})\s*[:hg]\s*(\d{2})?(?::\d{2})?(?:\s*[-–]\s*.*)?$/i.exec(text);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2] ?? 0);
  if (!match || hours > 23 || minutes > 59)
    return { error: `Giờ "${text}" không hợp lệ; ghi theo dạng HH:mm (ví dụ 08:30).` };
  return { value: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
}

/** Minutes, possibly with a decimal comma ("2,5") → whole seconds. */
export function parseDurationCell(cell: TypedCell): Parsed<number> {
  const text =
    typeof cell === 'number'
      ? String(cell)
      : cellText(cell)
          .replace(/\s*(phút|phut|p)\.?$/i, '')
          .replace(',', '.');
  const minutes = Number(text);
  if (!text || !Number.isFinite(minutes))
    return { error: `Thời lượng "${cellText(cell)}" không phải số phút.` };
  const seconds = Math.round(minutes * 60);
  if (seconds < 1 || seconds > 24 * 3600)
    return { error: 'Thời lượng phải lớn hơn 0 và không quá 1.440 phút.' };
  return { value: seconds };
}

export function parseUrlCell(cell: TypedCell): Parsed<string> {
  const text = cellText(cell);
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return { value: text };
  } catch {
    // Reported below, with the text as written.
  }
  return { error: `Đường dẫn "${text.slice(0, 80)}" không hợp lệ; phải bắt đầu bằng http:// hoặc https://.` };
}
