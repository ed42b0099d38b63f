import { todayVn, vnInstant } from '../../../shared/dates';
import { normalizeText } from '../../../shared/text';
import { urlKey } from '../../../shared/url-key';
import type { Db } from '../../db/client';
import { getChannelRow } from '../../db/repositories/channels';
import {
  type CheckRow,
  findKnownUrlKeys,
  findSiteOverrides,
  insertItemIfNew,
  type SiteOverridesRow,
  updateCheckRow,
  updateItemRow,
} from '../../db/repositories/monitor';
import {
  type DiscoveredItem,
  type FetchedPage,
  FetchFailure,
  type ListingResult,
  type SiteOverrides,
} from '../../monitor/contract';
import type { FileStore } from '../../storage/file-store';
import { reportProgress } from './check-progress';
import type { MonitorDeps } from './deps';
import { findRecordOfPage, recordMonitorPost } from './record-monitor-post';
import { rememberingClassifier } from './remembered-decisions';
import { type CheckJobOptions, runMonitorCheck } from './run-check';
import { scoringPeriodStart } from './scoring-period-start';
import { MONITOR_ACTOR } from './snapshots/store-snapshot';

/** Listing pages read per check at most: a column's current period rarely spans more. */
export const MAX_LISTING_PAGES = 20;
/** Article pages fetched per check at most (for a date or a lead the listing lacks). */
export const MAX_ARTICLE_FETCHES = 30;
/** New items handled per check at most; the rest wait for the next check. */
export const MAX_NEW_ITEMS = 200;

/** The overrides as the parser takes them (the row's bookkeeping columns left out). */
export function toSiteOverrides(row: SiteOverridesRow | undefined): SiteOverrides {
  if (!row) return {};
  const { listingUrl, itemSelector, linkSelector, titleSelector, dateSelector, leadSelector } = row;
  return {
    listingUrl,
    itemSelector,
    linkSelector,
    titleSelector,
    dateSelector,
    leadSelector,
    nextSelector: row.nextSelector,
    dateFormat: row.dateFormat,
  };
}

const hasSelectors = (overrides: SiteOverrides) =>
  Boolean(overrides.itemSelector || overrides.linkSelector || overrides.titleSelector);

interface FoundItem extends DiscoveredItem {
  urlKey: string;
  /** The listing page the item was read from. */
  page: FetchedPage;
}

interface ListingRead {
  items: FoundItem[];
  pages: number;
  method: string;
}

/**
 * Reads a column's listing from its first page: the feed the page announces when the admin set no
 * overrides (feeds carry dates and leads), else the page itself and its next pages while their items
 * are still inside the scoring period. `onPage` reports each page read.
 */
export async function readColumnListing(
  deps: MonitorDeps,
  options: {
    startUrl: string;
    overrides: SiteOverrides;
    /** Follow the page's announced feed (no overrides, no feed URL of the channel's own). */
    mayPreferFeed: boolean;
    /** Items published before this instant end the walk (null: read only the first page). */
    periodStart: Date | null;
    now: Date;
    onPage?: (pageNumber: number) => Promise<void>;
  },
): Promise<ListingRead> {
  const { fetcher } = deps;
  const { overrides, now, periodStart } = options;
  await options.onPage?.(1);
  let page = await fetcher.fetch(options.startUrl, { accept: 'any' });
  let pages = 1;
  let result: ListingResult = deps.readListing(page, overrides, now);
  if (options.mayPreferFeed) {
    const [feedUrl] = deps.findSources(page).feeds;
    if (feedUrl) {
      try {
        const feedPage = await fetcher.fetch(feedUrl, { accept: 'feed' });
        pages += 1;
        const fromFeed = deps.readListing(feedPage, {}, now);
        if (fromFeed.items.length > 0) {
          page = feedPage;
          result = fromFeed;
        }
      } catch (error) {
        // A broken feed is no reason to fail the check: the page itself is read instead.
        if (!(error instanceof FetchFailure)) throw error;
      }
    }
  }
  if (options.mayPreferFeed && result.items.length === 0) {
    const fromSitemap = await readColumnSitemap(deps, page, now);
    if (fromSitemap) {
      page = fromSitemap.page;
      result = fromSitemap.result;
      pages += fromSitemap.pages;
    }
  }
  const items: FoundItem[] = [];
  const seen = new Set<string>();
  const visited = new Set([page.url, page.finalUrl]);
  const method = result.method;
  for (let pageNumber = 1; ; pageNumber += 1) {
    for (const item of result.items) {
      const key = urlKey(item.url);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      items.push({ ...item, urlKey: key, page });
    }
    const next = result.nextPageUrl;
    const reachedStart =
      periodStart === null ||
      result.items.length === 0 ||
      result.items.some((item) => item.publishedAt !== null && item.publishedAt < periodStart);
    if (!next || reachedStart || visited.has(next) || pageNumber >= MAX_LISTING_PAGES) break;
    await options.onPage?.(pageNumber + 1);
    page = await fetcher.fetch(next, { accept: 'any' });
    pages += 1;
    visited.add(page.url).add(page.finalUrl);
    result = deps.readListing(page, overrides, now);
  }
  return { items, pages, method };
}

