import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/server/cli/run-cli';
import type { Database } from '../src/server/db/client';
import { insertActivities } from '../src/server/db/repositories/activities';
import { insertSnapshot, type SnapshotRow } from '../src/server/db/repositories/monitor-snapshots';
import { auditLog } from '../src/server/db/schema';
import { evidence, evidenceLinks, storedFiles } from '../src/server/db/schema-activities';
import { monitorSnapshots } from '../src/server/db/schema-monitor';
import { reportPeriods, reports, reportTypes } from '../src/server/db/schema-reports';
import { linkSnapshotToActivity } from '../src/server/domain/monitor/snapshots/link-snapshot-to-activity';
import { canonicalJson } from '../src/server/domain/monitor/snapshots/snapshot-manifest';
import { storeSnapshot } from '../src/server/domain/monitor/snapshots/store-snapshot';
import { verifySnapshotChain } from '../src/server/domain/monitor/snapshots/verify-snapshots';
import type { FetchedPage } from '../src/server/monitor/contract';
import { DEFAULT_CHROMIUM, takeScreenshot } from '../src/server/monitor/snapshots/screenshot';
import type { FileStore } from '../src/server/storage/file-store';
import { createLocalFileStore } from '../src/server/storage/local-file-store';
import type { ActivityDetailDto } from '../src/shared/api/activities';
import type { SnapshotDto } from '../src/shared/api/snapshots';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createTestDatabase } from './support/database';
import { createUnit } from './support/factories';
import { communeResults } from './support/report-results';
import { createSignedInUser } from './support/scenarios';

/**
 * The monitor's page snapshots (issue 11 item 3): kept, chained, checked by verify-evidence, served
 * without ever rendering the stored HTML, and packed into the reporting period's evidence ZIP.
 */

const sha256 = (content: Uint8Array | string) => createHash('sha256').update(content).digest('hex');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let ctx: TestContext;
let dataDir: string;
let store: FileStore;
let communeId: string;
let owner: Session;
let outsider: Session;
let n = 0;

const db = () => ctx.database.db;

function page(html: string, url = `https://xa.example.vn/tin/${++n}`): FetchedPage {
  return {
    url,
    finalUrl: url,
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      server: 'nginx',
      date: 'Thu, 05 Mar 2026 02:00:00 GMT',
    },
    contentType: 'text/html; charset=utf-8',
    body: new TextEncoder().encode(html),
    text: html.replace(/<[^>]+>/g, ''),
    fetchedAt: new Date(`2026-03-05T02:${String(n).padStart(2, '0')}:00.000Z`),
    remoteAddress: '192.0.2.10',
  };
}

async function store3(): Promise<SnapshotRow[]> {
  const refs = [];
  for (const title of ['Chuyển đổi số ở thôn 1', 'Hướng dẫn cài VNeID', 'Tập huấn kỹ năng số']) {
    const fetched = page(`<html><body><h1>${title}</h1><p>${title} — ${n}</p></body></html>`);
    refs.push(await storeSnapshot(db(), store, fetched, { unitId: communeId, channelId: null, text: title }));
  }
  return Promise.all(
    refs.map(
      async (ref) => (await db().select().from(monitorSnapshots).where(eq(monitorSnapshots.id, ref.id)))[0]!,
    ),
  );
}

async function cli(argv: string[], database: Database = ctx.database) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    database,
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    fileStore: store,
  });
  return { code, out, err };
}

async function bodyFilePath(row: SnapshotRow): Promise<string> {
  const [file] = await db().select().from(storedFiles).where(eq(storedFiles.id, row.bodyFileId!));
  return path.join(dataDir, 'files', ...file!.storageKey.split('/'));
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-snapshots-'));
  ctx = await createTestApp({ dataDir });
  store = createLocalFileStore(dataDir);
  const province = await createUnit(db(), {
    kind: 'province',
    name: 'Tỉnh Quảng Ngãi',
    validFrom: '2025-07-01',
  });
  communeId = await createUnit(db(), { name: 'Xã Đăk Rve', parentId: province, validFrom: '2025-07-01' });
  const other = await createUnit(db(), { name: 'Xã Kon Braih', parentId: province, validFrom: '2025-07-01' });
  owner = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: communeId }])).session;
  outsider = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: other }])).session;
}, 60_000);

