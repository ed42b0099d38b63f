import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertActivities } from '../src/server/db/repositories/activities';
import { auditLog, units, unitVersions } from '../src/server/db/schema';
import {
  broadcastScheduleEntries,
  broadcastSchedules,
  channels,
  evidence,
  storedFiles,
} from '../src/server/db/schema-activities';
import { isViewableInline } from '../src/server/storage/content-disposition';
import type {
  EvidenceCreatedDto,
  EvidenceDetailDto,
  ScheduleEvidenceCandidateDto,
} from '../src/shared/api/evidence';
import type { ErrorBody } from '../src/shared/errors';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createProvinceWithCommunes } from './support/factories';
import { createSignedInUser } from './support/scenarios';

/** Evidence that fits how proof works: issued schedules, citations with their scan, inline previews. */

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const MP3 = Buffer.concat([Buffer.from([0x49, 0x44, 0x33, 0x03, 0, 0, 0, 0, 0x01, 0x7f]), Buffer.alloc(600)]);
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

async function docxBytes(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file('word/document.xml', '<w:document/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

function form(fields: Record<string, string>, file?: { name: string; content: Buffer }): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  if (file) data.append('file', new Blob([new Uint8Array(file.content)]), file.name);
  return data;
}

const CITATION = {
  documentNumber: '15/KH-UBND',
  documentDate: '2025-02-10',
  issuingBody: 'UBND xã',
  summary: 'Kế hoạch tuyên truyền chuyển đổi số năm 2025',
};

let ctx: TestContext;
let unitA: string;
let unitB: string;
let officerA: Session;
let officerB: Session;
let reviewer: Session;
let channelId: string;

const db = () => ctx.database.db;

async function insertSchedule(month: string, status: 'draft' | 'issued'): Promise<string> {
  const [row] = await db()
    .insert(broadcastSchedules)
    .values({
      unitId: unitA,
      channelId,
      month,
      status,
      documentNumber: status === 'issued' ? '07/DM-UBND' : null,
      signerName: 'Nguyễn Văn An',
      signerTitle: 'Chủ tịch',
      issuedAt: status === 'issued' ? new Date('2025-02-27T03:00:00Z') : null,
    })
    .returning({ id: broadcastSchedules.id });
  await db()
    .insert(broadcastScheduleEntries)
    .values(
      [2, 9, 16, 23].map((day) => ({
        scheduleId: row!.id,
        airDate: `${month.slice(0, 8)}${String(day).padStart(2, '0')}`,
        timeSlot: '05:00-05:15',
        title: `Bản tin chuyển đổi số ngày ${day}`,
        durationMinutes: 15,
      })),
    );
  return row!.id;
}

beforeAll(async () => {
  ctx = await createTestApp();
  const tree = await createProvinceWithCommunes(db());
  unitA = tree.communeA;
  unitB = tree.communeB;
  officerA = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: unitA }])).session;
  officerB = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: unitB }])).session;
  reviewer = (await createSignedInUser(ctx.app, db(), [{ role: 'reviewer', unitId: tree.provinceId }]))
    .session;
  const [channel] = await db()
    .insert(channels)
    .values({
      unitId: unitA,
      kind: 'radio_programme',
      platform: 'radio',
      name: 'Chuyên mục Chuyển đổi số',
      stationName: 'Đài truyền thanh xã',
    })
    .returning({ id: channels.id });
  channelId = channel!.id;
});
afterAll(() => ctx.close());

