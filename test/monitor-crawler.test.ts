import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FetchFailure } from '../src/server/monitor/contract';
import {
  createPageFetcher,
  defaultFetchPolicy,
  MONITOR_USER_AGENT,
  type MonitorFetchPolicy,
  monitorUserAgent,
  type ResolvedAddress,
} from '../src/server/monitor/fetch';
import { findSources, readListing } from '../src/server/monitor/parse';
import { type FixtureWebServer, startFixtureWebServer } from './support/fixture-web-server';

/**
 * Issue 11, the crawler's known gaps, each against pages served by this file's own server on
 * 127.0.0.1 (host names such as xa-moi.test are answered by an injected lookup): a DX column with
 * one post, the Sitemap lines of robots.txt, a deadline on the whole fetch, and the user agent.
 */

const HTML = { 'content-type': 'text/html; charset=utf-8' };
const TEXT = { 'content-type': 'text/plain; charset=utf-8' };
const NOW = new Date('2025-11-20T03:00:00Z');

let web: FixtureWebServer;

beforeAll(async () => {
  web = await startFixtureWebServer();
});
afterAll(async () => {
  await web.stop();
});
beforeEach(() => {
  web.route('/robots.txt', { status: 404, body: 'không có' });
});

let counter = 0;
/** A fresh host name per test, so robots.txt and the host queue never carry over. */
function freshHost(name: string): string {
  counter += 1;
  return `${name}-${counter}.test`;
}

const loopback = async (): Promise<ResolvedAddress[]> => [{ address: '127.0.0.1', family: 4 }];

/** A fetcher that may reach 127.0.0.1 under any name, with the politeness pauses skipped. */
function fetcherFor(host: string, overrides: Partial<MonitorFetchPolicy> = {}) {
  return createPageFetcher(defaultFetchPolicy([host, '127.0.0.1'], { timeoutMs: 5_000, ...overrides }), {
    lookup: loopback,
    sleep: async () => undefined,
  });
}

async function failureOf(promise: Promise<unknown>): Promise<FetchFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchFailure) return error;
    throw error;
  }
  throw new Error('expected a FetchFailure, the fetch succeeded');
}

/** A commune portal page: a menu, the given main content, a footer. */
function portalPage(title: string, main: string, head = ''): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>
<header class="header"><nav class="menu"><ul>
<li><a href="/">Trang chủ</a></li>
<li><a href="/chuyen-doi-so">Chuyển đổi số</a></li>
<li><a href="/tin-tuc/hoat-dong-cua-xa">Tin tức hoạt động của xã nhà</a></li>
<li><a href="/van-ban/van-ban-chi-dao-dieu-hanh">Văn bản chỉ đạo điều hành mới</a></li>
</ul></nav></header>
<main>${main}</main>
<footer class="footer"><p>Ủy ban nhân dân xã Đăk Rve, huyện Kon Rẫy, tỉnh Kon Tum. Điện thoại: 0260 3123 456. Thư điện tử: dakrve@kontum.gov.vn</p></footer>
</body></html>`;
}

/** Serves a page on a fresh host and reads it as a listing, as a column check does. */
async function listingOf(pagePath: string, html: string) {
  const host = freshHost('xa-moi');
  web.route(pagePath, { headers: HTML, body: html });
  const page = await fetcherFor(host).fetch(web.url(pagePath, host), { accept: 'html' });
  return { result: readListing(page, {}, NOW), host, page };
}

const LONG_TEXT = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Đoạn ${i + 1}: Ủy ban nhân dân xã đã tổ chức hội nghị quán triệt kế hoạch chuyển đổi số năm 2025, giao nhiệm vụ cho từng thôn, tổ công nghệ số cộng đồng và đoàn thanh niên hướng dẫn người dân cài đặt, sử dụng các ứng dụng số, dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.</p>`,
).join('\n');

