import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/server/cli/run-cli';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import type { AssessmentDetailDto } from '../src/shared/api/assessments';
import type { RankingDto, ScoreboardDto, ScoreHistoryDto, UnitScoreDto } from '../src/shared/api/scoring';
import { countStatuses, headlineStatus, rowsOfStatus } from '../src/shared/scoring/headline';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';
import { addDxChannel, addDxRecords, monthly } from './support/scoring-records';

/**
 * One official score (issue 9, item 4). Kon Tum QĐ 780 for communes: 1.4 column + ≥ 10 posts = 20,
 * 1.5 a broadcast every week = 20. Xã Chính Thức has its column and 10 posts in 2024 but no
 * broadcasts recorded: the automatic score is 20/40. The province appraises 40/40 (the broadcasts
 * were proven on paper) and publishes it. From then on every endpoint that shows a score shows
 * 40/40 as the official score, with the live 20/40 beside it; Xã Chưa Công Bố has none.
 */
const FRAMEWORK = 'kontum-780';
const PERIOD = '2024';

describe('one official score: the published appraisal, the live score beside it', () => {
  let ctx: TestContext;
  let province: string;
  let chinhThuc: string;
  let chuaCongBo: string;
  let officer: Session;
  let head: Session;
  let reviewer: Session;
  let office: Session;
  let assessmentId: string;

  const db = () => ctx.database.db;

  async function ok<T>(response: { statusCode: number; body: string; json<U>(): U }): Promise<T> {
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  }

  async function everyScore(session: Session) {
    // A commune's people may not see the province's board (live data of other units): their own row.
    const boardResponse = await session.get(
      `/api/scoreboard?framework=${FRAMEWORK}&period=${PERIOD}&unitId=${province}`,
    );
    const board =
      boardResponse.statusCode === 404
        ? await ok<ScoreboardDto>(
            await session.get(`/api/scoreboard?framework=${FRAMEWORK}&period=${PERIOD}&unitId=${chinhThuc}`),
          )
        : await ok<ScoreboardDto>(boardResponse);
    const unit = await ok<UnitScoreDto>(
      await session.get(`/api/units/${chinhThuc}/scores?framework=${FRAMEWORK}&period=${PERIOD}`),
    );
    const ranking = await ok<RankingDto>(
      await session.get(`/api/rankings?framework=${FRAMEWORK}&period=${PERIOD}&unitId=${province}`),
    );
    const history = await ok<ScoreHistoryDto>(
      await session.get(`/api/units/${chinhThuc}/score-history?framework=${FRAMEWORK}`),
    );
    return {
      boardRow: board.rows.find((row) => row.unitId === chinhThuc)!,
      otherRow: board.rows.find((row) => row.unitId === chuaCongBo),
      ranking,
      unit,
      rankingRow: ranking.groups.flatMap((group) => group.rows).find((row) => row.unitId === chinhThuc)!,
      historyItem: history.items.find((item) => item.periodKey === PERIOD)!,
    };
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    await ensureBuiltinFrameworks(ctx.database);
    province = await createUnit(db(), { kind: 'province', code: '72', name: 'Tỉnh Chính Thức' });
    const commune = (code: string, name: string) =>
      createUnit(db(), { kind: 'commune', code, name, parentId: province, validFrom: '2020-01-01' });
    chinhThuc = await commune('72001', 'Xã Chính Thức');
    chuaCongBo = await commune('72002', 'Xã Chưa Công Bố');
    const column = await addDxChannel(db(), chinhThuc, 'website_column', '2023-01-01');
    await addDxRecords(db(), 'post', chinhThuc, column, monthly(2024, '10', 10));

    officer = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_officer', unitId: chinhThuc }]))
      .session;
    head = (await createSignedInUser(ctx.app, db(), [{ role: 'unit_head', unitId: chinhThuc }])).session;
    reviewer = (await createSignedInUser(ctx.app, db(), [{ role: 'reviewer', unitId: province }])).session;
    office = (await createSignedInUser(ctx.app, db(), [{ role: 'dx_office', unitId: province }])).session;

    // The whole workflow through the API: draft, self scores, submission, appraisal, publication.
    const created = await ok<AssessmentDetailDto>(
      await officer.post(`/api/units/${chinhThuc}/assessments`, { framework: FRAMEWORK, period: PERIOD }),
    );
    assessmentId = created.id;
    for (const code of ['1.4', '1.5'])
      await ok(await officer.patch(`/api/assessments/${assessmentId}/criteria/${code}`, { selfScore: 20 }));
    await ok(await head.post(`/api/assessments/${assessmentId}/submit`, {}));
    for (const code of ['1.4', '1.5'])
      await ok(
        await reviewer.patch(`/api/assessments/${assessmentId}/appraisal/${code}`, { reviewerScore: 20 }),
      );
    await ok(await reviewer.post(`/api/assessments/${assessmentId}/appraise`, {}));
  });
  afterAll(() => ctx.close());

  it('has no official score before publication: every endpoint shows the live 20/40', async () => {
    const found = await everyScore(office);
    expect(found.boardRow).toMatchObject({ score: 20, max: 40, official: null });
    expect(found.boardRow.criteria.every((criterion) => criterion.official === null)).toBe(true);
    expect(found.unit).toMatchObject({ score: 20, max: 40, official: null });
    expect(found.rankingRow).toMatchObject({ score: 20, source: 'live', official: null });
    expect(found.historyItem).toMatchObject({ score: 20, source: 'live', official: null });
  });

  it('shows the published appraisal as the official score everywhere, the live score beside it', async () => {
    await ok(await office.post(`/api/assessments/${assessmentId}/publish`, {}));
    for (const session of [office, reviewer, officer, head]) {
      const found = await everyScore(session);
      const full = found.ranking.scope === 'full';
      const official = {
        source: 'published_appraisal',
        assessmentId,
        version: 1,
        score: 40,
        max: 40,
        percent: 100,
      };
      // The scoreboard and the unit page: live figures in score/max/percent, the official beside.
      expect(found.boardRow).toMatchObject({ score: 20, max: 40, percent: 50, official });
      expect(found.boardRow.criteria.map((c) => [c.code, c.score, c.official])).toEqual([
        ['1.4', 20, { score: 20 }],
        ['1.5', 0, { score: 20 }],
      ]);
      expect(found.unit).toMatchObject({ score: 20, max: 40, official });
      expect(found.unit.criteria.map((c) => [c.code, c.score, c.official])).toEqual([
        ['1.4', 20, { score: 20 }],
        ['1.5', 0, { score: 20 }],
      ]);
      // The ranking and the history: the official figures first, the live beside.
      expect(found.rankingRow).toMatchObject({
        score: 40,
        max: 40,
        percent: 100,
        source: 'published',
        // Inside the province, people of a commune read the published results only.
        live: full ? { score: 20, max: 40, percent: 50 } : null,
        official,
      });
      expect(found.historyItem).toMatchObject({
        score: 40,
        percent: 100,
        source: 'published',
        live: { score: 20, max: 40, percent: 50 },
        official,
      });
      // Every endpoint names the same publication.
      const days = [found.boardRow, found.unit, found.rankingRow, found.historyItem].map(
        (item) => item.official?.publishedAt,
      );
      expect(new Set(days).size).toBe(1);
      expect(days[0]).toBeTruthy();
      // A unit without a published appraisal has only its live score, shown to those who may see it.
      if (full) expect(found.otherRow).toMatchObject({ score: 0, official: null });
      else {
        expect(found.otherRow).toBeUndefined();
        expect(found.ranking.groups.flatMap((group) => group.rows).map((row) => row.unitId)).toEqual([
          chinhThuc,
        ]);
      }
    }
  });

  it('tags, counts and filters the board by the official status once published, the live one beside it', async () => {
    const board = await ok<ScoreboardDto>(
      await office.get(`/api/scoreboard?framework=${FRAMEWORK}&period=${PERIOD}&unitId=${province}`),
    );
    const row = board.rows.find((item) => item.unitId === chinhThuc)!;
    // Live 20/40 is "amber" (some points); the published 40/40 is "green" (full).
    expect(row.status).toBe('amber');
    expect(row.official?.status).toBe('green');
    expect(headlineStatus(row)).toBe('green');
    const other = board.rows.find((item) => item.unitId === chuaCongBo)!;
    expect(other.official).toBeNull();
    expect(headlineStatus(other)).toBe(other.status);
    // The counts and the filter the scoreboard page shows follow the same rule.
    expect(countStatuses(board.rows).get('green')).toBe(1);
    expect(countStatuses(board.rows).get('amber') ?? 0).toBe(0);
    expect(rowsOfStatus(board.rows, 'green').map((item) => item.unitId)).toEqual([chinhThuc]);
    expect(rowsOfStatus(board.rows, 'amber')).toEqual([]);
    expect(rowsOfStatus(board.rows, undefined)).toHaveLength(board.rows.length);
  });
  it('prints the official score in the command line too, beside the live total', async () => {
    let out = '';
    const stdout = { write: (chunk: string) => (out += chunk) };
    const code = await runCli(['score', '--framework', FRAMEWORK, '--unit', '72001', '--period', PERIOD], {
      database: ctx.database,
      stdout,
      stderr: { write: () => undefined },
    });
    expect(code, out).toBe(0);
    expect(out).toContain('Tổng: 20/40 điểm (50%)');
    expect(out).toMatch(
      /Điểm chính thức \(thẩm định đã công bố ngày \d{2}\/\d{2}\/\d{4}\): 40\/40 điểm \(100%\)/,
    );
  });

  it('drops the official score once it is superseded, until the new version is published', async () => {
    await ok(await office.post(`/api/assessments/${assessmentId}/supersede`, { reason: 'Sai số liệu' }));
    const found = await everyScore(office);
    expect(found.boardRow.official).toBeNull();
    expect(found.unit.official).toBeNull();
    expect(found.rankingRow).toMatchObject({ score: 20, source: 'live', official: null });
    expect(found.historyItem).toMatchObject({ score: 20, source: 'live', official: null });
  });
});
