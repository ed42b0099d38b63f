import { eq, inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/client';
import { mergeScoreChanges, readScoreStamps } from '../src/server/db/repositories/score-changes';
import { activities, channels } from '../src/server/db/schema-activities';
import { assessmentCriteria, assessments } from '../src/server/db/schema-scoring';
import { queryRows } from '../src/server/db/sql';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import { computeScoreboard } from '../src/server/domain/scoring/compute-scoreboard';
import { withoutEvaluationCache } from '../src/server/domain/scoring/evaluation-cache';
import { loadFrameworkForPeriod } from '../src/server/domain/scoring/load-framework';
import { scoreUnit } from '../src/server/domain/scoring/score-unit';
import type { Principal } from '../src/server/policies/principal';
import type { ScoreboardDto } from '../src/shared/api/scoring';
import { createTestDatabase } from './support/database';
import { createKonTumScenario } from './support/scenarios';
import { addDxChannel, addDxRecords, addKonTumPosts } from './support/scoring-records';
import { TEST_DB } from './support/test-env';

/**
 * Live scores are kept per unit between reads and recomputed only for the units whose records,
 * channels or assessments changed (evaluation-cache.ts, migration 0015). After every kind of write
 * the board read through the cache must equal the board recounted from every record, and the write
 * must have changed what it should: a stale unit would show the recount's difference.
 */

const ADMIN: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'admin',
  grants: [{ id: 'g', role: 'system_admin', unitId: null }],
};
/** Counted on 30/06/2026, when the whole of 2025 is over. */
const TODAY = '2026-06-30';
const QUERY = { framework: 'kontum-780', period: '2025', lang: 'vi' as const };

type Database = Awaited<ReturnType<typeof createTestDatabase>>;