describe('a DX column with a single post', () => {
  it('finds the one post of a known portal layout, with its date and lead', async () => {
    const { result, host } = await listingOf(
      '/chuyen-doi-so',
      portalPage(
        'Chuyển đổi số - UBND xã Đăk Rve',
        `<h1>Chuyển đổi số</h1>
<div class="list-news"><div class="news-item">
<h3><a href="/chuyen-doi-so/huong-dan-cai-dat-vneid">Xã hướng dẫn người dân cài đặt ứng dụng VNeID tại nhà văn hóa thôn</a></h3>
<span class="date">12/03/2025</span>
<p class="sapo">Tổ công nghệ số cộng đồng đã đến từng thôn hướng dẫn bà con kích hoạt tài khoản định danh điện tử.</p>
</div></div>`,
      ),
    );
    expect(result.items).toEqual([
      {
        url: web.url('/chuyen-doi-so/huong-dan-cai-dat-vneid', host),
        title: 'Xã hướng dẫn người dân cài đặt ứng dụng VNeID tại nhà văn hóa thôn',
        lead: 'Tổ công nghệ số cộng đồng đã đến từng thôn hướng dẫn bà con kích hoạt tài khoản định danh điện tử.',
        publishedAt: new Date('2025-03-11T17:00:00.000Z'),
      },
    ]);
    expect(result.method).toMatch(/^single-/);
  });

  it('finds one block with a post link, a title and a date on a page of any shape', async () => {
    const { result, host } = await listingOf(
      '/tin-tuc/chuyen-muc-5',
      portalPage(
        'Tin hoạt động',
        `<h1>Tin hoạt động</h1>
<ul class="ds-bai"><li><a href="/bai/123-hoi-nghi">Hội nghị triển khai kế hoạch chuyển đổi số năm 2025</a> <em>(05/03/2025)</em></li></ul>`,
      ),
    );
    expect(result.items.map((item) => [item.url, item.title, item.publishedAt?.toISOString()])).toEqual([
      [
        web.url('/bai/123-hoi-nghi', host),
        'Hội nghị triển khai kế hoạch chuyển đổi số năm 2025',
        '2025-03-04T17:00:00.000Z',
      ],
    ]);
  });

  it('takes the only post of a page that names itself the DX column, even without a date', async () => {
    const { result, host, page } = await listingOf(
      '/chuyen-muc/so-hoa',
      portalPage(
        'Chuyển đổi số',
        `<div class="content"><h1>Chuyển đổi số</h1>
<div class="bai"><a href="/bai/456-thanh-toan">Người dân thôn 3 học cách thanh toán không dùng tiền mặt</a>
<p>Hơn 50 người dân đã tham gia buổi hướng dẫn của tổ công nghệ số cộng đồng.</p></div></div>`,
      ),
    );
    expect(result.items).toEqual([
      {
        url: web.url('/bai/456-thanh-toan', host),
        title: 'Người dân thôn 3 học cách thanh toán không dùng tiền mặt',
        lead: 'Hơn 50 người dân đã tham gia buổi hướng dẫn của tổ công nghệ số cộng đồng.',
        publishedAt: null,
      },
    ]);
    // The admin's selector for the post's block finds the one block too.
    const byOverrides = readListing(page, { itemSelector: '.bai' }, NOW);
    expect(byOverrides.method).toBe('overrides');
    expect(byOverrides.items.map((item) => item.url)).toEqual([web.url('/bai/456-thanh-toan', host)]);
  });

  it('does not turn an article, its related box or a plain page into a one-post listing', async () => {
    const article = await listingOf(
      '/bai/789-hoi-nghi',
      portalPage(
        'Hội nghị quán triệt kế hoạch chuyển đổi số',
        `<article><h1>Hội nghị quán triệt kế hoạch chuyển đổi số năm 2025</h1>
<p class="meta">Ngày đăng: 12/03/2025</p>
${LONG_TEXT}
<p>Xem thêm: <a href="/bai/123-hoi-nghi">Hội nghị triển khai kế hoạch chuyển đổi số năm 2025</a> ngày 05/03/2025.</p>
</article>`,
      ),
    );
    expect(article.result.items).toEqual([]);

    const tagged = await listingOf(
      '/bai/790-tap-huan',
      portalPage(
        'Tập huấn kỹ năng số',
        `<h1>Tập huấn kỹ năng số cho cán bộ thôn</h1><p>Ngày 14/03/2025, xã tổ chức tập huấn.</p>
<p><a href="/bai/123-hoi-nghi">Hội nghị triển khai kế hoạch chuyển đổi số năm 2025</a> (05/03/2025)</p>`,
        '<meta property="og:type" content="article">',
      ),
    );
    expect(tagged.result.items).toEqual([]);

    const related = await listingOf(
      '/bai/791-ngan',
      portalPage(
        'Thông báo lịch tiếp công dân',
        `<h1>Thông báo lịch tiếp công dân tháng 3</h1><p>Lãnh đạo xã tiếp công dân vào thứ Năm hằng tuần.</p>
<aside class="tin-lien-quan"><h3>Tin liên quan</h3><ul><li><a href="/bai/123-hoi-nghi">Hội nghị triển khai kế hoạch chuyển đổi số năm 2025</a> (05/03/2025)</li></ul></aside>`,
      ),
    );
    expect(related.result.items).toEqual([]);

    // A portal's article page shows its one post in the layout's full-content block.
    const liferay = await listingOf(
      '/web/xa/-/bai-viet-792',
      portalPage(
        'Hội nghị quán triệt',
        `<div class="asset-full-content"><h2>Hội nghị quán triệt kế hoạch chuyển đổi số năm 2025</h2>
<p>Ngày đăng: 12/03/2025</p>${LONG_TEXT}
<p><a href="/bai/123-hoi-nghi">Hội nghị triển khai kế hoạch chuyển đổi số năm 2025</a></p></div>`,
      ),
    );
    expect(liferay.result.items).toEqual([]);

    const plain = await listingOf(
      '/gioi-thieu',
      portalPage(
        'Giới thiệu',
        `<h1>Giới thiệu chung về xã</h1><p>Xã có 8 thôn.</p>
<p><a href="/van-ban/quyet-dinh-thanh-lap">Xem quyết định thành lập ban chỉ đạo của xã</a></p>`,
      ),
    );
    expect(plain.result.items).toEqual([]);
  });
});