/** Sitemaps read at most per check (an index and the sitemap it names first, say). */
const MAX_SITEMAP_FETCHES = 3;

/**
 * The last way to find a column's posts when neither its page nor a feed lists them (a page built by
 * scripts, say): the sitemaps the site names in robots.txt and its pages, the column's own entries
 * first (URLs under the column's path), else the site's newest entries for the classifier to sort.
 * A sitemap index is followed to its first sitemaps. A broken sitemap is no reason to fail the check.
 */
async function readColumnSitemap(
  deps: MonitorDeps,
  columnPage: FetchedPage,
  now: Date,
): Promise<{ page: FetchedPage; result: ListingResult; pages: number } | null> {
  let robotsTxt: string | null = null;
  try {
    robotsTxt = (await deps.fetcher.robotsTxt?.(columnPage.finalUrl)) ?? null;
  } catch (error) {
    if (!(error instanceof FetchFailure)) throw error;
  }
  const queue = deps.findSources(columnPage, robotsTxt).sitemaps;
  if (queue.length === 0) queue.push(new URL('/sitemap.xml', columnPage.finalUrl).href);
  const columnPath = new URL(columnPage.finalUrl).pathname.replace(/\/+$/, '');
  let fetches = 0;
  while (queue.length > 0 && fetches < MAX_SITEMAP_FETCHES) {
    const url = queue.shift()!;
    fetches += 1;
    let sitemap: FetchedPage;
    try {
      sitemap = await deps.fetcher.fetch(url, { accept: 'feed' });
    } catch (error) {
      if (!(error instanceof FetchFailure)) throw error;
      continue;
    }
    const read = deps.readListing(sitemap, {}, now);
    if (read.method === 'sitemap-index') {
      queue.unshift(...read.items.map((item) => item.url));
      continue;
    }
    if (read.items.length === 0) continue;
    const underColumn = columnPath
      ? read.items.filter((item) => new URL(item.url).pathname.startsWith(`${columnPath}/`))
      : [];
    const items = underColumn.length > 0 ? underColumn : read.items;
    return { page: sitemap, result: { ...read, items, nextPageUrl: null }, pages: fetches };
  }
  return null;
}

/**
 * One check of a website channel's DX column (job monitor.check, kind column): reads the listing back to
 * the start of the unit's scoring period, and for each item not seen before on the channel reads its
 * article when the listing lacks a date or a lead, classifies it, keeps a snapshot of the page it came
 * from and stores it: sure DX → a post record with the snapshot as evidence; sure not DX → ignored;
 * unsure or undated → the review queue. A page an officer already recorded gets the snapshot, not a
 * second record. Progress is written on the check's row for the "check now" screen. Returns what it
 * did, in words, for the job list.
 */
export function checkColumn(options: CheckJobOptions): Promise<string> {
  return runMonitorCheck(options, 'column', runColumnCheck, 'Không đọc được chuyên mục');
}