afterAll(async () => {
  await ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the snapshot chain', () => {
  it('keeps three snapshots chained, each with its evidence item, and verifies them', async () => {
    const [a, b, c] = await store3();
    expect(a!.previousSha256).toBeNull();
    expect(b!.previousSha256).toBe(a!.manifestSha256);
    expect(c!.previousSha256).toBe(b!.manifestSha256);
    // The manifest hash is the SHA-256 of its canonical JSON: anyone can recompute it.
    expect(sha256(canonicalJson(b!.manifest))).toBe(b!.manifestSha256);
    expect(b!.manifest).toMatchObject({
      sequence: b!.sequence,
      status: 200,
      fetchedAt: b!.fetchedAt.toISOString(),
      bodySha256: b!.bodySha256,
      previousSha256: a!.manifestSha256,
      screenshotSha256: null,
    });
    // The body is kept gzip-compressed; its hash is of the raw bytes.
    const gz = fs.readFileSync(await bodyFilePath(b!));
    expect(sha256(gunzipSync(gz))).toBe(b!.bodySha256);
    expect(gunzipSync(gz).length).toBe(b!.bodyBytes);
    const [item] = await db().select().from(evidence).where(eq(evidence.snapshotId, b!.id));
    expect(item).toMatchObject({
      kind: 'snapshot',
      source: 'monitor',
      unitId: communeId,
      fileId: b!.bodyFileId,
      capturedAt: b!.fetchedAt,
    });
    expect(item!.title).toMatch(
      /^Ảnh chụp trang https:\/\/xa\.example\.vn\/tin\/\d+ lúc 05\/03\/2026 09:\d\d$/,
    );
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, b!.id));
    expect(audit.map((entry) => entry.action)).toEqual(['monitor.snapshot']);

    const result = await verifySnapshotChain(db(), store);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBeGreaterThanOrEqual(3);
    const run = await cli(['verify-evidence', '--files']);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('Không phát hiện vấn đề nào.');
    expect(run.out).toContain(`Mã cuối chuỗi (số ${c!.sequence}): ${c!.manifestSha256}`);
  });

  it('reports a changed body file, changed headers and a removed snapshot, and the CLI fails', async () => {
    const [, b, c] = await store3();

    // One byte of the stored (gzip) body flipped on disk.
    const file = await bodyFilePath(b!);
    const original = fs.readFileSync(file);
    const flipped = Buffer.from(original);
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, flipped);
    let result = await verifySnapshotChain(db(), store);
    expect(result.problems.map((p) => p.snapshotId)).toEqual([b!.id]);
    expect(result.problems[0]!.problem).toMatch(/nội dung trang/);
    const run = await cli(['verify-evidence']);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`Ảnh chụp số ${b!.sequence} (${b!.id})`);
    expect(run.err).toContain('Phát hiện 1 vấn đề');
    // --files also sees the stored file no longer matching its recorded hash.
    const withFiles = await cli(['verify-evidence', '--files']);
    expect(withFiles.out).toMatch(
      /Tệp "anh-chup-\d+-xa\.example\.vn-20260305-09\d\d\.html\.gz" .*không khớp/,
    );
    fs.writeFileSync(file, original);
    fs.chmodSync(file, 0o444);
    expect((await verifySnapshotChain(db(), store)).problems).toEqual([]);

    // A header changed in the database.
    await db()
      .update(monitorSnapshots)
      .set({ headers: { ...b!.headers, server: 'apache' } })
      .where(eq(monitorSnapshots.id, b!.id));
    result = await verifySnapshotChain(db(), store);
    expect(result.problems).toEqual([
      { sequence: b!.sequence, snapshotId: b!.id, problem: expect.stringContaining('khác ở headers') },
    ]);
    await db().update(monitorSnapshots).set({ headers: b!.headers }).where(eq(monitorSnapshots.id, b!.id));

    // The middle snapshot deleted: the next one no longer links to the one before it.
    await db().delete(evidence).where(eq(evidence.snapshotId, b!.id));
    await db().delete(monitorSnapshots).where(eq(monitorSnapshots.id, b!.id));
    result = await verifySnapshotChain(db(), store);
    expect(result.problems).toEqual([
      { sequence: c!.sequence, snapshotId: c!.id, problem: expect.stringContaining('Chuỗi bị đứt') },
    ]);
    expect((await cli(['verify-evidence'])).code).toBe(1);
    await insertSnapshot(db(), b!);
    expect((await verifySnapshotChain(db(), store)).problems).toEqual([]);
  });

  it('keeps one chain when snapshots are stored at the same time', async () => {
    const refs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        storeSnapshot(db(), store, page(`<p>Cùng lúc ${i}</p>`), {
          unitId: communeId,
          channelId: null,
          text: null,
        }),
      ),
    );
    const rows = await db().select().from(monitorSnapshots).orderBy(monitorSnapshots.sequence);
    const previous = rows.map((row) => row.previousSha256);
    expect(new Set(previous).size).toBe(rows.length);
    for (let i = 1; i < rows.length; i += 1)
      expect(rows[i]!.previousSha256).toBe(rows[i - 1]!.manifestSha256);
    expect(rows.map((row) => row.id)).toEqual(expect.arrayContaining(refs.map((ref) => ref.id)));
    expect((await verifySnapshotChain(db(), store)).problems).toEqual([]);
  });
});

