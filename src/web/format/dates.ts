import dayjs, { type Dayjs } from 'dayjs';

/** How every calendar day is shown and typed: dd/MM/yyyy. */
export const DAY_FORMAT = 'DD/MM/YYYY';
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A yyyy-MM-dd day from the API as dd/MM/yyyy; empty for none. */
export function formatDay(isoDay: string | null | undefined): string {
  if (!isoDay) return '';
  const day = dayjs(isoDay);
  return day.isValid() ? day.format(DAY_FORMAT) : isoDay;
}

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant from the API (ISO string) as dd/MM/yyyy HH:mm in Vietnamese time, wherever the browser is. */
export function formatDateTime(isoInstant: string | null | undefined): string {
  if (!isoInstant) return '';
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  const parts = dateTimeParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** Today as a Vietnamese calendar day (yyyy-MM-dd), the day the server uses when none is asked. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
}

/** A picked day as the API wants it. */
export function toIsoDay(day: Dayjs): string {
  return day.format('YYYY-MM-DD');
}

/** A yyyy-MM-dd day (from a URL or the API) for a DatePicker; null when absent or malformed. */
export function parseIsoDay(value: string | null | undefined): Dayjs | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = dayjs(value);
  return day.isValid() ? day : null;
}

/** The last day a unit was in force: the API's valid_to is the first day it no longer is. */
export function lastDayBefore(isoDay: string): string {
  return dayjs(isoDay).subtract(1, 'day').format('YYYY-MM-DD');
}

/** A yyyy-MM month from the API as MM/yyyy. */
export function formatMonth(isoMonth: string): string {
  const [year, month] = isoMonth.split('-');
  return year && month ? `${month}/${year}` : isoMonth;
}
