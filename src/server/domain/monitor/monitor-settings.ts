import type { MonitorSettingsBody, MonitorSettingsDto } from '../../../shared/api/monitor';
import type { Db, Queryable } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { findMonitorSettings, upsertMonitorSettings } from '../../db/repositories/monitor';
import { notFound } from '../../errors';
import { actionsOnUnit, authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { findCurrentProvinceId } from '../units/find-province';
import { loadUnitGraph } from '../units/load-unit-graph';
import { findGoverningIds } from '../units/unit-scope';
import { effectiveSettings } from './monitor-settings-of';

async function provinceOf(q: Queryable, principal: Principal, unitId: string): Promise<string> {
  await authorizeUnit(q, principal, unitId, 'unit.view');
  const provinceId = await findCurrentProvinceId(q, unitId);
  if (!provinceId) throw notFound('Đơn vị không thuộc tỉnh nào nên không có cài đặt giám sát.');
  return provinceId;
}

async function present(q: Queryable, principal: Principal, provinceId: string): Promise<MonitorSettingsDto> {
  const settings = effectiveSettings(await findMonitorSettings(q, provinceId));
  const graph = await loadUnitGraph(q);
  return {
    provinceId,
    provinceName: graph.latestName(provinceId) ?? '',
    ...settings,
    canEdit: actionsOnUnit(principal, await findGoverningIds(q, provinceId)).includes('monitor.manage'),
  };
}

/** The monitor settings of the province a unit belongs to (the defaults until the office sets them). */
export async function getMonitorSettings(q: Queryable, principal: Principal, unitId: string) {
  return present(q, principal, await provinceOf(q, principal, unitId));
}

/** The province's DX office sets when sites are checked, the banner's target and the alert thresholds; audited. */
export async function updateMonitorSettings(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  unitId: string;
  body: MonitorSettingsBody;
}): Promise<MonitorSettingsDto> {
  const { db, principal, actor, body } = options;
  return db.transaction(async (tx) => {
    const provinceId = await provinceOf(tx, principal, options.unitId);
    await authorizeUnit(tx, principal, provinceId, 'monitor.manage');
    const before = effectiveSettings(await findMonitorSettings(tx, provinceId));
    await upsertMonitorSettings(tx, provinceId, { ...body, updatedBy: principal.userId });
    await insertAuditEntries(tx, actor, [
      {
        action: 'monitor_settings.update',
        entityType: 'monitor_settings',
        entityId: provinceId,
        unitId: provinceId,
        summary: `Sửa cài đặt giám sát trang tin (${body.isEnabled ? 'bật' : 'tắt'}, ${body.checkHour} giờ, mỗi ${body.intervalDays} ngày)`,
        before: { ...before },
        after: { ...body },
      },
    ]);
    return present(tx, principal, provinceId);
  });
}
