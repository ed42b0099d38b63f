import type { ProvinceDashboardDto, ProvinceDashboardQuery } from '../../../shared/api/dashboard';
import type { Queryable } from '../../db/client';
import type { Principal } from '../../policies/principal';
import { countBroadcastHeatmap } from './broadcast-heatmap';
import { communeRows, yearBoard } from './commune-rows';
import { resolveDashboardScope } from './dashboard-scope';
import { findReportCompleteness } from './report-completeness';
import { summariseScoreDistribution } from './score-distribution';
import { findScoreTrends } from './score-trends';
import { findUnitsAtRisk } from './units-at-risk';

/** The framework the boards score on unless asked otherwise (the scoreboard's default). */
export const DASHBOARD_FRAMEWORK = 'kontum-780';
/** A unit meets the target at this share of the maximum unless asked otherwise. */
export const DEFAULT_TARGET_PERCENT = 80;

/**
 * The province board of a scope and a year. Every block is a fixed number of statements whatever the
 * number of units: the scoreboard (shared by the distribution, the risks and this year's trend),
 * one statement for the heat-map, one for the posts and broadcasts of all years, one per report period.
 */
export async function getProvinceDashboard(
  q: Queryable,
  principal: Principal,
  query: ProvinceDashboardQuery,
  today: string,
): Promise<ProvinceDashboardDto> {
  const scope = await resolveDashboardScope(q, principal, { unitId: query.unitId, year: query.year, today });
  const framework = query.framework ?? DASHBOARD_FRAMEWORK;
  const targetPercent = query.target ?? DEFAULT_TARGET_PERCENT;
  const base = { rootId: scope.rootId, year: scope.year, today };
  const board = await yearBoard(q, principal, { ...base, framework, lang: query.lang });
  const rows = board ? communeRows(board) : [];
  return {
    root: { id: scope.rootId, name: scope.rootName },
    year: scope.year,
    through: board?.period.through ?? (today < `${scope.year}-12-31` ? today : `${scope.year}-12-31`),
    targetPercent,
    framework: board?.framework ?? null,
    completeness: await findReportCompleteness(q, base),
    distribution: summariseScoreDistribution(rows),
    atRisk: board ? findUnitsAtRisk(board, rows, targetPercent) : [],
    heatmap: await countBroadcastHeatmap(q, { ...base, view: board?.view ?? 'successors' }),
    trends: await findScoreTrends(q, principal, { ...base, framework, targetPercent, currentBoard: board }),
  };
}
