import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/client';
import { queryOne, queryRows } from '../src/server/db/sql';
import { loadDemoActivityContext, planDemoActivities } from '../src/server/demo/seed-activities';
import { seedDemo } from '../src/server/demo/seed-demo';
import { findGoverningIds, findRollupIds } from '../src/server/domain/units/unit-scope';
import { addDays, mondayOf, monthBounds, todayVn, vnInstant } from '../src/shared/dates';
import { createTestDatabase } from './support/database';

describe('the demo records', () => {
  let database: Database;
  // Seeded "now" is fixed so the story below holds whatever day the suite runs.
  const now = vnInstant('2026-11-22', '10:30');
  const today = todayVn(now);
  const ids = new Map<string, string>();
  let seedMs = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    const started = performance.now();
    await seedDemo(database.db, { now });
    seedMs = performance.now() - started;
    const rows = await queryRows<{ id: string; code: string | null; name: string; former: boolean }>(
      database.db,
      sql`select id, code, name, valid_to is not null as former from units`,
    );
    for (const row of rows) {
      if (row.code && !row.former) ids.set(row.code, row.id);
      if (!row.former) ids.set(row.name, row.id);
      if (row.code && row.former) ids.set(`former:${row.code}`, row.id);
    }
  });
  afterAll(() => database.close());

  const idOf = (key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`no demo unit ${key}`);
    return id;
  };
  const broadcastWeeks = async (unitId: string) =>
    new Set(
      (
        await queryRows<{ monday: string }>(
          database.db,
          sql`select distinct date_trunc('week', occurred_on)::date::text as monday from activities
              where unit_id = ${unitId} and kind = 'broadcast' and deleted_at is null`,
        )
      ).map((row) => row.monday),
    );

  // How long the seed takes is printed, never asserted: timings belong to `npm run bench`.
  it('seeds and reports what it holds', async () => {
    const counts = await queryRows<{ kind: string; n: number }>(
      database.db,
      sql`select kind, count(*)::int as n from activities group by kind order by kind`,
    );
    console.info(`demo seed: ${Math.round(seedMs)} ms`, Object.fromEntries(counts.map((c) => [c.kind, c.n])));
    expect(counts.find((c) => c.kind === 'broadcast')!.n).toBeGreaterThan(500);
    expect(counts.find((c) => c.kind === 'post')!.n).toBeGreaterThan(100);
    expect(counts.map((c) => c.kind)).toEqual(['banner', 'broadcast', 'post', 'press_issue']);
    const audit = await queryOne<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'demo.seed_activities'`,
    );
    expect(audit!.n).toBe(1);
  });

  it('keeps Xã Đăk Rve on track: a broadcast in every ISO week of the last three months', async () => {
    const weeks = await broadcastWeeks(idOf('23479'));
    const thisMonday = mondayOf(today);
    const missing: string[] = [];
    for (let i = 1; i <= 13; i++) {
      const monday = addDays(thisMonday, -7 * i);
      if (!weeks.has(monday)) missing.push(monday);
    }
    expect(missing.length).toBeLessThanOrEqual(1);
  });

  it('shows Xã Kon Braih behind, with at least one stretch of three weeks or more without a broadcast', async () => {
    const weeks = await broadcastWeeks(idOf('23497'));
    let longest = 0;
    let run = 0;
    for (let monday = mondayOf('2025-07-01'); monday < mondayOf(today); monday = addDays(monday, 7)) {
      run = weeks.has(monday) ? 0 : run + 1;
      longest = Math.max(longest, run);
    }
    expect(longest).toBeGreaterThanOrEqual(3);
    const posts = async (unitId: string) =>
      (await queryOne<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from activities where unit_id = ${unitId} and kind = 'post'`,
      ))!.n;
    expect(await posts(idOf('23497'))).toBeLessThan(await posts(idOf('23479')));
  });

  it('holds ethnic-language versions as translations of Vietnamese records', async () => {
    const rows = await queryRows<{ unit: string; language: string; n: number }>(
      database.db,
      sql`select u.code as unit, t.language, count(*)::int as n
          from activities t join activities o on o.id = t.translation_of_id join units u on u.id = t.unit_id
          where o.language = 'vi' and t.language <> 'vi' and o.unit_id = t.unit_id
          group by u.code, t.language`,
    );
    const languagesOf = (code: string) => rows.filter((r) => r.unit === code).map((r) => r.language);
    expect(languagesOf('24670')).toEqual(expect.arrayContaining(['cmo', 'rad']));
    expect(languagesOf('23479')).toEqual(expect.arrayContaining(['sed']));
    expect([...languagesOf('23479'), ...languagesOf('23497'), ...languagesOf('23485')]).toEqual(
      expect.arrayContaining(['sed', 'bdq']),
    );
    const orphans = await queryOne<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from activities where language <> 'vi' and translation_of_id is null`,
    );
    expect(orphans!.n).toBe(0);
  });

  it('puts no record, recording or review in the future, and keeps the three dates apart', async () => {
    const row = await queryOne<{
      occurred: number;
      recorded: number;
      reviewed: number;
      misordered: number;
      reviewedCount: number;
    }>(
      database.db,
      sql`select count(*) filter (where occurred_at > ${now.toISOString()}::timestamptz or occurred_on > ${today}::date)::int as occurred,
                 count(*) filter (where recorded_at > ${now.toISOString()}::timestamptz)::int as recorded,
                 count(*) filter (where reviewed_at > ${now.toISOString()}::timestamptz)::int as reviewed,
                 count(*) filter (where recorded_at < occurred_at or reviewed_at <= recorded_at)::int as misordered,
                 count(*) filter (where review_status = 'accepted' and reviewed_at > recorded_at and recorded_at > occurred_at)::int as "reviewedCount"
          from activities`,
    );
    expect(row).toMatchObject({ occurred: 0, recorded: 0, reviewed: 0, misordered: 0 });
    expect(row!.reviewedCount).toBeGreaterThan(5);
  });

  it('rolls the former Kon Rẫy district and communes up into Quảng Ngãi, not into Lâm Đồng', async () => {
    // Press agencies are the province's own from before the merge; commune-level work is what rolls up.
    const count = async (unitIds: string[], before?: string) =>
      (await queryOne<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from activities where unit_id = any(${`{${unitIds.join(',')}}`}::uuid[])
            and kind <> 'press_issue' ${before ? sql`and occurred_on < ${before}::date` : sql``}`,
      ))!.n;
    const quangNgai = await findRollupIds(database.db, [idOf('51')]);
    const lamDong = await findRollupIds(database.db, [idOf('68')]);
    const former = [idOf('former:616'), idOf('former:23479')];
    expect(await count(former)).toBeGreaterThan(100);
    expect(former.every((id) => quangNgai.includes(id))).toBe(true);
    expect(former.some((id) => lamDong.includes(id))).toBe(false);
    // Everything Kon Rẫy did before the merge counts toward the province today.
    expect(await count(quangNgai, '2025-07-01')).toBe(await count(former, '2025-07-01'));
    // Xã Đăk Rve's own history reaches back through Thị trấn Đắk Rve.
    const dakRve = await findRollupIds(database.db, [idOf('23479')]);
    expect(dakRve).toContain(idOf('former:23479'));
    expect(await count(dakRve, '2025-07-01')).toBeGreaterThan(20);
  });

  it('gives the press agencies two DX issues in most months, with one short month', async () => {
    const rows = await queryRows<{ name: string; month: string; n: number }>(
      database.db,
      sql`select u.name, to_char(a.occurred_on, 'YYYY-MM') as month, count(*)::int as n
          from activities a join units u on u.id = a.unit_id where a.kind = 'press_issue'
          group by u.name, month`,
    );
    const paper = rows.filter((r) => r.name === 'Báo Quảng Ngãi' && r.month < today.slice(0, 7));
    expect(paper.filter((r) => r.n < 2)).toHaveLength(1);
    expect(paper.length).toBeGreaterThanOrEqual(18);
  });

  it('holds schedules, library items reused by records, evidence and flagged duplicates', async () => {
    const schedules = await queryRows<{ status: string; month: string; entries: number; aired: number }>(
      database.db,
      sql`select s.status, s.month::text as month, count(e.id)::int as entries, count(e.aired_activity_id)::int as aired
          from broadcast_schedules s join broadcast_schedule_entries e on e.schedule_id = s.id
          where s.unit_id = ${idOf('23479')} group by s.id order by s.month`,
    );
    const lastMonth = monthBounds(addDays(monthBounds(today).first, -1)).first;
    expect(schedules).toEqual([
      expect.objectContaining({ status: 'issued', month: lastMonth }),
      expect.objectContaining({ status: 'draft', month: monthBounds(today).first, aired: 0 }),
    ]);
    expect(schedules[0]!.aired).toBe(schedules[0]!.entries);
    expect(schedules[0]!.entries).toBeGreaterThanOrEqual(8);
    const linked = await queryOne<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from activities a join broadcast_schedule_entries e on e.id = a.schedule_entry_id
          where e.aired_activity_id = a.id`,
    );
    expect(linked!.n).toBeGreaterThanOrEqual(schedules[0]!.entries);
    const library = await queryRows<{ title: string; language: string; uses: number }>(
      database.db,
      sql`select l.title, l.language, count(a.id)::int as uses from library_items l
          left join activities a on a.library_item_id = l.id group by l.id`,
    );
    expect(library.filter((item) => item.uses > 0).length).toBeGreaterThanOrEqual(2);
    expect(library.some((item) => item.language === 'sed')).toBe(true);
    const citation = await queryOne<{ n: number; links: number }>(
      database.db,
      sql`select count(distinct e.id)::int as n, count(l.id)::int as links from evidence e left join evidence_links l on l.evidence_id = e.id
          where e.document_number = '114/STTTT-BCVT-CNTT' and e.document_date = '2024-01-22'`,
    );
    expect(citation).toMatchObject({ n: 1 });
    expect(citation!.links).toBeGreaterThan(0);
    const duplicates = await queryOne<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from activities d join activities o on o.id = d.duplicate_of_id and o.url_key = d.url_key`,
    );
    expect(duplicates!.n).toBeGreaterThanOrEqual(2);
    const provenance = await queryRows<{ provenance: string; n: number }>(
      database.db,
      sql`select provenance, count(*)::int as n from activities group by provenance order by n desc`,
    );
    expect(provenance.map((p) => p.provenance)).toEqual(['form', 'import']);
  });

  it('puts into schedules and records only library items their unit may use, on any day of the year', async () => {
    const ctx = await loadDemoActivityContext(database.db);
    // The draft's entries (and so their library items) change with the day the demo is seeded on.
    const days = ['2026-01-01', '2026-06-15', '2026-12-06', '2026-12-31', '2027-01-01', '2027-03-15'];
    for (const day of days) {
      const plan = planDemoActivities(ctx, vnInstant(day, '09:00'));
      const ownerOf = new Map(plan.libraryItems.map((item) => [item.id!, item.ownerUnitId]));
      const unitOfSchedule = new Map(plan.schedules.map((schedule) => [schedule.id!, schedule.unitId]));
      const uses = [
        ...plan.scheduleEntries.map((entry) => ({
          unitId: unitOfSchedule.get(entry.scheduleId)!,
          itemId: entry.libraryItemId,
        })),
        ...plan.activities.map((activity) => ({ unitId: activity.unitId, itemId: activity.libraryItemId })),
      ].filter((use): use is { unitId: string; itemId: string } => Boolean(use.itemId));
      expect(uses.length, day).toBeGreaterThan(0);
      for (const use of uses) {
        expect(await findGoverningIds(database.db, use.unitId), `${day}: item ${use.itemId}`).toContain(
          ownerOf.get(use.itemId),
        );
      }
    }
  });

  it('plans the same records for the same "now", and none after it', async () => {
    const ctx = await loadDemoActivityContext(database.db);
    const first = planDemoActivities(ctx, now);
    expect(planDemoActivities(ctx, now)).toEqual(first);
    const stored = await queryRows<{ id: string }>(database.db, sql`select id from activities order by id`);
    expect(stored.map((row) => row.id)).toEqual(first.activities.map((a) => a.id!).sort());
    const later = vnInstant('2027-03-15', '06:00');
    const planLater = planDemoActivities(ctx, later);
    expect(planLater.activities.length).toBeGreaterThan(first.activities.length);
    expect(
      planLater.activities.every((a) => (a.occurredAt as Date) <= later && (a.recordedAt as Date) <= later),
    ).toBe(true);
  });
});
