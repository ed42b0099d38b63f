import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

interface Loaded {
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Bytes on the wire (headers and body as sent: compressed when compressed). */
  transferred: number;
  /** Bytes of the body once decoded. */
  decoded: number;
  /** Answered by the browser's cache without asking the server. */
  fromCache: boolean;
}

/** Records every response of the page through DevTools, as the Network panel shows them. */
async function recordNetwork(page: Page): Promise<{ cdp: CDPSession; loaded: Map<string, Loaded> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const loaded = new Map<string, Loaded>();
  // Chromium says "served from cache" before it reports the response.
  const servedFromCache = new Set<string>();
  cdp.on('Network.requestServedFromCache', (event) => {
    servedFromCache.add(event.requestId);
  });
  cdp.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
    );
    loaded.set(event.requestId, {
      url: event.response.url,
      status: event.response.status,
      headers,
      transferred: 0,
      decoded: 0,
      fromCache: Boolean(event.response.fromDiskCache) || servedFromCache.has(event.requestId),
    });
  });
  cdp.on('Network.dataReceived', (event) => {
    const entry = loaded.get(event.requestId);
    if (entry) entry.decoded += event.dataLength;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const entry = loaded.get(event.requestId);
    if (entry) entry.transferred = event.encodedDataLength;
  });
  return { cdp, loaded };
}

async function openLogin(page: Page) {
  await page.goto('/login', { waitUntil: 'networkidle' });
  await page.getByLabel('Tên đăng nhập').waitFor();
}

describe('first page load on a phone', () => {
  it('comes compressed (brotli), and the hashed files come from the cache on the next visit', async () => {
    const page = await openPage(PHONE);
    const { loaded } = await recordNetwork(page);
    await openLogin(page);
    await screenshot(page, 'phone-login-first-load');

    const responses = [...loaded.values()];
    const document = responses.find((response) => new URL(response.url).pathname === '/login');
    expect(document?.headers['content-encoding']).toBe('br');
    expect(document?.headers['cache-control']).toBe('no-cache');

    const assets = responses.filter((response) => /\/assets\/.+\.(js|css)$/.test(response.url));
    expect(assets.length).toBeGreaterThan(5);
    for (const asset of assets) {
      expect(asset.headers['cache-control'], asset.url).toBe('public, max-age=31536000, immutable');
      // The build leaves a file uncompressed only when brotli would not make it smaller.
      if (asset.decoded > 1024) expect(asset.headers['content-encoding'], asset.url).toBe('br');
    }
    const transferred = responses.reduce((sum, response) => sum + response.transferred, 0);
    const decoded = responses.reduce((sum, response) => sum + response.decoded, 0);
    console.log(
      `first page load: ${responses.length} responses, ${(transferred / 1024).toFixed(1)} KiB transferred, ${(decoded / 1024).toFixed(1)} KiB decoded`,
    );
    expect(transferred).toBeLessThan(decoded * 0.4);

    // Next visit: index.html is asked again (no-cache), every hashed file already fetched is taken from
    // the cache. (Chunks the app prefetches after the first screen may come later than the first visit's
    // quiet moment: those are left out.)
    const fetched = new Set(assets.map((asset) => asset.url));
    loaded.clear();
    await openLogin(page);
    const again = [...loaded.values()].filter((response) => fetched.has(response.url));
    expect(again.length).toBeGreaterThan(5);
    expect(again.filter((response) => !response.fromCache).map((response) => response.url)).toEqual([]);
  });
});
