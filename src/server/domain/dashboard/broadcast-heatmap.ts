import type { ProvinceDashboardDto } from '../../../shared/api/dashboard';
import { collateVietnamese } from '../../../shared/text';
import { COMMUNE_LEVEL_KINDS } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import { countDxBroadcastsByWeek } from '../../db/repositories/dashboard';
import { countedBucketsOf } from '../../scoring/buckets';
import { parsePeriod } from '../../scoring/periods';
import { resolveTargets, type ScoreboardView } from '../scoring/resolve-targets';

/**
 * DX broadcasts per ISO week × commune-level unit of the scope. The weeks are the ISO weeks of the
 * year as the calendar and the scores see them (52 or 53; week 1 of 2026 runs 29/12/2025–04/01/2026,
 * week 53 of 2026 28/12/2026–03/01/2027); a cell counts every DX broadcast of its seven days, like
 * the unit's calendar. The units and the units whose records count toward them (units merged into
 * them) are the scoreboard's; the counts are one statement grouped by unit and week. Weakest first:
 * fewest weeks with a broadcast, then fewest broadcasts.
 */
export async function countBroadcastHeatmap(
  q: Queryable,
  options: { rootId: string; year: number; today: string; view: ScoreboardView },
): Promise<ProvinceDashboardDto['heatmap']> {
  const period = parsePeriod('year', String(options.year))!;
  const weeks = countedBucketsOf('week', { period, activeFrom: period.from, through: period.to }).map(
    ({ bucket }, i) => ({ week: i + 1, monday: bucket.start, sunday: bucket.end }),
  );
  const firstMonday = weeks[0]!.monday;
  const lastSunday = weeks.at(-1)!.sunday;
  const resolved = await resolveTargets(q, {
    rootId: options.rootId,
    kinds: COMMUNE_LEVEL_KINDS,
    period,
    view: options.view,
    today: options.today < period.from ? period.from : options.today,
  });
  const targetOf = new Map<string, string>();
  for (const target of resolved.targets)
    for (const source of target.sourceIds) targetOf.set(source, target.unitId);
  const counts = new Map(resolved.units.map((unit) => [unit.id, new Array<number>(weeks.length).fill(0)]));
  for (const row of await countDxBroadcastsByWeek(q, [...targetOf.keys()], firstMonday, lastSunday)) {
    const cells = counts.get(targetOf.get(row.unitId) ?? '');
    if (cells && row.weekIndex >= 0 && row.weekIndex < weeks.length) cells[row.weekIndex]! += row.count;
  }
  const units = resolved.units.map((unit) => {
    const cells = counts.get(unit.id)!;
    return {
      unitId: unit.id,
      name: unit.name,
      parentName: unit.parentName,
      counts: cells,
      total: cells.reduce((sum, n) => sum + n, 0),
      weeksWithBroadcast: cells.filter((n) => n > 0).length,
    };
  });
  units.sort(
    (a, b) =>
      a.weeksWithBroadcast - b.weeksWithBroadcast || a.total - b.total || collateVietnamese(a.name, b.name),
  );
  return { weeks, units };
}
