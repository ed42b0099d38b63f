import type { ReportTypeCreateBody, ReportTypeDto } from '../../../shared/api/reports';
import { normalizeText } from '../../../shared/text';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { insertReportType } from '../../db/repositories/reports';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { loadUnitGraph } from '../units/load-unit-graph';
import { ensurePeriodsOfType } from './ensure-report-periods';
import { DEFAULT_DUE_RULES } from './period-rules';
import { presentReportType } from './present-report-type';
import { assertDueRuleFits, cleanLongText, cleanRemindDays } from './report-type-input';

export const DEFAULT_SUBMITTER_KINDS = ['commune', 'ward', 'special_zone'];

/**
 * The DX office of a unit (a province) defines a report type its roll-up hands in; its periods of the
 * year and the next one due are created at once, in the same transaction, audited.
 */
export async function defineReportType(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  ownerUnitId: string;
  input: ReportTypeCreateBody;
  today: string;
}): Promise<ReportTypeDto> {
  const { db, principal, actor, ownerUnitId, input, today } = options;
  return db.transaction(async (tx) => {
    await authorizeUnit(tx, principal, ownerUnitId, 'report.define');
    const dueRule = input.dueRule ?? DEFAULT_DUE_RULES[input.kind];
    assertDueRuleFits(input.kind, dueRule);
    const type = await insertReportType(tx, {
      ownerUnitId,
      kind: input.kind,
      name: normalizeText(input.name),
      dueRule,
      submitterKinds: input.submitterKinds ?? DEFAULT_SUBMITTER_KINDS,
      recipients: cleanLongText(input.recipients ?? ''),
      remindDaysBefore: cleanRemindDays(input.remindDaysBefore ?? [7, 3, 1]),
      createdBy: actor.userId,
    });
    await insertAuditEntries(tx, actor, [
      {
        action: 'report_type.create',
        entityType: 'report_type',
        entityId: type.id,
        unitId: ownerUnitId,
        summary: `Định nghĩa loại báo cáo "${type.name}"`,
        after: {
          kind: type.kind,
          dueRule: type.dueRule,
          submitterKinds: type.submitterKinds,
          remindDaysBefore: type.remindDaysBefore,
        },
      },
    ]);
    await ensurePeriodsOfType(tx, type, today, actor);
    return presentReportType(type, await loadUnitGraph(tx), true);
  });
}
