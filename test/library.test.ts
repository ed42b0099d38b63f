import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertActivities } from '../src/server/db/repositories/activities';
import { auditLog } from '../src/server/db/schema';
import {
  broadcastScheduleEntries,
  broadcastSchedules,
  channels,
  languages,
  libraryItems,
} from '../src/server/db/schema-activities';
import type { LibraryCreatedDto, LibraryItemDetailDto, LibraryItemDto } from '../src/shared/api/library';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createKonTumScenario, createSignedInUser } from './support/scenarios';

type Scenario = Awaited<ReturnType<typeof createKonTumScenario>>;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const MP3 = Buffer.concat([
  Buffer.from([0x49, 0x44, 0x33, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]),
  Buffer.from([0xff, 0xfb, 0x90, 0x64]),
  Buffer.alloc(400),
]);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const NOW = () => new Date(Date.now() - 60_000).toISOString();

function form(fields: Record<string, string | string[]>, file?: { name: string; content: Buffer }): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const one of [value].flat()) data.append(name, one);
  if (file) data.append('file', new Blob([new Uint8Array(file.content)]), file.name);
  return data;
}

let ctx: TestContext;
let dataDir: string;
let s: Scenario;
let qnOffice: Session;
let ldOffice: Session;
let dakRveOfficer: Session;
let konBraihOfficer: Session;
let dakMilOfficer: Session;
let admin: Session;

const article = (overrides: Record<string, unknown> = {}) => ({
  kind: 'article',
  title: 'Lợi ích của dịch vụ công trực tuyến',
  body: 'Người dân có thể nộp hồ sơ mọi lúc, mọi nơi.\n\nKhông cần đến trụ sở.',
  topics: ['benefits'],
  publishedAt: NOW(),
  ...overrides,
});

