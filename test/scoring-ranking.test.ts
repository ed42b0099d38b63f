import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments, assessmentTransitions, frameworks } from '../src/server/db/schema-scoring';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import type { RankingDto, RankingRowDto, ScoreHistoryDto } from '../src/shared/api/scoring';
import { todayVn } from '../src/shared/dates';
import type { ErrorBody } from '../src/shared/errors';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';
import { addDxChannel, addDxRecords, monthly, thursdays } from './support/scoring-records';

/**
 * League tables and score history on Kon Tum QĐ 780 (frameworks/kontum-780.yaml): communes and
 * wards 40 points (1.4 column + ≥ 10 posts: 20; 1.5 a broadcast every week: 20), former districts
 * 30 (1.5 column + ≥ 20 posts: 10; 1.6 a programme: 10; 1.7 every week 10, every month 5).
 *
 * A province with four communes, a ward and a district that ended on 01/07/2025. Hand-worked scores:
 *
 *              2023                    2024                          2025
 * Hạng Một     5 posts → 0 %           10 posts, 52 weeks → 100 %    –  → 0 %
 * Hạng Hai     10 posts, 52 wk → 100 % 12 posts → 50 %                –  → 0 %
 * Hạng Ba (P)  52 weeks → 50 %         52 weeks → 50 %                –  → 0 %
 * Hạng Bốn     – → 0 %                 – → 0 %                        10 posts → 50 %
 * Hạng Năm     12 posts → 50 %         live 0, published 30/40 → 75 % –  → 0 %
 * Huyện        programme → 10/30       column, 20 posts, programme,
 *              = 33.3 %                monthly → 25/30 = 83.3 %       (ended)
 */

const FRAMEWORK = 'kontum-780';
const ROOT = path.resolve(import.meta.dirname, '..');

