import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FetchFailure, type FetchPolicy } from '../src/server/monitor/contract';
import {
  createPageFetcher,
  defaultFetchPolicy,
  FetchHttpFailure,
  isNonPublicAddress,
  MONITOR_USER_AGENT,
  type PageFetcherDeps,
  type ResolvedAddress,
} from '../src/server/monitor/fetch';
import { type FixtureWebServer, startFixtureWebServer } from './support/fixture-web-server';

// The fetcher meets only this file's own server on 127.0.0.1; names like portal.test are resolved
// by an injected lookup, and the politeness pauses go to a fake clock that records them.

const HTML = { 'content-type': 'text/html; charset=utf-8' };
const KB = 1024;
const MB = 1024 * KB;

let web: FixtureWebServer;

beforeAll(async () => {
  web = await startFixtureWebServer();
});
afterAll(async () => {
  await web.stop();
});

let routeCounter = 0;
/** A fresh path per test, so that tests sharing the server never see each other's requests. */
function freshPath(name: string): string {
  routeCounter += 1;
  return `/t${routeCounter}/${name}`;
}

interface FakeTime {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  advance(ms: number): void;
  sleeps: number[];
}

function fakeTime(): FakeTime {
  let clock = Date.UTC(2025, 0, 6, 2, 0, 0);
  const sleeps: number[] = [];
  return {
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    advance: (ms) => {
      clock += ms;
    },
    sleeps,
  };
}

