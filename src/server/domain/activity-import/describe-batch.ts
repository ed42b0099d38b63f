import { dayOf, formatVnDate, VN_OFFSET_MS } from '../../../shared/dates';

/** "08:30 ngày 05/03/2026": when a batch was imported, in Vietnamese time. */
export function describeBatchTime(instant: Date): string {
  const time = new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(11, 16);
  return `${time} ngày ${formatVnDate(dayOf(instant))}`;
}
