import type { ReportDetailDto } from '../../../shared/api/reports';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  findLiveReport,
  getPeriodRow,
  getReportTypeRow,
  insertReportIfAbsent,
} from '../../db/repositories/reports';
import { notFound, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { loadUnitGraph } from '../units/load-unit-graph';
import { expectedChildrenOf } from './aggregate-children';
import { findExpectedUnits } from './expected-units';
import { getReport } from './get-report';
import { periodWithType } from './present-period';

/**
 * The unit's report for a period, created as an empty draft the first time an officer opens it (its
 * live version otherwise). A unit outside the type's owner's roll-up is "not found" (the period is not
 * its); inside it, the unit must be expected in the period or have expected units below it.
 */
export async function openReport(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  periodId: string;
  unitId: string;
  now: Date;
  today: string;
}): Promise<ReportDetailDto> {
  const { db, principal, actor, periodId, unitId, now, today } = options;
  const reportId = await db.transaction(async (tx) => {
    await authorizeUnit(tx, principal, unitId, 'report.prepare');
    const periodRow = await getPeriodRow(tx, periodId);
    const type = periodRow ? await getReportTypeRow(tx, periodRow.reportTypeId) : undefined;
    if (!periodRow || !type) throw notFound();
    if (!(await loadUnitGraph(tx)).rollupIds([type.ownerUnitId]).includes(unitId)) throw notFound();
    const existing = await findLiveReport(tx, periodId, unitId);
    if (existing) return existing.id;
    const period = periodWithType(periodRow, type);
    const expected = await findExpectedUnits(tx, period, today);
    const isExpected = expected.some((unit) => unit.unitId === unitId);
    if (!isExpected && (await expectedChildrenOf(tx, period, unitId, expected)).length === 0)
      throw validationError(`Đơn vị không phải nộp "${type.name}" kỳ ${period.label}.`);
    const created = await insertReportIfAbsent(tx, { periodId, unitId, version: 1, createdBy: actor.userId });
    // Two first opens at once: the other one created it.
    if (!created) return (await findLiveReport(tx, periodId, unitId))!.id;
    await insertAuditEntries(tx, actor, [
      {
        action: 'report.create',
        entityType: 'report',
        entityId: created.id,
        unitId,
        summary: `Lập báo cáo "${type.name}" kỳ ${period.label}`,
        after: { periodId, version: 1 },
      },
    ]);
    return created.id;
  });
  return getReport({ db, principal, reportId, now, today });
}
