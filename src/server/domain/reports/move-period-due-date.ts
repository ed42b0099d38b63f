import type { ReportPeriodDto, ReportPeriodMoveBody } from '../../../shared/api/reports';
import { normalizeText } from '../../../shared/text';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { updatePeriodRow } from '../../db/repositories/reports';
import { validationError } from '../../errors';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { findExpectedUnits, summariseSubmissions } from './expected-units';
import { loadPeriod } from './load-period';
import { presentPeriodWithSummary } from './present-period';

/**
 * The office moves one period's due day (a holiday, a late instruction), with a reason; the type's rule
 * and the other periods stay. Audited with the day before and after. On time / late are judged on the
 * new day from then on, and which units are expected is decided on it too.
 */
export async function movePeriodDueDate(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  periodId: string;
  input: ReportPeriodMoveBody;
  today: string;
}): Promise<ReportPeriodDto> {
  const { db, principal, actor, periodId, input, today } = options;
  const period = await db.transaction(async (tx) => {
    const { period, type } = await loadPeriod(tx, principal, periodId, 'report.define', { forUpdate: true });
    if (input.dueOn < period.periodFrom)
      throw validationError('Hạn nộp không được trước ngày đầu kỳ báo cáo.', [
        { field: 'dueOn', message: 'Hạn nộp không được trước ngày đầu kỳ báo cáo.' },
      ]);
    await updatePeriodRow(tx, periodId, { dueOn: input.dueOn });
    await insertAuditEntries(tx, actor, [
      {
        action: 'report_period.move_due',
        entityType: 'report_period',
        entityId: periodId,
        unitId: type.ownerUnitId,
        summary: `Đổi hạn nộp kỳ "${period.label}" của ${type.name}: ${period.dueOn} → ${input.dueOn}`,
        before: { dueOn: period.dueOn },
        after: { dueOn: input.dueOn, reason: normalizeText(input.reason) },
      },
    ]);
    return { ...period, dueOn: input.dueOn };
  });
  const units = await findExpectedUnits(db, period, today);
  return presentPeriodWithSummary(period, summariseSubmissions(units), today);
}
