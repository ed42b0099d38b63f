import type { ReportResults, SubmissionState } from '../../shared/api/report-contract';
import { documentMonth } from './vn-dates';

/** How the report's document and annex write states, scores and months, in one place. */

export const BANNER_LABELS: Record<ReportResults['banner']['status'], string> = {
  present: 'có đặt, hoạt động',
  absent: 'không thấy trên trang',
  unknown: 'chưa có lần kiểm tra nào được ghi nhận',
};

const CHILD_STATE_LABELS: Record<SubmissionState, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa nộp',
};

export function childStateLabel(state: SubmissionState): string {
  return CHILD_STATE_LABELS[state] ?? state;
}

const SCHEDULE_STATUS_LABELS: Record<string, string> = { draft: 'Dự thảo', issued: 'Đã ban hành' };

export function scheduleStatusLabel(status: string): string {
  return SCHEDULE_STATUS_LABELS[status] ?? status;
}

/** A score with a decimal comma and at most two decimals ("7,5"). */
export function formatScore(value: number): string {
  return value.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}

/** The score a criterion's row shows: the official one where published, the automatic one otherwise. */
export function scoreLabel(criterion: { officialScore: number | null; liveScore: number | null }): {
  value: string;
  label: string;
} {
  if (criterion.officialScore !== null)
    return { value: formatScore(criterion.officialScore), label: 'chính thức' };
  if (criterion.liveScore !== null) return { value: formatScore(criterion.liveScore), label: 'tự động' };
  return { value: '', label: 'chưa chấm' };
}

/** Only web addresses become links in a document or a sheet; anything else stays text. */
export function isWebLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The weeks grouped by the month of their Thursday (the ISO rule that puts a week in a year), so a
 * week straddling two months is counted once.
 */
export function monthlyBroadcasts(weeks: ReportResults['broadcastsPerWeek']): Array<{
  label: string;
  weeks: number;
  silentWeeks: number;
  count: number;
  minutes: number;
}> {
  const months = new Map<string, { weeks: number; silentWeeks: number; count: number; minutes: number }>();
  for (const week of weeks) {
    const monday = new Date(`${week.from}T00:00:00Z`);
    const offset = (monday.getUTCDay() + 6) % 7;
    const thursday = new Date(monday.getTime() + (3 - offset) * 86_400_000).toISOString().slice(0, 7);
    const month = months.get(thursday) ?? { weeks: 0, silentWeeks: 0, count: 0, minutes: 0 };
    month.weeks += 1;
    if (week.count === 0) month.silentWeeks += 1;
    month.count += week.count;
    month.minutes += week.minutes;
    months.set(thursday, month);
  }
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => {
      const [y, m] = key.split('-').map(Number) as [number, number];
      return { label: `Tháng ${documentMonth(m)}/${y}`, ...value };
    });
}
