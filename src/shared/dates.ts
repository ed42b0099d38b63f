/**
 * Calendar helpers in Vietnamese time (UTC+7, no daylight saving) and ISO weeks (Monday first).
 * Days are 'yyyy-MM-dd' strings; arithmetic is done on UTC dates so it never shifts a day.
 */

export const VN_OFFSET_MS = 7 * 3600_000;

export function dayOf(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

export function todayVn(now: Date = new Date()): string {
  return dayOf(now);
}

function toUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  const d = toUtc(day);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO 8601 week: the year it belongs to (may differ from the calendar year at the edges) and its number. */
export function isoWeekOf(day: string): { year: number; week: number } {
  const d = toUtc(day);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstWeekday = (firstThursday.getUTCDay() + 6) % 7;
  firstThursday.setUTCDate(firstThursday.getUTCDate() - firstWeekday + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return { year, week };
}

/** The Monday of the ISO week holding the day. */
export function mondayOf(day: string): string {
  const weekday = (toUtc(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Number of ISO weeks in an ISO year: 52 or 53. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`).week;
}

/** dd/MM/yyyy → yyyy-MM-dd, or null when it is not a real calendar day. */
export function parseVnDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [, d, m, y] = match;
  const day = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return isRealDay(day) ? day : null;
}

export function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = toUtc(day);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

export function formatVnDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** A local day and "HH:mm" in Vietnam → the instant. */
export function vnInstant(day: string, time = '00:00'): Date {
  return new Date(`${day}T${time.length === 5 ? `${time}:00` : time}+07:00`);
}

/** The first and last day of a month given as 'yyyy-MM' or any day in it. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = `${y}-${String(m).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { first, last };
}
