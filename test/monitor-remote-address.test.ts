import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorSnapshots } from '../src/server/db/schema-monitor';
import { manifestHash } from '../src/server/domain/monitor/snapshots/snapshot-manifest';
import { storeSnapshot } from '../src/server/domain/monitor/snapshots/store-snapshot';
import { verifySnapshotChain } from '../src/server/domain/monitor/snapshots/verify-snapshots';
import { createPageFetcher, defaultFetchPolicy, MONITOR_PRODUCT } from '../src/server/monitor/fetch';
import type { FileStore } from '../src/server/storage/file-store';
import { createLocalFileStore } from '../src/server/storage/local-file-store';
import { createTestApp, type TestContext } from './support/app';
import { type FixtureWebServer, startFixtureWebServer } from './support/fixture-web-server';

/**
 * Issue 11: a snapshot names the address the connection really went to (the checked, pinned IP),
 * inside the chained manifest; snapshots stored before that field still verify; and the public
 * /bot page the monitor's user agent points to.
 */

let ctx: TestContext;
let web: FixtureWebServer;
let dataDir: string;
let store: FileStore;

const db = () => ctx.database.db;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-remote-'));
  ctx = await createTestApp({ dataDir });
  store = createLocalFileStore(dataDir);
  web = await startFixtureWebServer();
  web.route('/chuyen-doi-so', {
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: '<h1>Chuyển đổi số</h1>',
  });
}, 60_000);

afterAll(async () => {
  await web.stop();
  await ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function rowOf(id: string) {
  return (await db().select().from(monitorSnapshots).where(eq(monitorSnapshots.id, id)))[0]!;
}

async function snapshotOfFixture() {
  const fetcher = createPageFetcher(defaultFetchPolicy(['127.0.0.1']), { sleep: async () => undefined });
  const page = await fetcher.fetch(web.url('/chuyen-doi-so'), { accept: 'html' });
  const ref = await storeSnapshot(db(), store, page, { unitId: null, channelId: null, text: null });
  return rowOf(ref.id);
}

describe('the connected address in a snapshot', () => {
  it('is kept in the chained manifest, and changing it breaks the chain', async () => {
    const first = await snapshotOfFixture();
    const second = await snapshotOfFixture();
    expect(first.manifest).toMatchObject({ version: 2, remoteAddress: '127.0.0.1' });
    expect(manifestHash(first.manifest)).toBe(first.manifestSha256);
    expect((await verifySnapshotChain(db(), store)).problems).toEqual([]);

    // Another address written into the stored manifest: its hash no longer matches.
    const forged = { ...first.manifest, remoteAddress: '203.0.113.7' };
    await db().update(monitorSnapshots).set({ manifest: forged }).where(eq(monitorSnapshots.id, first.id));
    let problems = (await verifySnapshotChain(db(), store)).problems;
    expect(problems).toEqual([
      {
        sequence: Number(first.sequence),
        snapshotId: first.id,
        problem: expect.stringContaining('Bản kê (manifest) lưu trong cơ sở dữ liệu đã bị sửa'),
      },
    ]);

    // …and with its hash recomputed too, the next snapshot no longer links to it.
    await db()
      .update(monitorSnapshots)
      .set({ manifest: forged, manifestSha256: manifestHash(forged) })
      .where(eq(monitorSnapshots.id, first.id));
    problems = (await verifySnapshotChain(db(), store)).problems;
    expect(problems).toEqual([
      {
        sequence: Number(second.sequence),
        snapshotId: second.id,
        problem: expect.stringContaining('Chuỗi bị đứt'),
      },
    ]);

    await db()
      .update(monitorSnapshots)
      .set({ manifest: first.manifest, manifestSha256: first.manifestSha256 })
      .where(eq(monitorSnapshots.id, first.id));
    expect((await verifySnapshotChain(db(), store)).problems).toEqual([]);
  });

  it('is not asked of snapshots stored before it existed (manifest version 1)', async () => {
    const head = await snapshotOfFixture();
    // The head rewritten as the first format stored it: no remoteAddress, version 1.
    const { remoteAddress: _dropped, ...rest } = head.manifest as Record<string, unknown>;
    const old = { ...rest, version: 1 };
    await db()
      .update(monitorSnapshots)
      .set({ manifest: old, manifestSha256: manifestHash(old) })
      .where(eq(monitorSnapshots.id, head.id));
    const next = await snapshotOfFixture();
    expect(next.previousSha256).toBe(manifestHash(old));
    expect((await verifySnapshotChain(db(), store)).problems).toEqual([]);

    // A version 1 manifest that gains an address afterwards is a changed manifest.
    await db()
      .update(monitorSnapshots)
      .set({ manifest: { ...old, remoteAddress: '127.0.0.1' } })
      .where(eq(monitorSnapshots.id, head.id));
    expect((await verifySnapshotChain(db(), store)).problems.map((p) => p.snapshotId)).toEqual([head.id]);
  });
});

describe('the /bot page', () => {
  it('tells a webmaster what the bot is and how to limit it, without signing in', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/bot' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain(`User-agent: ${MONITOR_PRODUCT}`);
    expect(response.body).toContain('Crawl-delay');
    expect(response.body).toContain('robots.txt');
    expect(response.body).toMatch(/LoaSo-monitor\/\d+\.\d+\.\d+/);
  });
});
