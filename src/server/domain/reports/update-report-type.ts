import type { ReportKind } from '../../../shared/api/report-contract';
import type { ReportTypeDto, ReportTypeUpdateBody } from '../../../shared/api/reports';
import { normalizeText } from '../../../shared/text';
import type { Db, Queryable } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  findPeriodsOfTypes,
  getReportTypeRow,
  type NewReportType,
  type ReportTypeRow,
  updatePeriodRow,
  updateReportTypeRow,
} from '../../db/repositories/reports';
import { notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { loadUnitGraph } from '../units/load-unit-graph';
import { ensurePeriodsOfType } from './ensure-report-periods';
import { dueOnFor } from './period-rules';
import { presentReportType } from './present-report-type';
import { assertDueRuleFits, cleanLongText, cleanRemindDays } from './report-type-input';

/**
 * The office edits a report type, or deactivates it (no new periods; existing ones and their reports
 * stay). A new due rule moves the due day of the periods not yet due (today's included); past periods
 * keep theirs, so figures already reported do not change. Audited with before and after.
 */
export async function updateReportType(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  reportTypeId: string;
  input: ReportTypeUpdateBody;
  today: string;
}): Promise<ReportTypeDto> {
  const { db, principal, actor, reportTypeId, input, today } = options;
  return db.transaction(async (tx) => {
    const before = await getReportTypeRow(tx, reportTypeId, { forUpdate: true });
    if (!before) throw notFound();
    await authorizeUnit(tx, principal, before.ownerUnitId, 'report.define');
    if (input.dueRule) assertDueRuleFits(before.kind as ReportKind, input.dueRule);
    const patch: Partial<NewReportType> = {
      ...(input.name !== undefined ? { name: normalizeText(input.name) } : {}),
      ...(input.dueRule ? { dueRule: input.dueRule } : {}),
      ...(input.submitterKinds ? { submitterKinds: input.submitterKinds } : {}),
      ...(input.recipients !== undefined ? { recipients: cleanLongText(input.recipients) } : {}),
      ...(input.remindDaysBefore ? { remindDaysBefore: cleanRemindDays(input.remindDaysBefore) } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
    };
    const type = await updateReportTypeRow(tx, reportTypeId, patch);
    const action =
      input.isActive === false && before.isActive ? 'report_type.deactivate' : 'report_type.update';
    await insertAuditEntries(tx, actor, [
      {
        action,
        entityType: 'report_type',
        entityId: type.id,
        unitId: type.ownerUnitId,
        summary: `${action === 'report_type.deactivate' ? 'Ngừng' : 'Sửa'} loại báo cáo "${type.name}"`,
        before: pick(before, Object.keys(patch)),
        after: pick(type, Object.keys(patch)),
      },
    ]);
    if (input.dueRule) await moveFutureDueDays(tx, actor, type, today);
    await ensurePeriodsOfType(tx, type, today, actor);
    return presentReportType(type, await loadUnitGraph(tx), true);
  });
}

function pick(row: ReportTypeRow, keys: string[]): Record<string, unknown> {
  const record = row as unknown as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, record[key]]));
}

async function moveFutureDueDays(tx: Queryable, actor: Actor, type: ReportTypeRow, today: string) {
  for (const period of await findPeriodsOfTypes(tx, [type.id])) {
    if (period.dueOn < today) continue;
    const dueOn = dueOnFor(type.dueRule, period);
    if (!dueOn || dueOn === period.dueOn) continue;
    await updatePeriodRow(tx, period.id, { dueOn });
    await insertAuditEntries(tx, actor, [
      {
        action: 'report_period.move_due',
        entityType: 'report_period',
        entityId: period.id,
        unitId: type.ownerUnitId,
        summary: `Hạn nộp kỳ "${period.label}" theo quy tắc mới: ${dueOn}`,
        before: { dueOn: period.dueOn },
        after: { dueOn, reason: 'Quy tắc hạn nộp của loại báo cáo thay đổi' },
      },
    ]);
  }
}
