import type { ReminderSettingsDto } from '../../../shared/api/reminders';
import type { Db, Queryable } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { findReminderSettings, upsertReminderSettings } from '../../db/repositories/reminders';
import { notFound } from '../../errors';
import { actionsOnUnit, authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { findCurrentProvinceId } from '../units/find-province';
import { loadUnitGraph } from '../units/load-unit-graph';
import { findGoverningIds } from '../units/unit-scope';

async function provinceOf(q: Queryable, principal: Principal, unitId: string): Promise<string> {
  await authorizeUnit(q, principal, unitId, 'unit.view');
  const provinceId = await findCurrentProvinceId(q, unitId);
  if (!provinceId) throw notFound('Đơn vị không thuộc tỉnh nào nên không có cài đặt nhắc việc.');
  return provinceId;
}

async function present(q: Queryable, principal: Principal, provinceId: string): Promise<ReminderSettingsDto> {
  const row = await findReminderSettings(q, provinceId);
  const graph = await loadUnitGraph(q);
  return {
    provinceId,
    provinceName: graph.latestName(provinceId) ?? '',
    weeklyBroadcastReminders: row?.weeklyBroadcastReminders ?? true,
    canEdit: actionsOnUnit(principal, await findGoverningIds(q, provinceId)).includes('settings.manage'),
  };
}

/** The reminder settings of the province a unit belongs to (weekly reminders on unless turned off). */
export async function getReminderSettings(q: Queryable, principal: Principal, unitId: string) {
  return present(q, principal, await provinceOf(q, principal, unitId));
}

/** The province's DX office turns the Friday broadcast reminder on or off; audited. */
export async function updateReminderSettings(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  unitId: string;
  weeklyBroadcastReminders: boolean;
}): Promise<ReminderSettingsDto> {
  const { db, principal, actor } = options;
  return db.transaction(async (tx) => {
    const provinceId = await provinceOf(tx, principal, options.unitId);
    await authorizeUnit(tx, principal, provinceId, 'settings.manage');
    const before = await findReminderSettings(tx, provinceId);
    await upsertReminderSettings(tx, provinceId, {
      weeklyBroadcastReminders: options.weeklyBroadcastReminders,
      updatedBy: principal.userId,
    });
    await insertAuditEntries(tx, actor, [
      {
        action: 'reminder_settings.update',
        entityType: 'reminder_settings',
        entityId: provinceId,
        unitId: provinceId,
        summary: options.weeklyBroadcastReminders
          ? 'Bật nhắc phát sóng CĐS hằng tuần'
          : 'Tắt nhắc phát sóng CĐS hằng tuần',
        before: { weeklyBroadcastReminders: before?.weeklyBroadcastReminders ?? true },
        after: { weeklyBroadcastReminders: options.weeklyBroadcastReminders },
      },
    ]);
    return present(tx, principal, provinceId);
  });
}
