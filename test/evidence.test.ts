import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/server/config';
import { insertActivities } from '../src/server/db/repositories/activities';
import { auditLog } from '../src/server/db/schema';
import { evidence, evidenceLinks, storedFiles } from '../src/server/db/schema-activities';
import type {
  EvidenceCreatedDto,
  EvidenceDetailDto,
  EvidenceLinkDto,
  LinkedEvidenceDto,
} from '../src/shared/api/evidence';
import { createAppOn, createTestApp, logIn, type Session, type TestContext } from './support/app';
import { createProvinceWithCommunes, createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

function form(file: { name: string; content: Buffer } | null, fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  if (file) data.append('file', new Blob([new Uint8Array(file.content)]), file.name);
  return data;
}

let ctx: TestContext;
let dataDir: string;
let unitA: string;
let unitB: string;
let province: string;
let officerA: Session;
let officerB: Session;
let viewerA: Session;
let dxOffice: Session;
let admin: Session;

const upload = (
  session: Session,
  unitId: string,
  name: string,
  content: Buffer,
  fields: Record<string, string> = {},
) =>
  session.request({
    method: 'POST',
    url: `/api/units/${unitId}/evidence`,
    payload: form({ name, content }, fields),
  });

async function createRecord(unitId: string, title: string): Promise<string> {
  const [id] = await insertActivities(ctx.database.db, [
    {
      kind: 'post',
      unitId,
      occurredAt: new Date('2026-03-02T01:00:00Z'),
      occurredOn: '2026-03-02',
      title,
      searchText: title.toLowerCase(),
      provenance: 'form',
    },
  ]);
  return id!;
}

const storedOnDisk = (sha: string) => path.join(dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-evidence-'));
  ctx = await createTestApp({ dataDir });
  const db = ctx.database.db;
  const tree = await createProvinceWithCommunes(db);
  province = tree.provinceId;
  unitA = tree.communeA;
  unitB = tree.communeB;
  officerA = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: unitA }])).session;
  officerB = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: unitB }])).session;
  viewerA = (await createSignedInUser(ctx.app, db, [{ role: 'viewer', unitId: unitA }])).session;
  dxOffice = (await createSignedInUser(ctx.app, db, [{ role: 'dx_office', unitId: province }])).session;
  admin = (await createSignedInUser(ctx.app, db, [{ role: 'system_admin', unitId: null }])).session;
});
afterAll(async () => {
  await ctx.close();
  for (const file of fs.readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
    if (file.isFile()) fs.chmodSync(path.join(file.parentPath, file.name), 0o644);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('file evidence', () => {
  it('stores a PDF with its SHA-256 and size, audited, and serves it back as stored', async () => {
    const response = await upload(officerA, unitA, 'Kế hoạch CĐS 2026.pdf', PDF, {
      title: 'Kế hoạch chuyển đổi số',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
    });
    expect(response.statusCode, response.body).toBe(200);
    const created = response.json<EvidenceCreatedDto>();
    expect(created).toMatchObject({
      unitId: unitA,
      kind: 'file',
      title: 'Kế hoạch chuyển đổi số',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      isCurrent: true,
      versionNumber: 1,
      notices: [],
      file: {
        originalName: 'Kế hoạch CĐS 2026.pdf',
        mimeType: 'application/pdf',
        sizeBytes: PDF.length,
        sha256: sha256(PDF),
      },
    });
    expect(fs.readFileSync(storedOnDisk(sha256(PDF)))).toEqual(PDF);

    const download = await officerA.get(created.file!.downloadUrl);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `inline; filename="Ke hoach CDS 2026.pdf"; filename*=UTF-8''${encodeURIComponent('Kế hoạch CĐS 2026.pdf')}`,
    );
    expect(download.rawPayload).toEqual(PDF);

    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'evidence.create'), eq(auditLog.entityId, created.id)));
    expect(entry).toMatchObject({ unitId: unitA, entityType: 'evidence' });
  });

  it('takes the type from the content: a PNG named .pdf is stored as image/png and the response says so', async () => {
    const response = await upload(officerA, unitA, 'cong-van.pdf', PNG);
    expect(response.statusCode, response.body).toBe(200);
    const created = response.json<EvidenceCreatedDto>();
    expect(created.title).toBe('cong-van.pdf');
    expect(created.file).toMatchObject({ mimeType: 'image/png', originalName: 'cong-van.pdf' });
    expect(created.notices).toEqual([expect.stringContaining('ảnh PNG')]);
    const download = await officerA.get(created.file!.downloadUrl);
    expect(download.headers['content-type']).toBe('image/png');
  });

  it('refuses a text file, naming it, and keeps nothing', async () => {
    const before = await ctx.database.db.select().from(evidence);
    const response = await upload(
      officerA,
      unitA,
      'ghi-chu.txt',
      Buffer.from('Chỉ là ghi chú, không phải minh chứng.'),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Tệp "ghi-chu.txt" không phải PDF, DOCX, XLSX, ảnh hoặc âm thanh.',
      details: [{ field: 'body.file' }],
    });
    expect(await ctx.database.db.select().from(evidence)).toHaveLength(before.length);
    expect(fs.readdirSync(path.join(dataDir, 'files', '.staging'))).toEqual([]);
  });

  it('asks for the file when none is sent, and checks the fields beside it', async () => {
    const none = await officerA.request({
      method: 'POST',
      url: `/api/units/${unitA}/evidence`,
      payload: form(null, { title: 'Không có tệp' }),
    });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ details: [{ field: 'body.file' }] });
    const badPeriod = await upload(officerA, unitA, 'a.pdf', PDF, { periodFrom: '2026-02-30' });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json()).toMatchObject({ details: [{ field: 'body.periodFrom' }] });
    const reversed = await upload(officerA, unitA, 'a.pdf', PDF, {
      periodFrom: '2026-03-01',
      periodTo: '2026-02-01',
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ details: [{ field: 'body.periodTo' }] });
    const json = await officerA.post(`/api/units/${unitA}/evidence`, { title: 'JSON thay vì tệp' });
    expect(json.statusCode).toBe(400);
  });

  it('keeps the same bytes once on disk; each upload keeps its own row and name', async () => {
    const content = Buffer.concat([PDF, Buffer.from('% bản dùng chung\n')]);
    const first = (await upload(officerA, unitA, 'bien-ban-1.pdf', content)).json<EvidenceCreatedDto>();
    const second = (
      await upload(officerA, unitA, 'Biên bản (bản sao).pdf', content)
    ).json<EvidenceCreatedDto>();
    expect(second.file!.id).not.toBe(first.file!.id);
    const rows = await ctx.database.db
      .select()
      .from(storedFiles)
      .where(eq(storedFiles.sha256, sha256(content)));
    expect(rows.map((row) => row.originalName).sort()).toEqual(['Biên bản (bản sao).pdf', 'bien-ban-1.pdf']);
    expect(new Set(rows.map((row) => row.storageKey)).size).toBe(1);
    const folder = path.dirname(storedOnDisk(sha256(content)));
    expect(fs.readdirSync(folder)).toEqual([sha256(content)]);
    // Each download carries its own upload's name.
    expect((await officerA.get(second.file!.downloadUrl)).headers['content-disposition']).toContain(
      'filename="Bien ban (ban sao).pdf"',
    );
  });

  it('answers 413 PAYLOAD_TOO_LARGE above UPLOAD_MAX_MB, and accepts a file of exactly the limit', async () => {
    const limit = loadConfig({ UPLOAD_MAX_MB: '1' }).uploadMaxBytes;
    expect(limit).toBe(1024 * 1024);
    const small: FastifyInstance = await createAppOn(ctx.database, { dataDir, uploadMaxBytes: limit });
    try {
      const session = await logIn(
        small,
        (await createSignedInUser(small, ctx.database.db, [{ role: 'unit_officer', unitId: unitA }]))
          .username,
      );
      const exact = Buffer.concat([PDF, Buffer.alloc(limit - PDF.length, 0x20)]);
      const ok = await upload(session, unitA, 'vua-du.pdf', exact);
      expect(ok.statusCode, ok.body).toBe(200);
      const over = await upload(session, unitA, 'qua-lon.pdf', Buffer.concat([exact, Buffer.from(' ')]));
      expect(over.statusCode).toBe(413);
      expect(over.json()).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        message: 'Tệp "qua-lon.pdf" lớn hơn giới hạn 1 MB.',
      });
      expect(fs.readdirSync(path.join(dataDir, 'files', '.staging'))).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('reads UPLOAD_MAX_MB: 25 MB by default, 1–1024 allowed', () => {
    expect(loadConfig({}).uploadMaxBytes).toBe(25 * 1024 * 1024);
    expect(() => loadConfig({ UPLOAD_MAX_MB: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ UPLOAD_MAX_MB: '2048' })).toThrow(/UPLOAD_MAX_MB/);
  });

  it('lets only those who record for the unit upload; outsiders get 404 and their bytes are not kept', async () => {
    const viewer = await upload(viewerA, unitA, 'a.pdf', PDF);
    expect(viewer.statusCode).toBe(403);
    const outsider = await upload(
      officerB,
      unitA,
      'lan-sang.pdf',
      Buffer.concat([PDF, Buffer.from('% của người ngoài')]),
    );
    expect(outsider.statusCode).toBe(404);
    expect(
      await ctx.database.db.select().from(storedFiles).where(eq(storedFiles.originalName, 'lan-sang.pdf')),
    ).toEqual([]);
  });
});

