/**
 * Dates as Vietnamese web pages write them, read in Asia/Ho_Chi_Minh (UTC+7 all year, no DST).
 *
 * chrono-node has a Vietnamese locale (`chrono.vi`) which already reads "12/03/2024 08:15",
 * "08:15 12/03/2024", "Thứ Ba, 12/03/2024", "12-3-2024", "12.03.2024", "ngày 12 tháng 3 năm 2024",
 * "hôm qua", "2 giờ trước", ISO strings, and refuses impossible days (31/02). What it does not do, and
 * the parsers below add through chrono's own parser/refiner extension points:
 *  - text typed without diacritics ("hom qua", "2 gio truoc", "ngay 12 thang 3 nam 2024");
 *  - "12 tháng 03, 2024" (the year after a comma; chrono stops at "12 tháng 03" and guesses the year);
 *  - hours written "8h15", "08g15", "8 giờ 15" before or after the day, and a time and a day joined by
 *    "ngày" / "|" ("lúc 14:20 ngày 12/03/2024"), which its date-time merger does not join;
 *  - RFC 822 dates of feeds ("Tue, 12 Mar 2024 01:15:00 GMT") need English month names: they are
 *    read by `chrono.en.GB` (day before month, like Vietnamese) when the Vietnamese reader finds none;
 *  - an admin's explicit format ("dd/MM/yyyy HH:mm"): chrono has no format-driven mode, so
 *    `parseWithFormat` compiles the few Unicode date tokens to one regular expression.
 * A day without an hour is taken as midnight in Vietnam (chrono would imply noon), so that a post of
 * "12/03/2024" counts on the 12th whatever the server's own time zone.
 */

