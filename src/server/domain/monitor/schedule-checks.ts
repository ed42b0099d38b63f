import { todayVn } from '../../../shared/dates';
import type { Db } from '../../db/client';
import {
  findAllMonitorSettings,
  findChannelCheckStates,
  findMonitoredChannels,
} from '../../db/repositories/monitor';
import { loadUnitGraph } from '../units/load-unit-graph';
import { homepageOf } from './check-banner';
import { hasMonitorDeps } from './deps';
import { DEFAULT_MONITOR_SETTINGS, effectiveSettings, provinceInGraph } from './monitor-settings-of';
import { type CheckRequest, queueChecks } from './queue-checks';

/** A check queued this long ago and still not finished is taken as lost: a new one may be queued. */
const LOST_AFTER_MS = 24 * 3600_000;
/** Slack on the interval, so a check that ran a little late yesterday is not skipped today. */
const INTERVAL_SLACK_MS = 2 * 3600_000;

/** The hour of the day in Vietnam. */
const vnHour = (now: Date) => new Date(now.getTime() + 7 * 3600_000).getUTCHours();

/**
 * The hourly pass (job monitor.schedule): queues a column check for every monitored website column
 * whose province checks at this hour (monitor_settings: enabled, check_hour, interval_days; the
 * defaults when a province has no row) and whose last check is at least the interval old, and one
 * banner check per unit when the province set the banner's target. Idempotent within the hour: a
 * check already queued or running is not queued again.
 */
export async function scheduleMonitorChecks(db: Db, now: Date): Promise<{ column: number; banner: number }> {
  // Before the parts are wired (or on an installation without them) nothing is queued to fail.
  if (!hasMonitorDeps()) return { column: 0, banner: 0 };
  const today = todayVn(now);
  const hour = vnHour(now);
  const graph = await loadUnitGraph(db);
  const settingsByProvince = new Map(
    (await findAllMonitorSettings(db)).map((row) => [row.provinceId, effectiveSettings(row)]),
  );
  const states = new Map(
    (await findChannelCheckStates(db, new Date(now.getTime() - LOST_AFTER_MS))).map((state) => [
      `${state.channelId}:${state.kind}`,
      state,
    ]),
  );
  const isDue = (channelId: string, kind: 'column' | 'banner', intervalDays: number) => {
    const state = states.get(`${channelId}:${kind}`);
    if (!state) return true;
    if (state.isPending) return false;
    const age = now.getTime() - new Date(state.lastQueuedAt).getTime();
    return age >= intervalDays * 86_400_000 - INTERVAL_SLACK_MS;
  };

  const requests: CheckRequest[] = [];
  const bannerUnits = new Set<string>();
  for (const channel of await findMonitoredChannels(db, today)) {
    const unit = graph.unit(channel.unitId);
    if (!unit || (unit.validTo !== null && unit.validTo <= today)) continue;
    const provinceId = provinceInGraph(graph, channel.unitId);
    const settings = (provinceId && settingsByProvince.get(provinceId)) || DEFAULT_MONITOR_SETTINGS;
    if (!settings.isEnabled || settings.checkHour !== hour) continue;
    const url = channel.url ?? channel.feedUrl!;
    if (isDue(channel.id, 'column', settings.intervalDays))
      requests.push({ channelId: channel.id, unitId: channel.unitId, kind: 'column', url });
    // One banner check per unit, on its first website column.
    if (settings.bannerTargetUrl && !bannerUnits.has(channel.unitId)) {
      bannerUnits.add(channel.unitId);
      if (isDue(channel.id, 'banner', settings.intervalDays))
        requests.push({
          channelId: channel.id,
          unitId: channel.unitId,
          kind: 'banner',
          url: homepageOf(null, url) ?? url,
        });
    }
  }
  if (requests.length)
    await db.transaction((tx) => queueChecks(tx, requests, { trigger: 'schedule', requestedBy: null, now }));
  return {
    column: requests.filter((request) => request.kind === 'column').length,
    banner: requests.filter((request) => request.kind === 'banner').length,
  };
}