describe('URL and citation evidence', () => {
  it('stores a URL with its title', async () => {
    const response = await officerA.post(`/api/units/${unitA}/evidence/url`, {
      title: '  Chuyên mục CĐS  ',
      url: 'https://xa-a.gov.vn/cds',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      kind: 'url',
      title: 'Chuyên mục CĐS',
      url: 'https://xa-a.gov.vn/cds',
      file: null,
    });
    const bad = await officerA.post(`/api/units/${unitA}/evidence/url`, {
      title: 'x',
      url: 'ftp://xa-a.gov.vn',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ details: [{ field: 'body.url' }] });
  });

  it('requires số/ký hiệu, date, issuing body and summary of a citation, and builds its title', async () => {
    const missing = await officerA.post(`/api/units/${unitA}/evidence/citation`, {
      documentNumber: '114/STTTT-BCVT-CNTT',
    });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json<{ details: Array<{ field: string }> }>()
        .details.map((d) => d.field)
        .sort(),
    ).toEqual(['body.documentDate', 'body.issuingBody', 'body.summary']);

    const base = {
      documentDate: '2025-12-05',
      issuingBody: 'Sở Khoa học và Công nghệ',
      summary: 'Về việc tuyên truyền chuyển đổi số',
    };
    const badNumber = await officerA.post(`/api/units/${unitA}/evidence/citation`, {
      ...base,
      documentNumber: 'công văn gấp',
    });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json()).toMatchObject({
      details: [{ field: 'body.documentNumber', message: expect.stringContaining('114/STTTT-BCVT-CNTT') }],
    });
    const blank = await officerA.post(`/api/units/${unitA}/evidence/citation`, {
      ...base,
      documentNumber: '114/STTTT',
      summary: '   ',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ details: [{ field: 'body.summary' }] });
    const future = await officerA.post(`/api/units/${unitA}/evidence/citation`, {
      ...base,
      documentNumber: '114/STTTT',
      documentDate: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ details: [{ field: 'body.documentDate' }] });

    const ok = await officerA.post(`/api/units/${unitA}/evidence/citation`, {
      ...base,
      documentNumber: 'Số: 114 / STTTT-BCVT-CNTT',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      kind: 'citation',
      documentNumber: '114/STTTT-BCVT-CNTT',
      documentDate: '2025-12-05',
      issuingBody: 'Sở Khoa học và Công nghệ',
      title: 'Văn bản số 114/STTTT-BCVT-CNTT ngày 05/12/2025 của Sở Khoa học và Công nghệ',
    });
  });
});