async function runColumnCheck(db: Db, fileStore: FileStore, deps: MonitorDeps, check: CheckRow) {
  const now = deps.now();
  const channel = await getChannelRow(db, check.channelId);
  const start = channel?.url ?? channel?.feedUrl;
  if (!channel || !start) throw new FetchFailure('invalid_url', 'Kênh chưa có địa chỉ trang web.');
  const overrides = toSiteOverrides(await findSiteOverrides(db, channel.id));
  const periodStart = vnInstant(await scoringPeriodStart(db, check.unitId, todayVn(now)));

  const listing = await readColumnListing(deps, {
    startUrl: overrides.listingUrl ?? channel.feedUrl ?? start,
    overrides,
    mayPreferFeed: !overrides.listingUrl && !channel.feedUrl && !hasSelectors(overrides),
    periodStart,
    now,
    onPage: (n) => reportProgress(db, check.id, `Đang đọc trang ${n} của chuyên mục`),
  });
  const inPeriod = listing.items.filter(
    (item) => item.publishedAt === null || item.publishedAt >= periodStart,
  );
  const known = await findKnownUrlKeys(
    db,
    channel.id,
    inPeriod.map((item) => item.urlKey),
  );
  const fresh = inPeriod.filter((item) => !known.has(item.urlKey)).slice(0, MAX_NEW_ITEMS);
  let pagesFetched = listing.pages;
  await updateCheckRow(db, check.id, { pagesFetched, itemsFound: listing.items.length });

  const snapshots = new Map<string, Promise<string>>();
  const snapshotOf = (page: FetchedPage, text: string | null) => {
    let stored = snapshots.get(page.finalUrl);
    if (!stored) {
      stored = deps
        .storeSnapshot(db, fileStore, page, { unitId: check.unitId, channelId: channel.id, text })
        .then((ref) => ref.id);
      snapshots.set(page.finalUrl, stored);
    }
    return stored;
  };

  // A person's earlier decision on the same page or title wins over the model.
  const classify = await rememberingClassifier(db, deps.classify, fresh);
  let articleFetches = 0;
  let itemsNew = 0;
  const counts = { recorded: 0, review: 0, ignored: 0 };
  for (const [index, found] of fresh.entries()) {
    let item: DiscoveredItem = found;
    let source: { page: FetchedPage; text: string | null } = { page: found.page, text: null };
    if ((!item.publishedAt || !item.lead) && articleFetches < MAX_ARTICLE_FETCHES) {
      articleFetches += 1;
      await reportProgress(db, check.id, `Đang đọc tin ${index + 1}/${fresh.length}: ${found.title}`);
      try {
        const page = await deps.fetcher.fetch(found.url, { accept: 'html' });
        pagesFetched += 1;
        const article = deps.readArticle(page, now);
        item = {
          url: found.url,
          title: found.title || article.title || '',
          lead: found.lead ?? article.lead,
          publishedAt: found.publishedAt ?? article.publishedAt,
        };
        source = { page, text: article.text };
      } catch (error) {
        // One unreadable article does not fail the column: the listing's own data is kept.
        if (!(error instanceof FetchFailure)) throw error;
      }
    }
    // The article says when it was published: an old one is outside the period after all.
    if (item.publishedAt && item.publishedAt < periodStart) continue;
    const title = normalizeText(item.title);
    if (!title) continue;
    const lead = item.lead ? normalizeText(item.lead) : null;
    const verdict = classify({ title, lead, url: item.url });
    const snapshotId = await snapshotOf(source.page, source.text);
    const state = await db.transaction(async (tx) => {
      const created = await insertItemIfNew(tx, {
        channelId: channel.id,
        unitId: check.unitId,
        url: item.url,
        urlKey: found.urlKey,
        title,
        lead,
        publishedAt: item.publishedAt,
        firstSeenAt: now,
        firstCheckId: check.id,
        snapshotId,
        isDx: verdict.isDx,
        topic: verdict.topic,
        confidence: verdict.confidence,
        reasons: verdict.reasons,
        state: 'review',
      });
      if (!created) return null;
      const existing = await findRecordOfPage(tx, check.unitId, found.urlKey);
      if (existing) {
        await deps.linkSnapshotToActivity(tx, snapshotId, existing);
        await updateItemRow(tx, created.id, { state: 'recorded', activityId: existing });
        return 'recorded' as const;
      }
      if (!item.publishedAt || verdict.confidence < deps.reviewBand) return 'review' as const;
      if (!verdict.isDx) {
        await updateItemRow(tx, created.id, { state: 'ignored' });
        return 'ignored' as const;
      }
      const outcome = await recordMonitorPost(tx, deps, {
        actor: MONITOR_ACTOR,
        unitId: check.unitId,
        channelId: channel.id,
        title,
        url: item.url,
        occurredAt: item.publishedAt,
        topic: verdict.topic,
        snapshotId,
        now,
      });
      // A post the record rules refuse (before the column started, say) waits for a person.
      if (outcome.outcome === 'invalid') return 'review' as const;
      await updateItemRow(tx, created.id, { state: 'recorded', activityId: outcome.activityId });
      return 'recorded' as const;
    });
    if (!state) continue;
    itemsNew += 1;
    counts[state] += 1;
    await updateCheckRow(db, check.id, { itemsNew, pagesFetched });
  }

  const firstListing = listing.items[0]?.page;
  const checkSnapshot = firstListing && snapshots.get(firstListing.finalUrl);
  await updateCheckRow(db, check.id, {
    status: 'succeeded',
    finishedAt: deps.now(),
    progress: null,
    pagesFetched,
    itemsFound: listing.items.length,
    itemsNew,
    ...(checkSnapshot ? { snapshotId: await checkSnapshot } : {}),
  });
  return `${listing.items.length} tin đọc được (${listing.method}), ${itemsNew} tin mới: ${counts.recorded} ghi nhận, ${counts.review} chờ xem xét, ${counts.ignored} bỏ qua`;
}
