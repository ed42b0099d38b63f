import { createHash } from 'node:crypto';
import type { Queryable } from '../../src/server/db/client';
import { monitorSnapshots } from '../../src/server/db/schema-monitor';
import type { MonitorDeps } from '../../src/server/domain/monitor/deps';
import {
  type ArticleResult,
  type DiscoveredItem,
  type FetchedPage,
  FetchFailure,
} from '../../src/server/monitor/contract';

/**
 * Small stand-ins for the monitor's parts (fetch, parse, classify, snapshots), so the checks are
 * tested on their own. A fake page's text is JSON the fake parsers read back: a listing's items and
 * next page, an article's fields, a homepage's feeds and links.
 */

export interface FakeListing {
  items: Array<{ url: string; title: string; lead?: string | null; publishedAt?: string | null }>;
  next?: string | null;
  feeds?: string[];
  method?: string;
}

export interface FakeArticle {
  title?: string | null;
  lead?: string | null;
  text?: string;
  publishedAt?: string | null;
}

export interface FakeHomepage {
  links: string[];
}

type FakeContent = FakeListing | FakeArticle | FakeHomepage;

export function fakePage(url: string, content: FakeContent, fetchedAt: Date): FetchedPage {
  const text = JSON.stringify(content);
  return {
    url,
    finalUrl: url,
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    contentType: 'text/html',
    body: new TextEncoder().encode(text),
    text,
    fetchedAt,
    remoteAddress: '203.0.113.10',
  };
}

/** Sure DX when the title speaks of "chuyển đổi số", unsure when it says "có thể", else sure not DX. */
export function fakeClassify({ title }: { title: string; lead?: string | null }) {
  if (/có thể/i.test(title))
    return { isDx: true, topic: 'benefits', confidence: 0.55, reasons: ['"có thể" +0.1'] };
  if (/chuyển đổi số/i.test(title))
    return { isDx: true, topic: 'policy', confidence: 0.95, reasons: ['"chuyển đổi số" +2.3'] };
  return { isDx: false, topic: null, confidence: 0.9, reasons: ['"thời tiết" −1.2'] };
}

export interface FakeWeb {
  deps: MonitorDeps;
  /** url → content, or a FetchFailure to throw. */
  pages: Map<string, FakeContent | FetchFailure>;
  fetched: string[];
  snapshots: string[];
  links: Array<{ snapshotId: string; activityId: string }>;
  setNow(now: Date): void;
}

export function createFakeWeb(initialNow: Date): FakeWeb {
  let now = initialNow;
  const pages = new Map<string, FakeContent | FetchFailure>();
  const fetched: string[] = [];
  const snapshots: string[] = [];
  const links: Array<{ snapshotId: string; activityId: string }> = [];
  const date = (value: string | null | undefined) => (value ? new Date(value) : null);
  const deps: MonitorDeps = {
    fetcher: {
      async fetch(url) {
        fetched.push(url);
        const content = pages.get(url);
        if (content instanceof FetchFailure) throw content;
        if (!content) throw new FetchFailure('http_error', `Trang trả về lỗi 404 (${url}).`, 404);
        return fakePage(url, content, now);
      },
    },
    readListing(page) {
      const listing = JSON.parse(page.text) as FakeListing;
      return {
        items: (listing.items ?? []).map(
          (item): DiscoveredItem => ({
            url: item.url,
            title: item.title,
            lead: item.lead ?? null,
            publishedAt: date(item.publishedAt),
          }),
        ),
        nextPageUrl: listing.next ?? null,
        method: listing.method ?? 'list-with-dates',
      };
    },
    readArticle(page): ArticleResult {
      const article = JSON.parse(page.text) as FakeArticle;
      return {
        title: article.title ?? null,
        lead: article.lead ?? null,
        text: article.text ?? '',
        publishedAt: date(article.publishedAt),
      };
    },
    findSources(page) {
      const listing = JSON.parse(page.text) as FakeListing;
      return { feeds: listing.feeds ?? [], sitemaps: [], dxColumns: [] };
    },
    findBannerLink(page, targetUrl) {
      const home = JSON.parse(page.text) as FakeHomepage;
      const href = home.links?.find((link) => link === targetUrl) ?? null;
      return { found: href !== null, href, text: href ? 'Chuyển đổi số' : null };
    },
    classify: fakeClassify,
    reviewBand: 0.7,
    async storeSnapshot(q: Queryable, _fileStore, page, options) {
      const sha = createHash('sha256').update(page.body).digest('hex');
      const [row] = await q
        .insert(monitorSnapshots)
        .values({
          unitId: options.unitId,
          channelId: options.channelId,
          url: page.url,
          finalUrl: page.finalUrl,
          status: page.status,
          headers: page.headers,
          fetchedAt: page.fetchedAt,
          contentType: page.contentType,
          bodySha256: sha,
          bodyBytes: page.body.length,
          text: options.text,
          manifest: { url: page.url, bodySha256: sha },
          manifestSha256: createHash('sha256').update(`${page.url}${sha}${snapshots.length}`).digest('hex'),
        })
        .returning({ id: monitorSnapshots.id, manifestSha256: monitorSnapshots.manifestSha256 });
      snapshots.push(page.url);
      return { id: row!.id, manifestSha256: row!.manifestSha256 };
    },
    async linkSnapshotToActivity(_q, snapshotId, activityId) {
      links.push({ snapshotId, activityId });
    },
    now: () => now,
  };
  return {
    deps,
    pages,
    fetched,
    snapshots,
    links,
    setNow(next) {
      now = next;
    },
  };
}
