import type { ProvinceDashboardDto } from '../../../shared/api/dashboard';
import type { ScoreboardDto, ScoreboardRowDto } from '../../../shared/api/scoring';
import { collateVietnamese } from '../../../shared/text';
import { percentOf } from '../scoring/rank-units';
import { headlinePercent } from './commune-rows';

/** How many units the list names at most. */
export const AT_RISK_LIMIT = 30;

/**
 * The commune-level units that will miss the target: the official percentage once published (it is
 * final), else the live score projected to the year's end at the current pace. Lowest first, each
 * with the criteria it loses points on and the engine's gaps ("cần thêm 3 tin bài trước 31/12").
 */
export function findUnitsAtRisk(
  board: ScoreboardDto,
  rows: readonly ScoreboardRowDto[],
  targetPercent: number,
): ProvinceDashboardDto['atRisk'] {
  const titles = new Map(board.criteria.map((column) => [column.key, column.title]));
  return rows
    .map((row) => {
      const projected = row.official
        ? row.official.percent
        : percentOf(row.projectedScore ?? row.score, row.max);
      const reasons = row.criteria
        .map((criterion) => {
          const expected = row.official
            ? (criterion.official?.score ?? 0)
            : (criterion.projectedScore ?? criterion.score ?? 0);
          return {
            code: criterion.code,
            title: titles.get(criterion.key) ?? criterion.code,
            lost: Math.round((criterion.max - expected) * 100) / 100,
            max: criterion.max,
            explanation: criterion.explanation,
            gaps: criterion.gaps,
          };
        })
        .filter((reason) => reason.lost > 0)
        .sort((a, b) => b.lost - a.lost);
      return {
        unitId: row.unitId,
        name: row.name,
        parentName: row.parentName,
        kind: row.kind,
        headlinePercent: headlinePercent(row),
        officialPercent: row.official?.percent ?? null,
        livePercent: row.percent,
        projectedPercent: projected,
        status: row.status,
        reasons,
      };
    })
    .filter((unit) => unit.projectedPercent < targetPercent)
    .sort((a, b) => a.projectedPercent - b.projectedPercent || collateVietnamese(a.name, b.name))
    .slice(0, AT_RISK_LIMIT);
}
