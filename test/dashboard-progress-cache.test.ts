import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, channels } from '../src/server/db/schema-activities';
import { assessmentCriteria, assessments, frameworks } from '../src/server/db/schema-scoring';
import { getUnitDashboard } from '../src/server/domain/dashboard/get-unit-dashboard';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import { withoutEvaluationCache } from '../src/server/domain/scoring/evaluation-cache';
import { loadFrameworkForPeriod } from '../src/server/domain/scoring/load-framework';
import type { Principal } from '../src/server/policies/principal';
import type { UnitDashboardDto } from '../src/shared/api/dashboard';
import type { FrameworkFileInput } from '../src/shared/frameworks/definition';
import { createTestDatabase } from './support/database';
import { storeFrameworkFile } from './support/framework-files';
import { createKonTumScenario } from './support/scenarios';
import { addDxRecords, addKonTumPosts } from './support/scoring-records';

/**
 * A unit's progress over the year (its dashboard) is kept between requests and served again only
 * while the stamps of the unit and its source units have not moved (kept-progress.ts); framework
 * definitions are kept by version (framework-definitions.ts). After every kind of write the kept
 * dashboard must equal the one recounted from every record, and the write must have moved it.
 */

const ADMIN: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'admin',
  grants: [{ id: 'g', role: 'system_admin', unitId: null }],
};
/** Counted on 30/06/2026, when the whole of 2025 is over. */
const TODAY = '2026-06-30';

/** A framework with a criterion scored by hand, so that an assessment moves the progress. */
const MANUAL_FRAMEWORK: FrameworkFileInput = {
  code: 'thu-bang-tay',
  version: '2025',
  name: 'Bộ chỉ số thử chấm tay',
  legalBasis: 'Không có',
  issuingBody: 'Nhóm kiểm thử',
  validFrom: '2025-01-01',
  period: 'year',
  appliesTo: ['commune', 'ward'],
  pillars: [
    {
      code: '1',
      title: 'Trụ cột',
      indices: [
        {
          code: '1',
          title: 'Chỉ số',
          criteria: [
            {
              code: '1.1',
              title: 'Tin bài chuyển đổi số',
              max: 10,
              rule: { type: 'count', measure: { source: 'posts' }, threshold: 2 },
            },
            { code: '1.2', title: 'Đánh giá của hội đồng', max: 10, rule: { type: 'manual' } },
          ],
        },
      ],
    },
  ],
};

/** A framework whose stored row the tests edit by hand. */
const EDITED_FRAMEWORK: FrameworkFileInput = {
  ...MANUAL_FRAMEWORK,
  code: 'thu-sua-tay',
  name: 'Bộ chỉ số thử sửa tay',
};

type Database = Awaited<ReturnType<typeof createTestDatabase>>;

