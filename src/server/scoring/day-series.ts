import type { DaySeries } from './types';

/**
 * A measure's records per day for one unit. The loader hands over parallel arrays (epoch day,
 * records that day), usually sorted and distinct; a day given twice adds up, so callers may also
 * concatenate the series of merged units. Lookups are one Map access: a scoreboard calls `countOn`
 * for every day of every week of every unit.
 */
export function createDaySeries(epochDays: readonly number[], counts: readonly number[]): DaySeries {
  if (epochDays.length !== counts.length)
    throw new Error(`createDaySeries: ${epochDays.length} days but ${counts.length} counts`);
  const byDay = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < epochDays.length; i += 1) {
    const count = counts[i]!;
    if (count <= 0) continue;
    const day = epochDays[i]!;
    byDay.set(day, (byDay.get(day) ?? 0) + count);
    total += count;
  }
  if (total === 0) return EMPTY_SERIES;
  return {
    total,
    countOn: (epochDay) => byDay.get(epochDay) ?? 0,
  };
}

/** No records at all. */
export const EMPTY_SERIES: DaySeries = Object.freeze({
  total: 0,
  countOn: () => 0,
});