describe('the Sitemap lines of robots.txt', () => {
  it('are read once with the rules and listed by findSources beside the linked sitemaps', async () => {
    const host = freshHost('so-do');
    web.route('/robots.txt', (request) =>
      request.host === host
        ? {
            headers: TEXT,
            body: `User-agent: *\nDisallow: /quan-tri/\n\nSitemap: ${web.url('/sitemap-tin.xml', host)}\nSitemap: /sitemap-trang.xml\nSitemap: ftp://${host}/khong.xml\n`,
          }
        : { status: 404, body: 'không có' },
    );
    web.route('/', {
      headers: HTML,
      body: '<html><head><link rel="sitemap" href="/sitemap.xml"></head><body><a href="/chuyen-doi-so">Chuyển đổi số</a></body></html>',
    });
    const fetcher = fetcherFor(host);
    const homepage = await fetcher.fetch(web.url('/', host), { accept: 'html' });
    const robotsTxt = await fetcher.robotsTxt(homepage.finalUrl);
    expect(robotsTxt).toContain('Sitemap:');
    expect(web.requests.filter((r) => r.host === host && r.path === '/robots.txt')).toHaveLength(1);

    const sources = findSources(homepage, robotsTxt);
    expect(sources.sitemaps).toEqual([
      web.url('/sitemap-tin.xml', host),
      web.url('/sitemap-trang.xml', host),
      web.url('/sitemap.xml', host),
    ]);
    expect(sources.dxColumns).toEqual([web.url('/chuyen-doi-so', host)]);
    // Without robots.txt, only what the page links.
    expect(findSources(homepage).sitemaps).toEqual([web.url('/sitemap.xml', host)]);
  });

  it('reads robots.txt on request when no fetch did, and answers null for a site without one', async () => {
    const host = freshHost('khong-co');
    const fetcher = fetcherFor(host);
    expect(await fetcher.robotsTxt(web.url('/', host))).toBeNull();
    expect(web.requests.filter((r) => r.host === host && r.path === '/robots.txt')).toHaveLength(1);
  });
});