describe('an issued broadcast schedule as evidence', () => {
  it('lists the issued schedules of the unit, freezes the document on first use and reuses it after', async () => {
    const issued = await insertSchedule('2025-03-01', 'issued');
    const draft = await insertSchedule('2025-04-01', 'draft');

    const list = await officerA.get(`/api/units/${unitA}/evidence/schedules`);
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<{ items: ScheduleEvidenceCandidateDto[] }>().items;
    expect(items.map((item) => item.scheduleId)).toEqual([issued]);
    expect(items[0]).toMatchObject({
      channelName: 'Chuyên mục Chuyển đổi số',
      channelKind: 'radio_programme',
      documentNumber: '07/DM-UBND',
      evidenceId: null,
    });

    const first = await officerA.post(`/api/schedules/${issued}/evidence`);
    expect(first.statusCode, first.body).toBe(200);
    const created = first.json<EvidenceCreatedDto>();
    expect(created).toMatchObject({
      unitId: unitA,
      kind: 'schedule',
      scheduleId: issued,
      title: 'Danh mục phát sóng tháng 03/2025 - Chuyên mục Chuyển đổi số (số 07/DM-UBND)',
      documentNumber: '07/DM-UBND',
      documentDate: '2025-02-27',
      periodFrom: '2025-03-01',
      periodTo: '2025-03-31',
      file: {
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        originalName: 'Danh mục phát sóng 03-2025 - Chuyên mục Chuyển đổi số.docx',
      },
    });
    const download = await officerA.get(created.file!.downloadUrl);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
    const zip = await JSZip.loadAsync(download.rawPayload);
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('Bản tin chuyển đổi số ngày 16');
    expect(sha256(download.rawPayload)).toBe(created.file!.sha256);

    // The unit is renamed and an entry changes afterwards: the proof stays the document as first used.
    await db().update(units).set({ name: 'Xã Đổi Tên' }).where(eq(units.id, unitA));
    await db().update(unitVersions).set({ name: 'Xã Đổi Tên' }).where(eq(unitVersions.unitId, unitA));
    await db()
      .update(broadcastScheduleEntries)
      .set({ title: 'Sửa sau khi ban hành' })
      .where(eq(broadcastScheduleEntries.scheduleId, issued));
    const again = await officerA.post(`/api/schedules/${issued}/evidence`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<EvidenceCreatedDto>()).toMatchObject({
      id: created.id,
      file: { id: created.file!.id, sha256: created.file!.sha256 },
    });
    const rows = await db().select().from(evidence).where(eq(evidence.scheduleId, issued));
    expect(rows).toHaveLength(1);
    const listed = (await officerA.get(`/api/units/${unitA}/evidence/schedules`)).json<{
      items: ScheduleEvidenceCandidateDto[];
    }>();
    expect(listed.items[0]!.evidenceId).toBe(created.id);

    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'evidence.create'), eq(auditLog.entityId, created.id)));
    expect(audit).toHaveLength(1);

    // A draft is not a decision yet; an issued document has no later versions.
    const refused = await officerA.post(`/api/schedules/${draft}/evidence`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().message).toContain('chưa ban hành');
    const version = await officerA.post(`/api/evidence/${created.id}/versions`, {
      kind: 'url',
      title: 'x',
      url: 'https://example.vn',
    });
    expect(version.statusCode).toBe(409);
  });

  it('hides the schedules of another unit: 404 to an outsider, and no viewer may freeze one', async () => {
    const issued = await insertSchedule('2025-05-01', 'issued');
    expect((await officerB.post(`/api/schedules/${issued}/evidence`)).statusCode).toBe(404);
    expect((await officerB.get(`/api/units/${unitA}/evidence/schedules`)).statusCode).toBe(404);
    expect((await reviewer.post(`/api/schedules/${issued}/evidence`)).statusCode).toBe(403);
    expect((await reviewer.get(`/api/units/${unitA}/evidence/schedules`)).statusCode).toBe(200);
  });
});