/** A lookup that answers from a table and counts its calls; an unknown name fails like DNS does. */
function fakeDns(table: Record<string, string[] | (() => string[])>) {
  const calls: string[] = [];
  const lookup = async (hostname: string): Promise<ResolvedAddress[]> => {
    calls.push(hostname);
    const entry = table[hostname];
    if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const addresses = typeof entry === 'function' ? entry() : entry;
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { lookup, calls };
}

const noDns = async (hostname: string): Promise<ResolvedAddress[]> => {
  throw new Error(`no DNS lookup expected, got ${hostname}`);
};

function testPolicy(overrides: Partial<FetchPolicy> = {}): FetchPolicy {
  return { ...defaultFetchPolicy(['127.0.0.1'], { timeoutMs: 5_000, maxBytes: 1 * MB }), ...overrides };
}

function fetcherFor(overrides: Partial<FetchPolicy> = {}, deps: PageFetcherDeps = {}) {
  const time = fakeTime();
  const fetcher = createPageFetcher(testPolicy(overrides), {
    now: time.now,
    sleep: time.sleep,
    lookup: noDns,
    ...deps,
  });
  return { fetcher, time };
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

/** Zeros compressed as they are made, so a bomb of hundreds of MB never sits in the test's memory. */
async function compressedZeros(
  make: () => zlib.Gzip | zlib.BrotliCompress | zlib.Deflate,
  megabytes: number,
): Promise<Buffer> {
  const compressor = make();
  const parts: Buffer[] = [];
  compressor.on('data', (chunk: Buffer) => parts.push(chunk));
  const zeros = Buffer.alloc(MB);
  for (let i = 0; i < megabytes; i += 1) {
    if (!compressor.write(zeros)) await once(compressor, 'drain');
  }
  compressor.end();
  await once(compressor, 'end');
  return Buffer.concat(parts);
}

describe('a plain fetch', () => {
  it('returns the page, its headers, the pinned peer and a Vietnamese-ready text', async () => {
    const path = freshPath('trang');
    web.route(path, { headers: { ...HTML, 'x-extra': ['a', 'b'] }, body: '<h1>Chuyển đổi số</h1>' });
    const { fetcher, time } = fetcherFor();
    const page = await fetcher.fetch(web.url(path), { accept: 'html' });
    expect(page.status).toBe(200);
    expect(page.url).toBe(web.url(path));
    expect(page.finalUrl).toBe(web.url(path));
    expect(page.text).toBe('<h1>Chuyển đổi số</h1>');
    expect(page.charset).toBe('utf-8');
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.headers['x-extra']).toBe('a, b');
    expect(page.remoteAddress).toBe('127.0.0.1');
    expect(page.fetchedAt.getTime()).toBe(time.now());
    const seen = web.requestsTo(path)[0]!;
    expect(seen.headers['user-agent']).toBe(MONITOR_USER_AGENT);
    expect(seen.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('reads robots.txt once per origin and keeps it', async () => {
    const path = freshPath('hai-lan');
    web.route(path, { headers: HTML, body: 'ok' });
    const { fetcher } = fetcherFor();
    const before = web.requestsTo('/robots.txt').length;
    await fetcher.fetch(web.url(path));
    await fetcher.fetch(web.url(path));
    expect(web.requestsTo('/robots.txt').length - before).toBe(1);
    expect(web.requestsTo(path)).toHaveLength(2);
  });

  it('hands back a 404 page with the http_error failure', async () => {
    const path = freshPath('da-go');
    web.route(path, { status: 404, headers: HTML, body: '<p>Bài viết đã bị gỡ</p>' });
    const { fetcher } = fetcherFor();
    const failure = await failureOf(fetcher.fetch(web.url(path)));
    expect(failure).toBeInstanceOf(FetchHttpFailure);
    expect(failure.code).toBe('http_error');
    expect(failure.status).toBe(404);
    expect(failure.message).toBe(
      `Không tải được ${web.url(path)}: máy chủ trả mã 404 (không tìm thấy trang).`,
    );
    expect((failure as FetchHttpFailure).page?.text).toBe('<p>Bài viết đã bị gỡ</p>');
  });
});

describe('the address guard', () => {
  it('pins the checked address: one lookup per fetch, none by the HTTP client', async () => {
    const path = freshPath('ghim');
    web.route(path, { headers: HTML, body: 'portal' });
    // After the first answer the name "rebinds" to an intranet address; a second lookup would see it.
    let answers = 0;
    const dns = fakeDns({ 'portal.test': () => (answers++ === 0 ? ['127.0.0.1'] : ['10.9.9.9']) });
    const { fetcher } = fetcherFor({ allowHosts: ['portal.test'] }, { lookup: dns.lookup });
    const page = await fetcher.fetch(web.url(path, 'portal.test'));
    expect(page.text).toBe('portal');
    expect(page.remoteAddress).toBe('127.0.0.1');
    expect(dns.calls).toEqual(['portal.test']);
    // robots.txt and the page both went over the one checked address, under the name portal.test
    const toPortal = web.requests.filter((request) => request.host === 'portal.test');
    expect(toPortal.map((request) => request.path)).toEqual(['/robots.txt', path]);
  });

  it('refuses private, loopback, link-local and reserved IP literals without any lookup or request', async () => {
    const { fetcher } = fetcherFor({ allowHosts: [] });
    const before = web.requests.length;
    const literals = [
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      `http://[::1]:${web.port}/`,
      `http://[::ffff:127.0.0.1]:${web.port}/`,
      `http://2130706433:${web.port}/`,
      `http://0x7f.1:${web.port}/`,
      `http://0177.0.0.1:${web.port}/`,
      `http://0.0.0.0:${web.port}/`,
      'http://172.16.5.4/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://224.0.0.1/',
      'http://255.255.255.255/',
      'http://[fd12:3456::1]/',
      'http://[fe80::1]/',
      'http://[ff02::1]/',
      'http://[64:ff9b::7f00:1]/',
      'http://[2002:7f00:1::]/',
    ];
    for (const url of literals) {
      const failure = await failureOf(fetcher.fetch(url));
      expect(failure.code, url).toBe('private_address');
      expect(failure.message, url).toMatch(/^Không tải http:\/\/.+ là địa chỉ mạng nội bộ hoặc dành riêng/);
    }
    expect(web.requests.length).toBe(before);
  });

  it('tells public addresses from the rest', () => {
    for (const address of ['8.8.8.8', '203.162.4.191', '2001:4860:4860::8888', '::ffff:8.8.8.8']) {
      expect(isNonPublicAddress(address), address).toBe(false);
    }
    for (const address of ['127.0.0.1', '::', '::ffff:10.0.0.1', 'fe80::1%eth0', '2001:db8::1', 'nonsense']) {
      expect(isNonPublicAddress(address), address).toBe(true);
    }
  });

  it('refuses a host name when any of its addresses is private', async () => {
    const dns = fakeDns({ 'mixed.test': ['8.8.8.8', '10.0.0.5'], 'loop.test': ['::1'] });
    const { fetcher } = fetcherFor({ allowHosts: [] }, { lookup: dns.lookup });
    const mixed = await failureOf(fetcher.fetch('http://mixed.test/tin-tuc'));
    expect(mixed.code).toBe('private_address');
    expect(mixed.message).toBe(
      'Không tải http://mixed.test/tin-tuc: tên miền mixed.test trỏ tới địa chỉ mạng nội bộ hoặc dành riêng 10.0.0.5, máy theo dõi không được truy cập.',
    );
    expect((await failureOf(fetcher.fetch('http://loop.test/'))).code).toBe('private_address');
  });

  it('lets a private address through when its name or the address itself is allowed', async () => {
    const path = freshPath('noi-bo');
    web.route(path, { headers: HTML, body: 'ok' });
    const dns = fakeDns({ 'alias.test': ['127.0.0.1'] });
    const { fetcher } = fetcherFor({ allowHosts: ['127.0.0.1'] }, { lookup: dns.lookup });
    expect((await fetcher.fetch(web.url(path, 'alias.test'))).text).toBe('ok');
  });

  it('says when a name does not resolve', async () => {
    const { fetcher } = fetcherFor({}, { lookup: fakeDns({}).lookup });
    const failure = await failureOf(fetcher.fetch('https://khong-co.gov.vn/'));
    expect(failure.code).toBe('dns_failed');
    expect(failure.message).toBe(
      'Không tải được https://khong-co.gov.vn/: không tìm thấy tên miền khong-co.gov.vn.',
    );
  });

  it('gives up on a lookup that never answers', async () => {
    const hanging = () => new Promise<ResolvedAddress[]>(() => undefined);
    const { fetcher } = fetcherFor({ timeoutMs: 200 }, { lookup: hanging });
    const failure = await failureOf(fetcher.fetch('https://cham.gov.vn/'));
    expect(failure.code).toBe('dns_failed');
    expect(failure.message).toBe(
      'Không tải được https://cham.gov.vn/: quá 0,2 giây không tra được tên miền cham.gov.vn.',
    );
  });

  it('refuses other schemes, credentials and the ports of other protocols', async () => {
    const { fetcher } = fetcherFor();
    const cases: [string, RegExp][] = [
      ['ftp://example.gov.vn/a', /chỉ tải được địa chỉ bắt đầu bằng http:\/\/ hoặc https:\/\//],
      ['file:///etc/passwd', /chỉ tải được/],
      ['javascript:alert(1)', /chỉ tải được/],
      ['http://admin:secret@example.gov.vn/', /không được chứa tên đăng nhập hay mật khẩu/],
      ['http://example.gov.vn:25/', /cổng 25 dành cho dịch vụ khác/],
      ['không phải địa chỉ', /đây không phải địa chỉ web hợp lệ/],
    ];
    for (const [url, why] of cases) {
      const failure = await failureOf(fetcher.fetch(url));
      expect(failure.code, url).toBe('invalid_url');
      expect(failure.message, url).toMatch(why);
    }
  });
});

describe('HTTPS over the pinned address', () => {
  const tlsDir = path.join(import.meta.dirname, 'fixtures', 'tls');
  const cert = fs.readFileSync(path.join(tlsDir, 'portal-test.crt'), 'utf8');
  let secure: FixtureWebServer;
  beforeAll(async () => {
    secure = await startFixtureWebServer({
      tls: { key: fs.readFileSync(path.join(tlsDir, 'portal-test.key')), cert },
    });
    secure.route('/tin', { headers: HTML, body: 'an toàn' });
  });
  afterAll(async () => {
    await secure.stop();
  });

  it('connects to the checked address and still verifies the certificate against the name', async () => {
    const dns = fakeDns({ 'portal.test': ['127.0.0.1'] });
    const { fetcher } = fetcherFor({ allowHosts: ['portal.test'] }, { lookup: dns.lookup, extraCa: [cert] });
    const page = await fetcher.fetch(secure.url('/tin', 'portal.test'));
    expect(page.text).toBe('an toàn');
    expect(page.finalUrl).toBe(`https://portal.test:${secure.port}/tin`);
    expect(page.remoteAddress).toBe('127.0.0.1');
    expect(dns.calls).toEqual(['portal.test']);
  });

  it('refuses a certificate it does not trust or that names another host', async () => {
    const dns = fakeDns({ 'portal.test': ['127.0.0.1'], 'khac.test': ['127.0.0.1'] });
    const untrusted = fetcherFor({ allowHosts: ['portal.test'] }, { lookup: dns.lookup }).fetcher;
    const failure = await failureOf(untrusted.fetch(secure.url('/tin', 'portal.test')));
    expect(failure.code).toBe('network_error');
    expect(failure.message).toMatch(/chứng chỉ HTTPS của máy chủ không hợp lệ/);
    const otherName = fetcherFor(
      { allowHosts: ['khac.test'] },
      { lookup: dns.lookup, extraCa: [cert] },
    ).fetcher;
    const wrongName = await failureOf(otherName.fetch(secure.url('/tin', 'khac.test')));
    expect(wrongName.code).toBe('network_error');
    expect(wrongName.message).toMatch(/chứng chỉ HTTPS/);
  });
});

describe('redirects', () => {
  it('follows relative and absolute redirects and reports the final address', async () => {
    const a = freshPath('a');
    const b = freshPath('b');
    const c = freshPath('c');
    web.route(a, { status: 301, headers: { location: web.url(b) } });
    web.route(b, { status: 302, headers: { location: c } });
    web.route(c, { headers: HTML, body: 'đích' });
    const { fetcher, time } = fetcherFor();
    const page = await fetcher.fetch(web.url(a));
    expect(page.url).toBe(web.url(a));
    expect(page.finalUrl).toBe(web.url(c));
    expect(page.text).toBe('đích');
    expect(time.sleeps).toEqual([1_000, 1_000]); // each hop to the same host waits its turn
  });

  it('checks every hop: a redirect into a private address is refused before it is requested', async () => {
    const metadata = freshPath('metadata');
    const loopback = freshPath('loopback');
    const octal = freshPath('octal');
    const secret = freshPath('secret');
    web.route(metadata, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    web.route(loopback, { status: 307, headers: { location: `http://127.0.0.1:${web.port}${secret}` } });
    web.route(octal, { status: 308, headers: { location: `http://0x7f.1:${web.port}${secret}` } });
    web.route(secret, { headers: HTML, body: 'bí mật' });
    const dns = fakeDns({ 'public.test': ['127.0.0.1'] });
    const { fetcher } = fetcherFor({ allowHosts: ['public.test'] }, { lookup: dns.lookup });
    const first = await failureOf(fetcher.fetch(web.url(metadata, 'public.test')));
    expect(first.code).toBe('private_address');
    expect(first.message).toContain('http://169.254.169.254/latest/meta-data/');
    expect((await failureOf(fetcher.fetch(web.url(loopback, 'public.test')))).code).toBe('private_address');
    expect((await failureOf(fetcher.fetch(web.url(octal, 'public.test')))).code).toBe('private_address');
    expect(web.requestsTo(secret)).toHaveLength(0);
  });

  it('refuses a redirect to another scheme', async () => {
    const path = freshPath('ftp');
    web.route(path, { status: 302, headers: { location: 'file:///etc/passwd' } });
    const { fetcher } = fetcherFor();
    expect((await failureOf(fetcher.fetch(web.url(path)))).code).toBe('invalid_url');
  });

  it('stops after maxRedirects', async () => {
    const base = freshPath('vong');
    web.route(base, (request) => {
      const n = Number(new URL(request.path, web.origin).searchParams.get('n') ?? '0');
      return { status: 302, headers: { location: `${base}?n=${n + 1}` } };
    });
    const { fetcher } = fetcherFor({ maxRedirects: 2 });
    const failure = await failureOf(fetcher.fetch(web.url(base)));
    expect(failure.code).toBe('too_many_redirects');
    expect(failure.message).toBe(`Không tải được ${web.url(base)}: địa chỉ chuyển hướng quá 2 lần.`);
    expect(web.requests.filter((request) => request.path.startsWith(base))).toHaveLength(3);
  });
});

describe('robots.txt', () => {
  // Each test uses its own host name (all resolving to the fixture server) so robots.txt differs.
  function robotsHost(name: string, robots: Parameters<FixtureWebServer['route']>[1]) {
    const host = `${name}.test`;
    const dns = fakeDns({ [host]: ['127.0.0.1'] });
    web.route('/robots.txt', (request) =>
      request.host === host
        ? typeof robots === 'function'
          ? robots(request)
          : robots
        : { status: 404, body: 'không có' },
    );
    return { host, dns };
  }

  it('honours Disallow for our agent, also on a redirect hop', async () => {
    const { host, dns } = robotsHost('cam', {
      headers: { 'content-type': 'text/plain' },
      body: 'User-agent: *\nAllow: /\n\nUser-agent: LoaSo-Monitor\nDisallow: /noi-bo/\n',
    });
    web.route('/cong-khai', { headers: HTML, body: 'công khai' });
    web.route('/nhay', { status: 302, headers: { location: '/noi-bo/b' } });
    web.route('/noi-bo/a', { headers: HTML, body: 'nội bộ' });
    web.route('/noi-bo/b', { headers: HTML, body: 'nội bộ' });
    const { fetcher } = fetcherFor({ allowHosts: [host] }, { lookup: dns.lookup });
    expect((await fetcher.fetch(web.url('/cong-khai', host))).text).toBe('công khai');
    const refused = await failureOf(fetcher.fetch(web.url('/noi-bo/a', host)));
    expect(refused.code).toBe('robots_disallowed');
    expect(refused.message).toBe(
      `Không tải ${web.url('/noi-bo/a', host)}: tệp robots.txt của ${host} không cho phép máy theo dõi đọc trang này.`,
    );
    expect((await failureOf(fetcher.fetch(web.url('/nhay', host)))).code).toBe('robots_disallowed');
    expect(web.requestsTo('/noi-bo/a')).toHaveLength(0);
    expect(web.requestsTo('/noi-bo/b')).toHaveLength(0);
  });

  it('spaces requests to a host by its Crawl-delay, capped at maxDelayMs, else by the default', async () => {
    web.route('/trang', { headers: HTML, body: 'x' });
    for (const [name, robots, expected] of [
      ['cham', 'User-agent: *\nCrawl-delay: 4\n', 4_000],
      ['rat-cham', 'User-agent: *\nCrawl-delay: 600\n', 30_000],
      ['nhanh', 'User-agent: *\nCrawl-delay: 0.2\n', 1_000],
      ['khong-noi', 'User-agent: *\nDisallow:\n', 1_000],
    ] as const) {
      const { host, dns } = robotsHost(name, { headers: { 'content-type': 'text/plain' }, body: robots });
      const { fetcher, time } = fetcherFor({ allowHosts: [host] }, { lookup: dns.lookup });
      await fetcher.fetch(web.url('/trang', host));
      await fetcher.fetch(web.url('/trang', host));
      await fetcher.fetch(web.url('/trang', host));
      expect(time.sleeps, name).toEqual([expected, expected]);
    }
  });

  it('treats a robots.txt that answers 5xx as closed for a while, then asks again', async () => {
    let robotsStatus = 503;
    const { host, dns } = robotsHost('loi', () => ({ status: robotsStatus, body: 'bận' }));
    web.route('/tin', { headers: HTML, body: 'tin' });
    const { fetcher, time } = fetcherFor({ allowHosts: [host] }, { lookup: dns.lookup });
    const robotsSeen = () => web.requests.filter((r) => r.host === host && r.path === '/robots.txt').length;
    const failure = await failureOf(fetcher.fetch(web.url('/tin', host)));
    expect(failure.code).toBe('http_error');
    expect(failure.status).toBe(503);
    expect(failure.message).toBe(
      `Chưa tải ${web.url('/tin', host)}: không đọc được robots.txt của ${host} (máy chủ trả mã 503), nên tạm coi như trang không cho phép thu thập và sẽ thử lại sau.`,
    );
    time.advance(5 * 60_000);
    expect((await failureOf(fetcher.fetch(web.url('/tin', host)))).code).toBe('http_error');
    expect(robotsSeen()).toBe(1); // the bad answer is remembered, the struggling server left alone
    robotsStatus = 404;
    time.advance(6 * 60_000);
    expect((await fetcher.fetch(web.url('/tin', host))).text).toBe('tin');
    expect(robotsSeen()).toBe(2);
    expect(web.requests.filter((r) => r.host === host && r.path === '/tin')).toHaveLength(1);
  });

  it('keeps only the first 512 KB of a huge robots.txt', async () => {
    const { host, dns } = robotsHost('to', {
      headers: { 'content-type': 'text/plain' },
      stream: (function* () {
        yield 'User-agent: *\nDisallow: /cam/\n';
        // 128 MB: more than the loopback's socket buffers can take in (up to 4 MB sent and 32 MB
        // received on this kernel), so what the server could send shows where the reader stopped.
        for (let i = 0; i < 2048; i += 1) yield `# ${'x'.repeat(64 * KB)}\n`;
      })(),
    });
    web.route('/cam/x', { headers: HTML, body: 'x' });
    const { fetcher } = fetcherFor({ allowHosts: [host] }, { lookup: dns.lookup });
    expect((await failureOf(fetcher.fetch(web.url('/cam/x', host)))).code).toBe('robots_disallowed');
    const robots = web.requests.find((r) => r.host === host && r.path === '/robots.txt')!;
    expect(robots.bytesSent).toBeLessThan(64 * MB); // most of the 128 MB was never downloaded
  });
});

describe('limits', () => {
  it('gives up on a server that does not answer in time', async () => {
    const path = freshPath('im-lang');
    web.route(path, { delayMs: 10_000, headers: HTML, body: 'muộn' });
    const { fetcher } = fetcherFor({ timeoutMs: 300 });
    const failure = await failureOf(fetcher.fetch(web.url(path)));
    expect(failure.code).toBe('timeout');
    expect(failure.message).toBe(`Không tải được ${web.url(path)}: quá 0,3 giây không phản hồi.`);
  });

  it('gives up on a body that trickles past the time limit', async () => {
    const path = freshPath('nho-giot');
    web.route(path, {
      headers: HTML,
      chunkDelayMs: 100,
      stream: Array.from({ length: 50 }, () => '<p>chậm</p>'),
    });
    const { fetcher } = fetcherFor({ timeoutMs: 400 });
    expect((await failureOf(fetcher.fetch(web.url(path)))).code).toBe('timeout');
  });

  it('stops reading an endless body at maxBytes', async () => {
    const path = freshPath('vo-tan');
    const chunk = Buffer.alloc(64 * KB, 'a');
    web.route(path, {
      headers: HTML,
      stream: (function* () {
        for (;;) yield chunk;
      })(),
    });
    const { fetcher } = fetcherFor({ maxBytes: 1 * MB });
    const failure = await failureOf(fetcher.fetch(web.url(path)));
    expect(failure.code).toBe('too_large');
    expect(failure.message).toBe(
      `Không tải được ${web.url(path)}: nội dung lớn hơn giới hạn 1 MB (tính sau khi giải nén).`,
    );
    await expect.poll(() => web.requestsTo(path)[0]?.closedEarly).toBe(true);
    // What the server got rid of before the client hung up: the limit plus socket buffers, not more.
    expect(web.requestsTo(path)[0]!.bytesSent).toBeLessThan(16 * MB);
  });

  it('refuses a declared length beyond maxBytes without reading', async () => {
    const path = freshPath('khai-lon');
    web.route(path, { headers: { ...HTML, 'content-length': String(10 * MB) }, delayMs: 0, stream: ['<p>'] });
    const { fetcher } = fetcherFor({ maxBytes: 1 * MB });
    expect((await failureOf(fetcher.fetch(web.url(path)))).code).toBe('too_large');
  });

  it('decodes gzip, deflate (wrapped and raw) and brotli', async () => {
    const html = '<p>Hội nghị chuyển đổi số</p>';
    const encodings: [string, Buffer][] = [
      ['gzip', zlib.gzipSync(html)],
      ['deflate', zlib.deflateSync(html)],
      ['deflate', zlib.deflateRawSync(html)],
      ['br', zlib.brotliCompressSync(html)],
      ['gzip, br', zlib.brotliCompressSync(zlib.gzipSync(html))],
    ];
    const { fetcher } = fetcherFor();
    for (const [encoding, body] of encodings) {
      const path = freshPath('nen');
      web.route(path, { headers: { ...HTML, 'content-encoding': encoding }, body });
      const page = await fetcher.fetch(web.url(path));
      expect(page.text, encoding).toBe(html);
    }
  });

  it('refuses a gzip bomb and a brotli bomb as too large instead of inflating them', async () => {
    const gzipBomb = await compressedZeros(() => zlib.createGzip({ level: 9 }), 128);
    const brotliBomb = await compressedZeros(
      () => zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }),
      512,
    );
    expect(gzipBomb.byteLength).toBeLessThan(200 * KB);
    const { fetcher } = fetcherFor({ maxBytes: 1 * MB });
    for (const [encoding, body] of [
      ['gzip', gzipBomb],
      ['br', brotliBomb],
    ] as const) {
      const path = freshPath('bom');
      web.route(path, { headers: { ...HTML, 'content-encoding': encoding }, body });
      const failure = await failureOf(fetcher.fetch(web.url(path)));
      expect(failure.code, encoding).toBe('too_large');
    }
  });

  it('refuses an encoding it cannot undo', async () => {
    const path = freshPath('la');
    web.route(path, { headers: { ...HTML, 'content-encoding': 'zstd' }, body: 'x' });
    const { fetcher } = fetcherFor();
    const failure = await failureOf(fetcher.fetch(web.url(path)));
    expect(failure.code).toBe('bad_content_type');
    expect(failure.message).toContain('"zstd"');
  });
});

describe('content types', () => {
  it('checks the type against what the caller accepts', async () => {
    const cases: [string | null, 'html' | 'feed' | 'any', boolean][] = [
      ['application/pdf', 'html', false],
      ['text/html; charset=utf-8', 'html', true],
      ['application/xhtml+xml', 'html', true],
      [null, 'html', true],
      ['text/html', 'feed', false],
      ['application/rss+xml; charset=utf-8', 'feed', true],
      ['text/xml', 'feed', true],
      ['application/atom+xml', 'feed', true],
      ['application/feed+json', 'feed', true],
      ['image/png', 'any', true],
    ];
    const { fetcher } = fetcherFor();
    for (const [type, accept, ok] of cases) {
      const path = freshPath('kieu');
      web.route(path, { headers: type ? { 'content-type': type } : {}, body: '<x/>' });
      const result = fetcher.fetch(web.url(path), { accept });
      if (ok) await expect(result, `${type} as ${accept}`).resolves.toMatchObject({ status: 200 });
      else expect((await failureOf(result)).code, `${type} as ${accept}`).toBe('bad_content_type');
    }
    const path = freshPath('pdf');
    web.route(path, { headers: { 'content-type': 'application/pdf' }, body: '%PDF' });
    const evidence = await fetcher.fetch(web.url(path), { accept: 'any' });
    expect(Buffer.from(evidence.body).toString()).toBe('%PDF');
    expect(evidence.text).toBe(''); // not text: not decoded
    expect(evidence.charset).toBe('none');
    const failure = await failureOf(fetcher.fetch(web.url(path), { accept: 'html' }));
    expect(failure.message).toBe(
      `Không đọc ${web.url(path)}: máy chủ trả về kiểu "application/pdf", không phải trang HTML.`,
    );
  });
});

describe('charsets', () => {
  async function fetchBytes(headers: Record<string, string>, bytes: number[] | Buffer) {
    const path = freshPath('ma');
    web.route(path, { headers, body: Buffer.from(bytes) });
    const { fetcher } = fetcherFor();
    return fetcher.fetch(web.url(path));
  }
  const latin = (text: string) => Buffer.from(text, 'latin1');

  it('reads an 8-bit page by its <meta charset>', async () => {
    const page = await fetchBytes(
      { 'content-type': 'text/html' },
      latin('<html><head><meta charset="windows-1252"></head><body>Caf\xe9 \x80</body></html>'),
    );
    expect(page.charset).toBe('windows-1252');
    expect(page.text).toContain('Café €');
    expect(Buffer.from(page.body)).toEqual(
      latin('<html><head><meta charset="windows-1252"></head><body>Caf\xe9 \x80</body></html>'),
    );
  });

  it('reads windows-1258 from <meta http-equiv> and composes the tone marks (NFC)', async () => {
    const page = await fetchBytes(
      { 'content-type': 'text/html' },
      Buffer.concat([
        latin('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258"><p>'),
        Buffer.from([0x56, 0x69, 0xea, 0xf2, 0x74]), // "Viê" + combining dot below + "t"
        latin('</p>'),
      ]),
    );
    expect(page.charset).toBe('windows-1258');
    expect(page.text).toContain('<p>Việt</p>');
  });

  it('prefers the header charset, then an XML declaration, and falls back to UTF-8 with a note', async () => {
    const header = await fetchBytes(
      { 'content-type': 'text/html; charset=iso-8859-1' },
      latin('<meta charset="utf-8">caf\xe9'),
    );
    expect(header.text).toBe('<meta charset="utf-8">café');
    const xml = await fetchBytes(
      { 'content-type': 'application/rss+xml' },
      latin('<?xml version="1.0" encoding="windows-1252"?><rss>caf\xe9</rss>'),
    );
    expect(xml.text).toContain('café');
    const unknown = await fetchBytes(
      { 'content-type': 'text/html; charset=tcvn3' },
      Buffer.from('Tiếng Việt'),
    );
    expect(unknown.text).toBe('Tiếng Việt');
    expect(unknown.charset).toBe('utf-8');
    expect(unknown.charsetNote).toBe('bảng mã "tcvn3" không được hỗ trợ, đã đọc như UTF-8');
  });
});

describe('politeness per host', () => {
  it('never runs two requests to one host at once, and spaces them', async () => {
    const path = freshPath('tuan-tu');
    const host = 'mot-may.test';
    web.route(path, { delayMs: 50, headers: HTML, body: 'x' });
    const dns = fakeDns({ [host]: ['127.0.0.1'] });
    const { fetcher, time } = fetcherFor({ allowHosts: [host] }, { lookup: dns.lookup });
    await Promise.all([fetcher.fetch(web.url(path, host)), fetcher.fetch(web.url(path, host))]);
    expect(web.maxInFlightFor(host)).toBe(1);
    expect(time.sleeps).toEqual([1_000]);
  });

  it('lets two hosts run side by side', async () => {
    const path = freshPath('song-song');
    // Each request waits until the other has arrived: only parallel fetches can both finish.
    let arrived = 0;
    let bothHere!: () => void;
    const together = new Promise<void>((resolve) => {
      bothHere = resolve;
    });
    web.route(path, async () => {
      arrived += 1;
      if (arrived === 2) bothHere();
      await Promise.race([together, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      return { headers: HTML, body: String(arrived) };
    });
    const dns = fakeDns({ 'a.test': ['127.0.0.1'], 'b.test': ['127.0.0.1'] });
    const { fetcher } = fetcherFor({ allowHosts: ['a.test', 'b.test'] }, { lookup: dns.lookup });
    const pages = await Promise.all([
      fetcher.fetch(web.url(path, 'a.test')),
      fetcher.fetch(web.url(path, 'b.test')),
    ]);
    expect(pages.map((page) => page.text)).toEqual(['2', '2']);
    expect(web.maxInFlightFor('a.test')).toBe(1);
    expect(web.maxInFlightFor('b.test')).toBe(1);
  });
});

describe('defaultFetchPolicy', () => {
  it('has the documented defaults', () => {
    expect(defaultFetchPolicy()).toEqual({
      allowHosts: [],
      userAgent: MONITOR_USER_AGENT,
      timeoutMs: 15_000,
      totalTimeoutMs: 30_000,
      maxBytes: 5 * MB,
      maxRedirects: 5,
      defaultDelayMs: 1_000,
      maxDelayMs: 30_000,
    });
    expect(defaultFetchPolicy(['127.0.0.1'], { timeoutMs: 1_000 }).timeoutMs).toBe(1_000);
    expect(MONITOR_USER_AGENT).toMatch(/^LoaSo-monitor\/\d+\.\d+\.\d+/);
  });
});

beforeEach(() => {
  // Tests register robots.txt per host; a leftover handler must not leak into the next test's host.
  web.route('/robots.txt', { status: 404, body: 'không có' });
});
