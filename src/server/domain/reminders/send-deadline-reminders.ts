import { todayVn } from '../../../shared/dates';
import type { Queryable } from '../../db/client';
import { findPeriodsToRemind, findUnitRecipients } from '../../db/repositories/reminders';
import { findPeriodWithType } from '../../db/repositories/report-submissions';
import { findExpectedUnits } from '../reports/expected-units';
import { dueSoonText, unitReportsLink } from './reminder-texts';
import { type TellResult, tellUnitPeople, type UnitMessage } from './tell-unit-people';

export interface ReminderRunResult {
  /** Units told (messages), and notification rows written on this run (both channels). */
  units: number;
  notifications: number;
}

/** Recipients by unit, for one lookup per unit instead of a scan. */
export function byUnit<T extends { unitId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.unitId);
    if (list) list.push(row);
    else map.set(row.unitId, [row]);
  }
  return map;
}

export function runResult(messages: readonly UnitMessage[], told: TellResult): ReminderRunResult {
  return { units: new Set(messages.map((m) => m.unitId)).size, notifications: told.written.length };
}

/** The people told about a unit's report: its officers and its head. */
export const UNIT_PEOPLE = ['unit_officer', 'unit_head'] as const;

/**
 * Before a deadline: on each of a report type's remind_days_before days (e.g. 7, 3 and 1 days before
 * the due day, on the Vietnamese calendar), every expected unit of an active type's period that has
 * not submitted is told, in the app and by e-mail, through its officers and head. Run daily (cron
 * 07:00 Asia/Ho_Chi_Minh); a second run on the same day writes nothing: each row's dedupe key names
 * the period, unit, person, channel and the number of days before.
 */
export async function sendDeadlineReminders(q: Queryable, now: Date): Promise<ReminderRunResult> {
  const today = todayVn(now);
  const messages: UnitMessage[] = [];
  for (const due of await findPeriodsToRemind(q, today)) {
    const period = await findPeriodWithType(q, due.id);
    if (!period) continue;
    const missing = (await findExpectedUnits(q, period, today)).filter((unit) => unit.state === 'missing');
    const recipients = byUnit(
      await findUnitRecipients(
        q,
        missing.map((unit) => unit.unitId),
        UNIT_PEOPLE,
      ),
    );
    for (const unit of missing) {
      const text = dueSoonText(period, unit.name, due.daysLeft);
      messages.push({
        unitId: unit.unitId,
        recipients: recipients.get(unit.unitId) ?? [],
        kind: 'reminder.due_soon',
        ...text,
        link: unitReportsLink(unit.unitId),
        subject: { type: 'report_period', id: period.id },
        actorId: null,
        dedupeBase: `due-soon:${period.id}:${unit.unitId}:${due.daysLeft}`,
      });
    }
  }
  return runResult(messages, await tellUnitPeople(q, messages, now));
}
