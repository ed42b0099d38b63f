import type { ReportKind } from '../../../shared/api/report-contract';
import type { Queryable } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  findReportTypesOwnedBy,
  insertMissingPeriods,
  type ReportTypeRow,
} from '../../db/repositories/reports';
import { type Actor, SYSTEM_ACTOR } from '../actor';
import { periodsToEnsure } from './period-rules';

/**
 * Creates the periods every active report type should have on a day (those of the day's year, and the
 * next one due): of one owner's types, or of every type when `ownerUnitId` is null. Idempotent — the
 * unique (type, period key) with "on conflict do nothing" makes a second run, or two workers at once,
 * add nothing — so a daily job can call it, and so does defining or editing a type. A period whose due
 * day the office moved keeps it. Each new period is audited; returns how many were created.
 */
export async function ensureReportPeriods(
  q: Queryable,
  ownerUnitId: string | null,
  today: string,
  actor: Actor = SYSTEM_ACTOR,
): Promise<number> {
  const types = await findReportTypesOwnedBy(q, ownerUnitId === null ? null : [ownerUnitId], {
    activeOnly: true,
  });
  let created = 0;
  for (const type of types) created += await ensurePeriodsOfType(q, type, today, actor);
  return created;
}

export async function ensurePeriodsOfType(
  q: Queryable,
  type: ReportTypeRow,
  today: string,
  actor: Actor,
): Promise<number> {
  if (!type.isActive) return 0;
  const specs = periodsToEnsure(type.kind as ReportKind, type.dueRule, today);
  const inserted = await insertMissingPeriods(
    q,
    specs.map((spec) => ({ ...spec, reportTypeId: type.id })),
  );
  await insertAuditEntries(
    q,
    actor,
    inserted.map((period) => ({
      action: 'report_period.create',
      entityType: 'report_period',
      entityId: period.id,
      unitId: type.ownerUnitId,
      summary: `Tạo kỳ báo cáo "${period.label}" của ${type.name}, hạn nộp ${period.dueOn}`,
      after: { reportTypeId: type.id, periodKey: period.periodKey, dueOn: period.dueOn },
    })),
  );
  return inserted.length;
}