import type { ParsedResult, Parser, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import * as chrono from 'chrono-node';
import { isSaneYear } from '../../../shared/safe-input';

/** Minutes east of UTC of Asia/Ho_Chi_Minh. */
export const VIETNAM_OFFSET_MINUTES = 420;
const OFFSET_MS = VIETNAM_OFFSET_MINUTES * 60_000;
/** Dates are looked for in the first characters only: a date is short, a page is not. */
const MAX_INPUT = 400;

/** The UTC instant of a wall-clock time in Vietnam, or null when the day does not exist. */
export function vietnamTime(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date | null {
  if (!isSaneYear(year) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return new Date(utc - OFFSET_MS);
}

/** A parser whose pattern is fixed; the left boundary keeps "112 tháng" from matching "12 tháng". */
function parser(pattern: RegExp, extract: Parser['extract']): Parser {
  const bounded = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern.source})(?![\\p{L}\\p{N}])`, 'iu');
  return { pattern: () => bounded, extract };
}

const UNIT_WORDS: Record<string, 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'> = {
  giay: 'second',
  phut: 'minute',
  gio: 'hour',
  ngay: 'day',
  tuan: 'week',
  thang: 'month',
  nam: 'year',
};

/** "giờ" → "gio": the unit words compared without marks. */
function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** "2 gio truoc", "30 phut truoc" (also with marks; chrono's own result wins an overlap). */
const agoParser = parser(
  /(\d{1,4})\s*(giây|giay|phút|phut|giờ|gio|ngày|ngay|tuần|tuan|tháng|thang|năm|nam)\s*(?:trước|truoc)/,
  (context: ParsingContext, match: RegExpMatchArray) => {
    const amount = Number(match[1]);
    const unit = UNIT_WORDS[fold(match[2] ?? '')];
    if (!unit || !Number.isFinite(amount)) return null;
    return chrono.ParsingComponents.createRelativeFromReference(context.reference, { [unit]: -amount });
  },
);

/** "hom qua", "hom nay", "hom kia" without marks. */
const casualDayParser = parser(/h[oô]m\s+(nay|qua|kia)/, (context, match) => {
  const back = { nay: 0, qua: 1, kia: 2 }[(match[1] ?? '').toLowerCase() as 'nay' | 'qua' | 'kia'];
  return chrono.ParsingComponents.createRelativeFromReference(context.reference, { day: -back });
});

/** "ngày 12 tháng 3 năm 2024", "12 tháng 03, 2024", "ngay 12 thang 3 nam 2024". */
const dayMonthYearParser = parser(
  /(?:ng[aà]y\s*)?(\d{1,2})\s*th[aá]ng\s*(\d{1,2})\s*(?:,|n[aă]m|,\s*n[aă]m)\s*(\d{4})/,
  (_context, match) => {
    const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!vietnamTime(year, month, day)) return null;
    return { day, month, year };
  },
);

/** "8h15", "08g15", "8 giờ 15 phút", "8 gio" — an hour, to be merged with a day next to it. */
const hourParser = parser(
  /(?:lúc|luc|vào lúc|vao luc)?\s*(\d{1,2})\s*(?:h|g|giờ|gio)\s*(\d{1,2})?\s*(?:phút|phut|p|')?/,
  (_context, match) => {
    const hour = Number(match[1]);
    const minute = match[2] ? Number(match[2]) : 0;
    if (hour > 23 || minute > 59) return null;
    return { hour, minute };
  },
);

/** Text allowed between a day and an hour that belong together. */
const BETWEEN_DAY_AND_HOUR = /^\s*(?:[,|\-–]|lúc|luc|vào|vao|ngày|ngay|,\s*(?:ngày|ngay)|\|\s*)?\s*$/i;

/**
 * Joins an hour-only result with the day-only result right before or after it ("lúc 14:20 ngày
 * 12/03/2024", "12/03/2024 | 8h15"), as chrono's merger does for the gaps it knows.
 */
const mergeDayAndHour: Refiner = {
  refine: (context, results) => {
    for (const result of results) takeHourFromRange(result);
    const out = [...results].sort((a, b) => a.index - b.index);
    for (let i = 0; i + 1 < out.length; i++) {
      const a = out[i]!;
      const b = out[i + 1]!;
      const between = context.text.slice(a.index + a.text.length, b.index);
      if (!BETWEEN_DAY_AND_HOUR.test(between)) continue;
      const [dayPart, hourPart] = a.start.isOnlyTime() ? [b, a] : [a, b];
      if (!dayPart.start.isCertain('day') || dayPart.start.isCertain('hour')) continue;
      if (!hourPart.start.isOnlyTime() || !hourPart.start.isCertain('hour')) continue;
      dayPart.start.assign('hour', hourPart.start.get('hour') ?? 0);
      dayPart.start.assign('minute', hourPart.start.get('minute') ?? 0);
      if (hourPart.start.isCertain('meridiem'))
        dayPart.start.assign('meridiem', hourPart.start.get('meridiem') ?? 0);
      dayPart.index = a.index;
      dayPart.text = context.text.slice(a.index, b.index + b.text.length);
      out.splice(i, 2, dayPart);
      i--;
    }
    return out;
  },
};

/**
 * chrono's Vietnamese range merger reads "12/03/2024 - 08:15" as a range from a day to an hour; a
 * publication line means the day at that hour.
 */
function takeHourFromRange(result: ParsingResult): void {
  const end = result.end;
  if (!end?.isOnlyTime() || !end.isCertain('hour') || result.start.isCertain('hour')) return;
  if (!result.start.isCertain('day')) return;
  result.start.assign('hour', end.get('hour') ?? 0);
  result.start.assign('minute', end.get('minute') ?? 0);
  result.end = undefined;
}

function buildVietnameseChrono(): chrono.Chrono {
  const reader = chrono.vi.casual.clone();
  reader.parsers.push(agoParser, casualDayParser, dayMonthYearParser, hourParser);
  // After chrono's overlap removal and mergers, before nothing: it only joins what is left apart.
  reader.refiners.push(mergeDayAndHour);
  return reader;
}

const vietnamese = buildVietnameseChrono();
const english = chrono.en.GB;

/** The first result that names a day (a relative one counts), as an instant. */
function toInstant(result: ParsedResult): Date | null {
  const start = result.start;
  if (!start.isCertain('day') || !start.isCertain('month')) return null;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null) return null;
  if (!start.isCertain('hour')) return vietnamTime(year, month, day);
  const instant = start.date();
  if (Number.isNaN(instant.getTime())) return null;
  if (!vietnamTime(year, month, day)) return null;
  return instant;
}

function firstDate(results: ParsedResult[]): Date | null {
  for (const result of results) {
    const instant = toInstant(result);
    if (instant) return instant;
  }
  return null;
}

const TOKEN = /yyyy|yy|MM|M|dd|d|DD|D|YYYY|YY|HH|H|hh|h|mm|m|ss|s|a/g;
const TOKEN_PATTERNS: Record<string, { group: string; pattern: string }> = {
  yyyy: { group: 'year', pattern: '\\d{4}' },
  YYYY: { group: 'year', pattern: '\\d{4}' },
  yy: { group: 'year2', pattern: '\\d{2}' },
  YY: { group: 'year2', pattern: '\\d{2}' },
  MM: { group: 'month', pattern: '\\d{2}' },
  M: { group: 'month', pattern: '\\d{1,2}' },
  dd: { group: 'day', pattern: '\\d{2}' },
  DD: { group: 'day', pattern: '\\d{2}' },
  d: { group: 'day', pattern: '\\d{1,2}' },
  D: { group: 'day', pattern: '\\d{1,2}' },
  HH: { group: 'hour', pattern: '\\d{2}' },
  H: { group: 'hour', pattern: '\\d{1,2}' },
  hh: { group: 'hour', pattern: '\\d{2}' },
  h: { group: 'hour', pattern: '\\d{1,2}' },
  mm: { group: 'minute', pattern: '\\d{2}' },
  m: { group: 'minute', pattern: '\\d{1,2}' },
  ss: { group: 'second', pattern: '\\d{2}' },
  s: { group: 'second', pattern: '\\d{1,2}' },
  a: { group: 'meridiem', pattern: '[AaPp][Mm]' },
};

const formatCache = new Map<string, RegExp | null>();

/** "dd/MM/yyyy HH:mm" → a regular expression with named groups; null for a format with no day. */
function compileFormat(format: string): RegExp | null {
  const cached = formatCache.get(format);
  if (cached !== undefined) return cached;
  let source = '';
  let last = 0;
  const seen = new Set<string>();
  for (const match of format.slice(0, 64).matchAll(TOKEN)) {
    const literal = format.slice(last, match.index);
    source += literal
      .replace(/\s+/g, ' ')
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/ /g, '\\s*');
    const token = TOKEN_PATTERNS[match[0]]!;
    source += seen.has(token.group) ? `(?:${token.pattern})` : `(?<${token.group}>${token.pattern})`;
    seen.add(token.group);
    last = (match.index ?? 0) + match[0].length;
  }
  source += format.slice(last, 64).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const compiled = seen.has('day') && seen.has('month') ? new RegExp(`(?<!\\d)${source}(?!\\d)`) : null;
  if (formatCache.size > 100) formatCache.clear();
  formatCache.set(format, compiled);
  return compiled;
}

/** Reads `text` with an admin's format; null when the format does not match or the day does not exist. */
export function parseWithFormat(text: string, format: string, now: Date): Date | null {
  const pattern = compileFormat(format);
  const groups = pattern?.exec(text)?.groups;
  if (!groups) return null;
  const year = groups.year
    ? Number(groups.year)
    : groups.year2
      ? 2000 + Number(groups.year2)
      : Number(new Date(now.getTime() + OFFSET_MS).getUTCFullYear());
  let hour = groups.hour ? Number(groups.hour) : 0;
  if (groups.meridiem && /p/i.test(groups.meridiem) && hour < 12) hour += 12;
  if (groups.meridiem && /a/i.test(groups.meridiem) && hour === 12) hour = 0;
  return vietnamTime(
    year,
    Number(groups.month),
    Number(groups.day),
    hour,
    groups.minute ? Number(groups.minute) : 0,
    groups.second ? Number(groups.second) : 0,
  );
}

/**
 * The first date in `text` as Vietnamese pages and feeds write it (day before month, always),
 * relative phrases counted from `now`, read in Vietnam time; null when there is none or the day
 * does not exist. `format` (an admin's override, "dd/MM/yyyy HH:mm") is tried first.
 */
export function parseVietnameseDate(text: string, now: Date, format?: string | null): Date | null {
  if (!text || Number.isNaN(now.getTime())) return null;
  const input = text.slice(0, MAX_INPUT).normalize('NFC').replace(/\s+/g, ' ');
  if (format?.trim()) {
    const formatted = parseWithFormat(input, format.trim(), now);
    if (formatted) return formatted;
  }
  const reference = { instant: now, timezone: VIETNAM_OFFSET_MINUTES };
  const found = firstDate(vietnamese.parse(input, reference, { forwardDate: false }));
  if (found) return found;
  if (/[a-z]{3}/i.test(input)) return firstDate(english.parse(input, reference, { forwardDate: false }));
  return null;
}
