import type { ScheduleWarningDto } from '../../../shared/api/schedules';
import { addDays, formatVnDate, isoWeekOf, mondayOf, monthBounds } from '../../../shared/dates';

export interface MonthWeek {
  isoYear: number;
  isoWeek: number;
  /** Monday and Sunday of the ISO week; at the month's edges they lie in the neighbouring month. */
  weekStart: string;
  weekEnd: string;
  /** The days of the week that fall in the month. */
  firstDay: string;
  lastDay: string;
}

/**
 * Every ISO week that has at least one day in the month, partial first and last weeks included:
 * July 2025 (Tuesday 01/07 to Thursday 31/07) has weeks 27 to 31, five of them.
 */
export function weeksOfMonth(month: string): MonthWeek[] {
  const { first, last } = monthBounds(month);
  const weeks: MonthWeek[] = [];
  for (let monday = mondayOf(first); monday <= last; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    const { year, week } = isoWeekOf(monday);
    weeks.push({
      isoYear: year,
      isoWeek: week,
      weekStart: monday,
      weekEnd: sunday,
      // ISO days compare as strings: the later of Monday and the 1st, the earlier of Sunday and the last day.
      firstDay: [monday, first].sort()[1]!,
      lastDay: [sunday, last].sort()[0]!,
    });
  }
  return weeks;
}

/** "30/06–06/07" */
function weekSpan(week: MonthWeek): string {
  return `${formatVnDate(week.weekStart).slice(0, 5)}–${formatVnDate(week.weekEnd).slice(0, 5)}`;
}

/**
 * One warning per ISO week of the month without a DX entry (D5: at least one DX broadcast a week).
 * A partial week at the start or end of the month is judged on this month's entries alone: each
 * monthly list must plan the days it covers, whatever the neighbouring month's list holds.
 */
export function findWeekWarnings(
  month: string,
  entries: ReadonlyArray<{ airDate: string; isDx: boolean }>,
): ScheduleWarningDto[] {
  const dxDays = entries.filter((entry) => entry.isDx).map((entry) => entry.airDate);
  return weeksOfMonth(month)
    .filter((week) => !dxDays.some((day) => day >= week.firstDay && day <= week.lastDay))
    .map((week) => ({
      code: 'week_without_dx' as const,
      isoYear: week.isoYear,
      isoWeek: week.isoWeek,
      weekStart: week.weekStart,
      weekEnd: week.weekEnd,
      message: `Tuần ${week.isoWeek} (${weekSpan(week)}) chưa có tin bài chuyển đổi số`,
    }));
}