describe('rankings and score history', () => {
  let ctx: TestContext;
  let admin: Session;
  let office: Session;
  let outsider: Session;
  let province: string;
  let mot: string;
  let hai: string;
  let ba: string;
  let bon: string;
  let nam: string;
  let huyen: string;

  const db = () => ctx.database.db;

  const addChannel = (unitId: string, kind: 'website_column' | 'radio_programme', startedOn: string) =>
    addDxChannel(db(), unitId, kind, startedOn);
  const addRecords = (kind: 'post' | 'broadcast', unitId: string, channelId: string, days: string[]) =>
    addDxRecords(db(), kind, unitId, channelId, days);

  async function frameworkId(version: string): Promise<string> {
    const [row] = await db()
      .select({ id: frameworks.id })
      .from(frameworks)
      .where(and(eq(frameworks.code, FRAMEWORK), eq(frameworks.version, version)));
    return row!.id;
  }

  /** The day Xã Hạng Năm's appraisal of 2024 is published (its transitions say so, as the workflow writes them). */
  const PUBLISHED_ON = '2025-03-15';

  async function assessment(unitId: string, status: string, appraisedTotal: number, periodKey = '2024') {
    const [row] = await db()
      .insert(assessments)
      .values({
        unitId,
        frameworkId: await frameworkId('2023'),
        periodKey,
        periodFrom: `${periodKey}-01-01`,
        periodTo: `${periodKey}-12-31`,
        status,
        autoTotal: 0,
        selfTotal: appraisedTotal,
        appraisedTotal,
        maxTotal: 40,
      })
      .returning({ id: assessments.id });
    const path = ['draft', 'submitted', 'appraised', 'published'];
    const steps = path.slice(0, path.indexOf(status) + 1);
    await db()
      .insert(assessmentTransitions)
      .values(
        steps.map((toStatus, i) => ({
          assessmentId: row!.id,
          fromStatus: i === 0 ? null : steps[i - 1]!,
          toStatus,
          createdAt: new Date(`${PUBLISHED_ON}T09:0${i}:00+07:00`),
        })),
      );
  }

  async function ranking(session: Session, query: string): Promise<RankingDto> {
    const response = await session.get(`/api/rankings?framework=${FRAMEWORK}&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<RankingDto>();
  }

  async function history(session: Session, unitId: string, query = ''): Promise<ScoreHistoryDto> {
    const response = await session.get(`/api/units/${unitId}/score-history?framework=${FRAMEWORK}${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ScoreHistoryDto>();
  }

  /** name → [rank, percent, source, previous] of a league. */
  const table = (rows: RankingRowDto[]) =>
    rows.map((row) => [row.name, row.rank, row.percent, row.source, row.previous]);

  beforeAll(async () => {
    ctx = await createTestApp();
    await ensureBuiltinFrameworks(ctx.database);
    province = await createUnit(db(), { kind: 'province', code: '70', name: 'Tỉnh Thử Hạng' });
    const unit = (kind: 'commune' | 'ward', code: string, name: string) =>
      createUnit(db(), { kind, code, name, parentId: province, validFrom: '2020-01-01' });
    mot = await unit('commune', '70001', 'Xã Hạng Một');
    hai = await unit('commune', '70002', 'Xã Hạng Hai');
    ba = await unit('ward', '70003', 'Phường Hạng Ba');
    bon = await unit('commune', '70004', 'Xã Hạng Bốn');
    nam = await unit('commune', '70005', 'Xã Hạng Năm');
    huyen = await createUnit(db(), {
      kind: 'former_district',
      code: '700',
      name: 'Huyện Thử Cũ',
      parentId: province,
      validFrom: '2020-01-01',
      validTo: '2025-07-01',
    });
    const other = await createUnit(db(), { kind: 'province', code: '71', name: 'Tỉnh Khác' });
    const otherCommune = await createUnit(db(), { kind: 'commune', code: '71001', parentId: other });

    admin = (await createSignedInUser(ctx.app, db(), [{ role: 'system_admin', unitId: null }])).session;
    office = (await createSignedInUser(ctx.app, db(), [{ role: 'dx_office', unitId: province }])).session;
    outsider = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: otherCommune }]))
      .session;

    // Weeks: 52 in 2023 (Thursdays 05/01–28/12), 52 in 2024 (04/01–26/12).
    const weeks2023 = thursdays('2023-01-05', '2023-12-28');
    const weeks2024 = thursdays('2024-01-04', '2024-12-26');

    const motColumn = await addChannel(mot, 'website_column', '2023-01-01');
    const motRadio = await addChannel(mot, 'radio_programme', '2023-01-01');
    await addRecords('post', mot, motColumn, monthly(2023, '10', 5));
    await addRecords('post', mot, motColumn, monthly(2024, '10', 10));
    await addRecords('broadcast', mot, motRadio, weeks2024);

    const haiColumn = await addChannel(hai, 'website_column', '2022-01-01');
    const haiRadio = await addChannel(hai, 'radio_programme', '2022-01-01');
    await addRecords('post', hai, haiColumn, monthly(2023, '11', 10));
    await addRecords('broadcast', hai, haiRadio, weeks2023);
    await addRecords('post', hai, haiColumn, monthly(2024, '11', 12));

    const baRadio = await addChannel(ba, 'radio_programme', '2022-01-01');
    await addRecords('broadcast', ba, baRadio, [...weeks2023, ...weeks2024]);

    const bonColumn = await addChannel(bon, 'website_column', '2025-01-01');
    await addRecords('post', bon, bonColumn, monthly(2025, '12', 10));

    const namColumn = await addChannel(nam, 'website_column', '2022-01-01');
    await addRecords('post', nam, namColumn, monthly(2023, '13', 12));

    const huyenColumn = await addChannel(huyen, 'website_column', '2024-01-01');
    const huyenRadio = await addChannel(huyen, 'radio_programme', '2022-06-01');
    await addRecords('post', huyen, huyenColumn, [...monthly(2024, '05', 10), ...monthly(2024, '20', 10)]);
    await addRecords('broadcast', huyen, huyenRadio, monthly(2024, '15'));

    // Xã Hạng Năm's 2024 appraisal is published: 30 of 40, whatever its records say (none). Xã
    // Hạng Hai's is appraised at 40 but not published yet: its live score stands.
    await assessment(nam, 'published', 30);
    await assessment(hai, 'appraised', 40);
  });
  afterAll(() => ctx.close());

  it('ranks communes and wards together and districts apart; ties share a rank and the next skips', async () => {
    const found = await ranking(office, `period=2024&unitId=${province}&view=as_they_were`);
    expect(found.period).toMatchObject({ key: '2024', isRunning: false });
    expect(found.previousPeriod).toEqual({ key: '2023', label: 'năm 2023' });
    expect(found.root).toEqual({ id: province, name: 'Tỉnh Thử Hạng' });
    expect(found.groups.map((group) => [group.key, group.label])).toEqual([
      ['commune_level', 'Cấp xã (xã, phường, đặc khu)'],
      ['former_district', 'Huyện (cũ)'],
    ]);
    const [communes, districts] = found.groups;
    // 100, 75 (published), 50, 50, 0 → ranks 1, 2, 3, 3, 5; the tied units by name. Previous
    // (2023): 100 Hạng Hai 1; 50 Hạng Ba and Hạng Năm 2; 0 Hạng Một and Hạng Bốn 4.
    expect(table(communes!.rows)).toEqual([
      ['Xã Hạng Một', 1, 100, 'live', { percent: 0, rank: 4 }],
      ['Xã Hạng Năm', 2, 75, 'published', { percent: 50, rank: 2 }],
      ['Phường Hạng Ba', 3, 50, 'live', { percent: 50, rank: 2 }],
      ['Xã Hạng Hai', 3, 50, 'live', { percent: 100, rank: 1 }],
      ['Xã Hạng Bốn', 5, 0, 'live', { percent: 0, rank: 4 }],
    ]);
    expect(communes!.rows.find((row) => row.unitId === nam)).toMatchObject({
      score: 30,
      max: 40,
      live: { score: 0, max: 40, percent: 0 },
      official: { source: 'published_appraisal', score: 30, percent: 75 },
    });
    // Moves are fair to ties: Hạng Bốn shared places 4–5 in 2023 and holds place 5 now, Hạng Ba
    // shared 2–3 and shares 3–4 now: neither went down. Hạng Hai went from 1 to 3–4: down 2.
    expect(communes!.rows.map((row) => [row.name, row.movement])).toEqual([
      ['Xã Hạng Một', { direction: 'up', places: 3 }],
      ['Xã Hạng Năm', { direction: 'same', places: 0 }],
      ['Phường Hạng Ba', { direction: 'same', places: 0 }],
      ['Xã Hạng Hai', { direction: 'down', places: 2 }],
      ['Xã Hạng Bốn', { direction: 'same', places: 0 }],
    ]);
    // The district: 25/30 = 83.3 %; in 2023 only the programme, 10/30 = 33.3 %.
    expect(table(districts!.rows)).toEqual([['Huyện Thử Cũ', 1, 83.3, 'live', { percent: 33.3, rank: 1 }]]);
    expect(districts!.rows[0]).toMatchObject({ score: 25, max: 30, kind: 'former_district', code: '700' });
  });

  it('ranks as the table stood on an earlier day: records up to it, appraisals published by then', async () => {
    const rowOf = async (asOf: string) =>
      (
        await ranking(office, `period=2024&unitId=${province}&view=as_they_were&asOf=${asOf}`)
      ).groups[0]!.rows.find((row) => row.unitId === nam);
    // The day before publication Xã Hạng Năm stands on its records (none in 2024); from that day on,
    // on its published 30 of 40.
    expect(await rowOf('2025-03-14')).toMatchObject({ source: 'live', percent: 0 });
    expect(await rowOf(PUBLISHED_ON)).toMatchObject({ source: 'published', percent: 75 });
    // Counting up to a day inside the period shows the period as running then.
    const midYear = await ranking(office, `period=2024&unitId=${province}&view=as_they_were&asOf=2024-06-30`);
    expect(midYear.period).toMatchObject({ through: '2024-06-30', isRunning: true });
    const refused = await office.get(
      `/api/rankings?framework=${FRAMEWORK}&period=2024&unitId=${province}&asOf=2999-01-01`,
    );
    expect(refused.statusCode).toBe(400);
  });

  it('carries last year’s rank and percent in the successors view too, and none before the first version', async () => {
    // 2025, today's units (the district has ended): Hạng Bốn 10 posts → 50 %, the others 0 %.
    const found = await ranking(office, `period=2025&unitId=${province}`);
    expect(found.view).toBe('successors');
    expect(found.groups.map((group) => group.key)).toEqual(['commune_level']);
    // Previous = 2024 in the same view: without the district; Hạng Năm's published 75 % counts.
    expect(table(found.groups[0]!.rows)).toEqual([
      ['Xã Hạng Bốn', 1, 50, 'live', { percent: 0, rank: 5 }],
      ['Phường Hạng Ba', 2, 0, 'live', { percent: 50, rank: 3 }],
      ['Xã Hạng Hai', 2, 0, 'live', { percent: 50, rank: 3 }],
      ['Xã Hạng Một', 2, 0, 'live', { percent: 100, rank: 1 }],
      ['Xã Hạng Năm', 2, 0, 'live', { percent: 75, rank: 2 }],
    ]);

    // QĐ 780 is in force from 2023: 2023 has no previous period to show.
    const first = await ranking(office, `period=2023&unitId=${province}`);
    expect(first.previousPeriod).toBeNull();
    for (const row of first.groups.flatMap((group) => group.rows)) expect(row.previous).toBeNull();
    expect(table(first.groups[0]!.rows).map(([name, rank, percent]) => [name, rank, percent])).toEqual([
      ['Xã Hạng Hai', 1, 100],
      ['Phường Hạng Ba', 2, 50],
      ['Xã Hạng Năm', 2, 50],
      ['Xã Hạng Bốn', 4, 0],
      ['Xã Hạng Một', 4, 0],
    ]);
  });

  it('shows the province’s published results to the people of its communes, and nothing live', async () => {
    const commune = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: bon }]))
      .session;
    // Xã Hạng Bốn's officer may not see the province's board…
    expect(
      (await commune.get(`/api/scoreboard?framework=${FRAMEWORK}&period=2024&unitId=${province}`)).statusCode,
    ).toBe(404);
    // …but reads its ranking of published appraisals: Xã Hạng Năm's alone, without its live score.
    const found = await ranking(commune, `period=2024&unitId=${province}&view=as_they_were`);
    expect(found.scope).toBe('published_only');
    expect(
      found.groups.flatMap((group) => group.rows).map((row) => [row.name, row.rank, row.score, row.live]),
    ).toEqual([['Xã Hạng Năm', 1, 30, null]]);
    // Its own ranking names the province to go to.
    const own = await ranking(commune, `period=2024&unitId=${bon}&view=as_they_were`);
    expect(own).toMatchObject({ scope: 'full', province: { id: province, name: 'Tỉnh Thử Hạng' } });
    expect((await ranking(office, `period=2024&unitId=${province}`)).scope).toBe('full');
  });

  it('shows a subtree to those who may see it, and the country to system admins only', async () => {
    const refused = async (session: Session, url: string) => {
      const response = await session.get(url);
      expect(response.statusCode, response.body).toBe(404);
      return response.json<ErrorBody>();
    };
    await refused(outsider, `/api/rankings?framework=${FRAMEWORK}&period=2024&unitId=${province}`);
    await refused(office, `/api/rankings?framework=${FRAMEWORK}&period=2024`);
    await refused(outsider, `/api/units/${nam}/score-history?framework=${FRAMEWORK}`);
    const national = await ranking(admin, 'period=2024');
    expect(national.root).toBeNull();
    expect(national.groups[0]!.rows.map((row) => row.name)).toContain('Xã Hạng Năm');
  });

  it('lists a unit’s score period by period, with the version in force and where each score comes from', async () => {
    const found = await history(office, nam);
    expect(found.unit).toEqual({ id: nam, name: 'Xã Hạng Năm' });
    // From 2023, the first year of QĐ 780, to the year running today.
    const thisYear = Number(todayVn().slice(0, 4));
    const years = Array.from({ length: thisYear - 2023 + 1 }, (_, i) => String(2023 + i)).slice(-8);
    expect(found.items.map((item) => item.periodKey)).toEqual(years);
    expect(found.items.slice(0, 3).map(({ live: _live, official: _official, ...item }) => item)).toEqual([
      // 12 posts in its column → 20/40.
      {
        periodKey: '2023',
        periodLabel: 'năm 2023',
        frameworkVersion: '2023',
        score: 20,
        max: 40,
        percent: 50,
        source: 'live',
      },
      {
        periodKey: '2024',
        periodLabel: 'năm 2024',
        frameworkVersion: '2023',
        score: 30,
        max: 40,
        percent: 75,
        source: 'published',
      },
      {
        periodKey: '2025',
        periodLabel: 'năm 2025',
        frameworkVersion: '2023',
        score: 0,
        max: 40,
        percent: 0,
        source: 'live',
      },
    ]);

    // The published year says so, with the live automatic score beside it (no records in 2024).
    expect(found.items[1]).toMatchObject({
      live: { score: 0, max: 40, percent: 0 },
      official: { source: 'published_appraisal', score: 30, max: 40, percent: 75, version: 1 },
    });
    expect(found.items[0]).toMatchObject({ live: { score: 20, percent: 50 }, official: null });

    // A district that has ended is shown as it was: 2023, 2024 and the half of 2025 it lived
    // (its radio programme, 10 of 30; no posts), not after it ended.
    const district = await history(office, huyen);
    expect(district.items.map((item) => [item.periodKey, item.score, item.max, item.percent])).toEqual([
      ['2023', 10, 30, 33.3],
      ['2024', 25, 30, 83.3],
      ['2025', 10, 30, 33.3],
    ]);
  });

  it('scores each period of the history with the version in force then', async () => {
    // Version "2026" from 01/01/2026: 5 posts for commune 1.4 instead of 10.
    const text = fs
      .readFileSync(path.join(ROOT, 'frameworks', 'kontum-780.yaml'), 'utf8')
      .replace('version: "2023"', 'version: "2026"')
      .replace('validFrom: 2023-01-01', 'validFrom: 2026-01-01')
      .replace('threshold: 10', 'threshold: 5');
    const imported = await office.request({
      method: 'POST',
      url: '/api/frameworks?fileName=kontum-780.yaml',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(text),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const found = await history(office, bon);
    const versions = Object.fromEntries(found.items.map((item) => [item.periodKey, item.frameworkVersion]));
    expect(versions).toMatchObject({ '2023': '2023', '2024': '2023', '2025': '2023', '2026': '2026' });
    // 2025: 10 posts with a column → 20/40 under version 2023.
    expect(found.items.find((item) => item.periodKey === '2025')).toMatchObject({ score: 20, percent: 50 });

    // The 2025 table is still version 2023; 2026 is version 2026 and its previous column is 2025.
    expect((await ranking(office, `period=2025&unitId=${province}`)).framework.version).toBe('2023');
    const current = await ranking(office, `period=2026&unitId=${province}`);
    expect(current.framework.version).toBe('2026');
    expect(current.previousPeriod).toEqual({ key: '2025', label: 'năm 2025' });
    expect(current.groups[0]!.rows.find((row) => row.unitId === bon)!.previous).toEqual({
      percent: 50,
      rank: 1,
    });
  });
});