describe('incremental live scores', () => {
  let database: Database;
  let s: Awaited<ReturnType<typeof createKonTumScenario>>;
  let columns: Record<'dakRve' | 'ttDakRve' | 'konBraih' | 'tanLap', string>;
  let social: string;
  const db = () => database.db;

  const board = (cached: boolean): Promise<ScoreboardDto> => {
    const read = () => computeScoreboard(db(), ADMIN, { ...QUERY, unitId: s.quangNgai }, TODAY);
    return cached ? read() : withoutEvaluationCache(read);
  };
  const rowJson = (found: ScoreboardDto, unitId: string) =>
    JSON.stringify(found.rows.find((row) => row.unitId === unitId));
  const scoreOf = (found: ScoreboardDto, unitId: string) =>
    found.rows.find((row) => row.unitId === unitId)?.score;

  /** The cached board equals the full recount; returns it. */
  const fresh = async (): Promise<ScoreboardDto> => {
    const cached = await board(true);
    expect(cached).toEqual(await board(false));
    return cached;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureBuiltinFrameworks(database);
    s = await createKonTumScenario(db());
    columns = await addKonTumPosts(db(), s);
    social = await addDxChannel(db(), s.tanLap, 'social_page', '2024-01-01');
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  it('serves unchanged units from the cache and reads no facts again', async () => {
    const first = await fresh();
    expect(first.rows.length).toBeGreaterThan(1);
    const again = await board(true);
    expect(again).toEqual(first);
  });

  it('sees a record added to a unit merged into a scored one (the successor’s score moves)', async () => {
    const before = await fresh();
    await addDxRecords(db(), 'post', s.ttDakRve, columns.ttDakRve, ['2025-03-06']);
    const after = await fresh();
    expect(scoreOf(after, s.dakRve)).toBeGreaterThan(scoreOf(before, s.dakRve)!);
    expect(scoreOf(after, s.konBraih)).toBe(scoreOf(before, s.konBraih));
  });

  it('sees a record deleted, restored, marked a duplicate and rejected', async () => {
    const full = await fresh();
    const [latest] = await db()
      .select({ id: activities.id })
      .from(activities)
      .where(eq(activities.unitId, s.ttDakRve))
      .orderBy(activities.occurredOn)
      .limit(1);
    const id = latest!.id;
    const set = async (values: Partial<typeof activities.$inferInsert>) => {
      await db().update(activities).set(values).where(eq(activities.id, id));
      return fresh();
    };
    const deleted = await set({ deletedAt: new Date() });
    expect(scoreOf(deleted, s.dakRve)).toBeLessThan(scoreOf(full, s.dakRve)!);
    expect(scoreOf(await set({ deletedAt: null }), s.dakRve)).toBe(scoreOf(full, s.dakRve));
    const other = await db().select({ id: activities.id }).from(activities).limit(1);
    expect(scoreOf(await set({ duplicateOfId: other[0]!.id }), s.dakRve)).toBeLessThan(
      scoreOf(full, s.dakRve)!,
    );
    await set({ duplicateOfId: null });
    expect(scoreOf(await set({ reviewStatus: 'rejected' }), s.dakRve)).toBeLessThan(scoreOf(full, s.dakRve)!);
    expect(scoreOf(await set({ reviewStatus: 'pending' }), s.dakRve)).toBe(scoreOf(full, s.dakRve));
  });

  it('sees a channel deleted and restored, and a record moved to another unit', async () => {
    const full = await fresh();
    // Kon Braih's column and that of Tân Lập, merged into it: no DX column is left for 1.4.
    const both = [columns.konBraih, columns.tanLap];
    await db().update(channels).set({ deletedAt: new Date() }).where(inArray(channels.id, both));
    const ended = await fresh();
    expect(scoreOf(ended, s.konBraih)).toBeLessThan(scoreOf(full, s.konBraih)!);
    await db().update(channels).set({ deletedAt: null }).where(inArray(channels.id, both));
    expect(scoreOf(await fresh(), s.konBraih)).toBe(scoreOf(full, s.konBraih));

    // A record of Xã Kon Braih moved to Xã Đăk Rve's column: both units change.
    const [moved] = await db()
      .select({ id: activities.id })
      .from(activities)
      .where(eq(activities.unitId, s.konBraih))
      .limit(1);
    await db()
      .update(activities)
      .set({ unitId: s.dakRve, channelId: columns.dakRve })
      .where(eq(activities.id, moved!.id));
    const after = await fresh();
    // Both stay above ten posts: the explanations (the counts) change, not the points.
    expect(rowJson(after, s.dakRve)).not.toBe(rowJson(full, s.dakRve));
    expect(rowJson(after, s.konBraih)).not.toBe(rowJson(full, s.konBraih));
  });

  it('sees a translation in another unit stop counting when its original starts to count', async () => {
    // An original on Tân Lập's social page (not the DX column: it does not count) and its translation
    // on Kon Braih's column, which counts for Kon Braih since the original does not.
    const [original] = await addDxRecords(db(), 'post', s.tanLap, social, ['2025-04-03']);
    const before = await fresh();
    await addDxRecords(db(), 'post', s.konBraih, columns.konBraih, ['2025-10-02'], {
      translationOfId: original!,
      language: 'bana',
    });
    const withTranslation = await fresh();
    expect(scoreOf(withTranslation, s.konBraih)).toBeGreaterThanOrEqual(scoreOf(before, s.konBraih)!);
    // The original moves to Tân Lập's DX column: it counts now, for Kon Braih's own successor… and
    // its translation, one item with it, no longer counts for Kon Braih. Only the original was written.
    await db().update(activities).set({ channelId: columns.tanLap }).where(eq(activities.id, original!));
    await fresh();
  });

  it('notes assessments and their criteria for the unit assessed', async () => {
    const { framework } = await loadFrameworkForPeriod(db(), 'kontum-780', '2025');
    const stampBefore = (await readScoreStamps(db(), [s.camThanh]))[s.camThanh] ?? '';
    const [assessment] = await db()
      .insert(assessments)
      .values({
        unitId: s.camThanh,
        frameworkId: framework.id,
        periodKey: '2025',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        maxTotal: 100,
      })
      .returning({ id: assessments.id });
    const afterAssessment = (await readScoreStamps(db(), [s.camThanh]))[s.camThanh] ?? '';
    expect(afterAssessment).not.toBe(stampBefore);
    await db()
      .insert(assessmentCriteria)
      .values({ assessmentId: assessment!.id, criterionCode: '1.4', max: 20, inputs: {} });
    const afterCriterion = (await readScoreStamps(db(), [s.camThanh]))[s.camThanh] ?? '';
    expect(afterCriterion).not.toBe(afterAssessment);
    await db()
      .delete(assessmentCriteria)
      .where(inArray(assessmentCriteria.assessmentId, [assessment!.id]));
    await db().delete(assessments).where(eq(assessments.id, assessment!.id));
    await fresh();
  });

  it('keeps one unit’s scores page in step with the board, before and after a write', async () => {
    const unitScores = (cached: boolean) => {
      const read = () => scoreUnit(db(), ADMIN, s.dakRve, QUERY, TODAY);
      return cached ? read() : withoutEvaluationCache(read);
    };
    const before = await unitScores(true);
    expect(before).toEqual(await unitScores(false));
    expect(before.score).toBe(scoreOf(await fresh(), s.dakRve));
    await addDxRecords(db(), 'post', s.ttDakRve, columns.ttDakRve, ['2025-05-08']);
    const after = await unitScores(true);
    expect(after).toEqual(await unitScores(false));
    expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
    expect(after.score).toBe(scoreOf(await fresh(), s.dakRve));
  });

  it('merges the change notes to one per unit and stays right', async () => {
    await fresh();
    const stampsBefore = await readScoreStamps(db(), [s.dakRve, s.ttDakRve, s.konBraih]);
    const merged = await mergeScoreChanges(db());
    expect(merged).toBeGreaterThan(0);
    const perUnit = await queryRows<{ notes: number }>(
      db(),
      sql`select count(*)::int as notes from score_changes group by unit_id`,
    );
    expect(new Set(perUnit.map((row) => row.notes))).toEqual(new Set([1]));
    // A merge is a new note: the stamps of the merged units move (one recount each), then hold.
    const stampsAfter = await readScoreStamps(db(), [s.dakRve, s.ttDakRve, s.konBraih]);
    expect(stampsAfter[s.dakRve]).not.toBe(stampsBefore[s.dakRve]);
    expect(await readScoreStamps(db(), [s.dakRve, s.ttDakRve, s.konBraih])).toEqual(stampsAfter);
    await addDxRecords(db(), 'post', s.dakRve, columns.dakRve, ['2025-11-06']);
    await fresh();
  });

  it('never lets a transaction’s own uncommitted notes into the stamps other requests see', async () => {
    const outside = await readScoreStamps(db(), [s.dakRve]);
    const ROLLBACK = new Error('rolled back on purpose');
    let inside: Record<string, string> = {};
    await expect(
      db().transaction(async (tx) => {
        await addDxRecords(tx as unknown as Db, 'post', s.dakRve, columns.dakRve, ['2025-12-18']);
        inside = await readScoreStamps(tx as unknown as Db, [s.dakRve]);
        throw ROLLBACK;
      }),
    ).rejects.toBe(ROLLBACK);
    // Inside, the transaction saw its note; outside, nothing committed, so nothing moved.
    expect(inside[s.dakRve]).toBeTruthy();
    expect(inside[s.dakRve]).not.toBe(outside[s.dakRve]);
    expect(await readScoreStamps(db(), [s.dakRve])).toEqual(outside);
    await fresh();
  });

  it('sees every write committed while many reads run at once', async () => {
    const before = await fresh();
    const days = ['2025-12-21', '2025-12-22', '2025-12-23', '2025-12-24'];
    await Promise.all([
      ...days.map((day) => addDxRecords(db(), 'post', s.dakRve, columns.dakRve, [day])),
      ...days.map(() => board(true)),
    ]);
    const after = await fresh();
    expect(scoreOf(after, s.dakRve)).toBeGreaterThanOrEqual(scoreOf(before, s.dakRve)!);
  });

  it.skipIf(TEST_DB !== 'postgres')(
    'is not fooled by transactions committing out of order (PostgreSQL)',
    async () => {
      const url = database.databaseUrl!;
      const early = new pg.Client({ connectionString: url });
      const late = new pg.Client({ connectionString: url });
      await early.connect();
      await late.connect();
      try {
        const insert = (client: pg.Client, day: string) =>
          addDxRecords(drizzle({ client }) as unknown as Db, 'post', s.dakRve, columns.dakRve, [day]);
        const before = await fresh();
        // The first transaction to take a note commits last.
        await early.query('begin');
        await insert(early, '2025-12-04');
        await late.query('begin');
        await insert(late, '2025-12-11');
        await late.query('commit');
        const middle = await fresh();
        await early.query('commit');
        const after = await fresh();
        expect(scoreOf(after, s.dakRve)).toBeGreaterThanOrEqual(scoreOf(middle, s.dakRve)!);
        expect(after).not.toEqual(before);
      } finally {
        await early.end();
        await late.end();
      }
    },
  );
});
