import { buildUrl } from '../../api/client';
import type { UnitScoreFilter } from '../../api/scoring';

/** The address of one unit's scores for the same framework, period and view as the board. */
export function unitScoresLink(unitId: string, filter: UnitScoreFilter): string {
  return buildUrl(`/units/${unitId}/scores`, {
    framework: filter.framework,
    period: filter.period,
    view: filter.view,
  });
}
