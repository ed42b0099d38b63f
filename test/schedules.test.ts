import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertActivities } from '../src/server/db/repositories/activities';
import { auditLog } from '../src/server/db/schema';
import {
  activities,
  broadcastScheduleEntries,
  channels,
  libraryItems,
} from '../src/server/db/schema-activities';
import { placeDateLine } from '../src/server/reports/vn-dates';
import type {
  MarkAiredResultDto,
  ReconciliationDto,
  ScheduleDto,
  ScheduleSummaryDto,
} from '../src/shared/api/schedules';
import { addDays, monthBounds, todayVn, vnInstant } from '../src/shared/dates';
import type { ErrorBody } from '../src/shared/errors';
import { foldForSearch } from '../src/shared/text';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createKonTumScenario, createSignedInUser } from './support/scenarios';

type Scenario = Awaited<ReturnType<typeof createKonTumScenario>>;

const FUTURE_YEAR = Number(todayVn().slice(0, 4)) + 3;

describe('monthly broadcast schedules', () => {
  let ctx: TestContext;
  let s: Scenario;
  let officer: Session;
  let head: Session;
  let headName: string;
  let outsider: Session;
  let provinceOffice: Session;
  let dxChannel: string;
  let newsChannel: string;
  let websiteChannel: string;
  let konBraihChannel: string;

  const db = () => ctx.database.db;

  async function addChannel(unitId: string, kind: string, name: string) {
    const [row] = await db()
      .insert(channels)
      .values({
        unitId,
        kind,
        platform: kind === 'radio_programme' ? 'radio' : 'website',
        name,
        stationName: kind === 'radio_programme' ? 'Đài truyền thanh xã Đăk Rve' : null,
      })
      .returning({ id: channels.id });
    return row!.id;
  }

  async function createSchedule(
    session: Session,
    channelId: string,
    month: string,
    extra: Record<string, unknown> = {},
  ) {
    const response = await session.post(`/api/units/${s.dakRve}/schedules`, { channelId, month, ...extra });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ScheduleDto>();
  }

  async function addEntry(scheduleId: string, entry: Record<string, unknown>) {
    const response = await officer.post(`/api/schedules/${scheduleId}/entries`, {
      timeSlot: '05:00-05:15',
      durationMinutes: 15,
      genre: 'tin',
      ...entry,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ScheduleDto>();
  }

  const entryBase = (airDate: string, title: string) => ({
    airDate,
    title,
    timeSlot: '05:00-05:15',
    durationMinutes: 15,
  });

  async function issue(scheduleId: string) {
    await officer.patch(`/api/schedules/${scheduleId}`, {
      signerName: 'Nguyễn Văn An',
      signerTitle: 'Chủ tịch',
    });
    const response = await head.post(`/api/schedules/${scheduleId}/issue`, { acknowledgeWarnings: true });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ScheduleDto>();
  }

  const auditActions = async (entityId: string) =>
    (
      await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, entityId))
    ).map((row) => row.action);

  beforeAll(async () => {
    ctx = await createTestApp();
    s = await createKonTumScenario(db());
    officer = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: s.dakRve }])).session;
    const headUser = await createSignedInUser(ctx.app, db(), [{ role: 'unit_head', unitId: s.dakRve }]);
    head = headUser.session;
    headName = `Người Thử ${headUser.username}`;
    outsider = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: s.konBraih }]))
      .session;
    provinceOffice = (await createSignedInUser(ctx.app, db(), [{ role: 'dx_office', unitId: s.quangNgai }]))
      .session;
    dxChannel = await addChannel(s.dakRve, 'radio_programme', 'Chuyên mục Chuyển đổi số');
    newsChannel = await addChannel(s.dakRve, 'radio_programme', 'Bản tin thời sự xã');
    websiteChannel = await addChannel(s.dakRve, 'website_column', 'Chuyên mục Chuyển đổi số trên trang xã');
    konBraihChannel = await addChannel(s.konBraih, 'radio_programme', 'Chuyên mục Chuyển đổi số Kon Braih');
  });
  afterAll(() => ctx.close());

  describe('drafting', () => {
    it('creates one draft per programme and month, with a warning for each of the five weeks of July 2025', async () => {
      const schedule = await createSchedule(officer, dxChannel, '2025-07', {
        documentNumber: 'Số: 05/DM-UBND',
        recipients: ['Phòng Văn hóa - Xã hội', 'Thường trực Đảng ủy xã'],
      });
      expect(schedule).toMatchObject({
        unitId: s.dakRve,
        unitName: 'Xã Đăk Rve',
        channelId: dxChannel,
        channelName: 'Chuyên mục Chuyển đổi số',
        channelKind: 'radio_programme',
        stationName: 'Đài truyền thanh xã Đăk Rve',
        month: '2025-07',
        status: 'draft',
        documentNumber: '05/DM-UBND',
        recipients: ['Phòng Văn hóa - Xã hội', 'Thường trực Đảng ủy xã'],
        entries: [],
        canEdit: true,
        canIssue: false,
        canMarkAired: false,
      });
      expect(schedule.warnings.map((w) => w.message)).toEqual([
        'Tuần 27 (30/06–06/07) chưa có tin bài chuyển đổi số',
        'Tuần 28 (07/07–13/07) chưa có tin bài chuyển đổi số',
        'Tuần 29 (14/07–20/07) chưa có tin bài chuyển đổi số',
        'Tuần 30 (21/07–27/07) chưa có tin bài chuyển đổi số',
        'Tuần 31 (28/07–03/08) chưa có tin bài chuyển đổi số',
      ]);
      expect(await auditActions(schedule.id)).toEqual(['schedule.create']);

      const again = await officer.post(`/api/units/${s.dakRve}/schedules`, {
        channelId: dxChannel,
        month: '2025-07',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json<ErrorBody>().code).toBe('CONFLICT');

      const list = await officer.get(`/api/units/${s.dakRve}/schedules?year=2025`);
      expect(list.statusCode).toBe(200);
      expect(list.json<{ items: ScheduleSummaryDto[] }>().items).toEqual([
        expect.objectContaining({
          id: schedule.id,
          channelName: 'Chuyên mục Chuyển đổi số',
          channelKind: 'radio_programme',
          month: '2025-07',
          status: 'draft',
          entryCount: 0,
          warningCount: 5,
        }),
      ]);
      expect(
        (await officer.get(`/api/units/${s.dakRve}/schedules?year=2024`)).json<{ items: unknown[] }>().items,
      ).toEqual([]);
    });

    it("lists this year's lists with those drafted for later months: in December, next January's", async () => {
      // Next month from today, whatever today is (in December it lies in the next year).
      const today = todayVn();
      const next = addDays(monthBounds(today).last, 1).slice(0, 7);
      // A programme of its own, so the month never collides with another test's list.
      const programme = await addChannel(s.dakRve, 'radio_programme', 'Chương trình lập trước');
      const drafted = await createSchedule(officer, programme, next);
      const months = async (query: string) =>
        (await officer.get(`/api/units/${s.dakRve}/schedules${query}`))
          .json<{ items: ScheduleSummaryDto[] }>()
          .items.map((item) => item.month);
      expect(await months('')).toContain(drafted.month);
      expect(await months(`?year=${today.slice(0, 4)}`)).toContain(drafted.month);
      // Another year's list holds that year only.
      const nextYear = Number(today.slice(0, 4)) + 1;
      const later = await months(`?year=${nextYear}`);
      expect(later.every((month) => month.startsWith(`${nextYear}-`))).toBe(true);
    });

    it('refuses channels that are not the unit’s radio programmes and months the unit did not exist', async () => {
      const website = await officer.post(`/api/units/${s.dakRve}/schedules`, {
        channelId: websiteChannel,
        month: '2025-09',
      });
      expect(website.statusCode).toBe(400);
      expect(website.json<ErrorBody>().details).toEqual([expect.objectContaining({ field: 'channelId' })]);
      const foreign = await officer.post(`/api/units/${s.dakRve}/schedules`, {
        channelId: konBraihChannel,
        month: '2025-09',
      });
      expect(foreign.statusCode).toBe(400);
      // Xã Đăk Rve begins on 01/07/2025.
      const before = await officer.post(`/api/units/${s.dakRve}/schedules`, {
        channelId: dxChannel,
        month: '2025-05',
      });
      expect(before.statusCode).toBe(400);
      expect(
        (await officer.post(`/api/units/${s.dakRve}/schedules`, { channelId: dxChannel, month: '2025-13' }))
          .statusCode,
      ).toBe(400);
    });

    it('checks each entry: day within the month, time slot, topic and language from the lists, library item', async () => {
      const schedule = await createSchedule(officer, dxChannel, '2025-10');
      const post = (entry: Record<string, unknown>) =>
        officer.post(`/api/schedules/${schedule.id}/entries`, {
          ...entryBase('2025-10-07', 'Tin thử'),
          ...entry,
        });
      const fieldOf = async (entry: Record<string, unknown>) => {
        const response = await post(entry);
        expect(response.statusCode, response.body).toBe(400);
        return response.json<ErrorBody>().details.map((d) => d.field);
      };
      expect(await fieldOf({ airDate: '2025-11-01' })).toEqual(['airDate']);
      expect(await fieldOf({ timeSlot: '5h sáng' })).toEqual(['body.timeSlot']);
      expect(await fieldOf({ timeSlot: '17:15-17:00' })).toEqual(['timeSlot']);
      expect(await fieldOf({ topic: 'bong_da' })).toEqual(['topic']);
      expect(await fieldOf({ language: 'fr' })).toEqual(['language']);
      expect(await fieldOf({ source: 'radio_free' })).toEqual(['body.source']);
      expect(await fieldOf({ libraryItemId: '00000000-0000-4000-8000-000000000001' })).toEqual([
        'libraryItemId',
      ]);

      // A library item counts when it is published by the unit or a unit above it.
      const [published, draft, foreign] = await db()
        .insert(libraryItems)
        .values([
          {
            ownerUnitId: s.quangNgai,
            kind: 'radio_script',
            title: 'Kịch bản: Ngày CĐS 10/10',
            searchText: 'kich ban',
            publishedAt: new Date(),
          },
          {
            ownerUnitId: s.quangNgai,
            kind: 'radio_script',
            title: 'Chưa công bố',
            searchText: 'chua cong bo',
            publishedAt: null,
          },
          {
            ownerUnitId: s.lamDong,
            kind: 'radio_script',
            title: 'Của tỉnh khác',
            searchText: 'cua tinh khac',
            publishedAt: new Date(),
          },
        ])
        .returning({ id: libraryItems.id });
      expect(await fieldOf({ libraryItemId: draft!.id })).toEqual(['libraryItemId']);
      expect(await fieldOf({ libraryItemId: foreign!.id })).toEqual(['libraryItemId']);

      const ok = await post({
        timeSlot: '17:00 – 17:15',
        title: '  Ngày Chuyển đổi số quốc gia 10/10 '.normalize('NFD'),
        topic: 'policy',
        language: 'sed',
        source: 'province_source',
        libraryItemId: published!.id,
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json<ScheduleDto>().entries).toEqual([
        expect.objectContaining({
          airDate: '2025-10-07',
          timeSlot: '17:00-17:15',
          title: 'Ngày Chuyển đổi số quốc gia 10/10',
          topic: 'policy',
          topicName: 'Chủ trương, chính sách, pháp luật về chuyển đổi số; Ngày Chuyển đổi số quốc gia 10/10',
          language: 'sed',
          languageName: 'Tiếng Xơ Đăng',
          source: 'province_source',
          libraryItemId: published!.id,
          durationMinutes: 15,
          isDx: true,
          airedActivityId: null,
        }),
      ]);
    });

    it('edits and removes entries of a draft, audited, with the warnings kept up to date', async () => {
      const schedule = await createSchedule(officer, dxChannel, '2025-11');
      // November 2025 starts on a Saturday: weeks 44 (27/10–02/11) to 48 (24/11–30/11).
      expect(schedule.warnings.map((w) => w.isoWeek)).toEqual([44, 45, 46, 47, 48]);
      let current = await addEntry(schedule.id, { airDate: '2025-11-01', title: 'Tin tuần 44' });
      for (const [day, week] of [
        ['2025-11-04', 45],
        ['2025-11-11', 46],
        ['2025-11-18', 47],
      ] as const) {
        current = await addEntry(schedule.id, { airDate: day, title: `Tin tuần ${week}` });
      }
      expect(current.warnings.map((w) => w.message)).toEqual([
        'Tuần 48 (24/11–30/11) chưa có tin bài chuyển đổi số',
      ]);
      const last = current.entries.find((e) => e.title === 'Tin tuần 47')!;
      const moved = await officer.patch(`/api/schedule-entries/${last.id}`, {
        airDate: '2025-11-25',
        title: 'Tin tuần 48',
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json<ScheduleDto>().warnings.map((w) => w.isoWeek)).toEqual([47]);
      const badMove = await officer.patch(`/api/schedule-entries/${last.id}`, { airDate: '2025-12-01' });
      expect(badMove.statusCode).toBe(400);
      const removed = await officer.delete(`/api/schedule-entries/${last.id}`);
      expect(removed.statusCode).toBe(200);
      expect(removed.json<ScheduleDto>().entries).toHaveLength(3);
      expect(await auditActions(last.id)).toEqual([
        'schedule.entry.create',
        'schedule.entry.update',
        'schedule.entry.delete',
      ]);

      const header = await officer.patch(`/api/schedules/${schedule.id}`, {
        documentNumber: '12/DM-UBND',
        signerName: 'Y  Thị  Hoa',
        signerTitle: 'Phó Chủ tịch',
        recipients: ['UBND tỉnh (b/c)', ''],
        note: 'Phát lại lúc 17:00.',
      });
      expect(header.statusCode, header.body).toBe(200);
      expect(header.json<ScheduleDto>()).toMatchObject({
        documentNumber: '12/DM-UBND',
        signerName: 'Y Thị Hoa',
        signerTitle: 'Phó Chủ tịch',
        recipients: ['UBND tỉnh (b/c)'],
        note: 'Phát lại lúc 17:00.',
      });
      expect(await auditActions(schedule.id)).toEqual(['schedule.create', 'schedule.update']);
    });

    it('counts items of another programme as DX only when they carry a topic', async () => {
      const schedule = await createSchedule(officer, newsChannel, '2025-07');
      const plain = await addEntry(schedule.id, { airDate: '2025-07-02', title: 'Lịch tiêm chủng' });
      expect(plain.entries[0]!.isDx).toBe(false);
      expect(plain.warnings.map((w) => w.isoWeek)).toEqual([27, 28, 29, 30, 31]);
      const tagged = await addEntry(schedule.id, {
        airDate: '2025-07-03',
        title: 'Nộp thuế qua điện thoại',
        topic: 'benefits',
      });
      expect(tagged.warnings.map((w) => w.isoWeek)).toEqual([28, 29, 30, 31]);
    });

    it('copies the previous month, each entry on its weekday, without its aired state', async () => {
      const august = await createSchedule(officer, newsChannel, '2025-08', { copyFromPrevious: true });
      // Wed 02/07 → Wed 30/07 stays in July, so five weeks on: Wed 06/08; Thu 03/07 → Thu 07/08.
      expect(august.entries.map((e) => [e.airDate, e.title])).toEqual([
        ['2025-08-06', 'Lịch tiêm chủng'],
        ['2025-08-07', 'Nộp thuế qua điện thoại'],
      ]);
      const nothingBefore = await officer.post(`/api/units/${s.dakRve}/schedules`, {
        channelId: newsChannel,
        month: '2025-12',
        copyFromPrevious: true,
      });
      expect(nothingBefore.statusCode).toBe(400);
    });
  });

  describe('issuing', () => {
    let scheduleId: string;
    let entryId: string;

    beforeAll(async () => {
      const schedule = await createSchedule(officer, dxChannel, '2025-09');
      const added = await addEntry(schedule.id, { airDate: '2025-09-02', title: 'Hướng dẫn cài đặt VNeID' });
      scheduleId = schedule.id;
      entryId = added.entries[0]!.id;
    });

    it('is for the unit head: an officer gets 403', async () => {
      const response = await officer.post(`/api/schedules/${scheduleId}/issue`, {
        acknowledgeWarnings: true,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json<ErrorBody>().code).toBe('FORBIDDEN');
      expect((await head.get(`/api/schedules/${scheduleId}`)).json<ScheduleDto>()).toMatchObject({
        canIssue: true,
        canEdit: true,
      });
    });

    it('needs a signer, then an acknowledgement of the weeks without DX', async () => {
      const noSigner = await head.post(`/api/schedules/${scheduleId}/issue`, { acknowledgeWarnings: true });
      expect(noSigner.statusCode).toBe(400);
      expect(noSigner.json<ErrorBody>().details.map((d) => d.field)).toEqual(['signerName', 'signerTitle']);
      await officer.patch(`/api/schedules/${scheduleId}`, {
        signerName: 'Nguyễn Văn An',
        signerTitle: 'Chủ tịch',
      });
      const unacknowledged = await head.post(`/api/schedules/${scheduleId}/issue`, {});
      expect(unacknowledged.statusCode).toBe(409);
      const body = unacknowledged.json<ErrorBody>();
      expect(body.code).toBe('CONFLICT');
      // September 2025: Monday 01/09 to Tuesday 30/09, weeks 36–40; only week 36 has an entry.
      expect(body.details.map((d) => d.message)).toEqual([
        'Tuần 37 (08/09–14/09) chưa có tin bài chuyển đổi số',
        'Tuần 38 (15/09–21/09) chưa có tin bài chuyển đổi số',
        'Tuần 39 (22/09–28/09) chưa có tin bài chuyển đổi số',
        'Tuần 40 (29/09–05/10) chưa có tin bài chuyển đổi số',
      ]);
      expect((await head.get(`/api/schedules/${scheduleId}`)).json<ScheduleDto>().status).toBe('draft');
    });

    it('issues, audited, and makes the list read-only', async () => {
      const response = await head.post(`/api/schedules/${scheduleId}/issue`, { acknowledgeWarnings: true });
      expect(response.statusCode, response.body).toBe(200);
      const issued = response.json<ScheduleDto>();
      expect(issued).toMatchObject({
        status: 'issued',
        issuedByName: headName,
        canEdit: false,
        canIssue: false,
        canMarkAired: true,
      });
      expect(issued.issuedAt).not.toBeNull();
      expect(await auditActions(scheduleId)).toContain('schedule.issue');

      const edits = [
        await officer.post(`/api/schedules/${scheduleId}/entries`, entryBase('2025-09-09', 'Thêm sau')),
        await officer.patch(`/api/schedule-entries/${entryId}`, { title: 'Đổi tên' }),
        await officer.delete(`/api/schedule-entries/${entryId}`),
        await officer.patch(`/api/schedules/${scheduleId}`, { documentNumber: '99/DM-UBND' }),
        await head.post(`/api/schedules/${scheduleId}/issue`, { acknowledgeWarnings: true }),
      ];
      expect(edits.map((r) => r.statusCode)).toEqual([409, 409, 409, 409, 409]);
      const after = (await officer.get(`/api/schedules/${scheduleId}`)).json<ScheduleDto>();
      expect(after.entries.map((e) => e.title)).toEqual(['Hướng dẫn cài đặt VNeID']);
    });
  });

  describe('documents', () => {
    async function unzipDocument(body: Buffer) {
      const zip = await JSZip.loadAsync(body);
      const document = await zip.file('word/document.xml')!.async('string');
      const headers = await Promise.all(
        Object.keys(zip.files)
          .filter((name) => /^word\/header\d+\.xml$/.test(name))
          .map((name) => zip.file(name)!.async('string')),
      );
      const text = (xml: string) =>
        [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      return { document, text: text(document), headerText: headers.map(text).join('|') };
    }

    it('downloads an issued list as DOCX in the NĐ 30 layout, the unit under its current province', async () => {
      const schedule = await createSchedule(officer, dxChannel, '2026-01', {
        documentNumber: '05/DM-UBND',
        recipients: ['Phòng Văn hóa - Xã hội'],
      });
      await addEntry(schedule.id, {
        airDate: '2026-01-06',
        title: 'Chợ phiên trên mạng',
        topic: 'e_commerce',
        language: 'sed',
      });
      await issue(schedule.id);
      const response = await officer.request({
        method: 'GET',
        url: `/api/schedules/${schedule.id}/document.docx`,
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="[\x20-\x7e]+\.docx"; filename\*=UTF-8''.+\.docx$/,
      );
      const { document, text, headerText } = await unzipDocument(response.rawPayload);
      expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(document).toMatch(
        /<w:pgMar [^>]*w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/,
      );
      expect(document).toContain('Times New Roman');
      for (const expected of [
        'UBND TỈNH QUẢNG NGÃI',
        'UBND XÃ ĐĂK RVE',
        'Số: 05/DM-UBND',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        placeDateLine('Đăk Rve', todayVn()),
        'DANH MỤC PHÁT SÓNG',
        'Chuyên mục Chuyển đổi số tháng 01 năm 2026',
        'Chợ phiên trên mạng',
        'Thương mại điện tử',
        'Tiếng Xơ Đăng',
        '- Phòng Văn hóa - Xã hội;',
        '- Lưu: VT.',
        'TM. ỦY BAN NHÂN DÂN',
        'CHỦ TỊCH',
        'Nguyễn Văn An',
      ]) {
        expect(text, expected).toContain(expected);
      }
      expect(headerText).not.toContain('DỰ THẢO');
    });

    it('marks a draft "DỰ THẢO" and gives the XLSX, readable back', async () => {
      const schedule = await createSchedule(officer, dxChannel, '2026-02');
      await addEntry(schedule.id, { airDate: '2026-02-03', title: 'Tin thứ nhất', timeSlot: '17:00' });
      await addEntry(schedule.id, { airDate: '2026-02-10', title: 'Tin thứ hai' });
      const docx = await officer.request({
        method: 'GET',
        url: `/api/schedules/${schedule.id}/document.docx`,
      });
      expect(docx.statusCode).toBe(200);
      expect((await unzipDocument(docx.rawPayload)).headerText).toContain('DỰ THẢO');

      const xlsx = await officer.request({
        method: 'GET',
        url: `/api/schedules/${schedule.id}/document.xlsx`,
      });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(xlsx.headers['content-disposition']).toContain('.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getRow(1).getCell(2).value).toBe('Ngày');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getCell('B2').value).toEqual(new Date('2026-02-03T00:00:00Z'));
      expect(sheet.getCell('B2').numFmt).toBe('dd/mm/yyyy');
      expect(sheet.getCell('D2').value).toBe('17:00');
      expect(sheet.getCell('E3').value).toBe('Tin thứ hai');
    });
  });

  describe('marking entries as aired and reconciling', () => {
    let scheduleId: string;
    let entries: ScheduleDto['entries'];
    let handRecordedId: string;
    let unplannedId: string;

    const broadcastsOf = (entryId: string) =>
      db().select().from(activities).where(eq(activities.scheduleEntryId, entryId));
    const countBroadcasts = async () =>
      (
        await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(activities)
          .where(and(eq(activities.channelId, dxChannel), eq(activities.kind, 'broadcast')))
      )[0]!.n;

    beforeAll(async () => {
      const schedule = await createSchedule(officer, dxChannel, '2025-12');
      await addEntry(schedule.id, {
        airDate: '2025-12-02',
        title: 'Chữ ký số cho hộ kinh doanh',
        timeSlot: '17:00-17:10',
        durationMinutes: 10,
        genre: 'phong_su',
        topic: 'ict_applications',
        language: 'bdq',
        source: 'relay',
      });
      await addEntry(schedule.id, { airDate: '2025-12-09', title: 'Dịch vụ công trực tuyến' });
      await addEntry(schedule.id, { airDate: '2025-12-16', title: 'Thanh toán không dùng tiền mặt' });
      const last = await addEntry(schedule.id, {
        airDate: '2025-12-23',
        title: 'Tổng kết năm chuyển đổi số',
      });
      scheduleId = schedule.id;
      entries = last.entries;
      // Typed in by hand before the list was marked: same programme, day and title as the second entry.
      const rows = [
        { title: 'Dịch vụ công trực tuyến', day: '2025-12-09' },
        { title: 'Tin ngoài kế hoạch: bão số 15', day: '2025-12-20' },
      ].map(({ title, day }) => ({
        kind: 'broadcast',
        unitId: s.dakRve,
        channelId: dxChannel,
        occurredAt: vnInstant(day, '05:00'),
        occurredOn: day,
        title,
        searchText: foldForSearch(title),
        durationSeconds: 600,
        provenance: 'form',
      }));
      [handRecordedId, unplannedId] = (await insertActivities(db(), rows)) as [string, string];
    });

    it('refuses a draft', async () => {
      const draft = await createSchedule(officer, dxChannel, '2025-08');
      const added = await addEntry(draft.id, { airDate: '2025-08-05', title: 'Chưa ban hành' });
      const response = await officer.post(`/api/schedules/${draft.id}/entries/mark-aired`, {
        entryIds: [added.entries[0]!.id],
      });
      expect(response.statusCode).toBe(409);
    });

    it('creates exactly one broadcast per entry, with the entry’s facts, and links a hand-recorded one', async () => {
      await issue(scheduleId);
      const before = await countBroadcasts();
      const [first, second] = entries;
      const response = await officer.post(`/api/schedules/${scheduleId}/entries/mark-aired`, {
        entryIds: [first!.id, second!.id],
      });
      expect(response.statusCode, response.body).toBe(200);
      const result = response.json<MarkAiredResultDto>();
      expect(result.items.map((i) => i.outcome)).toEqual(['created', 'linked']);
      expect(result.items[1]).toMatchObject({
        activityId: handRecordedId,
        note: expect.stringContaining('đã liên kết'),
      });
      expect(await countBroadcasts()).toBe(before + 1);

      const [broadcast] = await broadcastsOf(first!.id);
      expect(broadcast).toMatchObject({
        id: result.items[0]!.activityId,
        kind: 'broadcast',
        unitId: s.dakRve,
        channelId: dxChannel,
        occurredOn: '2025-12-02',
        title: 'Chữ ký số cho hộ kinh doanh',
        genre: 'phong_su',
        topics: ['ict_applications'],
        language: 'bdq',
        durationSeconds: 600,
        source: 'relay',
        programme: 'Chuyên mục Chuyển đổi số',
        provenance: 'form',
        scheduleEntryId: first!.id,
        duplicateOfId: null,
      });
      expect(broadcast!.occurredAt.toISOString()).toBe(vnInstant('2025-12-02', '17:00').toISOString());
      const [linked] = await broadcastsOf(second!.id);
      expect(linked!.id).toBe(handRecordedId);
      const stored = await db()
        .select()
        .from(broadcastScheduleEntries)
        .where(eq(broadcastScheduleEntries.scheduleId, scheduleId));
      expect(stored.find((e) => e.id === first!.id)!.airedActivityId).toBe(broadcast!.id);
      expect(stored.find((e) => e.id === second!.id)!.airedActivityId).toBe(handRecordedId);
      expect(await auditActions(broadcast!.id)).toEqual(['activity.create']);
      expect(await auditActions(scheduleId)).toContain('schedule.mark_aired');
    });

    it('is idempotent: an entry already aired is skipped with a note', async () => {
      const before = await countBroadcasts();
      const [first, , third] = entries;
      const response = await officer.post(`/api/schedules/${scheduleId}/entries/mark-aired`, {
        entryIds: [first!.id, third!.id],
        airedAt: '2025-12-17T18:30:00+07:00',
      });
      expect(response.statusCode, response.body).toBe(200);
      const result = response.json<MarkAiredResultDto>();
      expect(result.items.map((i) => i.outcome)).toEqual(['skipped', 'created']);
      expect(result.items[0]!.note).toContain('đã được đánh dấu');
      expect(await countBroadcasts()).toBe(before + 1);
      const [third_] = await broadcastsOf(third!.id);
      // Aired a day late and at another time than planned: the broadcast keeps when it really aired.
      expect(third_).toMatchObject({ occurredOn: '2025-12-17' });
      expect(third_!.occurredAt.toISOString()).toBe(vnInstant('2025-12-17', '18:30').toISOString());
      expect((await broadcastsOf(first!.id)).length).toBe(1);
    });

    it('refuses entries of another schedule and days still to come', async () => {
      const other = await createSchedule(officer, dxChannel, `${FUTURE_YEAR}-01`);
      const added = await addEntry(other.id, { airDate: `${FUTURE_YEAR}-01-06`, title: 'Kế hoạch năm sau' });
      const foreign = await officer.post(`/api/schedules/${scheduleId}/entries/mark-aired`, {
        entryIds: [added.entries[0]!.id],
      });
      expect(foreign.statusCode).toBe(400);
      await issue(other.id);
      const future = await officer.post(`/api/schedules/${other.id}/entries/mark-aired`, {
        entryIds: [added.entries[0]!.id],
      });
      expect(future.statusCode).toBe(400);
      expect(future.json<ErrorBody>().message).toContain('chưa đến ngày');
      const reconciliation = (
        await officer.get(`/api/schedules/${other.id}/reconciliation`)
      ).json<ReconciliationDto>();
      expect(reconciliation.entries.map((e) => e.status)).toEqual(['planned']);
    });

    it('reconciles plan and air: aired, skipped, and broadcasts nobody planned', async () => {
      const response = await officer.get(`/api/schedules/${scheduleId}/reconciliation`);
      expect(response.statusCode, response.body).toBe(200);
      const reconciliation = response.json<ReconciliationDto>();
      expect(
        reconciliation.entries.map((e) => [e.entry.title, e.status, e.broadcast?.occurredOn ?? null]),
      ).toEqual([
        ['Chữ ký số cho hộ kinh doanh', 'aired', '2025-12-02'],
        ['Dịch vụ công trực tuyến', 'aired', '2025-12-09'],
        ['Thanh toán không dùng tiền mặt', 'aired', '2025-12-17'],
        ['Tổng kết năm chuyển đổi số', 'skipped', null],
      ]);
      expect(reconciliation.unplanned.map((b) => b.id)).toEqual([unplannedId]);
      expect(reconciliation.totals).toEqual({ planned: 4, aired: 3, skipped: 1, unplanned: 1 });
    });

    it('creates one broadcast when the same entry is marked twice at once', async () => {
      const before = await countBroadcasts();
      const last = entries[3]!;
      const [a, b] = await Promise.all([
        officer.post(`/api/schedules/${scheduleId}/entries/mark-aired`, { entryIds: [last.id] }),
        head.post(`/api/schedules/${scheduleId}/entries/mark-aired`, { entryIds: [last.id] }),
      ]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      const outcomes = [a, b].map((r) => r.json<MarkAiredResultDto>().items[0]!.outcome).sort();
      expect(outcomes).toEqual(['created', 'skipped']);
      expect(await countBroadcasts()).toBe(before + 1);
      expect(await broadcastsOf(last.id)).toHaveLength(1);
    });
  });

  describe('scope', () => {
    it('answers 404 to an officer of another commune, and lets the province office read', async () => {
      const schedule = await createSchedule(officer, dxChannel, '2026-03');
      const entry = (await addEntry(schedule.id, { airDate: '2026-03-03', title: 'Tin tháng ba' }))
        .entries[0]!;
      const responses = [
        await outsider.get(`/api/units/${s.dakRve}/schedules`),
        await outsider.post(`/api/units/${s.dakRve}/schedules`, { channelId: dxChannel, month: '2026-04' }),
        await outsider.get(`/api/schedules/${schedule.id}`),
        await outsider.patch(`/api/schedules/${schedule.id}`, { note: 'x' }),
        await outsider.post(`/api/schedules/${schedule.id}/entries`, entryBase('2026-03-10', 'Lẻn vào')),
        await outsider.patch(`/api/schedule-entries/${entry.id}`, { title: 'Lẻn vào' }),
        await outsider.delete(`/api/schedule-entries/${entry.id}`),
        await outsider.get(`/api/schedules/${schedule.id}/document.docx`),
        await outsider.get(`/api/schedules/${schedule.id}/document.xlsx`),
        await outsider.get(`/api/schedules/${schedule.id}/reconciliation`),
        await outsider.post(`/api/schedules/${schedule.id}/issue`, { acknowledgeWarnings: true }),
        await outsider.post(`/api/schedules/${schedule.id}/entries/mark-aired`, { entryIds: [entry.id] }),
        await outsider.get('/api/schedules/00000000-0000-4000-8000-000000000000'),
        await outsider.get('/api/schedules/not-a-uuid'),
      ];
      expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 404));
      expect(responses.every((r) => r.json<ErrorBody>().code === 'NOT_FOUND')).toBe(true);

      const asOffice = await provinceOffice.get(`/api/schedules/${schedule.id}`);
      expect(asOffice.statusCode).toBe(200);
      expect(asOffice.json<ScheduleDto>()).toMatchObject({ canEdit: true, canIssue: true });
      expect(
        (await provinceOffice.get(`/api/units/${s.dakRve}/schedules?year=2026`)).json<{ items: unknown[] }>()
          .items.length,
      ).toBeGreaterThan(0);
    });
  });
});