describe('versions', () => {
  it('adds versions without touching the old rows, chains them and carries the links', async () => {
    const db = ctx.database.db;
    const v1 = (
      await officerA.post(`/api/units/${unitA}/evidence/url`, {
        title: 'Trang chuyên mục',
        url: 'https://xa-a.gov.vn/v1',
        periodFrom: '2026-01-01',
      })
    ).json<EvidenceCreatedDto>();
    const record = await createRecord(unitA, 'Tin về Ngày CĐS');
    expect(
      (await officerA.post(`/api/evidence/${v1.id}/links`, { targetType: 'activity', targetId: record }))
        .statusCode,
    ).toBe(200);
    const [v1Before] = await db.select().from(evidence).where(eq(evidence.id, v1.id));

    const v2Response = await officerA.post(`/api/evidence/${v1.id}/versions`, {
      kind: 'citation',
      documentNumber: '12/BC-UBND',
      documentDate: '2025-12-20',
      issuingBody: 'UBND xã',
      summary: 'Báo cáo kết quả',
    });
    expect(v2Response.statusCode, v2Response.body).toBe(200);
    const v2 = v2Response.json<EvidenceCreatedDto>();
    expect(v2).toMatchObject({
      previousVersionId: v1.id,
      isCurrent: true,
      versionNumber: 2,
      kind: 'citation',
      periodFrom: '2026-01-01',
      linkCount: 1,
    });

    const v3Response = await officerA.request({
      method: 'POST',
      url: `/api/evidence/${v2.id}/versions`,
      payload: form({ name: 'bao-cao.pdf', content: PDF }),
    });
    expect(v3Response.statusCode, v3Response.body).toBe(200);
    const v3 = v3Response.json<EvidenceCreatedDto>();
    expect(v3).toMatchObject({ previousVersionId: v2.id, versionNumber: 3, kind: 'file', title: v2.title });
    expect(v3.versions.map((v) => [v.id, v.versionNumber, v.isCurrent])).toEqual([
      [v3.id, 3, true],
      [v2.id, 2, false],
      [v1.id, 1, false],
    ]);
    expect(v3.links.map((link) => link.targetId)).toEqual([record]);

    // The first version is as it was, apart from no longer being the current one.
    const [v1After] = await db.select().from(evidence).where(eq(evidence.id, v1.id));
    expect(v1After).toEqual({ ...v1Before, isCurrent: false });
    // Any version shows the whole history.
    const fromOld = (await officerA.get(`/api/evidence/${v1.id}`)).json<EvidenceDetailDto>();
    expect(fromOld.versions.map((v) => v.id)).toEqual([v3.id, v2.id, v1.id]);
    expect(fromOld).toMatchObject({ id: v1.id, isCurrent: false, url: 'https://xa-a.gov.vn/v1' });

    // A version is added to the latest only.
    const stale = await officerA.post(`/api/evidence/${v1.id}/versions`, {
      kind: 'url',
      title: 'Cũ',
      url: 'https://xa-a.gov.vn/cu',
    });
    expect(stale.statusCode).toBe(409);
    // The record shows the current version once.
    const onRecord = (await officerA.get(`/api/activities/${record}/evidence`)).json<{
      items: LinkedEvidenceDto[];
    }>();
    expect(onRecord.items.map((item) => item.id)).toEqual([v3.id]);

    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'evidence.version'));
    expect(audit.map((entry) => entry.entityId)).toEqual(expect.arrayContaining([v2.id, v3.id]));
  });

  it('refuses a version from someone who may not record for the unit', async () => {
    const item = (
      await officerA.post(`/api/units/${unitA}/evidence/url`, {
        title: 'Trang',
        url: 'https://xa-a.gov.vn/p',
      })
    ).json<EvidenceCreatedDto>();
    expect(
      (
        await officerB.post(`/api/evidence/${item.id}/versions`, {
          kind: 'url',
          title: 'x',
          url: 'https://x.vn',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await viewerA.post(`/api/evidence/${item.id}/versions`, {
          kind: 'url',
          title: 'x',
          url: 'https://x.vn',
        })
      ).statusCode,
    ).toBe(403);
    const multipart = await officerB.request({
      method: 'POST',
      url: `/api/evidence/${item.id}/versions`,
      payload: form({ name: 'x.pdf', content: PDF }),
    });
    expect(multipart.statusCode).toBe(404);
  });
});

