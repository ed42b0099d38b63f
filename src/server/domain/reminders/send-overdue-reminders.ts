import { addDays, todayVn } from '../../../shared/dates';
import type { Queryable } from '../../db/client';
import { findPeriodsDueOn, findUnitRecipients } from '../../db/repositories/reminders';
import { findPeriodWithType } from '../../db/repositories/report-submissions';
import { findExpectedUnits } from '../reports/expected-units';
import { overdueSummaryText, overdueText, unitReportsLink, urgingListLink } from './reminder-texts';
import { byUnit, type ReminderRunResult, runResult, UNIT_PEOPLE } from './send-deadline-reminders';
import { tellUnitPeople, type UnitMessage } from './tell-unit-people';

/**
 * On the day after a due day (Vietnamese calendar): each expected unit that has still not submitted
 * is told through its unit head (its officers when it has no head account), and the DX office of the
 * type's owner gets one summary listing those units. Only that day, so a period missed long ago does
 * not ring every morning; the office urges further by hand ("Đôn đốc"). Idempotent per period, unit
 * and person.
 */
export async function sendOverdueReminders(q: Queryable, now: Date): Promise<ReminderRunResult> {
  const today = todayVn(now);
  const messages: UnitMessage[] = [];
  for (const due of await findPeriodsDueOn(q, addDays(today, -1), today)) {
    const period = await findPeriodWithType(q, due.id);
    if (!period) continue;
    const missing = (await findExpectedUnits(q, period, today)).filter((unit) => unit.isOverdue);
    if (missing.length === 0) continue;
    const people = byUnit(
      await findUnitRecipients(
        q,
        missing.map((unit) => unit.unitId),
        UNIT_PEOPLE,
      ),
    );
    const heads = new Set(
      (
        await findUnitRecipients(
          q,
          missing.map((unit) => unit.unitId),
          ['unit_head'],
        )
      ).map((r) => `${r.unitId}:${r.userId}`),
    );
    for (const unit of missing) {
      const ofUnit = people.get(unit.unitId) ?? [];
      const unitHeads = ofUnit.filter((r) => heads.has(`${r.unitId}:${r.userId}`));
      messages.push({
        unitId: unit.unitId,
        recipients: unitHeads.length ? unitHeads : ofUnit,
        kind: 'reminder.overdue',
        ...overdueText(period, unit.name, due.daysLeft),
        link: unitReportsLink(unit.unitId),
        subject: { type: 'report_period', id: period.id },
        actorId: null,
        dedupeBase: `overdue:${period.id}:${unit.unitId}`,
      });
    }
    const office = await findUnitRecipients(q, [period.ownerUnitId], ['dx_office']);
    messages.push({
      unitId: period.ownerUnitId,
      recipients: office,
      kind: 'reminder.overdue_summary',
      ...overdueSummaryText(
        period,
        missing.map((unit) => unit.name),
        due.daysLeft,
      ),
      link: urgingListLink(period.id),
      subject: { type: 'report_period', id: period.id },
      actorId: null,
      dedupeBase: `overdue-summary:${period.id}`,
    });
  }
  return runResult(messages, await tellUnitPeople(q, messages, now));
}
