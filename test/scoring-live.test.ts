import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NewActivity } from '../src/server/db/repositories/activities';
import { sessions } from '../src/server/db/schema';
import { activities, channels as channelsTable } from '../src/server/db/schema-activities';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import type { ChannelKind } from '../src/shared/activities';
import type { ActivityDetailDto } from '../src/shared/api/activities';
import type { FrameworkImportResultDto } from '../src/shared/api/frameworks';
import type {
  CountedRecordDto,
  RankingDto,
  ScoreboardDto,
  ScoreboardRowDto,
  UnitScoreDto,
} from '../src/shared/api/scoring';
import { addDays, todayVn } from '../src/shared/dates';
import type { ErrorBody } from '../src/shared/errors';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createKonTumScenario, createSignedInUser } from './support/scenarios';
import { addDxChannel, addDxRecords, monthly, thursdays } from './support/scoring-records';

/**
 * Live scores through the API, on records in the database: the scoreboard of a subtree, one unit's
 * scores, the records behind a number, merged units, running periods and framework versions. Every
 * expected number is worked out by hand in the comments from the records the test writes.
 *
 * Kon Tum QĐ 780 for communes (frameworks/kontum-780.yaml):
 * - 1.4 (20 points): a website DX column AND at least 10 posts in the year, else 0;
 * - 1.5 (20 points): at least one DX broadcast in every ISO week of the year, else 0.
 * A week belongs to the year when its Thursday does: 2024 and 2025 have 52 such weeks, 2026 has 53.
 */

const FRAMEWORK = 'kontum-780';
const ROOT = path.resolve(import.meta.dirname, '..');

type Scenario = Awaited<ReturnType<typeof createKonTumScenario>>;

/** The Thursday of ISO week `week` of 2024, 2025 or 2026 (week 1's Thursday: 04/01/2024, 02/01/2025, 01/01/2026). */
function thursdayOfWeek(year: 2024 | 2025 | 2026, week: number): string {
  const first = { 2024: '2024-01-04', 2025: '2025-01-02', 2026: '2026-01-01' }[year];
  return addDays(first, (week - 1) * 7);
}

