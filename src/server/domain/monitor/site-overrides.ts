import type { OverridesTestDto, SiteOverridesBody, SiteOverridesDto } from '../../../shared/api/monitor';
import type { Db, Queryable } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { findSiteOverrides, upsertSiteOverrides } from '../../db/repositories/monitor';
import { AppError } from '../../errors';
import { FetchFailure, type SiteOverrides } from '../../monitor/contract';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { readColumnListing, toSiteOverrides } from './check-column';
import { hasMonitorDeps, type MonitorDeps, monitorDeps } from './deps';
import { loadVisibleChannel } from './get-unit-monitor';

/** Items shown by "test against the live page". */
const TEST_ITEMS_SHOWN = 50;

const emptyOverrides = (body: SiteOverridesBody): Required<SiteOverrides> => ({
  listingUrl: body.listingUrl ?? null,
  itemSelector: body.itemSelector ?? null,
  linkSelector: body.linkSelector ?? null,
  titleSelector: body.titleSelector ?? null,
  dateSelector: body.dateSelector ?? null,
  leadSelector: body.leadSelector ?? null,
  nextSelector: body.nextSelector ?? null,
  dateFormat: body.dateFormat ?? null,
});

/** A website column's listing overrides (all empty when the automatic detection is used). */
export async function getSiteOverrides(
  q: Queryable,
  principal: Principal,
  channelId: string,
): Promise<SiteOverridesDto> {
  const { channel, actions } = await loadVisibleChannel(q, principal, channelId);
  const overrides = emptyOverrides(toSiteOverrides(await findSiteOverrides(q, channelId)));
  return {
    channelId,
    channelName: channel.name,
    unitId: channel.unitId,
    channelUrl: channel.url,
    ...overrides,
    canEdit: actions.includes('monitor.manage'),
  };
}

/** Saves a site's overrides (the DX office, after testing them); audited with before and after. */
export async function updateSiteOverrides(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  channelId: string;
  body: SiteOverridesBody;
}): Promise<SiteOverridesDto> {
  const { db, principal, actor, channelId, body } = options;
  await db.transaction(async (tx) => {
    const { channel } = await loadVisibleChannel(tx, principal, channelId);
    await authorizeUnit(tx, principal, channel.unitId, 'monitor.manage');
    const before = emptyOverrides(toSiteOverrides(await findSiteOverrides(tx, channelId)));
    const after = emptyOverrides(body);
    await upsertSiteOverrides(tx, channelId, { ...after, updatedBy: principal.userId });
    await insertAuditEntries(tx, actor, [
      {
        action: 'monitor_overrides.update',
        entityType: 'channel',
        entityId: channelId,
        unitId: channel.unitId,
        summary: `Sửa cách đọc chuyên mục "${channel.name}" của trình giám sát`,
        before,
        after,
      },
    ]);
  });
  return getSiteOverrides(db, principal, channelId);
}

/**
 * "Thử với trang thật": reads the column's first listing page with the given (unsaved) overrides and
 * answers the items found and how; stores nothing. A fetch refused or failed is answered with its
 * reason, not as an error of the request.
 */
export async function testSiteOverrides(options: {
  db: Db;
  principal: Principal;
  channelId: string;
  body: SiteOverridesBody;
  deps?: MonitorDeps;
}): Promise<OverridesTestDto> {
  const { db, principal, channelId, body } = options;
  const { channel } = await loadVisibleChannel(db, principal, channelId);
  await authorizeUnit(db, principal, channel.unitId, 'monitor.manage');
  if (!options.deps && !hasMonitorDeps())
    throw new AppError('CONFLICT', 'Chức năng giám sát trang tin chưa được bật trên máy chủ này.');
  const deps = options.deps ?? monitorDeps();
  const overrides = emptyOverrides(body);
  const start = overrides.listingUrl ?? channel.feedUrl ?? channel.url;
  if (!start)
    return {
      ok: false,
      method: null,
      pagesFetched: 0,
      items: [],
      errorCode: 'invalid_url',
      errorMessage: 'Kênh chưa có địa chỉ trang web; nhập địa chỉ trang danh sách tin.',
    };
  try {
    const listing = await readColumnListing(deps, {
      startUrl: start,
      overrides,
      mayPreferFeed: false,
      periodStart: null,
      now: deps.now(),
    });
    return {
      ok: true,
      method: listing.method,
      pagesFetched: listing.pages,
      items: listing.items.slice(0, TEST_ITEMS_SHOWN).map((item) => ({
        url: item.url,
        title: item.title,
        lead: item.lead,
        publishedAt: item.publishedAt,
      })),
      errorCode: null,
      errorMessage: null,
    };
  } catch (error) {
    if (!(error instanceof FetchFailure)) throw error;
    return {
      ok: false,
      method: null,
      pagesFetched: 0,
      items: [],
      errorCode: error.code,
      errorMessage: error.message,
    };
  }
}