describe('kept dashboard progress and framework definitions', () => {
  let database: Database;
  let s: Awaited<ReturnType<typeof createKonTumScenario>>;
  let columns: Record<'dakRve' | 'ttDakRve' | 'konBraih' | 'tanLap', string>;
  const db = () => database.db;

  const dashboard = (unitId: string, cached: boolean, framework?: string): Promise<UnitDashboardDto> => {
    const read = () => getUnitDashboard(db(), ADMIN, unitId, { year: 2025, framework, lang: 'vi' }, TODAY);
    return cached ? read() : withoutEvaluationCache(read);
  };
  /** The kept dashboard (read first, so a stale one is served if the check misses a write) equals a recount. */
  const fresh = async (unitId: string, framework?: string): Promise<UnitDashboardDto> => {
    const cached = await dashboard(unitId, true, framework);
    expect(cached).toEqual(await dashboard(unitId, false, framework));
    return cached;
  };
  const criterion = (board: UnitDashboardDto, code: string) =>
    board.criteria.find((found) => found.code === code)!;
  const scoreOf = (board: UnitDashboardDto, code: string) => criterion(board, code).score ?? 0;

  /** The SQL texts sent while `work` runs. */
  const statementsOf = async (work: () => Promise<unknown>): Promise<string[]> => {
    const client = (db() as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } })
      .$client;
    const original = client.query;
    const texts: string[] = [];
    client.query = function (this: unknown, ...args: unknown[]) {
      const [first] = args;
      texts.push(typeof first === 'string' ? first : String((first as { text?: unknown }).text ?? ''));
      return original.apply(this, args);
    };
    try {
      await work();
    } finally {
      client.query = original;
    }
    return texts;
  };
  const readsDefinition = (texts: string[]) => texts.some((text) => text.includes('"definition"'));
  /** The records query of the facts (repositories/scoring.ts): translations are checked there only. */
  const readsFacts = (texts: string[]) => texts.some((text) => text.includes('translation_of_id'));

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureBuiltinFrameworks(database);
    await storeFrameworkFile(db(), MANUAL_FRAMEWORK);
    await storeFrameworkFile(db(), EDITED_FRAMEWORK);
    s = await createKonTumScenario(db());
    columns = await addKonTumPosts(db(), s);
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  it('serves a repeated request from memory: no records and no definition read again', async () => {
    const first = await statementsOf(() => dashboard(s.dakRve, true));
    // The probes see what a first read reads…
    expect(readsFacts(first)).toBe(true);
    expect(readsDefinition(first)).toBe(true);
    const kept = await statementsOf(() => dashboard(s.dakRve, true));
    const recounted = await statementsOf(() => dashboard(s.dakRve, false));
    expect(readsFacts(recounted)).toBe(true);
    // …and the next read reads neither.
    expect(readsFacts(kept)).toBe(false);
    expect(readsDefinition(kept)).toBe(false);
    expect(kept.length).toBeLessThan(recounted.length);
    expect((await fresh(s.dakRve)).criteria.length).toBeGreaterThan(1);
  });

  it('sees a record added to a unit merged into the one shown', async () => {
    const before = await fresh(s.dakRve);
    await addDxRecords(db(), 'post', s.ttDakRve, columns.ttDakRve, ['2025-03-06']);
    const after = await fresh(s.dakRve);
    // The tenth post: 1.4 is met from March.
    expect(scoreOf(after, '1.4')).toBeGreaterThan(scoreOf(before, '1.4'));
    expect(after.total!.score).toBeGreaterThan(before.total!.score);
  });

  it('sees a record deleted and restored', async () => {
    const full = await fresh(s.dakRve);
    const [first] = await db()
      .select({ id: activities.id })
      .from(activities)
      .where(eq(activities.unitId, s.ttDakRve))
      .orderBy(activities.occurredOn)
      .limit(1);
    await db().update(activities).set({ deletedAt: new Date() }).where(eq(activities.id, first!.id));
    const deleted = await fresh(s.dakRve);
    expect(scoreOf(deleted, '1.4')).toBeLessThan(scoreOf(full, '1.4'));
    await db().update(activities).set({ deletedAt: null }).where(eq(activities.id, first!.id));
    expect(await fresh(s.dakRve)).toEqual(full);
  });

  it('sees channels deleted and restored', async () => {
    const full = await fresh(s.konBraih);
    // Kon Braih's column and that of Tân Lập, merged into it: no DX column is left for 1.4.
    const both = [columns.konBraih, columns.tanLap];
    await db().update(channels).set({ deletedAt: new Date() }).where(inArray(channels.id, both));
    const ended = await fresh(s.konBraih);
    expect(ended.total!.score).toBeLessThan(full.total!.score);
    await db().update(channels).set({ deletedAt: null }).where(inArray(channels.id, both));
    expect(await fresh(s.konBraih)).toEqual(full);
  });

  it('sees an assessment’s manual score entered, changed and removed', async () => {
    const code = MANUAL_FRAMEWORK.code;
    const none = await fresh(s.dakRve, code);
    expect(criterion(none, '1.2').score).toBeNull();
    const { framework } = await loadFrameworkForPeriod(db(), code, '2025');
    const [assessment] = await db()
      .insert(assessments)
      .values({
        unitId: s.dakRve,
        frameworkId: framework.id,
        periodKey: '2025',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        maxTotal: 20,
      })
      .returning({ id: assessments.id });
    await db()
      .insert(assessmentCriteria)
      .values({ assessmentId: assessment!.id, criterionCode: '1.2', max: 10, inputs: {}, selfScore: 6 });
    expect(criterion(await fresh(s.dakRve, code), '1.2').score).toBe(6);
    await db()
      .update(assessmentCriteria)
      .set({ selfScore: 8 })
      .where(eq(assessmentCriteria.assessmentId, assessment!.id));
    expect(criterion(await fresh(s.dakRve, code), '1.2').score).toBe(8);
    await db().delete(assessmentCriteria).where(eq(assessmentCriteria.assessmentId, assessment!.id));
    await db().delete(assessments).where(eq(assessments.id, assessment!.id));
    expect(await fresh(s.dakRve, code)).toEqual(none);
  });

  it('keeps each unit, framework and language apart', async () => {
    const dakRve = await fresh(s.dakRve);
    const konBraih = await fresh(s.konBraih);
    expect(konBraih).not.toEqual(dakRve);
    expect(await fresh(s.dakRve, MANUAL_FRAMEWORK.code)).not.toEqual(dakRve);
    const english = await getUnitDashboard(db(), ADMIN, s.dakRve, { year: 2025, lang: 'en' }, TODAY);
    expect(english).toEqual(
      await withoutEvaluationCache(() =>
        getUnitDashboard(db(), ADMIN, s.dakRve, { year: 2025, lang: 'en' }, TODAY),
      ),
    );
    expect(english.criteria[0]!.explanation).not.toBe(dakRve.criteria[0]!.explanation);
  });

  it('reads a framework version’s definition once, frozen, and again when its stored file changes', async () => {
    const code = EDITED_FRAMEWORK.code;
    const first = (await loadFrameworkForPeriod(db(), code, '2025')).framework;
    let again = first;
    const texts = await statementsOf(async () => {
      again = (await loadFrameworkForPeriod(db(), code, '2025')).framework;
    });
    expect(readsDefinition(texts)).toBe(false);
    expect(again.definition).toBe(first.definition);
    expect(Object.isFrozen(first.definition.pillars[0]!.indices[0]!.criteria[0]!.rule)).toBe(true);

    // Rows are written once (repositories/frameworks.ts); one changed by hand (SQL, a restore) comes
    // with its file and hash, and is read again rather than served stale.
    const renamed = { ...first.definition, name: 'Bộ chỉ số đã sửa tay' };
    await db()
      .update(frameworks)
      .set({ definition: renamed, sha256: 'sua-tay' })
      .where(eq(frameworks.id, first.id));
    let edited = first;
    const reread = await statementsOf(async () => {
      edited = (await loadFrameworkForPeriod(db(), code, '2025')).framework;
    });
    expect(readsDefinition(reread)).toBe(true);
    expect(edited.id).toBe(first.id);
    expect(edited.definition.name).toBe('Bộ chỉ số đã sửa tay');
  });
});
