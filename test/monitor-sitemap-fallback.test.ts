import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readColumnListing } from '../src/server/domain/monitor/check-column';
import type { MonitorDeps } from '../src/server/domain/monitor/deps';
import { classifyItem, REVIEW_BAND } from '../src/server/monitor/classify';
import { createPageFetcher, defaultFetchPolicy, type ResolvedAddress } from '../src/server/monitor/fetch';
import { findBannerLink, findSources, readArticle, readListing } from '../src/server/monitor/parse';
import { type FixtureWebServer, startFixtureWebServer } from './support/fixture-web-server';

/**
 * A DX column whose page lists nothing a parser can read (built by scripts in the browser) is read
 * from the site's sitemaps instead: the ones robots.txt names first, the column's own entries first.
 */

const NOW = new Date('2025-11-20T03:00:00Z');
const HTML = { 'content-type': 'text/html; charset=utf-8' };
const XML = { 'content-type': 'application/xml; charset=utf-8' };
let web: FixtureWebServer;
let counter = 0;

beforeAll(async () => {
  web = await startFixtureWebServer();
});
afterAll(async () => {
  await web.stop();
});

const loopback = async (): Promise<ResolvedAddress[]> => [{ address: '127.0.0.1', family: 4 }];

function depsFor(host: string): MonitorDeps {
  return {
    fetcher: createPageFetcher(defaultFetchPolicy([host, '127.0.0.1'], { timeoutMs: 5_000 }), {
      lookup: loopback,
      sleep: async () => undefined,
    }),
    readListing,
    readArticle,
    findSources,
    findBannerLink,
    classify: classifyItem,
    reviewBand: REVIEW_BAND.max,
    storeSnapshot: async () => {
      throw new Error('not stored in this test');
    },
    linkSnapshotToActivity: async () => undefined,
    now: () => NOW,
  };
}

const scriptBuiltColumn = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Chuyển đổi số</title></head>
<body><div id="app">Đang tải…</div><script src="/app.js"></script></body></html>`;

function urlset(host: string, paths: Array<[string, string]>): string {
  const base = web.url('/', host).replace(/\/$/, '');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map(([p, lastmod]) => `<url><loc>${base}${p}</loc><lastmod>${lastmod}</lastmod></url>`).join('\n')}
</urlset>`;
}

describe('a column listed by nothing but the sitemap', () => {
  it('reads the sitemap robots.txt names, through an index, keeping the column’s own entries', async () => {
    counter += 1;
    const host = `xa-kich-ban-${counter}.test`;
    const base = web.url('/', host).replace(/\/$/, '');
    web.route('/robots.txt', { body: `User-agent: *\nAllow: /\nSitemap: ${base}/sitemaps/index.xml\n` });
    web.route('/chuyen-doi-so', { headers: HTML, body: scriptBuiltColumn });
    web.route('/sitemaps/index.xml', {
      headers: XML,
      body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${base}/sitemaps/posts.xml</loc></sitemap></sitemapindex>`,
    });
    web.route('/sitemaps/posts.xml', {
      headers: XML,
      body: urlset(host, [
        ['/chuyen-doi-so/xa-trien-khai-ung-dung-vneid', '2025-11-12'],
        ['/chuyen-doi-so/to-cong-nghe-so-cong-dong-ra-mat', '2025-10-03'],
        ['/tin-tuc/le-hoi-mua-vang', '2025-11-15'],
      ]),
    });

    const listing = await readColumnListing(depsFor(host), {
      startUrl: web.url('/chuyen-doi-so', host),
      overrides: {},
      mayPreferFeed: true,
      periodStart: new Date('2025-01-01T00:00:00+07:00'),
      now: NOW,
    });

    expect(listing.method).toMatch(/^sitemap/);
    expect(listing.items.map((item) => new URL(item.url).pathname)).toEqual([
      '/chuyen-doi-so/xa-trien-khai-ung-dung-vneid',
      '/chuyen-doi-so/to-cong-nghe-so-cong-dong-ra-mat',
    ]);
    // The column page, the index and the sitemap.
    expect(listing.pages).toBe(3);
  });

  it('falls back to /sitemap.xml when nothing names a sitemap, and gives up quietly when it is missing', async () => {
    counter += 1;
    const host = `xa-khong-so-do-${counter}.test`;
    web.route('/robots.txt', { status: 404, body: 'không có' });
    web.route('/chuyen-doi-so', { headers: HTML, body: scriptBuiltColumn });
    web.route('/sitemap.xml', { status: 404, body: 'không có' });
    const listing = await readColumnListing(depsFor(host), {
      startUrl: web.url('/chuyen-doi-so', host),
      overrides: {},
      mayPreferFeed: true,
      periodStart: null,
      now: NOW,
    });
    expect(listing.items).toEqual([]);
  });
});
