import { addDays } from '../../../shared/dates';
import type { MeasureSpec } from '../../../shared/frameworks/definition';
import type { Bucket } from '../buckets';
import { shortVnDay, toEpochDay, vnDay } from '../day-numbers';
import type { ScoringWords } from '../words';
import type { BucketFigures } from './bucket-figures';
import type { RuleContext } from './context';

/**
 * Why an ended week at the period's edge failed although the unit worked in it: its records are
 * dated outside the period, which no score of the period counts (docs/frameworks.md §7). One gap per
 * such week, naming its dates: "tuần 1 (29/12/2025–04/01/2026): chỉ có lượt phát trước ngày 01/01".
 */
export function edgeWeekGaps(
  context: RuleContext,
  measure: MeasureSpec,
  tallies: Iterable<BucketFigures>,
  noun: string,
  w: ScoringWords,
): string[] {
  const { period } = context.facts.window;
  const series = context.facts.series(measure);
  const gaps = new Map<string, string>();
  for (const figures of tallies) {
    if (figures.kind !== 'week') continue;
    for (const week of figures.missing) {
      if (gaps.has(week.start)) continue;
      const side = week.start < period.from ? 'before' : week.end > period.to ? 'after' : null;
      if (!side || recordsOutside(week, period, series.countOutsideOn) === 0) continue;
      const edgeDay = shortVnDay(side === 'before' ? period.from : period.to);
      const weekName = `${w.bucketsNamed('week', 1)} ${week.shortLabel.replace(/^tuần /, '')}`;
      gaps.set(
        week.start,
        `${weekName} (${vnDay(week.start)}–${vnDay(week.end)}): ${w.onlyOutside(noun, side, edgeDay)}`,
      );
    }
  }
  return [...gaps.values()];
}

function recordsOutside(
  week: Bucket,
  period: { from: string; to: string },
  countOutsideOn: ((epochDay: number) => number) | undefined,
): number {
  if (!countOutsideOn) return 0;
  let records = 0;
  for (let day = week.start; day <= week.end; day = addDays(day, 1))
    if (day < period.from || day > period.to) records += countOutsideOn(toEpochDay(day));
  return records;
}