describe('a deadline on the whole fetch', () => {
  it('gives up on a body trickled a byte at a time, each request within its own limit', async () => {
    const host = freshHost('nho-giot');
    web.route('/nho-giot', {
      headers: HTML,
      chunkDelayMs: 50,
      stream: Array.from({ length: 60 }, () => 'x'), // 3 s in all, well under 5 s per request and 1 MB
    });
    const fetcher = fetcherFor(host, { totalTimeoutMs: 700 });
    const started = performance.now();
    const failure = await failureOf(fetcher.fetch(web.url('/nho-giot', host)));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(failure.code).toBe('timeout');
    expect(failure.message).toBe(
      `Không tải được ${web.url('/nho-giot', host)}: quá 0,7 giây cho cả lần tải (kể cả robots.txt và các lần chuyển hướng) mà chưa xong.`,
    );
    const served = web.requests.find((r) => r.host === host && r.path === '/nho-giot')!;
    expect(served.closedEarly).toBe(true);
  });

  it('counts every redirect hop, but not the pauses between requests to a host', async () => {
    const host = freshHost('chuyen-huong');
    for (const [from, to] of [
      ['/r1', '/r2'],
      ['/r2', '/r3'],
      ['/r3', '/dich'],
    ] as const)
      web.route(from, { delayMs: 250, status: 302, headers: { location: to } });
    web.route('/dich', { headers: HTML, body: 'đến nơi' });
    const slow = fetcherFor(host, { totalTimeoutMs: 600 });
    expect((await failureOf(slow.fetch(web.url('/r1', host)))).code).toBe('timeout');

    // Pauses of a whole second between the hops: the time on the wire is what counts.
    const polite = createPageFetcher(
      defaultFetchPolicy([host], { timeoutMs: 5_000, totalTimeoutMs: 1_500, defaultDelayMs: 1_000 }),
      { lookup: loopback },
    );
    expect((await polite.fetch(web.url('/r1', host))).text).toBe('đến nơi');
  }, 20_000);

  it('does not remember robots.txt as unreachable when our own deadline cut it short', async () => {
    const host = freshHost('robots-cham');
    let slowRobots = true;
    web.route('/robots.txt', (request) =>
      request.host === host && slowRobots
        ? { headers: TEXT, chunkDelayMs: 50, stream: Array.from({ length: 40 }, () => '#') }
        : { status: 404, body: 'không có' },
    );
    web.route('/trang', { headers: HTML, body: 'trang' });
    const fetcher = fetcherFor(host, { totalTimeoutMs: 500 });
    const failure = await failureOf(fetcher.fetch(web.url('/trang', host)));
    expect(failure.code).toBe('timeout');
    expect(failure.message).toContain('cho cả lần tải');
    slowRobots = false;
    expect((await fetcher.fetch(web.url('/trang', host))).text).toBe('trang');
  });
});

describe('the user agent', () => {
  it('names the version and this install’s /bot page', async () => {
    const version = (
      JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    expect(MONITOR_USER_AGENT).toBe(`LoaSo-monitor/${version}`);
    expect(monitorUserAgent({ version: '1.2.3', publicUrl: 'https://loaso.quangngai.gov.vn' })).toBe(
      'LoaSo-monitor/1.2.3 (+https://loaso.quangngai.gov.vn/bot)',
    );
    expect(monitorUserAgent({ version: '1.2.3', publicUrl: 'https://sở.example.vn/loaso/' })).toBe(
      `LoaSo-monitor/1.2.3 (+https://${new URL('https://sở.example.vn').hostname}/loaso/bot)`, // punycode
    );
    expect(monitorUserAgent({ version: '1.2.3', publicUrl: null })).toBe('LoaSo-monitor/1.2.3');

    const host = freshHost('ua');
    const userAgent = monitorUserAgent({ publicUrl: 'https://loaso.example.vn' });
    web.route('/robots.txt', (request) =>
      request.host === host
        ? { headers: TEXT, body: 'User-agent: loaso-monitor\nDisallow: /rieng/\n' }
        : { status: 404, body: 'không có' },
    );
    web.route('/cong-khai', { headers: HTML, body: 'ok' });
    const fetcher = fetcherFor(host, { userAgent });
    await fetcher.fetch(web.url('/cong-khai', host));
    expect(web.requests.find((r) => r.host === host && r.path === '/cong-khai')!.headers['user-agent']).toBe(
      `LoaSo-monitor/${version} (+https://loaso.example.vn/bot)`,
    );
    // robots.txt groups name the product token, whatever its case.
    expect((await failureOf(fetcher.fetch(web.url('/rieng/a', host)))).code).toBe('robots_disallowed');
  });
});