describe('a backup', () => {
  it('restores the chain with its numbers, still verifiable', async () => {
    const file = path.join(dataDir, 'sao-luu.jsonl.gz');
    expect((await cli(['backup', file])).code).toBe(0);
    const target = await createTestDatabase();
    try {
      const restored = await cli(['restore', file], target);
      expect(restored.err).toBe('');
      expect(restored.code).toBe(0);
      const result = await verifySnapshotChain(target.db, store);
      expect(result.problems).toEqual([]);
      expect(result.headSha256).toBe((await verifySnapshotChain(db(), store)).headSha256);
      // New snapshots continue the restored chain.
      const next = await storeSnapshot(target.db, store, page('<p>Sau khôi phục</p>'), {
        unitId: null,
        channelId: null,
        text: null,
      });
      const [row] = await target.db.select().from(monitorSnapshots).where(eq(monitorSnapshots.id, next.id));
      expect(row!.previousSha256).toBe(result.headSha256);
      expect(row!.sequence).toBeGreaterThan(result.headSequence!);
    } finally {
      await target.close();
    }
  });
});

describe('the snapshot API', () => {
  it('shows a snapshot to its unit, 404 to an outsider; the body only as a plain-text attachment', async () => {
    const hostile = '<html><body><script>alert(document.cookie)</script><h1>Tin</h1></body></html>';
    const ref = await storeSnapshot(db(), store, page(hostile), {
      unitId: communeId,
      channelId: null,
      text: 'Tin',
      screenshot: PNG,
    });
    const shown = await owner.get(`/api/snapshots/${ref.id}`);
    expect(shown.statusCode, shown.body).toBe(200);
    const snapshot = shown.json<SnapshotDto>();
    expect(snapshot).toMatchObject({
      id: ref.id,
      manifestSha256: ref.manifestSha256,
      bodySha256: sha256(hostile),
      screenshotSha256: sha256(PNG),
      bodyUrl: `/api/snapshots/${ref.id}/body`,
      screenshotUrl: `/api/snapshots/${ref.id}/screenshot.png`,
    });
    expect(snapshot.statement.proves).toContain('máy chủ Loa Số đã nhận được nội dung này');
    expect(snapshot.statement.doesNotProve).toContain('không chứng minh ai là tác giả');
    expect(sha256(canonicalJson(snapshot.manifest))).toBe(snapshot.manifestSha256);

    const body = await owner.get(snapshot.bodyUrl);
    expect(body.statusCode).toBe(200);
    expect(body.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(body.headers['content-disposition']).toMatch(/^attachment; /);
    expect(body.headers['x-content-type-options']).toBe('nosniff');
    expect(body.headers['content-security-policy']).toContain('sandbox');
    expect(body.rawPayload.toString('utf8')).toBe(hostile);
    expect(sha256(body.rawPayload)).toBe(snapshot.bodySha256);

    const shot = await owner.get(snapshot.screenshotUrl!);
    expect(shot.statusCode).toBe(200);
    expect(shot.headers['content-type']).toBe('image/png');
    expect(shot.rawPayload).toEqual(PNG);

    for (const url of [`/api/snapshots/${ref.id}`, snapshot.bodyUrl, snapshot.screenshotUrl!]) {
      const refused = await outsider.get(url);
      expect(refused.statusCode, url).toBe(404);
    }
    // A snapshot without a screenshot: that file is not found.
    const plain = await storeSnapshot(db(), store, page('<p>x</p>'), {
      unitId: communeId,
      channelId: null,
      text: null,
    });
    expect((await owner.get(`/api/snapshots/${plain.id}/screenshot.png`)).statusCode).toBe(404);
    // The evidence item cannot get a new version: what was received does not change.
    const [item] = await db().select().from(evidence).where(eq(evidence.snapshotId, ref.id));
    const version = await owner.post(`/api/evidence/${item!.id}/versions`, {
      kind: 'url',
      title: 'x',
      url: 'https://example.vn',
    });
    expect(version.statusCode).toBe(409);
  });
});

describe('a record found by the monitor', () => {
  it('links its snapshot, shows it on the record and packs it into the report’s evidence ZIP', async () => {
    const [type] = await db()
      .insert(reportTypes)
      .values({
        ownerUnitId: communeId,
        kind: 'annual',
        name: 'Báo cáo năm',
        dueRule: { kind: 'yearly', month: 12, day: 5 },
        submitterKinds: ['commune'],
        recipients: 'Sở Khoa học và Công nghệ',
      })
      .returning();
    const [period] = await db()
      .insert(reportPeriods)
      .values({
        reportTypeId: type!.id,
        periodKey: '2026',
        label: 'năm 2026',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        dueOn: '2026-12-05',
      })
      .returning();
    const [report] = await db()
      .insert(reports)
      .values({
        periodId: period!.id,
        unitId: communeId,
        status: 'submitted',
        assessmentText: 'Ưu điểm.',
        tasksText: 'Duy trì.',
        proposalsText: 'Không.',
        results: communeResults({ unit: { id: communeId, name: 'Xã Đăk Rve', kind: 'commune' } }),
        submittedAt: new Date('2026-12-03T02:00:00Z'),
        submittedOn: '2026-12-03',
      })
      .returning();

    const html = '<html><body><h1>Ra mắt tổ công nghệ số cộng đồng</h1></body></html>';
    // Stored without a unit: the evidence item is made in the record's unit when it is linked.
    const ref = await storeSnapshot(db(), store, page(html), {
      unitId: null,
      channelId: null,
      text: 'Ra mắt tổ công nghệ số cộng đồng',
      screenshot: PNG,
    });
    const [recordId] = await insertActivities(db(), [
      {
        kind: 'post',
        unitId: communeId,
        occurredAt: new Date('2026-03-05T02:00:00Z'),
        occurredOn: '2026-03-05',
        title: 'Ra mắt tổ công nghệ số cộng đồng',
        searchText: 'ra mat to cong nghe so cong dong',
        provenance: 'monitor',
      },
    ]);
    const evidenceId = await linkSnapshotToActivity(db(), ref.id, recordId!);
    expect(await linkSnapshotToActivity(db(), ref.id, recordId!)).toBe(evidenceId);
    const links = await db().select().from(evidenceLinks).where(eq(evidenceLinks.evidenceId, evidenceId));
    expect(links).toMatchObject([{ targetType: 'activity', targetId: recordId }]);

    const detail = await owner.get(`/api/activities/${recordId}`);
    expect(detail.json<ActivityDetailDto>()).toMatchObject({ snapshotId: ref.id, provenance: 'monitor' });
    expect((await owner.get(`/api/snapshots/${ref.id}`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/snapshots/${ref.id}`)).statusCode).toBe(404);

    const response = await owner.get(`/api/reports/${report!.id}/evidence.zip`);
    expect(response.statusCode, response.body).toBe(200);
    const zip = await JSZip.loadAsync(response.rawPayload);
    const names = Object.keys(zip.files);
    const body = names.find((name) => name.endsWith('.html.gz'))!;
    const manifest = names.find((name) => name.endsWith('.manifest.json'))!;
    const screenshot = names.find((name) => name.endsWith('.png'))!;
    expect(body).toMatch(/^Minh chứng\/Xã Đăk Rve\/anh-chup-\d+-xa\.example\.vn-20260305-09\d\d\.html\.gz$/);
    expect(manifest).toBe(body.replace('.html.gz', '.manifest.json'));
    expect(gunzipSync(await zip.file(body)!.async('nodebuffer')).toString('utf8')).toBe(html);
    const manifestBytes = await zip.file(manifest)!.async('nodebuffer');
    expect(sha256(manifestBytes)).toBe(ref.manifestSha256);
    expect(JSON.parse(manifestBytes.toString('utf8'))).toMatchObject({ bodySha256: sha256(html) });
    expect(await zip.file(screenshot)!.async('nodebuffer')).toEqual(PNG);
    const index = await zip.file('index.html')!.async('string');
    expect(index).toContain('ảnh chụp trang');
    expect(index).toContain('bản kê ảnh chụp');
    expect(index).toContain('không chứng minh ai là tác giả');
    expect(index).not.toContain('KHÔNG KHỚP');
  });
});

describe('the screenshot of a stored page', () => {
  const hasChromium = fs.existsSync(DEFAULT_CHROMIUM);

  it.runIf(!hasChromium && process.env.CI === 'true')('has Chromium in CI', () => {
    expect.fail(`${DEFAULT_CHROMIUM} is missing: CI must test the screenshots`);
  });

  it.runIf(hasChromium)(
    'renders the stored body without a single network request',
    async () => {
      const hits: string[] = [];
      const server = http.createServer((request, response) => {
        hits.push(request.url ?? '');
        response.end('x');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      try {
        const html = `<html><body style="background:#fe0"><h1>Chuyển đổi số</h1>
          <img src="http://127.0.0.1:${port}/anh.png"><link rel="stylesheet" href="/kieu.css">
          <script>fetch('/du-lieu'); new WebSocket('ws://127.0.0.1:${port}/ws')</script></body></html>`;
        for (const javaScript of [false, true]) {
          const png = Buffer.from(
            await takeScreenshot(
              {
                url: `http://127.0.0.1:${port}/bai-viet`,
                contentType: 'text/html; charset=utf-8',
                body: html,
              },
              { javaScript, timeoutMs: 60_000 },
            ),
          );
          expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
          expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 2000]);
        }
        expect(hits).toEqual([]);
      } finally {
        server.close();
      }
    },
    150_000,
  );
});
