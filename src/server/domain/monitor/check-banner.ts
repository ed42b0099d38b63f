import { dayOf } from '../../../shared/dates';
import { foldForSearch } from '../../../shared/text';
import { urlKey } from '../../../shared/url-key';
import type { Db } from '../../db/client';
import { insertActivities } from '../../db/repositories/activities';
import { insertAuditEntries } from '../../db/repositories/audit';
import { getChannelRow } from '../../db/repositories/channels';
import { type CheckRow, updateCheckRow } from '../../db/repositories/monitor';
import { getUnitRow } from '../../db/repositories/units';
import { FetchFailure } from '../../monitor/contract';
import type { FileStore } from '../../storage/file-store';
import { findCurrentProvinceId } from '../units/find-province';
import { reportProgress } from './check-progress';
import type { MonitorDeps } from './deps';
import { loadMonitorSettings } from './monitor-settings-of';
import { type CheckJobOptions, runMonitorCheck } from './run-check';
import { MONITOR_ACTOR } from './snapshots/store-snapshot';

export const BANNER_TITLE = 'Banner "Chuyển đổi số" trên trang chủ';

/** The homepage a banner is looked for on: the unit's website, else the origin of its column's address. */
export function homepageOf(unitWebsite: string | null, channelUrl: string | null): string | null {
  if (unitWebsite) return unitWebsite;
  if (!channelUrl) return null;
  try {
    return `${new URL(channelUrl).origin}/`;
  } catch {
    return null;
  }
}

/**
 * One banner check (job monitor.check, kind banner; duty D9): reads the unit's homepage, looks for a link
 * to the province portal's DX column (monitor_settings.banner_target_url), keeps the page as a
 * snapshot and writes a banner record — verified when the link was there — dated at the fetch, so
 * the banner criteria count it like a banner an officer recorded. A banner seen last time and gone
 * now alerts the unit and the DX office.
 */
export function checkBanner(options: CheckJobOptions): Promise<string> {
  return runMonitorCheck(options, 'banner', runBannerCheck, 'Không đọc được trang chủ');
}

async function runBannerCheck(db: Db, fileStore: FileStore, deps: MonitorDeps, check: CheckRow) {
  const channel = await getChannelRow(db, check.channelId);
  const unit = await getUnitRow(db, check.unitId);
  const homepage = homepageOf(unit?.websiteUrl ?? null, channel?.url ?? channel?.feedUrl ?? null);
  if (!channel || !homepage) throw new FetchFailure('invalid_url', 'Đơn vị chưa có địa chỉ trang chủ.');
  const settings = await loadMonitorSettings(db, await findCurrentProvinceId(db, check.unitId));
  const target = settings.bannerTargetUrl;
  if (!target)
    throw new FetchFailure(
      'invalid_url',
      'Tỉnh chưa cài đặt địa chỉ chuyên mục CĐS của cổng thông tin tỉnh (đích của banner).',
    );

  await reportProgress(db, check.id, 'Đang đọc trang chủ của đơn vị');
  const page = await deps.fetcher.fetch(homepage, { accept: 'html' });
  const link = deps.findBannerLink(page, target);
  const snapshot = await deps.storeSnapshot(db, fileStore, page, {
    unitId: check.unitId,
    channelId: channel.id,
    text: null,
  });
  await db.transaction(async (tx) => {
    const [activityId] = await insertActivities(tx, [
      {
        kind: 'banner',
        unitId: check.unitId,
        channelId: channel.id,
        occurredAt: page.fetchedAt,
        occurredOn: dayOf(page.fetchedAt),
        title: BANNER_TITLE,
        searchText: foldForSearch(BANNER_TITLE),
        url: page.finalUrl,
        urlKey: urlKey(page.finalUrl),
        targetUrl: link.href ?? target,
        isVerified: link.found,
        provenance: 'monitor',
        snapshotId: snapshot.id,
      },
    ]);
    await insertAuditEntries(tx, MONITOR_ACTOR, [
      {
        action: 'activity.create',
        entityType: 'activity',
        entityId: activityId!,
        unitId: check.unitId,
        summary: `${BANNER_TITLE}: ${link.found ? 'có liên kết đến chuyên mục CĐS của tỉnh' : 'không thấy liên kết'}`,
        after: {
          checkId: check.id,
          url: page.finalUrl,
          targetUrl: link.href ?? target,
          isVerified: link.found,
        },
      },
    ]);
    await deps.linkSnapshotToActivity(tx, snapshot.id, activityId!);
    await updateCheckRow(tx, check.id, {
      status: 'succeeded',
      finishedAt: deps.now(),
      progress: null,
      pagesFetched: 1,
      bannerFound: link.found,
      snapshotId: snapshot.id,
    });
  });
  return link.found ? 'Có banner liên kết đến chuyên mục CĐS của tỉnh' : 'Không thấy banner';
}