describe('links to records', () => {
  it('links only records in scope and of the unit subtree, once each, and unlinks', async () => {
    const item = (
      await officerA.post(`/api/units/${unitA}/evidence/url`, {
        title: 'Ảnh chụp trang',
        url: 'https://xa-a.gov.vn/anh',
      })
    ).json<EvidenceCreatedDto>();
    const own = await createRecord(unitA, 'Bài của xã A');
    const other = await createRecord(unitB, 'Bài của xã B');

    const linked = await officerA.post(`/api/evidence/${item.id}/links`, {
      targetType: 'activity',
      targetId: own,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const link = linked.json<EvidenceLinkDto>();
    expect(link).toMatchObject({
      evidenceId: item.id,
      targetType: 'activity',
      targetId: own,
      targetTitle: 'Bài của xã A',
      targetOccurredOn: '2026-03-02',
    });
    expect(
      (await officerA.post(`/api/evidence/${item.id}/links`, { targetType: 'activity', targetId: own }))
        .statusCode,
    ).toBe(409);

    // Another commune's record: not even there for this officer…
    expect(
      (await officerA.post(`/api/evidence/${item.id}/links`, { targetType: 'activity', targetId: other }))
        .statusCode,
    ).toBe(404);
    // …and refused for an admin, who sees both, because it is not of the evidence's unit.
    const sideways = await admin.post(`/api/evidence/${item.id}/links`, {
      targetType: 'activity',
      targetId: other,
    });
    expect(sideways.statusCode).toBe(400);
    expect(sideways.json()).toMatchObject({ details: [{ field: 'body.targetId' }] });
    // Criteria come later; a record that does not exist is not found.
    expect(
      (await officerA.post(`/api/evidence/${item.id}/links`, { targetType: 'criterion', targetId: own }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await officerA.post(`/api/evidence/${item.id}/links`, {
          targetType: 'activity',
          targetId: '00000000-0000-4000-8000-000000000000',
        })
      ).statusCode,
    ).toBe(404);

    // Evidence of the province proves work done below it.
    const provinceItem = (
      await dxOffice.post(`/api/units/${province}/evidence/url`, {
        title: 'Kế hoạch tỉnh',
        url: 'https://tinh.gov.vn/kh',
      })
    ).json<EvidenceCreatedDto>();
    expect(
      (
        await dxOffice.post(`/api/evidence/${provinceItem.id}/links`, {
          targetType: 'activity',
          targetId: own,
        })
      ).statusCode,
    ).toBe(200);
    const onRecord = (await officerA.get(`/api/activities/${own}/evidence`)).json<{
      items: LinkedEvidenceDto[];
    }>();
    expect(onRecord.items.map((i) => i.title).sort()).toEqual(['Kế hoạch tỉnh', 'Ảnh chụp trang'].sort());
    expect((await officerB.get(`/api/activities/${own}/evidence`)).statusCode).toBe(404);

    expect((await officerB.delete(`/api/evidence-links/${link.id}`)).statusCode).toBe(404);
    expect((await viewerA.delete(`/api/evidence-links/${link.id}`)).statusCode).toBe(403);
    const removed = await officerA.delete(`/api/evidence-links/${link.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ id: link.id, targetId: own });
    expect(await ctx.database.db.select().from(evidenceLinks).where(eq(evidenceLinks.id, link.id))).toEqual(
      [],
    );
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'evidence.unlink'));
    expect(entry).toMatchObject({ entityId: item.id, unitId: unitA });
  });
});

describe('lists and access', () => {
  it('filters by kind, period and text without diacritics', async () => {
    const unit = await createUnit(ctx.database.db, { parentId: province, name: 'Xã Lọc' });
    const officer = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'unit_officer', unitId: unit }])
    ).session;
    await officer.post(`/api/units/${unit}/evidence/citation`, {
      documentNumber: '07/KH-UBND',
      documentDate: '2025-03-10',
      issuingBody: 'UBND xã Lọc',
      summary: 'Kế hoạch tuyên truyền Ngày Chuyển đổi số',
    });
    await officer.post(`/api/units/${unit}/evidence/url`, {
      title: 'Trang tin tháng Năm',
      url: 'https://loc.gov.vn/5',
      periodFrom: '2025-05-01',
      periodTo: '2025-05-31',
    });
    await upload(officer, unit, 'Ảnh buổi tuyên truyền.png', PNG, {
      periodFrom: '2025-08-01',
      periodTo: '2025-08-31',
    });

    const titles = async (query: string) => {
      const response = await officer.get(`/api/units/${unit}/evidence?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response
        .json<{ items: Array<{ title: string }> }>()
        .items.map((item) => item.title)
        .sort();
    };
    expect(await titles('')).toHaveLength(3);
    expect(await titles('kind=citation')).toEqual(['Văn bản số 07/KH-UBND ngày 10/03/2025 của UBND xã Lọc']);
    expect(await titles('from=2025-05-15&to=2025-06-30')).toEqual(['Trang tin tháng Năm']);
    expect(await titles('from=2025-03-01&to=2025-03-31')).toEqual([
      'Văn bản số 07/KH-UBND ngày 10/03/2025 của UBND xã Lọc',
    ]);
    expect(await titles('q=chuyen%20doi%20so')).toEqual([
      'Văn bản số 07/KH-UBND ngày 10/03/2025 của UBND xã Lọc',
    ]);
    expect(await titles('q=TUYEN%20TRUYEN')).toHaveLength(2);
    expect(await titles('q=thang%20nam')).toEqual(['Trang tin tháng Năm']);
    // The province sees its own (none here) or, on request, its whole subtree.
    const subtree = await dxOffice.get(`/api/units/${province}/evidence?subtree=true&q=loc`);
    expect(subtree.json<{ total: number }>().total).toBe(2);
    expect(
      (await dxOffice.get(`/api/units/${province}/evidence?q=loc`)).json<{ total: number }>().total,
    ).toBe(0);
  });

  it('shows evidence and its files to the unit and those above it, 404 to other communes', async () => {
    const created = (
      await upload(officerA, unitA, 'rieng.pdf', Buffer.concat([PDF, Buffer.from('% riêng xã A')]))
    ).json<EvidenceCreatedDto>();
    for (const session of [officerA, viewerA, dxOffice, admin]) {
      expect((await session.get(`/api/evidence/${created.id}`)).statusCode).toBe(200);
      expect((await session.get(created.file!.downloadUrl)).statusCode).toBe(200);
    }
    expect((await viewerA.get(`/api/evidence/${created.id}`)).json<EvidenceDetailDto>().canEdit).toBe(false);
    for (const url of [
      `/api/evidence/${created.id}`,
      created.file!.downloadUrl,
      `/api/units/${unitA}/evidence`,
    ]) {
      const response = await officerB.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await officerA.get('/api/files/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
