import { dayOf, formatVnDate, vnInstant } from '../../../shared/dates';
import type { Queryable } from '../../db/client';
import { getChannelRow } from '../../db/repositories/channels';
import {
  type CheckRow,
  findFinishedChecks,
  findLatestPostAt,
  findRecentChecks,
} from '../../db/repositories/monitor';
import { findUnitRecipients } from '../../db/repositories/reminders';
import { getUnitRow } from '../../db/repositories/units';
import { UNIT_PEOPLE } from '../reminders/send-deadline-reminders';
import { tellUnitPeople, type UnitMessage } from '../reminders/tell-unit-people';
import { findCurrentProvinceId } from '../units/find-province';
import { loadMonitorSettings } from './monitor-settings-of';

export const monitorUnitLink = (unitId: string) => `/monitor/units/${unitId}`;

/** How far back a failure streak is followed (longer streaks keep the key of their first 100). */
const STREAK_WINDOW = 100;

interface Alert {
  kind: 'monitor.failing' | 'monitor.stale' | 'monitor.banner_lost';
  title: string;
  body: string;
  /** Unique per occurrence, so the same alert is not sent again by the next day's check. */
  dedupeBase: string;
}

/**
 * After each check: tells the unit's officers and head, and the province's DX office, in the app and
 * by e-mail, when a site has failed `failure_alert_after` checks in a row, when a DX column has had no
 * new post for `stale_alert_after_days` days, or when a banner seen at the previous check is gone.
 * Each alert carries a dedupe key naming its occurrence (the streak's first failure, the last post's
 * day, the check that lost the banner), so daily checks repeat nothing. Returns the rows written.
 */
export async function sendMonitorAlerts(q: Queryable, check: CheckRow, now: Date): Promise<number> {
  const [channel, unit] = [await getChannelRow(q, check.channelId), await getUnitRow(q, check.unitId)];
  if (!channel || !unit) return 0;
  const provinceId = await findCurrentProvinceId(q, check.unitId);
  const settings = await loadMonitorSettings(q, provinceId);
  const alerts: Alert[] = [];
  const site = `${unit.name} – ${channel.name}`;

  if (check.status === 'failed') {
    const finished = await findFinishedChecks(
      q,
      channel.id,
      Math.max(settings.failureAlertAfter, STREAK_WINDOW),
    );
    const streak = [];
    for (const row of finished) {
      if (row.status !== 'failed') break;
      streak.push(row);
    }
    if (streak.length >= settings.failureAlertAfter) {
      const first = streak.at(-1)!;
      alerts.push({
        kind: 'monitor.failing',
        title: `Không kiểm tra được trang của ${unit.name}`,
        body: `${site}: ${streak.length} lần kiểm tra liên tiếp không thành công (từ ${formatVnDate(dayOf(first.queuedAt))}). Lần gần nhất: ${check.errorMessage ?? 'lỗi không rõ'}. Đề nghị kiểm tra địa chỉ trang và tình trạng máy chủ.`,
        dedupeBase: `monitor-failing:${first.id}`,
      });
    }
  }

  if (check.status === 'succeeded' && check.kind === 'column') {
    const latest =
      (await findLatestPostAt(q, channel.id)) ??
      (channel.startedOn ? vnInstant(channel.startedOn) : channel.createdAt);
    const days = Math.floor((now.getTime() - latest.getTime()) / 86_400_000);
    if (days >= settings.staleAlertAfterDays) {
      alerts.push({
        kind: 'monitor.stale',
        title: `Chuyên mục CĐS của ${unit.name} chưa có tin mới`,
        body: `${site}: ${days} ngày chưa có tin bài mới (tin gần nhất: ${formatVnDate(dayOf(latest))}). Đề nghị đăng tin về chuyển đổi số.`,
        dedupeBase: `monitor-stale:${channel.id}:${dayOf(latest)}`,
      });
    }
  }

  if (check.status === 'succeeded' && check.kind === 'banner' && check.bannerFound === false) {
    const previous = (await findRecentChecks(q, channel.id, 'banner', 20)).find(
      (row) => row.id !== check.id && row.status === 'succeeded' && row.queuedAt <= check.queuedAt,
    );
    if (previous?.bannerFound) {
      alerts.push({
        kind: 'monitor.banner_lost',
        title: `Banner CĐS không còn trên trang của ${unit.name}`,
        body: `${site}: lần kiểm tra ngày ${formatVnDate(dayOf(previous.finishedAt ?? previous.queuedAt))} còn thấy banner liên kết đến chuyên mục CĐS của tỉnh, nay không thấy. Đề nghị đặt lại banner.`,
        dedupeBase: `monitor-banner-lost:${check.id}`,
      });
    }
  }

  if (alerts.length === 0) return 0;
  const recipients = [
    ...(await findUnitRecipients(q, [unit.id], UNIT_PEOPLE)),
    ...(provinceId ? await findUnitRecipients(q, [provinceId], ['dx_office']) : []),
  ];
  const messages: UnitMessage[] = alerts.map((alert) => ({
    unitId: unit.id,
    recipients,
    kind: alert.kind,
    title: alert.title,
    body: alert.body,
    link: monitorUnitLink(unit.id),
    subject: { type: 'channel', id: channel.id },
    actorId: null,
    dedupeBase: alert.dedupeBase,
  }));
  const { written } = await tellUnitPeople(q, messages, now);
  return written.length;
}