async function publish(
  session: Session,
  unitId: string,
  body: Record<string, unknown>,
): Promise<LibraryCreatedDto> {
  const response = await session.post(`/api/units/${unitId}/library`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<LibraryCreatedDto>();
}

async function listTitles(session: Session, query = ''): Promise<string[]> {
  const response = await session.get(`/api/library?limit=500${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response
    .json<{ items: LibraryItemDto[] }>()
    .items.map((item) => item.title)
    .sort();
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-library-'));
  ctx = await createTestApp({ dataDir });
  const db = ctx.database.db;
  s = await createKonTumScenario(db);
  qnOffice = (await createSignedInUser(ctx.app, db, [{ role: 'dx_office', unitId: s.quangNgai }])).session;
  ldOffice = (await createSignedInUser(ctx.app, db, [{ role: 'dx_office', unitId: s.lamDong }])).session;
  dakRveOfficer = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: s.dakRve }]))
    .session;
  konBraihOfficer = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: s.konBraih }]))
    .session;
  dakMilOfficer = (await createSignedInUser(ctx.app, db, [{ role: 'unit_officer', unitId: s.dakMil }]))
    .session;
  admin = (await createSignedInUser(ctx.app, db, [{ role: 'system_admin', unitId: null }])).session;
});
afterAll(async () => {
  await ctx.close();
  for (const file of fs.readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
    if (file.isFile()) fs.chmodSync(path.join(file.parentPath, file.name), 0o644);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('publishing', () => {
  it('publishes an article text from JSON, audited', async () => {
    const created = await publish(qnOffice, s.quangNgai, article({ title: '  Bài mẫu:   Ngày CĐS 10/10 ' }));
    expect(created).toMatchObject({
      ownerUnitId: s.quangNgai,
      ownerUnitName: 'Tỉnh Quảng Ngãi',
      kind: 'article',
      title: 'Bài mẫu: Ngày CĐS 10/10',
      body: 'Người dân có thể nộp hồ sơ mọi lúc, mọi nơi.\n\nKhông cần đến trụ sở.',
      language: 'vi',
      topics: ['benefits'],
      isDraft: false,
      usageCount: 0,
      translations: [],
      canEdit: true,
      notices: [],
    });
    const [entry] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(entry).toMatchObject({
      action: 'library.publish',
      unitId: s.quangNgai,
      entityType: 'library_item',
    });
  });

  it('takes audio, banners and guidance as multipart files of the right kind', async () => {
    const audio = await qnOffice.request({
      method: 'POST',
      url: `/api/units/${s.quangNgai}/library`,
      payload: form(
        { kind: 'audio', title: 'Bản tin CĐS số 1', topics: 'policy,benefits', publishedAt: NOW() },
        { name: 'ban-tin-1.mp3', content: MP3 },
      ),
    });
    expect(audio.statusCode, audio.body).toBe(200);
    expect(audio.json()).toMatchObject({
      kind: 'audio',
      topics: ['policy', 'benefits'],
      file: { mimeType: 'audio/mpeg', originalName: 'ban-tin-1.mp3' },
    });

    const banner = await qnOffice.request({
      method: 'POST',
      url: `/api/units/${s.quangNgai}/library`,
      payload: form(
        { kind: 'banner', title: 'Banner Ngày CĐS', topics: ['policy', 'good_models'], publishedAt: NOW() },
        { name: 'banner.jpg', content: PNG },
      ),
    });
    expect(banner.statusCode, banner.body).toBe(200);
    expect(banner.json()).toMatchObject({
      topics: ['policy', 'good_models'],
      file: { mimeType: 'image/png' },
      notices: [expect.stringContaining('ảnh PNG')],
    });

    const wrongKind = await qnOffice.request({
      method: 'POST',
      url: `/api/units/${s.quangNgai}/library`,
      payload: form({ kind: 'banner', title: 'Banner là PDF' }, { name: 'banner.pdf', content: PDF }),
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json()).toMatchObject({
      message: expect.stringContaining('banner cần tệp ảnh'),
      details: [{ field: 'body.file' }],
    });

    const text = await qnOffice.request({
      method: 'POST',
      url: `/api/units/${s.quangNgai}/library`,
      payload: form(
        { kind: 'guidance', title: 'Sổ tay' },
        { name: 'so-tay.pdf', content: Buffer.from('chỉ là chữ') },
      ),
    });
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({
      message: 'Tệp "so-tay.pdf" không phải PDF, DOCX, XLSX, ảnh hoặc âm thanh.',
    });
  });

  it('requires the text of articles, the file of guidance, and topics and languages from the province lists', async () => {
    const fields = async (body: Record<string, unknown>) => {
      const response = await qnOffice.post(`/api/units/${s.quangNgai}/library`, body);
      expect(response.statusCode).toBe(400);
      return response
        .json<{ details: Array<{ field: string }> }>()
        .details.map((d) => d.field)
        .sort();
    };
    expect(await fields(article({ body: '   ' }))).toEqual(['body.body']);
    expect(await fields({ kind: 'guidance', title: 'Sổ tay CĐS' })).toEqual(['body.file']);
    expect(await fields(article({ topics: ['benefits', 'khong-co'] }))).toEqual(['body.topics.1']);
    expect(await fields(article({ language: 'xyz' }))).toEqual(['body.language']);
    expect(await fields(article({ kind: 'poster' }))).toEqual(['body.kind']);
  });

  it('lets only publishers publish: 403 for an officer of the unit, 404 outside', async () => {
    expect((await dakRveOfficer.post(`/api/units/${s.dakRve}/library`, article())).statusCode).toBe(403);
    expect((await ldOffice.post(`/api/units/${s.quangNgai}/library`, article())).statusCode).toBe(404);
    const multipart = await ldOffice.request({
      method: 'POST',
      url: `/api/units/${s.quangNgai}/library`,
      payload: form({ kind: 'audio', title: 'Lẻn vào' }, { name: 'x.mp3', content: MP3 }),
    });
    expect(multipart.statusCode).toBe(404);
  });
});

describe('visibility', () => {
  let provinceItem: LibraryCreatedDto;
  let communeItem: LibraryCreatedDto;
  let draft: LibraryCreatedDto;
  let scheduled: LibraryCreatedDto;

  beforeAll(async () => {
    provinceItem = await publish(qnOffice, s.quangNgai, article({ title: 'Của tỉnh Quảng Ngãi' }));
    // A commune may own material too (an admin publishes for it here): its neighbours do not see it.
    communeItem = await publish(admin, s.konBraih, article({ title: 'Của xã Kon Braih' }));
    draft = await publish(qnOffice, s.quangNgai, article({ title: 'Bản nháp của tỉnh', publishedAt: null }));
    scheduled = await publish(
      qnOffice,
      s.quangNgai,
      article({ title: 'Hẹn giờ phát hành', publishedAt: '2999-01-01T00:00:00+07:00' }),
    );
  });

  it('flows down the subtree and not sideways', async () => {
    const dakRve = await listTitles(dakRveOfficer);
    expect(dakRve).toContain('Của tỉnh Quảng Ngãi');
    expect(dakRve).not.toContain('Của xã Kon Braih');
    expect(await listTitles(konBraihOfficer)).toEqual(
      expect.arrayContaining(['Của tỉnh Quảng Ngãi', 'Của xã Kon Braih']),
    );
    // The province sees what is published below it.
    expect(await listTitles(qnOffice)).toContain('Của xã Kon Braih');
    // Another province sees none of it.
    expect(await listTitles(dakMilOfficer)).toEqual([]);
    expect(await listTitles(ldOffice)).toEqual([]);

    expect((await dakRveOfficer.get(`/api/library/${provinceItem.id}`)).statusCode).toBe(200);
    for (const [session, id] of [
      [dakRveOfficer, communeItem.id],
      [dakMilOfficer, provinceItem.id],
    ] as const) {
      const response = await session.get(`/api/library/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('reaches the former units merged into a commune of the province', async () => {
    const former = (
      await createSignedInUser(ctx.app, ctx.database.db, [{ role: 'viewer', unitId: s.ttDakRve }])
    ).session;
    expect(await listTitles(former)).toContain('Của tỉnh Quảng Ngãi');
  });

  it('hides drafts and items not yet due from everyone but publishers', async () => {
    expect(await listTitles(dakRveOfficer)).not.toEqual(expect.arrayContaining(['Bản nháp của tỉnh']));
    expect(await listTitles(dakRveOfficer)).not.toContain('Hẹn giờ phát hành');
    expect((await dakRveOfficer.get(`/api/library/${draft.id}`)).statusCode).toBe(404);
    expect((await dakRveOfficer.get(`/api/library/${scheduled.id}`)).statusCode).toBe(404);
    expect(await listTitles(qnOffice, '&draft=true')).toEqual(['Bản nháp của tỉnh', 'Hẹn giờ phát hành']);
    expect(await listTitles(qnOffice, '&draft=false')).not.toContain('Bản nháp của tỉnh');
    expect((await qnOffice.get(`/api/library/${draft.id}`)).json<LibraryItemDetailDto>()).toMatchObject({
      isDraft: true,
      canEdit: true,
    });

    const published = await qnOffice.patch(`/api/library/${draft.id}`, { publishedAt: NOW() });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ isDraft: false });
    const seen = await dakRveOfficer.get(`/api/library/${draft.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ canEdit: false });
    // Back to draft: gone again for the commune.
    expect((await qnOffice.patch(`/api/library/${draft.id}`, { publishedAt: null })).statusCode).toBe(200);
    expect((await dakRveOfficer.get(`/api/library/${draft.id}`)).statusCode).toBe(404);
  });

  it('narrows to what one unit may use, and filters by kind, topic and text without diacritics', async () => {
    expect(await listTitles(qnOffice, `&unitId=${s.dakRve}&q=cua&draft=false`)).toEqual([
      'Của tỉnh Quảng Ngãi',
    ]);
    expect(await listTitles(qnOffice, `&unitId=${s.konBraih}&q=cua&draft=false`)).toEqual([
      'Của tỉnh Quảng Ngãi',
      'Của xã Kon Braih',
    ]);
    expect(await listTitles(qnOffice, `&ownerUnitId=${s.konBraih}`)).toEqual(['Của xã Kon Braih']);
    expect((await dakRveOfficer.get(`/api/library?unitId=${s.konBraih}`)).statusCode).toBe(404);
    expect(await listTitles(dakRveOfficer, '&q=QUANG%20NGAI')).toEqual(['Của tỉnh Quảng Ngãi']);
    expect(await listTitles(dakRveOfficer, '&kind=audio')).toEqual(['Bản tin CĐS số 1']);
    expect(await listTitles(dakRveOfficer, '&topic=good_models')).toEqual(['Banner Ngày CĐS']);
  });

  it('serves files of visible items only', async () => {
    const audio = (await dakRveOfficer.get('/api/library?kind=audio')).json<{ items: LibraryItemDto[] }>()
      .items[0]!;
    const download = await dakRveOfficer.get(audio.file!.downloadUrl);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('audio/mpeg');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload).toEqual(MP3);
    // Players seek with ranges.
    const part = await dakRveOfficer.request({
      method: 'GET',
      url: audio.file!.downloadUrl,
      headers: { range: 'bytes=10-13' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-13/${MP3.length}`);
    expect(part.rawPayload).toEqual(MP3.subarray(10, 14));
    const beyond = await dakRveOfficer.request({
      method: 'GET',
      url: audio.file!.downloadUrl,
      headers: { range: `bytes=${MP3.length}-` },
    });
    expect(beyond.statusCode).toBe(416);
    expect((await dakMilOfficer.get(audio.file!.downloadUrl)).statusCode).toBe(404);

    const hidden = await qnOffice.request({
      method: 'POST',
      url: `/api/units/${s.quangNgai}/library`,
      payload: form(
        { kind: 'guidance', title: 'Hướng dẫn chưa phát hành' },
        { name: 'hd.pdf', content: PDF },
      ),
    });
    const fileUrl = hidden.json<LibraryCreatedDto>().file!.downloadUrl;
    expect((await qnOffice.get(fileUrl)).statusCode).toBe(200);
    expect((await dakRveOfficer.get(fileUrl)).statusCode).toBe(404);
  });
});

