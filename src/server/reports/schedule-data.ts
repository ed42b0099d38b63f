/**
 * What the schedule documents print, already in words: labels, names and Vietnamese dates are
 * resolved by the caller so that the builders stay pure and testable without a database.
 */
export interface ScheduleDocumentEntry {
  airDate: string;
  timeSlot: string;
  title: string;
  genre: string | null;
  topic: string | null;
  language: string;
  durationMinutes: number;
  source: string;
  isAired: boolean;
}

export interface ScheduleDocumentData {
  parentAgency: string | null;
  issuingAgency: string;
  documentNumber: string | null;
  documentSymbol: string;
  place: string;
  /** The day it was issued; null for a draft. */
  issuedOn: string | null;
  /** The year printed on a draft's blank date. */
  draftYear: number;
  unitName: string;
  programmeName: string;
  stationName: string | null;
  /** 'yyyy-MM' */
  month: string;
  entries: ScheduleDocumentEntry[];
  warnings: string[];
  note: string | null;
  recipients: string[];
  signingLines: string[];
  signerName: string | null;
  isDraft: boolean;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

export function weekdayName(day: string): string {
  return WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
}

export function scheduleFileStem(
  data: Pick<ScheduleDocumentData, 'month' | 'programmeName' | 'isDraft'>,
): string {
  const [y, m] = data.month.split('-');
  return `${data.isDraft ? 'Dự thảo ' : ''}Danh mục phát sóng ${m}-${y} - ${data.programmeName}`.replace(
    /[\\/:*?"<>|]+/g,
    '-',
  );
}
