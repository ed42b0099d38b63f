// placeholder: replaced at merge by the results helper's file
import type { ReportResults } from '../../../shared/api/report-contract';
import type { Queryable } from '../../db/client';
import { getUnitRow } from '../../db/repositories/units';
import { notFound } from '../../errors';

/**
 * Part I of a unit's report for a period, computed from its records and scores. This stand-in only
 * names the unit and period with empty counts, so the document routes work before the real builder
 * (another part of issue 10) lands; nothing should be tested against its numbers.
 */
export async function buildReportResults(
  q: Queryable,
  options: {
    unitId: string;
    period: { key: string; label: string; from: string; to: string };
    lang: 'vi' | 'en';
    now: Date;
  },
): Promise<ReportResults> {
  const unit = await getUnitRow(q, options.unitId);
  if (!unit) throw notFound();
  return {
    computedAt: options.now.toISOString(),
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    period: options.period,
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