describe('live scores', () => {
  let ctx: TestContext;
  let s: Scenario;
  let admin: Session;
  let office: Session;
  let officeUserId: string;
  let quangNgaiOffice: Session;
  let outsider: Session;
  let province: string;
  /** Full marks in 2025: a column, 12 posts, a broadcast every week. */
  let iaBang: string;
  /** Exactly 10 posts, two weeks without a broadcast in 2025. */
  let iaDom: string;
  /** Posts only on its social page; no DX channel at all. */
  let iaKha: string;
  /** Records that must not count. */
  let iaPet: string;
  /** Created on 01/07/2025 out of nothing: judged from that day. */
  let iaGrai: string;
  const ids = new Map<string, string>();

  const db = () => ctx.database.db;

  const addChannel = (unitId: string, kind: ChannelKind, name: string, startedOn: string | null) =>
    addDxChannel(db(), unitId, kind, startedOn, name);
  const addRecords = (
    kind: 'post' | 'broadcast',
    unitId: string,
    channelId: string,
    days: readonly string[],
    extra: Partial<NewActivity> = {},
  ) => addDxRecords(db(), kind, unitId, channelId, days, extra);

  async function scores(
    session: Session,
    unitId: string,
    query: string,
  ): Promise<UnitScoreDto & { byCode: Record<string, UnitScoreDto['criteria'][number]> }> {
    const response = await session.get(`/api/units/${unitId}/scores?framework=${FRAMEWORK}&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<UnitScoreDto>();
    return { ...body, byCode: Object.fromEntries(body.criteria.map((item) => [item.code, item])) };
  }

  async function board(session: Session, query: string): Promise<ScoreboardDto> {
    const response = await session.get(`/api/scoreboard?framework=${FRAMEWORK}&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ScoreboardDto>();
  }

  const rowOf = (found: ScoreboardDto, unitId: string): ScoreboardRowDto => {
    const row = found.rows.find((item) => item.unitId === unitId);
    expect(row, `no row for ${unitId}`).toBeDefined();
    return row!;
  };

  const criterionOf = (row: ScoreboardRowDto, key: string) => {
    const found = row.criteria.find((item) => item.key === key);
    expect(found, `no criterion ${key} in ${row.name}`).toBeDefined();
    return found!;
  };

  async function counted(
    session: Session,
    unitId: string,
    criterion: string,
    query: string,
  ): Promise<{ items: CountedRecordDto[]; total: number }> {
    const response = await session.get(
      `/api/units/${unitId}/scores/${criterion}/records?framework=${FRAMEWORK}&${query}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: CountedRecordDto[]; total: number }>();
  }

  function refused(response: { statusCode: number; body: string; json<T>(): T }, status: number) {
    expect(response.statusCode, response.body).toBe(status);
    return response.json<ErrorBody>();
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    const builtins = await ensureBuiltinFrameworks(ctx.database);
    expect(builtins.skipped).toEqual([]);
    s = await createKonTumScenario(db());

    province = await createUnit(db(), { kind: 'province', code: '64', name: 'Tỉnh Gia Lai Thử' });
    const commune = (code: string, name: string, validFrom = '2020-01-01') =>
      createUnit(db(), { kind: 'commune', code, name, parentId: province, validFrom });
    iaBang = await commune('24001', 'Xã Ia Băng');
    iaDom = await commune('24002', 'Xã Ia Dom');
    iaKha = await commune('24003', 'Xã Ia Kha');
    iaPet = await commune('24004', 'Xã Ia Pết');
    iaGrai = await commune('24005', 'Xã Ia Grai', '2025-07-01');

    admin = (await createSignedInUser(ctx.app, db(), [{ role: 'system_admin', unitId: null }])).session;
    const officeUser = await createSignedInUser(ctx.app, db(), [{ role: 'dx_office', unitId: province }]);
    office = officeUser.session;
    officeUserId = officeUser.userId;
    quangNgaiOffice = (await createSignedInUser(ctx.app, db(), [{ role: 'dx_office', unitId: s.quangNgai }]))
      .session;
    outsider = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: s.dakMil }]))
      .session;

    // Xã Ia Băng: a column since 15/03/2023, a programme since 2023; in 2025 a post on the 10th of
    // every month (12) and a broadcast every Thursday (52, one in each week of 2025).
    const bangColumn = await addChannel(iaBang, 'website_column', 'Chuyên mục Chuyển đổi số', '2023-03-15');
    const bangRadio = await addChannel(iaBang, 'radio_programme', 'Chương trình Chuyển đổi số', '2023-01-01');
    await addRecords(
      'post',
      iaBang,
      bangColumn,
      Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}-10`),
    );
    await addRecords('broadcast', iaBang, bangRadio, thursdays('2025-01-02', '2025-12-25'));
    // 2026 (read with asOf 30/06/2026 and later): six posts from January to June (one more in
    // August, after that day), a broadcast on every Thursday of weeks 1–26.
    await addRecords(
      'post',
      iaBang,
      bangColumn,
      ['2026-01-15', '2026-02-16', '2026-03-16', '2026-04-15', '2026-05-15', '2026-06-15'],
      { topics: ['policy'] },
    );
    await addRecords('post', iaBang, bangColumn, ['2026-08-10']);
    await addRecords('broadcast', iaBang, bangRadio, thursdays('2026-01-01', '2026-06-25'));

    // Xã Ia Dom: exactly 10 posts in 2025 (a post on the 10th of January to October); a broadcast
    // every Thursday but those of weeks 20 and 33, and one on 30/12/2025, which lies in week 1 of
    // 2026 and so fills no week of 2025.
    const domColumn = await addChannel(iaDom, 'website_column', 'Chuyên mục CĐS', '2024-01-01');
    const domRadio = await addChannel(iaDom, 'radio_programme', 'Chuyên mục CĐS trên đài xã', '2024-01-01');
    await addRecords(
      'post',
      iaDom,
      domColumn,
      Array.from({ length: 10 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}-10`),
    );
    const domWeeks = thursdays('2025-01-02', '2025-12-25').filter(
      (day) => day !== thursdayOfWeek(2025, 20) && day !== thursdayOfWeek(2025, 33),
    );
    await addRecords('broadcast', iaDom, domRadio, [...domWeeks, '2025-12-30']);
    // 2026: four posts by June; broadcasts every Thursday of weeks 1–26 but weeks 5 and 9.
    await addRecords('post', iaDom, domColumn, ['2026-01-20', '2026-02-20', '2026-03-20', '2026-04-20']);
    await addRecords(
      'broadcast',
      iaDom,
      domRadio,
      thursdays('2026-01-01', '2026-06-25').filter(
        (day) => day !== thursdayOfWeek(2026, 5) && day !== thursdayOfWeek(2026, 9),
      ),
    );

    // Xã Ia Kha: 15 posts on its Facebook page, which is not a DX column; nothing else.
    const khaPage = await addChannel(iaKha, 'social_page', 'Trang Facebook UBND xã Ia Kha', '2022-01-01');
    await addRecords(
      'post',
      iaKha,
      khaPage,
      Array.from({ length: 15 }, (_, i) => `2025-0${1 + (i % 9)}-${String(2 + i).padStart(2, '0')}`),
    );

    // Xã Ia Pết: see "records that do not count".
    const petColumn = await addChannel(iaPet, 'website_column', 'Chuyên mục Chuyển đổi số', '2022-06-01');
    const petPage = await addChannel(iaPet, 'social_page', 'Trang Facebook xã Ia Pết', '2022-06-01');
    const petRadio = await addChannel(iaPet, 'radio_programme', 'Chương trình CĐS', '2022-06-01');
    ids.set('petColumn', petColumn);
    const petPosts = await addRecords('post', iaPet, petColumn, [
      '2025-01-06',
      '2025-02-06',
      '2025-03-06',
      '2025-04-06',
      '2025-05-06',
      '2025-06-06',
      '2025-07-06',
      '2025-08-06',
      '2025-09-06',
      '2025-10-06',
      '2025-11-06',
    ]);
    for (const [i, id] of petPosts.entries()) ids.set(`petPost${i}`, id);
    // Outside the period, and on the Facebook page: never counted for 2025.
    ids.set('petBefore', (await addRecords('post', iaPet, petColumn, ['2024-12-31']))[0]!);
    ids.set('petAfter', (await addRecords('post', iaPet, petColumn, ['2026-01-01']))[0]!);
    ids.set('petSocial', (await addRecords('post', iaPet, petPage, ['2025-06-16']))[0]!);
    const petBroadcasts = await addRecords(
      'broadcast',
      iaPet,
      petRadio,
      thursdays('2025-01-02', '2025-12-25'),
    );
    for (const [i, id] of petBroadcasts.entries()) ids.set(`petBroadcastWeek${i + 1}`, id);

    // Xã Ia Grai, created on 01/07/2025 (a Tuesday): a broadcast every Thursday from 03/07, the
    // Thursday of week 27, to 25/12, that of week 52.
    const graiRadio = await addChannel(
      iaGrai,
      'radio_programme',
      'Chương trình CĐS xã Ia Grai',
      '2025-07-01',
    );
    await addRecords('broadcast', iaGrai, graiRadio, thursdays('2025-07-03', '2025-12-25'));

    // The 2025 reorganisation (test/support/scenarios.ts): Thị trấn Đắk Rve and Xã Đắk Pne merged
    // into Xã Đăk Rve, Xã Tân Lập and Xã Đắk Ruồng into Xã Kon Braih, on 01/07/2025; Huyện Kon Rẫy
    // and Tỉnh Kon Tum ended that day.
    const rveOldColumn = await addChannel(
      s.ttDakRve,
      'website_column',
      'Chuyên mục CĐS thị trấn',
      '2023-05-01',
    );
    const rveOldRadio = await addChannel(
      s.ttDakRve,
      'radio_programme',
      'Chuyên mục CĐS thị trấn',
      '2023-01-01',
    );
    const pneColumn = await addChannel(s.dakPne, 'website_column', 'Chuyên mục CĐS xã Đắk Pne', '2024-02-01');
    const rveColumn = await addChannel(s.dakRve, 'website_column', 'Chuyên mục CĐS xã Đăk Rve', '2025-07-01');
    const rveRadio = await addChannel(
      s.dakRve,
      'radio_programme',
      'Chương trình CĐS xã Đăk Rve',
      '2025-07-01',
    );
    const tanLapColumn = await addChannel(
      s.tanLap,
      'website_column',
      'Chuyên mục CĐS xã Tân Lập',
      '2023-01-01',
    );
    // 2024: the town 4 posts, Đắk Pne 7, Tân Lập 10.
    await addRecords('post', s.ttDakRve, rveOldColumn, [
      '2024-03-04',
      '2024-06-03',
      '2024-09-02',
      '2024-11-04',
    ]);
    await addRecords(
      'post',
      s.dakPne,
      pneColumn,
      Array.from({ length: 7 }, (_, m) => `2024-0${m + 1}-10`),
    );
    await addRecords(
      'post',
      s.tanLap,
      tanLapColumn,
      Array.from({ length: 10 }, (_, m) => `2024-${String(m + 1).padStart(2, '0')}-12`),
    );
    // 2025: the town 3 posts and a broadcast every Thursday of weeks 1–26 before the merge, Đắk
    // Pne 2 posts; after it Xã Đăk Rve 6 posts and a broadcast every Thursday of weeks 27–52.
    await addRecords('post', s.ttDakRve, rveOldColumn, ['2025-02-03', '2025-03-03', '2025-04-07']);
    await addRecords('post', s.dakPne, pneColumn, ['2025-05-05', '2025-06-02']);
    await addRecords('post', s.dakRve, rveColumn, [
      '2025-07-15',
      '2025-08-15',
      '2025-09-15',
      '2025-10-15',
      '2025-11-14',
      '2025-12-15',
    ]);
    await addRecords('broadcast', s.ttDakRve, rveOldRadio, thursdays('2025-01-02', '2025-06-26'));
    await addRecords('broadcast', s.dakRve, rveRadio, thursdays('2025-07-03', '2025-12-25'));

    // Huyện Kon Rẫy in 2024 (QĐ 780 for districts: 1.5 column + 20 posts, 10 points; 1.6 a radio
    // programme, 10; 1.7 broadcasts every week 10, every month 5): a column and 20 posts, a
    // programme, and a broadcast on the 15th of every month only.
    const konRayColumn = await addChannel(s.konRay, 'website_column', 'Chuyên mục CĐS huyện', '2022-01-01');
    const konRayRadio = await addChannel(s.konRay, 'radio_programme', 'Chuyên mục CĐS huyện', '2022-01-01');
    await addRecords(
      'post',
      s.konRay,
      konRayColumn,
      Array.from(
        { length: 20 },
        (_, i) => `2024-${String(1 + (i % 10)).padStart(2, '0')}-${i < 10 ? '08' : '22'}`,
      ),
    );
    await addRecords(
      'broadcast',
      s.konRay,
      konRayRadio,
      Array.from({ length: 12 }, (_, m) => `2024-${String(m + 1).padStart(2, '0')}-15`),
    );
  });
  afterAll(() => ctx.close());

  /**
   * The year 2026 read while it runs (as of 30/06/2026, its first quarter over, version "2026" in
   * force) needs a "today" after those days, and the product refuses a day after today. The blocks
   * below that read it set the application clock to 06/12/2026 in Vietnam (Date only, timers stay
   * real), so they check the same thing on any day. The office's sessions are made to outlive both
   * clocks: PGlite's now() follows the moved clock, a PostgreSQL server keeps the real one.
   */
  const LATE_2026 = new Date('2026-12-06T09:00:00+07:00');
  async function moveClockToLate2026(): Promise<void> {
    const outlivesBoth = new Date(Math.max(Date.now(), LATE_2026.getTime()) + 24 * 3600_000);
    await db().update(sessions).set({ expiresAt: outlivesBoth }).where(eq(sessions.userId, officeUserId));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(LATE_2026);
  }
  function restoreClock(): void {
    vi.useRealTimers();
  }

  describe('the scoreboard of a province for a past year', () => {
    it('scores every commune on QĐ 780 criteria 1.4 and 1.5, with percent and colours', async () => {
      const found = await board(office, `period=2025&unitId=${province}`);
      expect(found.framework).toMatchObject({ code: FRAMEWORK, version: '2023', periodKind: 'year' });
      expect(found.period).toEqual({
        key: '2025',
        from: '2025-01-01',
        to: '2025-12-31',
        label: 'năm 2025',
        through: '2025-12-31',
        isRunning: false,
      });
      expect(found.view).toBe('successors');
      expect(found.root).toEqual({ id: province, name: 'Tỉnh Gia Lai Thử' });
      // Communes only (the province is not scored), in Vietnamese alphabetical order.
      expect(found.rows.map((row) => row.name)).toEqual([
        'Xã Ia Băng',
        'Xã Ia Dom',
        'Xã Ia Grai',
        'Xã Ia Kha',
        'Xã Ia Pết',
      ]);
      // The columns are the criteria of every kind the framework scores (the page hides those no
      // row uses); 1.5 of communes is keyed "1.5#2" because the district's 1.5 comes first.
      expect(found.criteria.map((column) => [column.key, column.code, column.max])).toEqual([
        ['1.5', '1.5', 10],
        ['1.6', '1.6', 10],
        ['1.7', '1.7', 10],
        ['1.4', '1.4', 20],
        ['1.5#2', '1.5', 20],
      ]);
      for (const row of found.rows) expect(row.criteria.map((item) => item.key)).toEqual(['1.4', '1.5#2']);

      // Ia Băng: column + 12 ≥ 10 posts → 20; 52 of 52 weeks → 20; 40/40 = 100 %.
      const bang = rowOf(found, iaBang);
      expect(bang).toMatchObject({
        score: 40,
        max: 40,
        percent: 100,
        status: 'green',
        projectedScore: 40,
        pendingInputs: 0,
        parentName: 'Tỉnh Gia Lai Thử',
        code: '24001',
      });
      expect(criterionOf(bang, '1.4')).toMatchObject({
        code: '1.4',
        score: 20,
        max: 20,
        status: 'green',
        gaps: [],
        explanation:
          'Có chuyên mục CĐS trên trang thông tin điện tử từ 15/03/2023; 12 tin bài trong năm 2025 (cần 10) → 20/20 điểm',
      });
      expect(criterionOf(bang, '1.5#2')).toMatchObject({
        code: '1.5',
        score: 20,
        status: 'green',
        explanation: '52 trên 52 tuần có lượt phát → 20/20 điểm',
      });

      // Ia Dom: 10 posts reach the threshold → 20; weeks 20 and 33 empty → 50/52 → 0; 20/40 = 50 %.
      const dom = rowOf(found, iaDom);
      expect(dom).toMatchObject({ score: 20, max: 40, percent: 50, status: 'amber' });
      expect(criterionOf(dom, '1.4')).toMatchObject({ score: 20, status: 'green' });
      expect(criterionOf(dom, '1.4').explanation).toContain(
        '10 tin bài trong năm 2025 (cần 10) → 20/20 điểm',
      );
      // The broadcast of 30/12/2025 belongs to week 1 of 2026: still 50, not 51.
      expect(criterionOf(dom, '1.5#2')).toMatchObject({
        score: 0,
        status: 'red',
        explanation: '50 trên 52 tuần có lượt phát → 0/20 điểm',
        // The period is over: nothing can be done any more, so no gaps.
        gaps: [],
      });

      // Ia Kha: posts on a social page are not DX column posts, and there is no column → 0; no
      // broadcast → 0; 0/40 = 0 %.
      const kha = rowOf(found, iaKha);
      expect(kha).toMatchObject({ score: 0, max: 40, percent: 0, status: 'red' });
      expect(criterionOf(kha, '1.4')).toMatchObject({
        score: 0,
        status: 'red',
        explanation:
          'Chưa có chuyên mục CĐS trên trang thông tin điện tử; 0 tin bài trong năm 2025 (cần 10) → chưa đủ các điều kiện, 0/20 điểm',
      });
      expect(criterionOf(kha, '1.5#2').explanation).toBe('0 trên 52 tuần có lượt phát → 0/20 điểm');
    });

    it('gives the same numbers on the unit page as on the board', async () => {
      const unit = await scores(office, iaBang, 'period=2025');
      expect(unit).toMatchObject({
        unit: { id: iaBang, name: 'Xã Ia Băng', kind: 'commune', code: '24001' },
        sourceUnits: [{ id: iaBang, name: 'Xã Ia Băng' }],
        activeFrom: '2025-01-01',
        score: 40,
        max: 40,
        percent: 100,
        status: 'green',
      });
      expect(unit.byCode['1.4']).toMatchObject({
        ruleType: 'all_of',
        countsRecords: true,
        facts: { 'rules.1.count': 12, 'rules.1.threshold': 10, met: 2 },
      });
      // Each criterion carries the key of its column on a board.
      expect(unit.criteria.map((item) => item.key)).toEqual(['1.4', '1.5#2']);
      const onBoard = rowOf(await board(office, `period=2025&unitId=${province}`), iaBang);
      for (const item of unit.criteria)
        expect(criterionOf(onBoard, item.key)).toMatchObject({
          code: item.code,
          score: item.score,
          explanation: item.explanation,
        });
      expect(unit.byCode['1.5']).toMatchObject({
        ruleType: 'minimum_each',
        facts: { weeks: 52, weeks_qualifying: 52, weeks_missing: 0 },
      });
    });

    it('filters the board by unit kind', async () => {
      const wards = await board(office, `period=2025&unitId=${province}&kind=ward`);
      expect(wards.rows).toEqual([]);
      expect(wards.criteria.map((column) => column.key)).toEqual(['1.4', '1.5#2']);
      const districts = await board(office, `period=2025&unitId=${province}&kind=former_district`);
      expect(districts.criteria.map((column) => column.code)).toEqual(['1.5', '1.6', '1.7']);
    });
  });

  describe('records that do not count', () => {
    // Ia Pết has 11 posts in its column in 2025, one outside on 31/12/2024, one on 01/01/2026 and
    // one on its Facebook page: 11 counted for now.
    async function petPosts(): Promise<number> {
      const found = await scores(office, iaPet, 'period=2025');
      return found.byCode['1.4']!.facts['rules.1.count'] as number;
    }

    it('leaves out deleted, rejected and duplicate records, and those of other channels or periods', async () => {
      expect(await petPosts()).toBe(11);

      // Deleted: 10.
      const deleted = await office.request({
        method: 'DELETE',
        url: `/api/activities/${ids.get('petPost0')}`,
        payload: { reason: 'Ghi nhầm' },
      });
      expect(deleted.statusCode, deleted.body).toBe(200);
      expect(await petPosts()).toBe(10);

      // Rejected in review: 9, below the threshold of 10 → 0 points. Accepted still counts.
      const rejected = await office.post(`/api/activities/${ids.get('petPost1')}/review`, {
        status: 'rejected',
        note: 'Không phải tin về chuyển đổi số',
      });
      expect(rejected.statusCode, rejected.body).toBe(200);
      const accepted = await office.post(`/api/activities/${ids.get('petPost2')}/review`, {
        status: 'accepted',
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
      const after = await scores(office, iaPet, 'period=2025');
      expect(after.byCode['1.4']).toMatchObject({ score: 0, status: 'red' });
      expect(after.byCode['1.4']!.explanation).toBe(
        'Có chuyên mục CĐS trên trang thông tin điện tử từ 01/06/2022; 9 tin bài trong năm 2025 (cần 10) → chưa đủ các điều kiện, 0/20 điểm',
      );

      // Broadcasts too: week 10's only broadcast rejected, week 11's flagged as a duplicate of
      // week 12's → 50 of 52 weeks.
      await office.post(`/api/activities/${ids.get('petBroadcastWeek10')}/review`, { status: 'rejected' });
      await db()
        .update(activities)
        .set({ duplicateOfId: ids.get('petBroadcastWeek12')! })
        .where(eq(activities.id, ids.get('petBroadcastWeek11')!));
      const weeks = await scores(office, iaPet, 'period=2025');
      expect(weeks.byCode['1.5']).toMatchObject({
        score: 0,
        explanation: '50 trên 52 tuần có lượt phát → 0/20 điểm',
        facts: { weeks: 52, weeks_qualifying: 50, weeks_missing: 2 },
      });
    });

    it('counts a suspected duplicate once a person says it is not one, and a new record at once', async () => {
      // The same title on the same day in the same column: the API answers 409, then stores it
      // flagged as a suspected duplicate when confirmed. It does not count.
      const [original] = await db()
        .select({ title: activities.title, occurredOn: activities.occurredOn })
        .from(activities)
        .where(eq(activities.id, ids.get('petPost3')!));
      const input = {
        kind: 'post',
        unitId: iaPet,
        channelId: ids.get('petColumn'),
        occurredOn: original!.occurredOn,
        title: original!.title,
        url: 'https://iapet.gialai.gov.vn/chuyen-doi-so/tin-trung',
        topics: [],
        language: 'vi',
      };
      refused(await office.post('/api/activities', input), 409);
      const flagged = await office.post('/api/activities', { ...input, confirmDuplicate: true });
      expect(flagged.statusCode, flagged.body).toBe(200);
      const duplicate = flagged.json<ActivityDetailDto>();
      expect(duplicate.duplicateOfId).toBe(ids.get('petPost3'));
      expect(await petPosts()).toBe(9);

      // "Not a duplicate": 10 → the threshold is reached again.
      const cleared = await office.post(`/api/activities/${duplicate.id}/not-duplicate`);
      expect(cleared.statusCode, cleared.body).toBe(200);
      const restored = await scores(office, iaPet, 'period=2025');
      expect(restored.byCode['1.4']).toMatchObject({ score: 20, status: 'green' });
      expect(restored.byCode['1.4']!.explanation).toContain(
        '10 tin bài trong năm 2025 (cần 10) → 20/20 điểm',
      );

      // A new post through the API shows on the very next read (nothing is cached): 11.
      const created = await office.post('/api/activities', {
        kind: 'post',
        unitId: iaPet,
        channelId: ids.get('petColumn'),
        occurredOn: '2025-12-01',
        title: 'Xã Ia Pết ra mắt tổ công nghệ số cộng đồng',
        url: 'https://iapet.gialai.gov.vn/chuyen-doi-so/to-cong-nghe-so',
        topics: [],
        language: 'vi',
      });
      expect(created.statusCode, created.body).toBe(200);
      ids.set('petNew', created.json<ActivityDetailDto>().id);
      const latest = await board(office, `period=2025&unitId=${province}`);
      expect(criterionOf(rowOf(latest, iaPet), '1.4').explanation).toContain(
        '11 tin bài trong năm 2025 (cần 10)',
      );
    });
  });

  describe('the records behind a number', () => {
    it('lists exactly the records counted, newest first, in pages', async () => {
      // Ia Pết's 11 counted posts: petPost2…petPost10 (9), the former duplicate and the new one.
      const all = await counted(office, iaPet, '1.4', 'period=2025&limit=500');
      expect(all.total).toBe(11);
      const expected = [
        ...Array.from({ length: 9 }, (_, i) => ids.get(`petPost${i + 2}`)!),
        ids.get('petNew')!,
      ];
      expect(all.items).toHaveLength(11);
      for (const id of expected) expect(all.items.map((item) => item.id)).toContain(id);
      for (const id of ['petPost0', 'petPost1', 'petBefore', 'petAfter', 'petSocial'])
        expect(all.items.map((item) => item.id)).not.toContain(ids.get(id));
      const days = all.items.map((item) => item.occurredOn);
      expect(days).toEqual([...days].sort().reverse());
      expect(days[0]).toBe('2025-12-01');
      expect(all.items[0]).toMatchObject({
        kind: 'post',
        title: 'Xã Ia Pết ra mắt tổ công nghệ số cộng đồng',
        unitName: 'Xã Ia Pết',
        channelName: 'Chuyên mục Chuyển đổi số',
        language: 'vi',
      });

      // Pages of 4: 4 + 4 + 3, the same records in the same order.
      const pages = [];
      for (const offset of [0, 4, 8]) {
        const page = await counted(office, iaPet, '1.4', `period=2025&limit=4&offset=${offset}`);
        expect(page.total).toBe(11);
        pages.push(...page.items.map((item) => item.id));
      }
      expect(pages).toEqual(all.items.map((item) => item.id));

      // The broadcasts criterion: 52 less the rejected and the duplicate.
      expect((await counted(office, iaPet, '1.5', 'period=2025&limit=1')).total).toBe(50);
      // Ia Băng: the same count as the explanation says (12 posts).
      const bang = await counted(office, iaBang, '1.4', 'period=2025');
      expect(bang.total).toBe(12);
      // Weekly criteria list the records of the weeks judged: Ia Dom's broadcast of 30/12/2025
      // lies in week 1 of 2026 and is left out (50, not 51), as it is of the 50/52 weeks.
      const dom = await counted(office, iaDom, '1.5', 'period=2025&limit=500');
      expect(dom.total).toBe(50);
      expect(dom.items[0]!.occurredOn).toBe('2025-12-25');
    });

    it('refuses unknown criteria, outsiders, and a national board to all but system admins', async () => {
      expect(
        refused(
          await office.get(`/api/units/${iaPet}/scores/9.9/records?framework=${FRAMEWORK}&period=2025`),
          404,
        ).code,
      ).toBe('NOT_FOUND');
      // The district criterion 1.6 does not score a commune.
      refused(
        await office.get(`/api/units/${iaPet}/scores/1.6/records?framework=${FRAMEWORK}&period=2025`),
        404,
      );
      refused(
        await outsider.get(`/api/units/${iaPet}/scores/1.4/records?framework=${FRAMEWORK}&period=2025`),
        404,
      );
      refused(await outsider.get(`/api/units/${iaPet}/scores?framework=${FRAMEWORK}&period=2025`), 404);
      refused(
        await outsider.get(`/api/scoreboard?framework=${FRAMEWORK}&period=2025&unitId=${province}`),
        404,
      );

      // The whole country: system admins only.
      refused(await office.get(`/api/scoreboard?framework=${FRAMEWORK}&period=2025`), 404);
      const national = await board(admin, 'period=2025');
      expect(national.root).toBeNull();
      const names = national.rows.map((row) => row.name);
      expect(names).toContain('Xã Ia Băng');
      expect(names).toContain('Xã Đăk Rve');
      expect(names).toContain('Xã Đắk Mil');
    });

    it('validates the query: a day after today, a period of the wrong form, a framework not in force', async () => {
      const tomorrow = addDays(todayVn(), 1);
      const future = refused(
        await office.get(`/api/units/${iaBang}/scores?framework=${FRAMEWORK}&period=2026&asOf=${tomorrow}`),
        400,
      );
      expect(future.details).toEqual([
        { field: 'querystring.asOf', message: 'Ngày tính không được sau hôm nay.' },
      ]);
      refused(
        await office.get(
          `/api/scoreboard?framework=${FRAMEWORK}&period=2026&unitId=${province}&asOf=${tomorrow}`,
        ),
        400,
      );

      // Not a period at all: refused by the query schema.
      const malformed = refused(
        await office.get(`/api/units/${iaBang}/scores?framework=${FRAMEWORK}&period=2025-13`),
        400,
      );
      expect(malformed.details?.map((detail) => detail.field)).toEqual(['querystring.period']);
      // A quarter for a yearly framework.
      const quarter = refused(
        await office.get(`/api/units/${iaBang}/scores?framework=${FRAMEWORK}&period=2025-Q1`),
        400,
      );
      expect(quarter.details).toEqual([{ field: 'period', message: 'Kỳ của bộ chỉ số này có dạng 2024.' }]);
      // QĐ 780 is in force from 2023.
      const early = refused(
        await office.get(`/api/scoreboard?framework=${FRAMEWORK}&period=2022&unitId=${province}`),
        400,
      );
      expect(early.message).toBe('Bộ chỉ số chưa có hiệu lực trong kỳ này.');
      expect(early.details?.[0]?.field).toBe('period');
      const unknown = refused(
        await office.get(`/api/scoreboard?framework=khong-co&period=2025&unitId=${province}`),
        400,
      );
      expect(unknown.details).toEqual([{ field: 'framework', message: 'Không có bộ chỉ số mã "khong-co".' }]);
      // A period that has not begun by the day counted.
      const notBegun = refused(
        await office.get(`/api/units/${iaBang}/scores?framework=${FRAMEWORK}&period=2099`),
        400,
      );
      expect(notBegun.message).toBe('Kỳ đánh giá chưa bắt đầu.');
      expect(notBegun.details?.[0]?.field).toBe('period');
      const before = refused(
        await office.get(
          `/api/scoreboard?framework=${FRAMEWORK}&period=2026&unitId=${province}&asOf=2025-12-31`,
        ),
        400,
      );
      expect(before.details).toEqual([
        { field: 'period', message: 'Năm 2026 bắt đầu từ 01/01/2026, sau ngày tính 31/12/2025.' },
      ]);
      // A province is not scored by QĐ 780.
      const kind = refused(
        await office.get(`/api/units/${province}/scores?framework=${FRAMEWORK}&period=2025`),
        400,
      );
      expect(kind.message).toBe('Bộ chỉ số này không áp dụng cho loại đơn vị này.');
    });
  });

  describe('merged units', () => {
    it('counts the records of the merged communes for the new one in the successors view', async () => {
      // 2025: posts 3 (town) + 2 (Đắk Pne) + 6 (Xã Đăk Rve) = 11 ≥ 10, the town's column since
      // 01/05/2023 → 20; broadcasts weeks 1–26 (town) + 27–52 (new commune) = 52/52 → 20.
      const found = await scores(quangNgaiOffice, s.dakRve, 'period=2025');
      expect(found.view).toBe('successors');
      expect(found.activeFrom).toBe('2025-01-01');
      // The unit itself first, then the merged communes by name.
      expect(found.sourceUnits).toEqual([
        { id: s.dakRve, name: 'Xã Đăk Rve' },
        { id: s.ttDakRve, name: 'Thị trấn Đắk Rve' },
        { id: s.dakPne, name: 'Xã Đắk Pne' },
      ]);
      expect(found).toMatchObject({ score: 40, max: 40, percent: 100, status: 'green' });
      expect(found.byCode['1.4']!.explanation).toBe(
        'Có chuyên mục CĐS trên trang thông tin điện tử từ 01/05/2023; 11 tin bài trong năm 2025 (cần 10) → 20/20 điểm',
      );
      expect(found.byCode['1.5']!.explanation).toBe('52 trên 52 tuần có lượt phát → 20/20 điểm');
      const records = await counted(quangNgaiOffice, s.dakRve, '1.4', 'period=2025');
      expect(records.total).toBe(11);
      expect(new Set(records.items.map((item) => item.unitName))).toEqual(
        new Set(['Thị trấn Đắk Rve', 'Xã Đắk Pne', 'Xã Đăk Rve']),
      );

      // Seen as it was, Xã Đăk Rve only has its own half year: 6 posts → 0; weeks 27–52 all have
      // a broadcast (it is judged from 01/07/2025) → 20.
      const own = await scores(quangNgaiOffice, s.dakRve, 'period=2025&view=as_they_were');
      expect(own).toMatchObject({ view: 'as_they_were', activeFrom: '2025-07-01', score: 20 });
      expect(own.sourceUnits).toEqual([{ id: s.dakRve, name: 'Xã Đăk Rve' }]);
      expect(own.byCode['1.5']!.explanation).toBe('26 trên 26 tuần có lượt phát → 20/20 điểm');
    });

    it('adds up the former communes for a year before the merge', async () => {
      // 2024: the town 4 posts + Đắk Pne 7 = 11 → 20 for Xã Đăk Rve, though each alone had < 10.
      const found = await scores(quangNgaiOffice, s.dakRve, 'period=2024');
      expect(found.activeFrom).toBe('2024-01-01');
      // Xã Đăk Rve did not exist in 2024: only the two former communes count.
      expect(found.sourceUnits.map((unit) => unit.name)).toEqual(['Thị trấn Đắk Rve', 'Xã Đắk Pne']);
      expect(found.byCode['1.4']!.explanation).toContain('11 tin bài trong năm 2024 (cần 10) → 20/20 điểm');
      const successors = await board(quangNgaiOffice, `period=2024&unitId=${s.quangNgai}`);
      expect(successors.rows.map((row) => row.name)).toEqual(['Xã Đăk Rve', 'Xã Kon Braih']);
      // Kon Braih: Tân Lập's 10 posts in its column → 20.
      expect(criterionOf(rowOf(successors, s.konBraih), '1.4').score).toBe(20);
    });

    it('shows the former units themselves as they were, including those of the province merged in later', async () => {
      const found = await board(quangNgaiOffice, `period=2024&unitId=${s.quangNgai}&view=as_they_were`);
      expect(found.view).toBe('as_they_were');
      expect(found.period.through).toBe('2024-12-31');
      // Kon Tum's district and communes of 2024 (Kon Tum merged into Quảng Ngãi in 2025); today's
      // communes did not exist yet.
      expect(found.rows.map((row) => [row.kind, row.name])).toEqual([
        ['commune', 'Thị trấn Đắk Rve'],
        ['commune', 'Xã Đắk Pne'],
        ['commune', 'Xã Đắk Ruồng'],
        ['commune', 'Xã Tân Lập'],
        ['former_district', 'Huyện Kon Rẫy'],
      ]);
      expect(rowOf(found, s.ttDakRve)).toMatchObject({ parentName: 'Huyện Kon Rẫy' });
      // Each former commune alone: town 4 posts, Đắk Pne 7 → 0; Tân Lập 10 → 20.
      expect(criterionOf(rowOf(found, s.ttDakRve), '1.4').explanation).toContain(
        '4 tin bài trong năm 2024 (cần 10)',
      );
      expect(criterionOf(rowOf(found, s.dakPne), '1.4').score).toBe(0);
      expect(criterionOf(rowOf(found, s.tanLap), '1.4').score).toBe(20);

      // The former unit's own page, as it was; a unit that has ended is shown so without asking
      // (it is none of today's units, so the successors view has no row for it).
      const town = await scores(quangNgaiOffice, s.ttDakRve, 'period=2024&view=as_they_were');
      expect(town.sourceUnits).toEqual([{ id: s.ttDakRve, name: 'Thị trấn Đắk Rve' }]);
      expect(town.byCode['1.4']!.score).toBe(0);
      const byDefault = await scores(quangNgaiOffice, s.ttDakRve, 'period=2024');
      expect(byDefault.view).toBe('as_they_were');
      expect(byDefault.criteria).toEqual(town.criteria);
      // Counted as of a day it still existed, it is one of that day's units: successors view.
      const running = await scores(quangNgaiOffice, s.ttDakRve, 'period=2025&asOf=2025-03-31');
      expect(running).toMatchObject({
        view: 'successors',
        period: { through: '2025-03-31', isRunning: true },
      });
      // 2 posts by 31/03/2025 (03/02 and 03/03).
      expect(running.byCode['1.4']!.explanation).toContain(
        '2 tin bài trong năm 2025 (cần 10), tính đến 31/03/2025',
      );
      // Asked for the successors view in a year it has ended, it has no row.
      const gone = refused(
        await quangNgaiOffice.get(
          `/api/units/${s.ttDakRve}/scores?framework=${FRAMEWORK}&period=2024&view=successors`,
        ),
        400,
      );
      expect(gone.details).toEqual([
        { field: 'period', message: 'Thị trấn Đắk Rve không tồn tại trong năm 2024.' },
      ]);
    });

    it('shows the year of the merge as it was: each former unit judged up to its last day', async () => {
      // Tỉnh Kon Tum's board of 2025: its units lived until 30/06/2025. The town's weeks are those
      // whose Thursday falls by then, 1–26, each with a broadcast → 20; its 3 posts → 0. Final, not
      // running: the units are gone.
      const found = await board(quangNgaiOffice, `period=2025&unitId=${s.konTum}`);
      expect(found.view).toBe('as_they_were');
      expect(found.rows.map((row) => row.name)).toEqual([
        'Thị trấn Đắk Rve',
        'Xã Đắk Pne',
        'Xã Đắk Ruồng',
        'Xã Tân Lập',
        'Huyện Kon Rẫy',
      ]);
      // The board also has districts, whose 1.5 is another criterion: the communes' is "1.5#2".
      const town = rowOf(found, s.ttDakRve);
      expect(criterionOf(town, '1.5#2')).toMatchObject({ score: 20, gaps: [] });
      expect(criterionOf(town, '1.5#2').explanation).toBe(
        '26 trên 26 tuần có lượt phát, đến 30/06/2025, ngày cuối của đơn vị → 20/20 điểm',
      );
      expect(criterionOf(town, '1.4').explanation).toContain('3 tin bài trong năm 2025 (cần 10)');
      expect(town.projectedScore).toBe(town.score);
      expect(town).toMatchObject({ activeFrom: '2025-01-01', activeUntil: '2025-06-30' });
      const ownPage = await scores(quangNgaiOffice, s.ttDakRve, 'period=2025');
      expect(ownPage).toMatchObject({ view: 'as_they_were', activeUntil: '2025-06-30', score: town.score });
      // The same units appear in Quảng Ngãi's board of 2025 as they were, beside today's communes
      // judged from 01/07/2025.
      const province = await board(quangNgaiOffice, `period=2025&unitId=${s.quangNgai}&view=as_they_were`);
      expect(province.rows.map((row) => row.name)).toEqual(
        expect.arrayContaining(['Thị trấn Đắk Rve', 'Xã Đăk Rve', 'Xã Kon Braih', 'Huyện Kon Rẫy']),
      );
      expect(criterionOf(rowOf(province, s.ttDakRve), '1.5#2').score).toBe(20);
      expect(rowOf(province, s.dakRve)).toMatchObject({ activeFrom: '2025-07-01', activeUntil: null });
    });

    it('shows the board and the league table of a province that has ended as it was', async () => {
      // Tỉnh Kon Tum ended on 01/07/2025: none of today's units lie under it, so its boards show
      // its units as they were unless the successors view is asked for.
      const found = await board(quangNgaiOffice, `period=2024&unitId=${s.konTum}`);
      expect(found.view).toBe('as_they_were');
      expect(found.root).toEqual({ id: s.konTum, name: 'Tỉnh Kon Tum' });
      expect(found.rows.map((row) => row.name)).toEqual([
        'Thị trấn Đắk Rve',
        'Xã Đắk Pne',
        'Xã Đắk Ruồng',
        'Xã Tân Lập',
        'Huyện Kon Rẫy',
      ]);
      const successors = await board(quangNgaiOffice, `period=2024&unitId=${s.konTum}&view=successors`);
      expect(successors.rows).toEqual([]);

      // Tân Lập 20/40 = 50 %, the three other communes 0 % (tied, by name); Kon Rẫy 25/30. In 2023
      // nobody posted: every commune 0 %, rank 1; Kon Rẫy had its programme only, 10/30 = 33.3 %.
      const response = await quangNgaiOffice.get(
        `/api/rankings?framework=${FRAMEWORK}&period=2024&unitId=${s.konTum}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const ranking = response.json<RankingDto>();
      expect(ranking.view).toBe('as_they_were');
      expect(
        ranking.groups.map((group) => [
          group.key,
          group.rows.map((row) => [row.name, row.rank, row.percent, row.previous]),
        ]),
      ).toEqual([
        [
          'commune_level',
          [
            ['Xã Tân Lập', 1, 50, { percent: 0, rank: 1 }],
            ['Thị trấn Đắk Rve', 2, 0, { percent: 0, rank: 1 }],
            ['Xã Đắk Pne', 2, 0, { percent: 0, rank: 1 }],
            ['Xã Đắk Ruồng', 2, 0, { percent: 0, rank: 1 }],
          ],
        ],
        ['former_district', [['Huyện Kon Rẫy', 1, 83.3, { percent: 33.3, rank: 1 }]]],
      ]);
    });

    it('keeps criteria that reuse a code apart: district 1.5 and commune 1.5', async () => {
      const found = await board(quangNgaiOffice, `period=2024&unitId=${s.quangNgai}&view=as_they_were`);
      expect(found.criteria.map((column) => [column.key, column.code, column.max, column.appliesTo])).toEqual(
        [
          ['1.5', '1.5', 10, ['former_district']],
          ['1.6', '1.6', 10, ['former_district']],
          ['1.7', '1.7', 10, ['former_district']],
          ['1.4', '1.4', 20, ['commune', 'ward', 'special_zone']],
          ['1.5#2', '1.5', 20, ['commune', 'ward', 'special_zone']],
        ],
      );
      const titles = Object.fromEntries(found.criteria.map((column) => [column.key, column.title]));
      expect(titles['1.5']).toMatch(/^Trang thông tin điện tử huyện có chuyên mục/);
      expect(titles['1.5#2']).toMatch(/^Tuyên truyền về chuyển đổi số trên Đài truyền thanh cấp xã/);

      // Huyện Kon Rẫy: column + 20 posts → 10; programme → 10; a broadcast on the 15th of every
      // month: 12 of 52 weeks, but every month → the monthly level, 5. 25/30 = 83.3 %.
      const district = rowOf(found, s.konRay);
      expect(district.criteria.map((item) => item.key)).toEqual(['1.5', '1.6', '1.7']);
      expect(district).toMatchObject({ score: 25, max: 30, percent: 83.3, status: 'amber' });
      expect(criterionOf(district, '1.5')).toMatchObject({ score: 10, max: 10 });
      expect(criterionOf(district, '1.5').explanation).toContain('20 tin bài trong năm 2024 (cần 20)');
      expect(criterionOf(district, '1.7')).toMatchObject({
        score: 5,
        status: 'amber',
        explanation: '12 trên 52 tuần có lượt phát → mức hằng tháng, 5/10 điểm',
      });
      // The records behind the district's numbers: 20 posts for 1.5, 12 broadcasts for 1.7, none
      // for the programme itself (1.6).
      const asTheyWere = 'period=2024&view=as_they_were&limit=1';
      expect((await counted(quangNgaiOffice, s.konRay, '1.5', asTheyWere)).total).toBe(20);
      expect((await counted(quangNgaiOffice, s.konRay, '1.6', asTheyWere)).total).toBe(0);
      expect((await counted(quangNgaiOffice, s.konRay, '1.7', asTheyWere)).total).toBe(12);
      const commune = rowOf(found, s.tanLap);
      expect(commune.criteria.map((item) => item.key)).toEqual(['1.4', '1.5#2']);
      expect(criterionOf(commune, '1.5#2')).toMatchObject({ code: '1.5', max: 20 });
    });
  });

  describe('units created during the period', () => {
    it('judges a new unit without predecessors from its first day', async () => {
      // Ia Grai from 01/07/2025: the weeks whose Thursday is on or after that day are 27–52 (26),
      // each with a broadcast → 20. The weeks before are not missing.
      const found = await scores(office, iaGrai, 'period=2025');
      expect(found.activeFrom).toBe('2025-07-01');
      expect(found.sourceUnits).toEqual([{ id: iaGrai, name: 'Xã Ia Grai' }]);
      expect(found.byCode['1.5']).toMatchObject({
        score: 20,
        status: 'green',
        explanation: '26 trên 26 tuần có lượt phát → 20/20 điểm',
        facts: { weeks: 26, weeks_qualifying: 26, weeks_missing: 0 },
      });
      // No column → 1.4 is 0: 20/40.
      expect(found).toMatchObject({ score: 20, max: 40, percent: 50, status: 'amber' });
    });

    it('leaves a unit out of the years before it existed', async () => {
      const found = await board(office, `period=2024&unitId=${province}`);
      expect(found.rows.map((row) => row.name)).not.toContain('Xã Ia Grai');
      const error = refused(
        await office.get(`/api/units/${iaGrai}/scores?framework=${FRAMEWORK}&period=2024`),
        400,
      );
      expect(error.message).toBe('Đơn vị không tồn tại trong kỳ này.');
    });
  });

  describe('a period still running', () => {
    beforeAll(moveClockToLate2026);
    afterAll(restoreClock);

    // Read as of 30/06/2026, a Tuesday: weeks 1–26 of 2026 have ended, week 27 (29/06–05/07) and
    // the 26 after it remain: 53 weeks in all. 181 of 365 days have passed.
    it('scores what is secured, projects the year, and says what is missing', async () => {
      const found = await scores(office, iaDom, 'period=2026&asOf=2026-06-30');
      expect(found.period).toEqual({
        key: '2026',
        from: '2026-01-01',
        to: '2026-12-31',
        label: 'năm 2026',
        through: '2026-06-30',
        isRunning: true,
      });
      // 1.4: 4 posts; at this pace 4 × 365/181 ≈ 8.1 < 10 → 0 now and at the end; 6 more needed.
      expect(found.byCode['1.4']).toMatchObject({
        score: 0,
        projectedScore: 0,
        status: 'red',
        gaps: ['cần thêm 6 tin bài trước 31/12'],
        explanation:
          'Có chuyên mục CĐS trên trang thông tin điện tử từ 01/01/2024; 4 tin bài trong năm 2026 (cần 10), tính đến 30/06/2026 → chưa đủ các điều kiện, 0/20 điểm',
      });
      // 1.5: weeks 5 and 9 had no broadcast → 24/26; a missed week loses the criterion for the year.
      expect(found.byCode['1.5']).toMatchObject({
        score: 0,
        projectedScore: 0,
        status: 'red',
        explanation: '24 trên 26 tuần có lượt phát, tính đến 30/06/2026 → 0/20 điểm',
        gaps: ['tuần 5 và 9 chưa có lượt phát: không còn đạt điểm tiêu chí này'],
        facts: { weeks: 53, weeks_qualifying: 24, weeks_counted: 26, weeks_missing: 2, weeks_remaining: 27 },
      });
      expect(found).toMatchObject({ score: 0, max: 40, percent: 0, projectedScore: 0, status: 'red' });
    });

    it('projects full marks for a unit on pace, and counts nothing after the day asked', async () => {
      const found = await scores(office, iaBang, 'period=2026&asOf=2026-06-30');
      // 1.4: 6 posts by 30/06 (the one of 10/08 is later); 6 × 365/181 ≈ 12.1 ≥ 10 → 20 projected.
      expect(found.byCode['1.4']).toMatchObject({
        score: 0,
        projectedScore: 20,
        status: 'green',
        gaps: ['cần thêm 4 tin bài trước 31/12'],
        explanation:
          'Có chuyên mục CĐS trên trang thông tin điện tử từ 15/03/2023; 6 tin bài trong năm 2026 (cần 10), tính đến 30/06/2026 → hiện 0/20 điểm; dự kiến 20/20 điểm',
      });
      // 1.5: 26/26 weeks so far; the 27 weeks to come each need a broadcast.
      expect(found.byCode['1.5']).toMatchObject({
        score: 0,
        projectedScore: 20,
        status: 'green',
        explanation: '26 trên 26 tuần có lượt phát, tính đến 30/06/2026 → hiện 0/20 điểm; dự kiến 20/20 điểm',
        gaps: ['mỗi tuần còn lại (27 tuần) cần ít nhất 1 lượt phát'],
      });
      expect(found).toMatchObject({ score: 0, projectedScore: 40, percent: 0, status: 'green' });

      // The same board as of that day.
      const asOf = await board(office, `period=2026&unitId=${province}&asOf=2026-06-30`);
      expect(asOf.period).toMatchObject({ through: '2026-06-30', isRunning: true });
      expect(rowOf(asOf, iaBang)).toMatchObject({ score: 0, projectedScore: 40, status: 'green' });
      expect(rowOf(asOf, iaDom)).toMatchObject({ score: 0, projectedScore: 0, status: 'red' });
      // Counted records stop at that day too: 6 posts, 7 without asOf.
      expect((await counted(office, iaBang, '1.4', 'period=2026&asOf=2026-06-30')).total).toBe(6);
      expect((await counted(office, iaBang, '1.4', 'period=2026')).total).toBe(7);
    });
  });

  describe('the last day of the year', () => {
    afterAll(restoreClock);
    async function moveClockTo(instant: string): Promise<void> {
      const moved = new Date(instant);
      const outlivesBoth = new Date(Math.max(Date.now(), moved.getTime()) + 24 * 3600_000);
      // Used just now at the moved time too: the session is neither expired nor idle there.
      await db()
        .update(sessions)
        .set({ expiresAt: outlivesBoth, lastSeenAt: moved })
        .where(eq(sessions.userId, officeUserId));
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(moved);
    }

    // On 31/12 itself the day is not over: records dated that day still count, so the officer is
    // told what is missing "today". From 01/01 the year is over and only the score remains.
    it('still says what is missing on 31/12 in the evening, and not any more on 01/01', async () => {
      await moveClockTo('2026-12-31T22:00:00+07:00');
      const lastDay = await scores(office, iaDom, 'period=2026');
      expect(lastDay.period).toMatchObject({ through: '2026-12-31', isRunning: true });
      expect(lastDay.byCode['1.4']!.gaps).toEqual(['cần thêm 6 tin bài trong hôm nay (31/12)']);
      expect(lastDay.byCode['1.4']!.explanation).toContain('tính đến 31/12/2026');
      // Asked "as the board stood on 31/12" later, it is the closed year.
      await moveClockTo('2027-01-01T00:30:00+07:00');
      const nextDay = await scores(office, iaDom, 'period=2026');
      expect(nextDay.period).toMatchObject({ through: '2026-12-31', isRunning: false });
      expect(nextDay.byCode['1.4']!.gaps).toEqual([]);
      expect(nextDay.byCode['1.4']!.explanation).not.toContain('tính đến');
      const asOf = await scores(office, iaDom, 'period=2026&asOf=2026-12-31');
      expect(asOf.period).toMatchObject({ through: '2026-12-31', isRunning: false });
    });
  });

  describe('framework versions', () => {
    beforeAll(moveClockToLate2026);
    afterAll(restoreClock);

    it('scores a year with the version in force then; a new version leaves earlier years alone', async () => {
      const before2025 = await scores(office, iaDom, 'period=2025');
      // Version "2026" from 01/01/2026: communes need 5 posts for 1.4 instead of 10.
      const text = fs
        .readFileSync(path.join(ROOT, 'frameworks', 'kontum-780.yaml'), 'utf8')
        .replace('version: "2023"', 'version: "2026"')
        .replace('validFrom: 2023-01-01', 'validFrom: 2026-01-01')
        .replace('threshold: 10', 'threshold: 5');
      const imported = await office.request({
        method: 'POST',
        url: '/api/frameworks?fileName=kontum-780-2026.yaml',
        headers: { 'content-type': 'application/octet-stream' },
        payload: Buffer.from(text),
      });
      expect(imported.statusCode, imported.body).toBe(200);
      expect(imported.json<FrameworkImportResultDto>()).toMatchObject({
        status: 'created',
        framework: { code: FRAMEWORK, version: '2026' },
      });

      // 2025 is unchanged: version 2023, 10 posts needed.
      const after2025 = await scores(office, iaDom, 'period=2025');
      expect(after2025.framework.version).toBe('2023');
      expect(after2025.criteria).toEqual(before2025.criteria);
      expect(after2025.score).toBe(before2025.score);

      // 2026 as of 30/06: Ia Dom's 4 posts are 1 short of 5; Ia Băng's 6 reach it → 20 now.
      const dom = await scores(office, iaDom, 'period=2026&asOf=2026-06-30');
      expect(dom.framework.version).toBe('2026');
      expect(dom.byCode['1.4']!.explanation).toContain('4 tin bài trong năm 2026 (cần 5)');
      expect(dom.byCode['1.4']!.gaps).toEqual(['cần thêm 1 tin bài trước 31/12']);
      const bang = await scores(office, iaBang, 'period=2026&asOf=2026-06-30');
      expect(bang.byCode['1.4']).toMatchObject({ score: 20, status: 'green' });
      expect(bang.byCode['1.4']!.explanation).toContain('6 tin bài trong năm 2026 (cần 5)');
      const found = await board(office, `period=2026&unitId=${province}&asOf=2026-06-30`);
      expect(found.framework.version).toBe('2026');
      expect(rowOf(found, iaBang).score).toBe(20);
    });
  });

  describe('a framework written from the guide', () => {
    beforeAll(moveClockToLate2026);
    afterAll(restoreClock);

    const code = 'quangngai-tuyen-truyen-quy';

    it('imports through the API and scores a commune per quarter, waiting for what people enter', async () => {
      const text = fs.readFileSync(
        path.join(ROOT, 'test', 'fixtures', 'frameworks', 'written-from-guide.yaml'),
      );
      const imported = await office.request({
        method: 'POST',
        url: '/api/frameworks?fileName=written-from-guide.yaml',
        headers: { 'content-type': 'application/octet-stream' },
        payload: text,
      });
      expect(imported.statusCode, imported.body).toBe(200);

      // Ia Băng, quarter I/2026: 3 posts (15/01, 16/02, 16/03), all on the policy topic; a radio
      // programme since 2023 and a broadcast every Thursday, 13 weeks of 13; no broadcast in an
      // ethnic language.
      const response = await office.get(`/api/units/${iaBang}/scores?framework=${code}&period=2026-Q1`);
      expect(response.statusCode, response.body).toBe(200);
      const found = response.json<UnitScoreDto>();
      expect(found.period).toMatchObject({ label: 'quý I/2026', isRunning: false });
      const byCode = Object.fromEntries(found.criteria.map((item) => [item.code, item]));
      expect(found.criteria.map((item) => item.code)).toEqual([
        'A1.1',
        'A1.2',
        'A1.3',
        'A1.4',
        'A1.5',
        'A1.6',
        'A2.1',
      ]);
      // Ladder: 3 posts reach the step "from 3" → 4.
      expect(byCode['A1.1']).toMatchObject({
        score: 4,
        status: 'amber',
        explanation: '3 tin bài trong quý I/2026 → mức từ 3, 4/10 điểm',
      });
      // Inputs nobody entered yet: grey, waiting.
      expect(byCode['A1.2']).toMatchObject({
        score: null,
        status: 'grey',
        explanation: 'Chờ nhập: Số thôn có cụm loa hoạt động; Tổng số thôn, tổ dân phố',
        missingInputs: ['thon_co_loa', 'tong_so_thon'],
      });
      expect(byCode['A1.3']).toMatchObject({
        score: null,
        status: 'grey',
        explanation: 'Chờ nhập: Cẩm nang chuyển đổi số đã phổ biến',
      });
      // Programme 5 + every week 13/13 → 10 = 15.
      expect(byCode['A1.4']).toMatchObject({
        score: 15,
        status: 'green',
        explanation:
          'Có chương trình Chuyển đổi số: Có chương trình CĐS trên đài truyền thanh từ 01/01/2023 (5/5 điểm); Phát mỗi tuần: 13 trên 13 tuần có lượt phát (10/10 điểm) → 15/15 điểm',
      });
      // 3 policy posts → met.
      expect(byCode['A1.5']).toMatchObject({ score: 5, status: 'green' });
      expect(byCode['A1.5']!.explanation).toContain('3 tin bài trong quý I/2026 (cần 3)');
      expect(byCode['A1.6']).toMatchObject({
        score: 0,
        status: 'red',
        explanation:
          '0 trên 3 tháng có ít nhất 2 lượt phát tiếng dân tộc → dưới mức hai trên ba tháng, 0/10 điểm',
      });
      expect(byCode['A2.1']).toMatchObject({
        score: null,
        status: 'grey',
        explanation: 'Chờ chấm điểm: tiêu chí chấm thủ công',
      });
      // 4 + 15 + 5 = 24 of 60 (the three waiting count 0): 40 %.
      expect(found).toMatchObject({ score: 24, max: 60, percent: 40, status: 'amber' });
    });

    it('uses what the unit enters in its assessment', async () => {
      const created = await office.post(`/api/units/${iaBang}/assessments`, {
        framework: code,
        period: '2026-Q1',
      });
      expect(created.statusCode, created.body).toBe(200);
      const assessmentId = created.json<{ id: string }>().id;
      const entered = await office.patch(`/api/assessments/${assessmentId}/criteria/A1.2`, {
        inputs: { thon_co_loa: 9, tong_so_thon: 12 },
      });
      expect(entered.statusCode, entered.body).toBe(200);
      const response = await office.get(`/api/units/${iaBang}/scores?framework=${code}&period=2026-Q1`);
      const found = response.json<UnitScoreDto>();
      const ratio = found.criteria.find((item) => item.code === 'A1.2')!;
      // 9/12 = 75 % of 10 → 7.5.
      expect(ratio).toMatchObject({
        score: 7.5,
        status: 'amber',
        explanation: 'Số thôn có cụm loa hoạt động/Tổng số thôn, tổ dân phố: 9 trên 12 (75%) → 7,5/10 điểm',
      });
      expect(found).toMatchObject({ score: 31.5, max: 60, percent: 52.5 });
    });
  });

  describe('measures over several sources, and translations', () => {
    const code = 'thu-nguon-va-ban-dich';
    let iaLy: string;
    let ids: { p1: string; p1Sed: string; p1Bdq: string; p2Sed: string };

    beforeAll(async () => {
      iaLy = await createUnit(db(), { kind: 'commune', code: '24009', name: 'Xã Ia Ly', parentId: province });
      const column = await addChannel(iaLy, 'website_column', 'Chuyên mục CĐS', '2020-01-01');
      const [press] = await db()
        .insert(channelsTable)
        .values({
          unitId: iaLy,
          kind: 'press_column',
          platform: 'newspaper',
          name: 'Chuyên mục báo',
          startedOn: '2020-01-01',
        })
        .returning({ id: channelsTable.id });
      // One post and one press issue in every month of 2024: 2 a month only when counted together.
      await addRecords('post', iaLy, column, monthly(2024, '10'));
      await addDxRecords(db(), 'press_issue', iaLy, press!.id, monthly(2024, '20'));
      // A post of 05/03/2024 with versions in Xơ Đăng (06/03 điểm) and Ba Na (07/03 điểm); a post of
      // 28/12/2023 whose Xơ Đăng version came out on 03/01/2024.
      const [p1] = await addRecords('post', iaLy, column, ['2024-03-05']);
      const [p1Sed] = await addRecords('post', iaLy, column, ['2024-03-06'], {
        translationOfId: p1!,
        language: 'sed',
      });
      const [p1Bdq] = await addRecords('post', iaLy, column, ['2024-03-07'], {
        translationOfId: p1!,
        language: 'bdq',
      });
      const [p2] = await addRecords('post', iaLy, column, ['2023-12-28']);
      const [p2Sed] = await addRecords('post', iaLy, column, ['2024-01-03'], {
        translationOfId: p2!,
        language: 'sed',
      });
      ids = { p1: p1!, p1Sed: p1Sed!, p1Bdq: p1Bdq!, p2Sed: p2Sed! };

      const criterion = (c: string, rule: unknown) => ({ code: c, title: `Tiêu chí ${c}`, max: 10, rule });
      const framework = {
        code,
        version: '2024',
        name: 'Bộ chỉ số thử nguồn và bản dịch',
        legalBasis: 'Thử',
        issuingBody: 'Thử',
        validFrom: '2024-01-01',
        appliesTo: ['commune'],
        pillars: [
          {
            code: '1',
            title: 'Trụ cột',
            indices: [
              {
                code: '1',
                title: 'Chỉ số',
                criteria: [
                  criterion('1', {
                    type: 'minimum_each',
                    measure: { source: ['posts', 'press_issues'] },
                    every: 'month',
                    atLeast: 2,
                  }),
                  criterion('2', {
                    type: 'minimum_each',
                    measure: { source: 'posts' },
                    every: 'month',
                    atLeast: 2,
                  }),
                  criterion('3', { type: 'count', measure: { source: 'posts' }, threshold: 13 }),
                  criterion('4', {
                    type: 'count',
                    measure: { source: 'posts', ethnicLanguagesOnly: true },
                    threshold: 2,
                  }),
                  criterion('5', {
                    type: 'count',
                    measure: { source: 'posts', ethnicLanguagesOnly: true, eachVersion: true },
                    threshold: 3,
                  }),
                ],
              },
            ],
          },
        ],
      };
      const imported = await admin.request({
        method: 'POST',
        url: '/api/frameworks?fileName=thu.json',
        headers: { 'content-type': 'application/octet-stream' },
        payload: JSON.stringify(framework),
      });
      expect(imported.statusCode, imported.body).toBe(200);
    });

    const scoresOf = async () => {
      const response = await admin.get(`/api/units/${iaLy}/scores?framework=${code}&period=2024`);
      expect(response.statusCode, response.body).toBe(200);
      return Object.fromEntries(response.json<UnitScoreDto>().criteria.map((item) => [item.code, item]));
    };
    const listed = async (criterion: string) => {
      const response = await admin.get(
        `/api/units/${iaLy}/scores/${criterion}/records?framework=${code}&period=2024&limit=500`,
      );
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: CountedRecordDto[]; total: number }>();
    };

    it('counts posts and press issues together as one figure', async () => {
      const byCode = await scoresOf();
      // Every month: 1 post + 1 press issue (March: 2 posts) → 12/12 months with at least 2.
      expect(byCode['1']).toMatchObject({ score: 10, facts: { months_2_qualifying: 12 } });
      expect(byCode['1']!.explanation).toContain('12 trên 12 tháng có ít nhất 2 tin bài hoặc kỳ báo');
      // Posts alone reach 2 only in March (the post of 05/03 and that of 10/03).
      expect(byCode['2']).toMatchObject({ score: 0, facts: { months_2_qualifying: 1 } });
      const records = await listed('1');
      expect(records.total).toBe(25);
      expect(records.items.filter((item) => item.kind === 'press_issue')).toHaveLength(12);
    });

    it('writes explanations in the language asked for, counts in words', async () => {
      const english = await admin.get(`/api/units/${iaLy}/scores?framework=${code}&period=2024&lang=en`);
      expect(english.statusCode, english.body).toBe(200);
      const byCode = Object.fromEntries(
        english.json<UnitScoreDto>().criteria.map((item) => [item.code, item]),
      );
      expect(byCode['1']!.explanation).toBe(
        '12 of 12 months with at least 2 posts or press issues → 10/10 points',
      );
      expect(byCode['3']!.explanation).toBe('13 posts in 2024 (13 needed) → 10/10 points');
      const board = await admin.get(
        `/api/scoreboard?framework=${code}&period=2024&unitId=${province}&lang=en`,
      );
      expect(board.statusCode, board.body).toBe(200);
      const row = board.json<ScoreboardDto>().rows.find((item) => item.unitId === iaLy)!;
      expect(row.criteria.find((item) => item.code === '2')!.explanation).toBe(
        '1 of 12 months with at least 2 posts → 0/10 points',
      );
      // Vietnamese by default, and counts never as "13/13", which reads as a date.
      expect((await scoresOf())['3']!.explanation).toBe('13 tin bài trong năm 2024 (cần 13) → 10/10 điểm');
      const bad = await admin.get(`/api/units/${iaLy}/scores?framework=${code}&period=2024&lang=fr`);
      expect(bad.statusCode).toBe(400);
    });

    it('counts a translation as a version of its post, not as a new post', async () => {
      const byCode = await scoresOf();
      // 12 monthly posts + the post of 05/03; its two versions and the version of a 2023 post are not new posts.
      expect(byCode['3']).toMatchObject({ score: 10, facts: { count: 13 } });
      const records = await listed('3');
      expect(records.total).toBe(13);
      expect(records.items.map((item) => item.id)).not.toContain(ids.p1Sed);
      expect(records.items.map((item) => item.id)).toContain(ids.p1);
    });

    it('counts a post with ethnic-language versions once, unless the measure asks for each version', async () => {
      const byCode = await scoresOf();
      // The post of 05/03 (first in an ethnic language on 06/03) and the 2023 post (its version on 03/01/2024).
      expect(byCode['4']).toMatchObject({ score: 10, facts: { count: 2 } });
      expect((await listed('4')).items.map((item) => item.id).sort()).toEqual([ids.p1Sed, ids.p2Sed].sort());
      expect(byCode['5']).toMatchObject({ score: 10, facts: { count: 3 } });
      expect((await listed('5')).items.map((item) => item.id).sort()).toEqual(
        [ids.p1Sed, ids.p1Bdq, ids.p2Sed].sort(),
      );
    });
  });
});
