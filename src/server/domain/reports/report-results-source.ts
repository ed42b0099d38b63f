import type { ReportResults } from '../../../shared/api/report-contract';
import type { Queryable } from '../../db/client';
import type { PeriodWithType } from '../../db/repositories/report-submissions';
import { buildReportResults } from './build-report-results';

/**
 * Part I of one unit's report for a period, as the workflow, freezing at submission and a parent's
 * per-child table use it. Reports are Vietnamese documents, so part I is built (and frozen) in
 * Vietnamese whatever the screen's language.
 */
export async function buildUnitReportResults(
  q: Queryable,
  options: { unitId: string; period: PeriodWithType; now: Date },
): Promise<ReportResults> {
  const { unitId, period, now } = options;
  return buildReportResults(q, {
    unitId,
    period: { key: period.periodKey, label: period.label, from: period.periodFrom, to: period.periodTo },
    lang: 'vi',
    now,
  });
}