describe('usage and translations', () => {
  it('counts live records and schedule entries using an item, in lists and in the detail', async () => {
    const db = ctx.database.db;
    const item = await publish(qnOffice, s.quangNgai, article({ title: 'Được dùng nhiều' }));
    const unused = await publish(qnOffice, s.quangNgai, article({ title: 'Chưa ai dùng' }));
    const record = (title: string) => ({
      kind: 'post',
      unitId: s.dakRve,
      occurredAt: new Date('2026-03-02T01:00:00Z'),
      occurredOn: '2026-03-02',
      title,
      searchText: title,
      provenance: 'form',
      libraryItemId: item.id,
    });
    await insertActivities(db, [record('một'), record('hai'), record('ba')]);
    await insertActivities(db, [{ ...record('đã xóa'), deletedAt: new Date() }]);
    const [channel] = await db
      .insert(channels)
      .values({ unitId: s.dakRve, kind: 'radio_programme', platform: 'radio', name: 'Chuyên mục CĐS' })
      .returning();
    const [schedule] = await db
      .insert(broadcastSchedules)
      .values({ unitId: s.dakRve, channelId: channel!.id, month: '2026-03-01' })
      .returning();
    await db.insert(broadcastScheduleEntries).values([
      {
        scheduleId: schedule!.id,
        airDate: '2026-03-03',
        timeSlot: '05:00',
        title: 'Phát lại',
        durationMinutes: 10,
        libraryItemId: item.id,
      },
      {
        scheduleId: schedule!.id,
        airDate: '2026-03-10',
        timeSlot: '17:00',
        title: 'Phát lại',
        durationMinutes: 10,
        libraryItemId: item.id,
      },
    ]);

    const listed = (await dakRveOfficer.get('/api/library?q=duoc%20dung&limit=500')).json<{
      items: LibraryItemDto[];
    }>().items;
    expect(listed.map((i) => [i.title, i.usageCount])).toEqual([['Được dùng nhiều', 5]]);
    expect((await dakRveOfficer.get(`/api/library/${item.id}`)).json<LibraryItemDetailDto>().usageCount).toBe(
      5,
    );
    expect(
      (await dakRveOfficer.get(`/api/library/${unused.id}`)).json<LibraryItemDetailDto>().usageCount,
    ).toBe(0);
  });

  it('adds one translation per language of the province lists, and shows them with the item', async () => {
    const item = await publish(qnOffice, s.quangNgai, article({ title: 'Cần dịch' }));
    const sed = await qnOffice.post(`/api/library/${item.id}/translations`, {
      language: 'sed',
      title: 'Bản tiếng Xơ Đăng',
      body: 'Nội dung bản dịch.',
    });
    expect(sed.statusCode, sed.body).toBe(200);
    expect(sed.json()).toMatchObject({
      translationOfId: item.id,
      language: 'sed',
      ownerUnitId: s.quangNgai,
      topics: ['benefits'],
    });

    const again = await qnOffice.post(`/api/library/${item.id}/translations`, {
      language: 'sed',
      title: 'Lần nữa',
      body: 'x',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', message: 'Tài liệu đã có bản tiếng Xơ Đăng.' });
    expect(
      (
        await qnOffice.post(`/api/library/${item.id}/translations`, {
          language: 'vi',
          title: 'Tiếng Việt',
          body: 'x',
        })
      ).statusCode,
    ).toBe(409);
    const unknown = await qnOffice.post(`/api/library/${item.id}/translations`, {
      language: 'xyz',
      title: 'Lạ',
      body: 'x',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ details: [{ field: 'body.language' }] });
    // A province's own language counts once that province adds it, and only there.
    await ctx.database.db
      .insert(languages)
      .values({ provinceId: s.lamDong, code: 'mng', name: "Tiếng M'Nông (Bu Dâng)" });
    expect(
      (
        await qnOffice.post(`/api/library/${item.id}/translations`, {
          language: 'mng',
          title: 'x',
          body: 'x',
        })
      ).statusCode,
    ).toBe(400);
    await ctx.database.db
      .insert(languages)
      .values({ provinceId: s.quangNgai, code: 'mng', name: "Tiếng M'Nông" });
    expect(
      (
        await qnOffice.post(`/api/library/${item.id}/translations`, {
          language: 'mng',
          title: 'Bản Mnông',
          body: 'x',
        })
      ).statusCode,
    ).toBe(200);

    expect(
      (
        await dakRveOfficer.post(`/api/library/${item.id}/translations`, {
          language: 'bdq',
          title: 'x',
          body: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await dakMilOfficer.post(`/api/library/${item.id}/translations`, {
          language: 'bdq',
          title: 'x',
          body: 'x',
        })
      ).statusCode,
    ).toBe(404);

    const detail = (await dakRveOfficer.get(`/api/library/${item.id}`)).json<LibraryItemDetailDto>();
    expect(detail.translations.map((t) => [t.language, t.title])).toEqual([
      ['sed', 'Bản tiếng Xơ Đăng'],
      ['mng', 'Bản Mnông'],
    ]);
    expect(detail.translationLanguages).toEqual(['mng', 'sed']);
    // Lists show originals only, with their languages, and find them by a translation's language.
    expect(await listTitles(dakRveOfficer, '&language=sed')).toEqual(['Cần dịch']);
    const row = (await dakRveOfficer.get('/api/library?q=can%20dich')).json<{ items: LibraryItemDto[] }>()
      .items;
    expect(row.map((i) => i.translationLanguages)).toEqual([['mng', 'sed']]);
    // A translation is reached like its original.
    const translationId = sed.json<LibraryCreatedDto>().id;
    expect((await dakRveOfficer.get(`/api/library/${translationId}`)).statusCode).toBe(200);
    expect((await dakMilOfficer.get(`/api/library/${translationId}`)).statusCode).toBe(404);
    expect(
      (
        await qnOffice.post(`/api/library/${translationId}/translations`, {
          language: 'bdq',
          title: 'x',
          body: 'x',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('translates audio with an audio file', async () => {
    const audio = await qnOffice.request({
      method: 'POST',
      url: `/api/units/${s.quangNgai}/library`,
      payload: form(
        { kind: 'audio', title: 'Bản tin cần dịch', publishedAt: NOW() },
        { name: 'a.mp3', content: MP3 },
      ),
    });
    const id = audio.json<LibraryCreatedDto>().id;
    const noFile = await qnOffice.post(`/api/library/${id}/translations`, {
      language: 'bdq',
      title: 'Bản Ba Na',
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json()).toMatchObject({ details: [{ field: 'body.file' }] });
    const withFile = await qnOffice.request({
      method: 'POST',
      url: `/api/library/${id}/translations`,
      payload: form(
        { language: 'bdq', title: 'Bản Ba Na' },
        { name: 'ba-na.mp3', content: Buffer.concat([MP3, Buffer.from('ba na')]) },
      ),
    });
    expect(withFile.statusCode, withFile.body).toBe(200);
    const translation = withFile.json<LibraryCreatedDto>();
    expect(translation.file).toMatchObject({ mimeType: 'audio/mpeg', originalName: 'ba-na.mp3' });
    expect((await dakRveOfficer.get(translation.file!.downloadUrl)).statusCode).toBe(200);
    expect((await dakMilOfficer.get(translation.file!.downloadUrl)).statusCode).toBe(404);
  });
});

describe('editing', () => {
  it('edits in place for publishers, audited, with search following the new title', async () => {
    const item = await publish(qnOffice, s.quangNgai, article({ title: 'Tên cũ' }));
    expect((await dakRveOfficer.patch(`/api/library/${item.id}`, { title: 'Tên mới' })).statusCode).toBe(403);
    expect((await dakMilOfficer.patch(`/api/library/${item.id}`, { title: 'Tên mới' })).statusCode).toBe(404);
    const edited = await qnOffice.patch(`/api/library/${item.id}`, {
      title: 'Tên mới hoàn toàn',
      topics: ['policy'],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Tên mới hoàn toàn', topics: ['policy'] });
    expect(await listTitles(dakRveOfficer, '&q=ten%20moi%20hoan')).toEqual(['Tên mới hoàn toàn']);
    const [row] = await ctx.database.db.select().from(libraryItems).where(eq(libraryItems.id, item.id));
    expect(row!.title).toBe('Tên mới hoàn toàn');
    const entries = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, item.id));
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['library.publish', 'library.update']),
    );
    expect(entries.find((e) => e.action === 'library.update')).toMatchObject({ before: { title: 'Tên cũ' } });

    expect((await qnOffice.patch(`/api/library/${item.id}`, { body: null })).statusCode).toBe(400);
    await qnOffice.post(`/api/library/${item.id}/translations`, {
      language: 'sed',
      title: 'Bản dịch',
      body: 'x',
    });
    expect((await qnOffice.patch(`/api/library/${item.id}`, { language: 'sed' })).statusCode).toBe(409);
  });
});
