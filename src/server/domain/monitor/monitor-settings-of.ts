import type { Queryable } from '../../db/client';
import { findMonitorSettings, type MonitorSettingsRow } from '../../db/repositories/monitor';
import type { UnitGraph } from '../units/unit-graph';

/** A province's monitor settings as they apply: its row, or the defaults of the table when it has none. */
export interface EffectiveMonitorSettings {
  isEnabled: boolean;
  checkHour: number;
  intervalDays: number;
  bannerTargetUrl: string | null;
  failureAlertAfter: number;
  staleAlertAfterDays: number;
}

export const DEFAULT_MONITOR_SETTINGS: EffectiveMonitorSettings = {
  isEnabled: true,
  checkHour: 2,
  intervalDays: 1,
  bannerTargetUrl: null,
  failureAlertAfter: 3,
  staleAlertAfterDays: 30,
};

export function effectiveSettings(row: MonitorSettingsRow | undefined): EffectiveMonitorSettings {
  if (!row) return DEFAULT_MONITOR_SETTINGS;
  return {
    isEnabled: row.isEnabled,
    checkHour: row.checkHour,
    intervalDays: row.intervalDays,
    bannerTargetUrl: row.bannerTargetUrl,
    failureAlertAfter: row.failureAlertAfter,
    staleAlertAfterDays: row.staleAlertAfterDays,
  };
}

export async function loadMonitorSettings(
  q: Queryable,
  provinceId: string | null,
): Promise<EffectiveMonitorSettings> {
  return effectiveSettings(provinceId ? await findMonitorSettings(q, provinceId) : undefined);
}

/** The current province above a unit, from the graph (a unit outside every province: null). */
export function provinceInGraph(graph: UnitGraph, unitId: string): string | null {
  for (const id of graph.governingIds(unitId)) {
    const unit = graph.unit(id);
    if (unit?.kind === 'province' && unit.validTo === null) return id;
  }
  return null;
}
