import type {
  DeliveryStatus,
  ReminderItemDto,
  ReminderListDto,
  ReminderListQuery,
} from '../../../shared/api/reminders';
import { todayVn } from '../../../shared/dates';
import type { Queryable } from '../../db/client';
import { findPeriodsOfOwners, findReminderLog, type ReminderLogRow } from '../../db/repositories/reminders';
import { authorizeUnit, type Principal, scopeIds } from '../../policies/principal';
import { findExpectedUnitsOfPeriod } from '../reports/expected-units';

function deliveryNote(row: ReminderLogRow): string | null {
  const result = row.deliveryResult;
  if (!result) return null;
  for (const key of ['reason', 'error', 'response', 'message'])
    if (typeof result[key] === 'string' && result[key]) return result[key] as string;
  return null;
}

export function presentReminder(row: ReminderLogRow): ReminderItemDto {
  return {
    id: row.id,
    kind: row.kind,
    channel: row.channel === 'email' ? 'email' : 'in_app',
    title: row.title,
    body: row.body,
    createdAt: new Date(row.createdAt),
    unitId: row.unitId,
    unitName: row.unitName,
    recipientName: row.recipientName,
    recipientEmail: row.channel === 'email' ? row.recipientEmail : null,
    urgedBy: row.actorId ? (row.actorName ?? '') : null,
    periodId: row.periodId,
    periodLabel: row.periodLabel,
    deliveryStatus: row.deliveryStatus as DeliveryStatus,
    deliveredAt: row.deliveredAt ? new Date(row.deliveredAt) : null,
    deliveryNote: deliveryNote(row),
  };
}

/** The units the caller may see the urging list of: the one asked about, or the whole urging scope. */
export async function reminderScope(
  q: Queryable,
  principal: Principal,
  unitId: string | undefined,
): Promise<string[] | null> {
  if (unitId) {
    await authorizeUnit(q, principal, unitId, 'reminder.urge');
    return [unitId];
  }
  return scopeIds(q, principal, 'reminder.urge');
}

async function findMissingUnits(
  q: Queryable,
  periodId: string | undefined,
  scope: string[] | null,
  visiblePeriods: ReadonlyArray<{ id: string }>,
): Promise<ReminderListDto['missingUnits']> {
  if (!periodId || !visiblePeriods.some((period) => period.id === periodId)) return [];
  const found = await findExpectedUnitsOfPeriod(q, periodId, todayVn());
  if (!found) return [];
  const inScope = scope === null ? null : new Set(scope);
  return found.units
    .filter((unit) => unit.state === 'missing' && (inScope === null || inScope.has(unit.unitId)))
    .map((unit) => ({ id: unit.unitId, name: unit.name, isOverdue: unit.isOverdue }));
}

/**
 * The urging list ("Danh sách đôn đốc"): every reminder and urge sent about units of the caller's
 * scope — one row per recipient and channel, with the delivery result and who sent it — filtered by
 * unit, report period and the Vietnamese days it was sent. A unit outside the scope is "not found".
 */
export async function findReminders(
  q: Queryable,
  principal: Principal,
  query: ReminderListQuery,
): Promise<ReminderListDto> {
  const unitIds = await reminderScope(q, principal, query.unitId);
  const { rows, total } = await findReminderLog(q, {
    unitIds,
    periodId: query.periodId ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    limit: query.limit,
    offset: query.offset,
  });
  const urgeScope = query.unitId ? await scopeIds(q, principal, 'reminder.urge') : unitIds;
  const periods = await findPeriodsOfOwners(q, urgeScope, 200);
  return {
    items: rows.map(presentReminder),
    total,
    periods,
    missingUnits: await findMissingUnits(q, query.periodId, urgeScope, periods),
    canUrge: urgeScope === null || urgeScope.length > 0,
  };
}
