import type { Action } from '../../../shared/roles';
import type { Queryable } from '../../db/client';
import type { PeriodWithType } from '../../db/repositories/report-submissions';
import { getPeriodRow, getReportTypeRow, type ReportTypeRow } from '../../db/repositories/reports';
import { notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { periodWithType } from './present-period';

/**
 * A period the principal may take the action on, judged on the unit that owns its type (the office's
 * province): "not found" outside it, "forbidden" when visible without the action.
 */
export async function loadPeriod(
  q: Queryable,
  principal: Principal,
  periodId: string,
  action: Action,
  options: { forUpdate?: boolean } = {},
): Promise<{ period: PeriodWithType; type: ReportTypeRow; actions: Action[] }> {
  const row = await getPeriodRow(q, periodId, options);
  if (!row) throw notFound();
  const type = await getReportTypeRow(q, row.reportTypeId);
  if (!type) throw notFound();
  const actions = await authorizeUnit(q, principal, type.ownerUnitId, action);
  return { period: periodWithType(row, type), type, actions };
}
