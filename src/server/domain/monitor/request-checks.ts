import type { CheckDto, CheckNowBody } from '../../../shared/api/monitor';
import { todayVn } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { type CheckRow, findMonitoredChannels, findPendingChecks } from '../../db/repositories/monitor';
import { getUnitRow } from '../../db/repositories/units';
import { AppError, notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { findCurrentProvinceId } from '../units/find-province';
import { homepageOf } from './check-banner';
import { hasMonitorDeps } from './deps';
import { loadMonitorSettings } from './monitor-settings-of';
import { presentCheck } from './present-monitor';
import { type CheckRequest, queueChecks } from './queue-checks';

/** A check queued this recently and not finished is answered instead of queueing a second one (older: lost). */
const PENDING_WINDOW_MS = 24 * 3600_000;

/**
 * "Kiểm tra ngay": queues a column check of the unit's website columns (or one of them) and a banner
 * check of its homepage, with trigger 'manual' and the person who asked; answers the checks, whose
 * progress the page then polls. A check of the same kind and channel still waiting is answered
 * instead of queueing a second one.
 */
export async function requestChecks(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  unitId: string;
  body: CheckNowBody;
  now: Date;
}): Promise<CheckDto[]> {
  const { db, principal, actor, unitId, body, now } = options;
  await authorizeUnit(db, principal, unitId, 'monitor.check');
  if (!hasMonitorDeps())
    throw new AppError('CONFLICT', 'Chức năng giám sát trang tin chưa được bật trên máy chủ này.');
  const channels = (await findMonitoredChannels(db, todayVn(now), [unitId])).filter(
    (channel) => !body.channelId || channel.id === body.channelId,
  );
  if (body.channelId && channels.length === 0)
    throw notFound('Không tìm thấy chuyên mục trên trang web của đơn vị.');
  if (channels.length === 0)
    throw new AppError('CONFLICT', 'Đơn vị chưa có chuyên mục CĐS trên trang web có địa chỉ để kiểm tra.', [
      { field: 'channelId', message: 'Thêm địa chỉ chuyên mục trong phần Kênh của đơn vị.' },
    ]);
  const settings = await loadMonitorSettings(db, await findCurrentProvinceId(db, unitId));
  const unit = await getUnitRow(db, unitId);
  const waiting = await findPendingChecks(
    db,
    channels.map((channel) => channel.id),
    new Date(now.getTime() - PENDING_WINDOW_MS),
  );
  const pending = new Map(waiting.map((check) => [`${check.channelId}:${check.kind}`, check]));
  const answered: CheckRow[] = [];

  const requests: CheckRequest[] = [];
  for (const channel of channels) {
    const url = channel.url ?? channel.feedUrl!;
    const already = pending.get(`${channel.id}:column`);
    if (!body.kinds.includes('column')) continue;
    if (already) answered.push(already);
    else requests.push({ channelId: channel.id, unitId, kind: 'column', url });
  }
  const first = channels[0]!;
  const bannerWaiting = pending.get(`${first.id}:banner`);
  if (body.kinds.includes('banner') && bannerWaiting) answered.push(bannerWaiting);
  else if (body.kinds.includes('banner') && settings.bannerTargetUrl) {
    const homepage = homepageOf(unit?.websiteUrl ?? null, first.url ?? first.feedUrl);
    if (homepage) requests.push({ channelId: first.id, unitId, kind: 'banner', url: homepage });
  }
  if (requests.length === 0 && answered.length === 0)
    throw new AppError(
      'CONFLICT',
      'Tỉnh chưa cài đặt địa chỉ chuyên mục CĐS của cổng thông tin tỉnh (đích của banner).',
      [{ field: 'kinds', message: 'Chỉ kiểm tra được chuyên mục khi chưa có đích của banner.' }],
    );
  if (requests.length === 0) return answered.map(presentCheck);

  const rows = await db.transaction(async (tx) => {
    const created = await queueChecks(tx, requests, { trigger: 'manual', requestedBy: actor.userId, now });
    await insertAuditEntries(
      tx,
      actor,
      created.map((row) => ({
        action: 'monitor.check_now',
        entityType: 'monitor_check',
        entityId: row.id,
        unitId,
        summary: row.kind === 'column' ? 'Kiểm tra ngay chuyên mục CĐS' : 'Kiểm tra ngay banner CĐS',
        after: { channelId: row.channelId, kind: row.kind },
      })),
    );
    return created;
  });
  return [...answered, ...rows].map(presentCheck);
}
