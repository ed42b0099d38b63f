import { isRealDay, VN_OFFSET_MS } from '../../../shared/dates';
import { isSaneYear, SANE_DAY_MESSAGE } from '../../../shared/safe-input';

/**
 * ISO 8601 with an offset ("2025-09-10T17:00:00+07:00", "…Z"), or a local time without one
 * ("2025-09-10 17:00", "2025-09-10T17:00:05") read as Vietnam time. Date.parse is not used: it
 * reads 2025-02-30 as 2 March and a time without an offset in the server's zone.
 */
const AIRED_AT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:\s*(Z|[+-]\d{2}(?::?\d{2})?))?$/i;

const FORMAT_HINT =
  'ghi theo ISO 8601 có múi giờ (2025-09-10T17:00:00+07:00) hoặc giờ Việt Nam dạng yyyy-MM-dd HH:mm.';

export function parseAiredAt(text: string): { instant: Date } | { error: string } {
  const match = AIRED_AT.exec(text.trim());
  if (!match) return { error: `Thời điểm phát "${text}" không hợp lệ; ${FORMAT_HINT}` };
  const [, y, mo, d, h, mi, s, zone] = match;
  const day = `${y}-${mo}-${d}`;
  if (!isSaneYear(Number(y))) return { error: SANE_DAY_MESSAGE };
  if (!isRealDay(day)) return { error: `Ngày ${d}/${mo}/${y} không có trong lịch.` };
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)
    return { error: `Giờ ${h}:${mi}${s ? `:${s}` : ''} không hợp lệ.` };
  const wallClock = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const offsetMs = zone === undefined ? VN_OFFSET_MS : zoneOffsetMs(zone);
  if (offsetMs === null) return { error: `Múi giờ "${zone}" không hợp lệ; ${FORMAT_HINT}` };
  return { instant: new Date(wallClock - offsetMs) };
}

/** "Z", "+07", "+0700", "+07:00" → milliseconds east of UTC; null beyond ±14:00. */
function zoneOffsetMs(zone: string): number | null {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** The instant as Vietnam's calendar day and "HH:mm". */
export function vnDayAndTime(instant: Date): { day: string; time: string } {
  const local = new Date(instant.getTime() + VN_OFFSET_MS).toISOString();
  return { day: local.slice(0, 10), time: local.slice(11, 16) };
}
