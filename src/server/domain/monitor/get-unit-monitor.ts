import type { UnitMonitorDto } from '../../../shared/api/monitor';
import type { Queryable } from '../../db/client';
import { findChannelsOfUnit, getChannelRow } from '../../db/repositories/channels';
import {
  countItemsByChannel,
  findRecentChecks,
  findSiteOverrides,
  getCheckRow,
} from '../../db/repositories/monitor';
import { notFound } from '../../errors';
import { activeClassifierInfo } from '../../monitor/classify/active';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { findCurrentProvinceId } from '../units/find-province';
import { loadUnitGraph } from '../units/load-unit-graph';
import { loadMonitorSettings } from './monitor-settings-of';
import { presentCheck } from './present-monitor';

/** Banner checks shown as the banner's history. */
const BANNER_HISTORY = 30;
/** Failed checks listed with their reasons per channel. */
const FAILURES_SHOWN = 5;

/**
 * A unit's monitor page: each website DX column with its last check, the items found (recorded,
 * waiting for review, ignored) and its latest failures with their reasons; the banner's last check
 * and history; what the viewer may do.
 */
export async function getUnitMonitor(
  q: Queryable,
  principal: Principal,
  unitId: string,
): Promise<UnitMonitorDto> {
  const actions = await authorizeUnit(q, principal, unitId, 'unit.view');
  const provinceId = await findCurrentProvinceId(q, unitId);
  const settings = await loadMonitorSettings(q, provinceId);
  const channels = (await findChannelsOfUnit(q, unitId, { withActivityCount: false })).filter(
    (channel) => channel.kind === 'website_column',
  );
  const counts = new Map(
    (
      await countItemsByChannel(
        q,
        channels.map((channel) => channel.id),
      )
    ).map((row) => [row.channelId, row]),
  );
  const result: UnitMonitorDto['channels'] = [];
  const bannerChecks = [];
  for (const channel of channels) {
    const checks = await findRecentChecks(q, channel.id, 'column', 50);
    const count = counts.get(channel.id);
    result.push({
      channelId: channel.id,
      name: channel.name,
      url: channel.url,
      feedUrl: channel.feedUrl,
      hasOverrides: Boolean(await findSiteOverrides(q, channel.id)),
      lastCheck: checks[0] ? presentCheck(checks[0]) : null,
      recentFailures: checks
        .filter((check) => check.status === 'failed')
        .slice(0, FAILURES_SHOWN)
        .map(presentCheck),
      items: {
        found: count?.found ?? 0,
        recorded: count?.recorded ?? 0,
        review: count?.review ?? 0,
        ignored: count?.ignored ?? 0,
      },
    });
    bannerChecks.push(...(await findRecentChecks(q, channel.id, 'banner', BANNER_HISTORY)));
  }
  bannerChecks.sort((a, b) => b.queuedAt.getTime() - a.queuedAt.getTime());
  const history = bannerChecks.slice(0, BANNER_HISTORY).map(presentCheck);
  // As send-monitor-alerts decides "banner lost": the last settled check missed it, the one before found it.
  const settled = history.filter((check) => check.status === 'succeeded');
  const isLost = settled[0]?.bannerFound === false && settled[1]?.bannerFound === true;
  const graph = await loadUnitGraph(q);
  return {
    unitId,
    unitName: graph.latestName(unitId) ?? '',
    provinceId,
    isEnabled: settings.isEnabled,
    bannerTargetUrl: settings.bannerTargetUrl,
    channels: result,
    banner: { lastCheck: history[0] ?? null, history, isLost },
    canCheck: actions.includes('monitor.check'),
    canManage: actions.includes('monitor.manage'),
    classifier: activeClassifierInfo(),
  };
}

/** One check, for the live progress of "check now"; outsiders get "not found". */
export async function getCheck(q: Queryable, principal: Principal, checkId: string) {
  const check = await getCheckRow(q, checkId);
  if (!check) throw notFound();
  await authorizeUnit(q, principal, check.unitId, 'unit.view');
  return presentCheck(check);
}

/** A website channel the principal may see, or "not found". */
export async function loadVisibleChannel(q: Queryable, principal: Principal, channelId: string) {
  const channel = await getChannelRow(q, channelId);
  if (!channel || channel.deletedAt || channel.kind !== 'website_column') throw notFound();
  const actions = await authorizeUnit(q, principal, channel.unitId, 'unit.view');
  return { channel, actions };
}