describe('a document citation with its signed scan', () => {
  it('stores the scan (a PDF) with the citation and serves it inline', async () => {
    const response = await officerA.request({
      method: 'POST',
      url: `/api/units/${unitA}/evidence/citation`,
      payload: form(CITATION, { name: 'KH 15 có chữ ký.pdf', content: PDF }),
    });
    expect(response.statusCode, response.body).toBe(200);
    const created = response.json<EvidenceCreatedDto>();
    expect(created).toMatchObject({
      kind: 'citation',
      documentNumber: '15/KH-UBND',
      issuingBody: 'UBND xã',
      file: { originalName: 'KH 15 có chữ ký.pdf', mimeType: 'application/pdf', sha256: sha256(PDF) },
    });
    const download = await reviewer.get(created.file!.downloadUrl);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^inline; /);

    // A corrected summary keeps the scan; a new scan (a photo) replaces it.
    const corrected = await officerA.post(`/api/evidence/${created.id}/versions`, {
      kind: 'citation',
      ...CITATION,
      summary: 'Kế hoạch tuyên truyền CĐS năm 2025 (bản đúng)',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const second = corrected.json<EvidenceCreatedDto>();
    expect(second.file?.id).toBe(created.file!.id);
    const rescanned = await officerA.request({
      method: 'POST',
      url: `/api/evidence/${second.id}/versions`,
      payload: form({ kind: 'citation', ...CITATION }, { name: 'anh-chup.png', content: PNG }),
    });
    expect(rescanned.statusCode, rescanned.body).toBe(200);
    expect(rescanned.json<EvidenceDetailDto>()).toMatchObject({
      kind: 'citation',
      versionNumber: 3,
      file: { mimeType: 'image/png' },
    });
  });

  it('still takes a citation without a scan, as JSON or as a form', async () => {
    const json = await officerA.post(`/api/units/${unitA}/evidence/citation`, CITATION);
    expect(json.statusCode, json.body).toBe(200);
    expect(json.json<EvidenceCreatedDto>().file).toBeNull();
    const asForm = await officerA.request({
      method: 'POST',
      url: `/api/units/${unitA}/evidence/citation`,
      payload: form(CITATION),
    });
    expect(asForm.statusCode, asForm.body).toBe(200);
    expect(asForm.json<EvidenceCreatedDto>().file).toBeNull();
  });

  it('refuses a scan that is not a PDF or an image, naming the file field, and stores nothing', async () => {
    const before = await db().select().from(storedFiles);
    const docx = await docxBytes();
    const response = await officerA.request({
      method: 'POST',
      url: `/api/units/${unitA}/evidence/citation`,
      payload: form(CITATION, { name: 'ban-scan.pdf', content: docx }),
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.details).toEqual([
      {
        field: 'body.file',
        message:
          'Tệp "ban-scan.pdf" là Word (DOCX); bản quét văn bản cần tệp PDF hoặc ảnh (PNG, JPEG, GIF, WebP).',
      },
    ]);
    const missing = await officerA.request({
      method: 'POST',
      url: `/api/units/${unitA}/evidence/citation`,
      payload: form({ ...CITATION, documentNumber: '' }, { name: 'scan.pdf', content: PDF }),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorBody>().details.map((detail) => detail.field)).toContain('body.documentNumber');
    expect(await db().select().from(storedFiles)).toHaveLength(before.length);
  });

  it('answers an outsider 404 before reading the upload', async () => {
    const response = await officerB.request({
      method: 'POST',
      url: `/api/units/${unitA}/evidence/citation`,
      payload: form(CITATION, { name: 'scan.pdf', content: PDF }),
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('inline previews', () => {
  const uploadFile = async (name: string, content: Buffer) => {
    const response = await officerA.request({
      method: 'POST',
      url: `/api/units/${unitA}/evidence`,
      payload: form({}, { name, content }),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<EvidenceCreatedDto>().file!;
  };

  it('serves PDFs and images inline and everything else as an attachment, never sniffed', async () => {
    const cases: [string, Buffer, string, 'inline' | 'attachment'][] = [
      ['van-ban.pdf', PDF, 'application/pdf', 'inline'],
      ['anh.png', PNG, 'image/png', 'inline'],
      ['ban-tin.mp3', MP3, 'audio/mpeg', 'attachment'],
      [
        'bang.docx',
        await docxBytes(),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'attachment',
      ],
    ];
    for (const [name, content, type, disposition] of cases) {
      const file = await uploadFile(name, content);
      const download = await reviewer.get(file.downloadUrl);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe(type);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-disposition'], name).toMatch(new RegExp(`^${disposition}; `));
    }
  });

  it('never shows HTML or SVG inline, whatever a row says', () => {
    expect(isViewableInline('image/svg+xml')).toBe(false);
    expect(isViewableInline('text/html')).toBe(false);
    expect(isViewableInline('video/mp4')).toBe(false);
    expect(isViewableInline('image/jpeg')).toBe(true);
  });
});

describe('a record names its channel with the kind', () => {
  it('sends the channel kind beside its name, so two channels of one name are told apart', async () => {
    const [id] = await insertActivities(db(), [
      {
        kind: 'broadcast',
        unitId: unitA,
        channelId,
        occurredAt: new Date('2025-03-02T01:00:00Z'),
        occurredOn: '2025-03-02',
        title: 'Bản tin chuyển đổi số',
        searchText: 'ban tin chuyen doi so',
        provenance: 'form',
      },
    ]);
    const response = await officerA.get(`/api/activities/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      channelName: 'Chuyên mục Chuyển đổi số',
      channelKind: 'radio_programme',
    });
    const list = await officerA.get(`/api/activities?unitId=${unitA}`);
    expect(list.json<{ items: Array<{ channelKind: string | null }> }>().items[0]?.channelKind).toBe(
      'radio_programme',
    );
  });
});
