/**
 * Dates as Vietnamese official documents write them (NĐ 30/2020, Phụ lục I): a day below 10 and the
 * months 1 and 2 take a leading zero ("ngày 05 tháng 01", "ngày 15 tháng 3").
 */

export function documentDay(day: number): string {
  return String(day).padStart(2, '0');
}

export function documentMonth(month: number): string {
  return month <= 2 ? String(month).padStart(2, '0') : String(month);
}

/** "Đăk Rve, ngày 05 tháng 01 năm 2026"; without a day (a draft), the day and month are left blank to fill in by hand. */
export function placeDateLine(place: string, day: string | null, blankYear?: number): string {
  if (!day) return `${place}, ngày      tháng      năm ${blankYear ?? new Date().getUTCFullYear()}`;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${place}, ngày ${documentDay(d)} tháng ${documentMonth(m)} năm ${y}`;
}

/** 'yyyy-MM' → "tháng 01 năm 2026". */
export function monthPhrase(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `tháng ${documentMonth(m)} năm ${y}`;
}
