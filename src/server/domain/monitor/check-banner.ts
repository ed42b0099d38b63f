import { dayOf } from '../../../shared/dates';
import { foldForSearch } from '../../../shared/text';
import { urlKey } from '../../../shared/url-key';
import type { Db } from '../../db/client';
import { insertActivities } from '../../db/repositories/activities';
import { insertAuditEntries } from '../../db/repositories/audit';
import { getChannelRow } from '../../db/repositories/channels';
import { type CheckRow, getCheckRow, updateCheckRow } from '../../db/repositories/monitor';
import { getUnitRow } from '../../db/repositories/units';
import { FetchFailure } from '../../monitor/contract';
import type { FileStore } from '../../storage/file-store';
import { findCurrentProvinceId } from '../units/find-province';
import { failCheck, reportProgress, startCheck } from './check-progress';
import { type MonitorDeps, monitorDeps } from './deps';
import { loadMonitorSettings } from './monitor-settings-of';
import { sendMonitorAlerts } from './send-monitor-alerts';
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
 * One banner check (job monitor.check-banner, duty D9): reads the unit's homepage, looks for a link
 * to the province portal's DX column (monitor_settings.banner_target_url), keeps the page as a
 * snapshot and writes a banner record — verified when the link was there — dated at the fetch, so
 * the banner criteria count it like a banner an officer recorded. A banner seen last time and gone
 * now alerts the unit and the DX office.
 */
export async function checkBanner(options: {
  db: Db;
  fileStore: FileStore;
  checkId: string;
  deps?: MonitorDeps;
}): Promise<string> {
  const { db, fileStore, checkId } = options;
  const deps = options.deps ?? monitorDeps();
  const started = await startCheck(db, checkId, 'banner', deps.now());
  if (!started) return 'Lần kiểm tra đã xong trước đó';
  let summary: string;
  try {
    summary = await runBannerCheck(db, fileStore, deps, started);
  } catch (error) {
    await failCheck(db, checkId, error, deps.now());
    if (!(error instanceof FetchFailure)) throw error;
    summary = `Không đọc được trang chủ: ${error.message}`;
  }
  // Alerts come after the check is settled: a failure to alert never changes the check's outcome.
  await sendMonitorAlerts(db, (await getCheckRow(db, checkId))!, deps.now());
  return summary;
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
