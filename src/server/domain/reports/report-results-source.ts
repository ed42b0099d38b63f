import type { ReportResults } from '../../../shared/api/report-contract';
import type { Queryable } from '../../db/client';
import type { PeriodWithType } from '../../db/repositories/report-submissions';
import { loadUnitGraph } from '../units/load-unit-graph';

/**
 * TEMPORARY SHIM — REPLACE AT MERGE. Part I of one unit's report comes from `buildReportResults`
 * (src/server/domain/reports/build-report-results.ts, written by the "results" helper). Until the
 * branches merge, this returns the contract's shape with nothing counted, so the workflow, freezing
 * and the parent's aggregation can be built and tested. At merge: make `buildUnitReportResults` call
 * `buildReportResults` (adapting the arguments) and delete the empty body below.
 */
export async function buildUnitReportResults(
  q: Queryable,
  options: { unitId: string; period: PeriodWithType; now: Date },
): Promise<ReportResults> {
  const { unitId, period, now } = options;
  const graph = await loadUnitGraph(q);
  const unit = graph.unit(unitId);
  const version = graph.versionOn(unitId, period.dueOn);
  return {
    computedAt: now.toISOString(),
    unit: { id: unitId, name: version?.name ?? graph.latestName(unitId) ?? '', kind: unit?.kind ?? 'other' },
    period: { key: period.periodKey, label: period.label, from: period.periodFrom, to: period.periodTo },
    totals: {
      posts: 0,
      dxPosts: 0,
      broadcasts: 0,
      broadcastMinutes: 0,
      pressIssues: 0,
      ethnicLanguageItems: 0,
      schedulesIssued: 0,
    },
    byChannel: [],
    byGenre: [],
    byTopic: [],
    byLanguage: [],
    dxPosts: [],
    dxPostsTotal: 0,
    broadcastsPerWeek: [],
    schedules: [],
    banner: { status: 'unknown', checkedOn: null, targetUrl: null },
    scores: null,
  };
}
