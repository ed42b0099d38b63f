import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/server/db/schema';
import { activities, importBatches } from '../src/server/db/schema-activities';
import { radioStations } from '../src/server/db/schema-monitor';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import { hashStationToken } from '../src/server/domain/radio/station-token';
import type {
  AsRunPushResultDto,
  AsRunUploadResultDto,
  RadioReceivedDto,
  RadioStationListDto,
  RadioStationTokenDto,
} from '../src/shared/api/radio';
import type { UnitScoreDto } from '../src/shared/api/scoring';
import type { ErrorBody } from '../src/shared/errors';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';
import { addDxChannel, thursdays } from './support/scoring-records';

/**
 * Radio as-run logs (issue 11 item 7): stations and their tokens, pushes by token (per-item errors,
 * idempotent by the station's own ids) that the scores count, and CSV uploads by a person (all or
 * nothing). Every airing is in 2025, so the tests do not depend on today's date.
 */

describe('radio as-run logs', () => {
  let ctx: TestContext;
  let commune: string;
  let otherCommune: string;
  let radioChannel: string;
  let otherChannel: string;
  let head: Session;
  let officer: Session;
  let admin: Session;
  let outsider: Session;
  let station: RadioStationTokenDto;

  const db = () => ctx.database.db;

  const push = (token: string | null, payload: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/radio/as-run',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      payload: payload as Record<string, unknown>,
    });

  const item = (externalId: string, airedAt: string, extra: Record<string, unknown> = {}) => ({
    externalId,
    airedAt,
    durationSeconds: 600,
    title: `Bản tin chuyển đổi số ${externalId}`,
    ...extra,
  });

  function csvForm(csv: string, fileName = 'as-run.csv'): FormData {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), fileName);
    return form;
  }

  const upload = (session: Session, stationId: string, csv: string) =>
    session.request({
      method: 'POST',
      url: `/api/radio/stations/${stationId}/as-run.csv`,
      payload: csvForm(csv),
    });

  /** The station's records of one item, live or deleted. */
  const recordsOf = (stationId: string, externalId: string) =>
    db()
      .select()
      .from(activities)
      .where(and(eq(activities.externalSource, `radio:${stationId}`), eq(activities.externalId, externalId)));

  const newStation = async (code: string) =>
    ok<RadioStationTokenDto>(
      await head.post(`/api/units/${commune}/radio-stations`, { code, name: code, channelId: radioChannel }),
    );

  function ok<T>(response: LightMyRequestResponse): T {
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  }

  async function radioScore(unitId: string): Promise<UnitScoreDto['criteria'][number]> {
    const body = ok<UnitScoreDto>(
      await head.get(`/api/units/${unitId}/scores?framework=kontum-780&period=2025`),
    );
    return body.criteria.find((criterion) => criterion.code === '1.5')!;
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    await ensureBuiltinFrameworks(ctx.database);
    const province = await createUnit(db(), { kind: 'province', name: 'Tỉnh Truyền Thanh' });
    commune = await createUnit(db(), { name: 'Xã Loa Số', parentId: province });
    otherCommune = await createUnit(db(), { name: 'Xã Bên Cạnh', parentId: province });
    radioChannel = await addDxChannel(db(), commune, 'radio_programme', null, 'Chuyên mục Chuyển đổi số');
    otherChannel = await addDxChannel(db(), otherCommune, 'radio_programme', null);
    head = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_head', unitId: commune }])).session;
    officer = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: commune }])).session;
    outsider = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_head', unitId: otherCommune }]))
      .session;
    admin = (await createSignedInUser(ctx.app, db(), [{ role: 'system_admin', unitId: null }])).session;
  });
  afterAll(() => ctx.close());

  describe('stations and tokens', () => {
    it('creates a station with a token shown once and stored as its SHA-256', async () => {
      station = ok<RadioStationTokenDto>(
        await head.post(`/api/units/${commune}/radio-stations`, {
          code: 'kt-loaso-01',
          name: 'Hệ thống truyền thanh IP xã Loa Số',
          channelId: radioChannel,
        }),
      );
      expect(station.token).toMatch(/^ls_radio_[A-Za-z0-9_-]{43}$/);
      expect(station.station).toMatchObject({
        code: 'KT-LOASO-01',
        unitId: commune,
        channelId: radioChannel,
        channelName: 'Chuyên mục Chuyển đổi số',
        tokenPrefix: station.token.slice(0, 15),
        lastPushAt: null,
        revokedAt: null,
      });
      const [row] = await db().select().from(radioStations).where(eq(radioStations.id, station.station.id));
      expect(row!.tokenHash).toBe(hashStationToken(station.token));
      expect(JSON.stringify(row)).not.toContain(station.token);

      const list = ok<RadioStationListDto>(await head.get(`/api/units/${commune}/radio-stations`));
      expect(list.canManage).toBe(true);
      expect(list.items.map((item) => item.code)).toEqual(['KT-LOASO-01']);
      expect(JSON.stringify(list)).not.toContain(station.token);
      const [audit] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'radio_station.create'), eq(auditLog.entityId, station.station.id)));
      expect(JSON.stringify(audit)).not.toContain(station.token);
    });

    it('refuses another unit’s channel, a website column and a code in use', async () => {
      const foreign = await head.post(`/api/units/${commune}/radio-stations`, {
        code: 'KT-KHAC',
        name: 'Trạm khác',
        channelId: otherChannel,
      });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json<ErrorBody>().details).toEqual([
        { field: 'channelId', message: expect.any(String) },
      ]);
      const column = await addDxChannel(db(), commune, 'website_column', null);
      expect(
        (
          await head.post(`/api/units/${commune}/radio-stations`, {
            code: 'KT-WEB',
            name: 'Web',
            channelId: column,
          })
        ).statusCode,
      ).toBe(400);
      const taken = await head.post(`/api/units/${commune}/radio-stations`, {
        code: 'KT-LOASO-01',
        name: 'Trùng mã',
        channelId: radioChannel,
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json<ErrorBody>().details[0]!.field).toBe('code');
    });

    it('lets an officer see the stations but not manage them, and tells an outsider nothing', async () => {
      const seen = ok<RadioStationListDto>(await officer.get(`/api/units/${commune}/radio-stations`));
      expect(seen.canManage).toBe(false);
      expect(seen.items).toHaveLength(1);
      expect(
        (
          await officer.post(`/api/units/${commune}/radio-stations`, {
            code: 'KT-CANBO',
            name: 'Cán bộ',
            channelId: radioChannel,
          })
        ).statusCode,
      ).toBe(403);
      expect((await officer.post(`/api/radio/stations/${station.station.id}/rotate`)).statusCode).toBe(403);

      const id = station.station.id;
      const refusals = [
        await outsider.get(`/api/units/${commune}/radio-stations`),
        await outsider.post(`/api/units/${commune}/radio-stations`, {
          code: 'KT-LAN',
          name: 'Lấn',
          channelId: radioChannel,
        }),
        await outsider.post(`/api/radio/stations/${id}/rotate`),
        await outsider.delete(`/api/radio/stations/${id}`),
        await outsider.get(`/api/radio/stations/${id}/received`),
        await upload(
          outsider,
          id,
          'Mã,Thời điểm phát,Thời lượng (giây),Tiêu đề\nX1,2025-09-10 17:00,60,Tin\n',
        ),
      ];
      for (const response of refusals) {
        expect(response.statusCode, response.body).toBe(404);
        expect(response.json<ErrorBody>().code).toBe('NOT_FOUND');
      }
    });

    it('rotates a token (the old one stops at once) and revokes a station (its token stops, its code is free)', async () => {
      const spare = ok<RadioStationTokenDto>(
        await head.post(`/api/units/${commune}/radio-stations`, {
          code: 'KT-DU-PHONG',
          name: 'Dự phòng',
          channelId: radioChannel,
        }),
      );
      const empty = { items: [] };
      expect((await push(spare.token, empty)).statusCode).toBe(200);
      const rotated = ok<RadioStationTokenDto>(
        await head.post(`/api/radio/stations/${spare.station.id}/rotate`),
      );
      expect(rotated.token).not.toBe(spare.token);
      expect(rotated.station.tokenPrefix).toBe(rotated.token.slice(0, 15));
      const old = await push(spare.token, empty);
      expect(old.statusCode).toBe(401);
      expect((await push(rotated.token, empty)).statusCode).toBe(200);

      const revoked = ok<RadioStationListDto['items'][number]>(
        await head.delete(`/api/radio/stations/${spare.station.id}`),
      );
      expect(revoked.revokedAt).not.toBeNull();
      const afterRevoke = await push(rotated.token, empty);
      expect(afterRevoke.statusCode).toBe(401);
      // Unknown, rotated-out and revoked tokens get the same answer.
      const unknown = await push(`ls_radio_${'x'.repeat(43)}`, empty);
      expect(unknown.json()).toEqual(old.json());
      expect(afterRevoke.json()).toEqual(old.json());
      expect(old.json<ErrorBody>().code).toBe('UNAUTHENTICATED');
      expect((await head.post(`/api/radio/stations/${spare.station.id}/rotate`)).statusCode).toBe(409);
      // The code of a revoked station may be given to a new one.
      const again = await head.post(`/api/units/${commune}/radio-stations`, {
        code: 'KT-DU-PHONG',
        name: 'Dự phòng mới',
        channelId: radioChannel,
      });
      expect(again.statusCode, again.body).toBe(200);
      const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, spare.station.id));
      expect(audits.map((entry) => entry.action).sort()).toEqual([
        'radio_station.create',
        'radio_station.revoke',
        'radio_station.rotate',
      ]);
    });
  });

  describe('pushes', () => {
    const weekly = thursdays('2025-01-02', '2025-12-25').map((day, i) =>
      item(`W${String(i + 1).padStart(2, '0')}`, `${day}T17:00:00+07:00`),
    );

    it('turns a push into broadcasts that the scores count (QĐ 780 criterion 1.5: one a week)', async () => {
      expect(weekly).toHaveLength(52);
      const before = await radioScore(commune);
      expect(before.score).toBe(0);

      const result = ok<AsRunPushResultDto>(await push(station.token, { items: weekly }));
      expect(result).toEqual({
        received: 52,
        created: 52,
        duplicates: 0,
        flagged: 0,
        errors: [],
        notRecreated: [],
      });
      const after = await radioScore(commune);
      expect(after.score).toBe(20);

      const rows = await db()
        .select()
        .from(activities)
        .where(eq(activities.externalSource, `radio:${station.station.id}`));
      expect(rows).toHaveLength(52);
      const first = rows.find((row) => row.externalId === 'W01')!;
      expect(first).toMatchObject({
        kind: 'broadcast',
        unitId: commune,
        channelId: radioChannel,
        provenance: 'api',
        recordedBy: null,
        reviewStatus: 'pending',
        occurredOn: '2025-01-02',
        durationSeconds: 600,
        programme: 'Chuyên mục Chuyển đổi số',
        source: 'own',
        language: 'vi',
      });
      expect(first.occurredAt.toISOString()).toBe('2025-01-02T10:00:00.000Z');
      const [audit] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, first.id), eq(auditLog.action, 'activity.create')));
      expect(audit).toMatchObject({ actorUserId: null, actorLabel: 'radio:KT-LOASO-01' });

      const list = ok<RadioStationListDto>(await head.get(`/api/units/${commune}/radio-stations`));
      const shown = list.items.find((entry) => entry.id === station.station.id)!;
      expect(shown.lastPushAt).not.toBeNull();
      expect(shown.broadcastCount).toBe(52);
      const received = ok<{ items: RadioReceivedDto[] }>(
        await officer.get(`/api/radio/stations/${station.station.id}/received`),
      );
      expect(received.items).toHaveLength(50);
      expect(received.items[0]).toMatchObject({ provenance: 'api', isFlagged: false, isDeleted: false });
    });

    it('recognises the same items sent again (idempotent by the station’s ids)', async () => {
      const again = ok<AsRunPushResultDto>(await push(station.token, { items: weekly }));
      expect(again).toEqual({
        received: 52,
        created: 0,
        duplicates: 52,
        flagged: 0,
        errors: [],
        notRecreated: [],
      });
      const count = await db()
        .select()
        .from(activities)
        .where(eq(activities.externalSource, `radio:${station.station.id}`));
      expect(count).toHaveLength(52);
    });

    it('reports a changed item under a known id as an error and keeps the stored record', async () => {
      const changed = { ...weekly[0]!, title: 'Tiêu đề đã đổi', durationSeconds: 700 };
      const result = ok<AsRunPushResultDto>(await push(station.token, { items: [changed] }));
      expect(result).toMatchObject({ received: 1, created: 0, duplicates: 0 });
      expect(result.errors).toEqual([
        {
          index: 0,
          externalId: 'W01',
          field: 'externalId',
          message: expect.stringContaining('tiêu đề, thời lượng'),
        },
      ]);
      const [row] = await db()
        .select()
        .from(activities)
        .where(
          and(eq(activities.externalSource, `radio:${station.station.id}`), eq(activities.externalId, 'W01')),
        );
      expect(row!.title).toBe(weekly[0]!.title);
    });

    it('stores the good items of a batch and names the bad ones by index, id and field', async () => {
      const items = [
        item('E1', '2025-09-10 17:00'),
        item('E2', 'hôm qua'),
        item('E3', '2025-02-30 10:00'),
        { externalId: 'E4', airedAt: '2025-09-11 17:00', durationSeconds: 300 },
        item('E5', '2025-09-12 17:00', { title: 'Tin\u0000độc' }),
        item('E6', '2025-09-13 17:00', { stationCode: 'KT-KHAC' }),
        item('E7', '2025-09-10T18:30:00Z', { stationCode: 'kt-loaso-01', programme: 'Bản tin tối' }),
        item('E8', '2025-09-14 06:00', { durationSeconds: 0 }),
        item('E9', '2025-09-14 06:00', { language: 'xx' }),
        'không phải đối tượng',
        item('E11', '2025-09-15 06:00', { source: 'relay', language: 'sed' }),
        item('E12', '1899-09-15 06:00'),
      ];
      const result = ok<AsRunPushResultDto>(await push(station.token, { items }));
      expect(result).toMatchObject({ received: 12, created: 3, duplicates: 0 });
      expect(result.errors.map((error) => [error.index, error.externalId, error.field])).toEqual([
        [1, 'E2', 'airedAt'],
        [2, 'E3', 'airedAt'],
        [3, 'E4', 'title'],
        [4, 'E5', 'title'],
        [5, 'E6', 'stationCode'],
        [7, 'E8', 'durationSeconds'],
        [8, 'E9', 'language'],
        [9, null, 'item'],
        [11, 'E12', 'airedAt'],
      ]);
      expect(result.errors[1]!.message).toBe('Ngày 30/02/2025 không có trong lịch.');
      expect(result.errors[3]!.message).toMatch(/NUL/);
      const rows = await db()
        .select()
        .from(activities)
        .where(eq(activities.externalSource, `radio:${station.station.id}`));
      const byId = new Map(rows.map((row) => [row.externalId, row]));
      expect(byId.get('E1')!.occurredAt.toISOString()).toBe('2025-09-10T10:00:00.000Z');
      // 18:30 UTC is 01:30 the next morning in Vietnam: the next day's broadcast.
      expect(byId.get('E7')).toMatchObject({ occurredOn: '2025-09-11', programme: 'Bản tin tối' });
      expect(byId.get('E11')).toMatchObject({ source: 'relay', language: 'sed' });
      for (const bad of ['E2', 'E3', 'E4', 'E5', 'E6', 'E8', 'E9', 'E12']) expect(byId.has(bad)).toBe(false);
    });

    it('answers 401 without a token, with a session only, or with a malformed header', async () => {
      for (const response of [
        await push(null, { items: [] }),
        await push(null, { items: [] }, { authorization: 'Basic abc' }),
        await head.post('/api/radio/as-run', { items: [] }),
      ]) {
        expect(response.statusCode).toBe(401);
        expect(response.json<ErrorBody>().code).toBe('UNAUTHENTICATED');
      }
    });

    it('limits pushes to 60 a minute per token (429), without touching other tokens', async () => {
      const limited = ok<RadioStationTokenDto>(
        await head.post(`/api/units/${commune}/radio-stations`, {
          code: 'KT-GIOI-HAN',
          name: 'Giới hạn',
          channelId: radioChannel,
        }),
      );
      const answers: number[] = [];
      for (let i = 0; i < 61; i++) answers.push((await push(limited.token, { items: [] })).statusCode);
      expect(answers.slice(0, 60).every((status) => status === 200)).toBe(true);
      expect(answers[60]).toBe(429);
      expect((await push(station.token, { items: [] })).statusCode).toBe(200);
    });

    it('answers 413 over 1,000 items or 1 MB, and 400 without an items array', async () => {
      const many = Array.from({ length: 1001 }, (_, i) => item(`M${i}`, '2025-09-10 17:00'));
      const tooMany = await push(station.token, { items: many });
      expect(tooMany.statusCode).toBe(413);
      expect(tooMany.json<ErrorBody>().code).toBe('PAYLOAD_TOO_LARGE');
      const big = [item('BIG', '2025-09-10 17:00', { title: 'x'.repeat(1_100_000) })];
      expect((await push(station.token, { items: big })).statusCode).toBe(413);
      const shapeless = await push(station.token, { records: [] });
      expect(shapeless.statusCode).toBe(400);
      expect(shapeless.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    });
  });

  it('documents the push in the OpenAPI document: bearer token, items, per-item errors', async () => {
    const doc = ok<{
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<
        string,
        Record<
          string,
          {
            security: unknown;
            requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
          }
        >
      >;
    }>(await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    expect(doc.components.securitySchemes.radioStation).toMatchObject({ type: 'http', scheme: 'bearer' });
    const operation = doc.paths['/api/radio/as-run']!.post!;
    expect(operation.security).toEqual([{ radioStation: [] }]);
    const items = operation.requestBody.content['application/json']!.schema.properties.items as {
      maxItems: number;
      items: { properties: Record<string, unknown> };
    };
    expect(items.maxItems).toBe(1000);
    expect(Object.keys(items.items.properties)).toEqual(
      expect.arrayContaining(['externalId', 'airedAt', 'durationSeconds', 'title', 'stationCode']),
    );
  });

  describe('CSV uploads', () => {
    const header = 'Mã;Thời điểm phát;Thời lượng (phút:giây);Chương trình;Tiêu đề;Nguồn';

    it('refuses a file with bad rows as a whole, listing every row', async () => {
      const csv = [
        header,
        'C1;10/10/2025 17:00;5:30;;Ngày Chuyển đổi số quốc gia;Tự sản xuất',
        'C2;30/02/2025 17:00;5:30;;Tin sai ngày;',
        'C3;11/10/2025;5:30;;Thiếu giờ;',
        'C4;12/10/2025 06:00;abc;;;Nguồn lạ',
      ].join('\n');
      const response = await upload(head, station.station.id, csv);
      expect(response.statusCode, response.body).toBe(400);
      const body = response.json<ErrorBody>();
      expect(body.details.map((detail) => [detail.row, detail.column])).toEqual([
        [3, 'Thời điểm phát'],
        [4, 'Thời điểm phát'],
        [5, 'Thời lượng (phút:giây)'],
        [5, 'Tiêu đề'],
        [5, 'Nguồn'],
      ]);
      const stored = await db().select().from(activities).where(eq(activities.externalId, 'C1'));
      expect(stored).toEqual([]);
    });

    it('imports a good file as one undoable batch, and skips its rows when it comes again', async () => {
      const csv = [
        header,
        'C1;10/10/2025 17:00;5:30;;Ngày Chuyển đổi số quốc gia;Tự sản xuất',
        'C2;2025-10-11 17:00;0:10:00;Bản tin sáng;Dịch vụ công trực tuyến;Tiếp sóng',
        // Already pushed, same content: a duplicate, not an error.
        `W02;09/01/2025 17:00;10:00;;${weeklyTitle('W02')};`,
      ].join('\n');
      const result = ok<AsRunUploadResultDto>(await upload(head, station.station.id, csv));
      expect(result).toMatchObject({ rows: 3, created: 2, flaggedDuplicates: [] });
      expect(result.duplicates).toEqual([{ row: 4, message: expect.stringContaining('W02') }]);
      const [c1] = await db().select().from(activities).where(eq(activities.externalId, 'C1'));
      expect(c1).toMatchObject({
        provenance: 'import',
        durationSeconds: 330,
        occurredOn: '2025-10-10',
        importBatchId: result.batchId,
      });
      const [batch] = await db().select().from(importBatches).where(eq(importBatches.id, result.batchId!));
      expect(batch).toMatchObject({ kind: 'broadcast', unitId: commune, storedCount: 2, skippedCount: 1 });

      const again = ok<AsRunUploadResultDto>(await upload(head, station.station.id, csv));
      expect(again).toMatchObject({ batchId: null, rows: 3, created: 0 });
      expect(again.duplicates).toHaveLength(3);
    });

    it('refuses a row whose Mã was received with other content', async () => {
      const csv = `Mã,Thời điểm phát,Thời lượng (giây),Tiêu đề\nC1,10/10/2025 18:00,330,Ngày Chuyển đổi số quốc gia\n`;
      const response = await upload(head, station.station.id, csv);
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().details).toEqual([
        { row: 2, column: 'Mã', message: expect.stringContaining('thời điểm phát') },
      ]);
    });

    it('reads the English keys of the push as headers', async () => {
      const csv =
        'externalId,airedAt,durationSeconds,title\nEN1,2025-10-12T07:00:00+07:00,90,Tin tiếng Anh\n';
      expect(ok<AsRunUploadResultDto>(await upload(head, station.station.id, csv)).created).toBe(1);
    });
  });

  describe('deleted records: a person may upload again, a station’s re-push does not bring them back', () => {
    const header = 'Mã,Thời điểm phát,Thời lượng (giây),Tiêu đề';
    const file = [header, 'U1,2025-11-03 17:00,600,Bản tin U1', 'U2,2025-11-04 17:00,600,Bản tin U2'].join(
      '\n',
    );

    it('undo, fix, upload again: the rows are stored again and named; the old records stay deleted', async () => {
      const own = await newStation('KT-HOAN-TAC');
      const first = ok<AsRunUploadResultDto>(await upload(head, own.station.id, file));
      expect(first).toMatchObject({ created: 2, recreated: [] });
      ok(await head.post(`/api/activity-files/batches/${first.batchId}/undo`, { reason: 'Sai giờ phát' }));

      const again = ok<AsRunUploadResultDto>(await upload(head, own.station.id, file));
      expect(again).toMatchObject({ rows: 2, created: 2, duplicates: [] });
      expect(again.batchId).not.toBe(first.batchId);
      expect(again.recreated).toEqual([
        { row: 2, message: expect.stringContaining('U1') },
        { row: 3, message: expect.stringContaining('U2') },
      ]);
      const u1 = await recordsOf(own.station.id, 'U1');
      expect(u1.map((row) => row.deletedAt === null).sort()).toEqual([false, true]);
      // The database itself keeps one live record per item: the deleted one cannot simply come back.
      const deleted = u1.find((row) => row.deletedAt !== null)!;
      await expect(
        db().update(activities).set({ deletedAt: null }).where(eq(activities.id, deleted.id)),
      ).rejects.toThrow();

      // Undone again, then fixed: another time and title under the same Mã are stored, not a conflict.
      ok(await head.post(`/api/activity-files/batches/${again.batchId}/undo`, { reason: 'Sai tiêu đề' }));
      const fixed = file.replace('2025-11-03 17:00,600,Bản tin U1', '2025-11-03 18:00,600,Bản tin U1 (sửa)');
      const third = ok<AsRunUploadResultDto>(await upload(head, own.station.id, fixed));
      expect(third).toMatchObject({ created: 2 });
      const live = (await recordsOf(own.station.id, 'U1')).filter((row) => row.deletedAt === null);
      expect(live.map((row) => row.title)).toEqual(['Bản tin U1 (sửa)']);
      // Uploading the fixed file once more: its rows are there now.
      const fourth = ok<AsRunUploadResultDto>(await upload(head, own.station.id, fixed));
      expect(fourth).toMatchObject({ created: 0, recreated: [] });
      expect(fourth.duplicates).toHaveLength(2);
    });

    it('reports an item a person deleted, per item, and does not re-create it on a push', async () => {
      const own = await newStation('KT-DA-XOA');
      const items = [item('P1', '2025-11-05 17:00'), item('P2', '2025-11-06 17:00')];
      ok(await push(own.token, { items }));
      const [p1] = await recordsOf(own.station.id, 'P1');
      ok(
        await head.request({
          method: 'DELETE',
          url: `/api/activities/${p1!.id}`,
          payload: { reason: 'Không phát' },
        }),
      );

      for (const sent of [items, [{ ...items[0]!, title: 'Nội dung khác' }, items[1]!]]) {
        const result = ok<AsRunPushResultDto>(await push(own.token, { items: sent }));
        expect(result).toMatchObject({ received: 2, created: 0, duplicates: 1, errors: [] });
        expect(result.notRecreated).toEqual([
          {
            index: 0,
            externalId: 'P1',
            message: expect.stringMatching(/P1.*bị người dùng xoá.*không tạo lại/),
          },
        ]);
      }
      expect(await recordsOf(own.station.id, 'P1')).toHaveLength(1);

      // The person's upload brings it back; a push of it is then an ordinary duplicate.
      const csv = `${header}\nP1,2025-11-05 17:00,600,${weeklyTitle('P1')}\n`;
      expect(ok<AsRunUploadResultDto>(await upload(head, own.station.id, csv)).recreated).toHaveLength(1);
      expect(ok<AsRunPushResultDto>(await push(own.token, { items }))).toMatchObject({
        created: 0,
        duplicates: 2,
        notRecreated: [],
      });
    });

    it('refuses to restore a deleted record while its Mã has a live record again (409, not 500)', async () => {
      const own = await newStation('KT-KHOI-PHUC');
      const first = ok<AsRunUploadResultDto>(await upload(head, own.station.id, file));
      ok(await head.post(`/api/activity-files/batches/${first.batchId}/undo`, { reason: 'Nhầm trạm' }));
      const [old] = await recordsOf(own.station.id, 'U1');
      const again = ok<AsRunUploadResultDto>(await upload(head, own.station.id, file));

      const refused = await admin.post(`/api/activities/${old!.id}/restore`, {});
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json<ErrorBody>()).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('U1'),
      });

      ok(await head.post(`/api/activity-files/batches/${again.batchId}/undo`, { reason: 'Giữ bản cũ' }));
      ok(await admin.post(`/api/activities/${old!.id}/restore`, {}));
      const live = (await recordsOf(own.station.id, 'U1')).filter((row) => row.deletedAt === null);
      expect(live.map((row) => row.id)).toEqual([old!.id]);
    });

    it('stores items pushed twice at once, and an upload racing a push, once (no 500)', async () => {
      const own = await newStation('KT-CUNG-LUC');
      const items = Array.from({ length: 20 }, (_, i) =>
        item(`S${i}`, `2025-11-${String(i + 1).padStart(2, '0')} 06:00`),
      );
      const answers = await Promise.all([push(own.token, { items }), push(own.token, { items })]);
      const results = answers.map((answer) => ok<AsRunPushResultDto>(answer));
      expect(results.map((r) => r.created).sort()).toEqual([0, 20]);
      expect(results.map((r) => r.duplicates).sort()).toEqual([0, 20]);
      const live = async () =>
        (
          await db()
            .select()
            .from(activities)
            .where(eq(activities.externalSource, `radio:${own.station.id}`))
        ).filter((row) => row.deletedAt === null);
      expect(await live()).toHaveLength(20);

      // After an undo-like deletion of everything, a person's upload and a station's push race.
      ok(
        await head.request({
          method: 'DELETE',
          url: `/api/activities/${(await recordsOf(own.station.id, 'S0'))[0]!.id}`,
          payload: { reason: 'Thử' },
        }),
      );
      const csv = `${header}\nS0,2025-11-01 06:00,600,${weeklyTitle('S0')}\n`;
      const [uploaded, pushed] = await Promise.all([
        upload(head, own.station.id, csv),
        push(own.token, { items: items.slice(0, 1) }),
      ]);
      const uploadResult = ok<AsRunUploadResultDto>(uploaded);
      const pushResult = ok<AsRunPushResultDto>(pushed);
      expect(uploadResult.created).toBe(1);
      // Whichever ran first, the push created nothing: it saw the deletion or the uploaded record.
      expect(pushResult.created).toBe(0);
      expect(pushResult.duplicates + pushResult.notRecreated.length).toBe(1);
      expect(await live()).toHaveLength(20);
    });
  });
});

function weeklyTitle(externalId: string): string {
  return `Bản tin chuyển đổi số ${externalId}`;
}
