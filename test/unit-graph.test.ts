import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/db/client';
import { findChildrenAsOf, type SubtreeRow } from '../src/server/db/repositories/units';
import { queryRows } from '../src/server/db/sql';
import { loadUnitGraph } from '../src/server/domain/units/load-unit-graph';
import { recordUnitEvent } from '../src/server/domain/units/record-unit-event';
import type { ScoredUnitRow, SourceUnitRow } from '../src/server/domain/units/unit-graph';
import { compareVietnamese } from '../src/shared/text';
import type { UnitKind } from '../src/shared/units';
import { createTestDatabase } from './support/database';
import { createUnit, TEST_ACTOR } from './support/factories';
import { createKonTumScenario } from './support/scenarios';

/**
 * The in-memory unit graph answers what scoreboards used to ask in SQL. The SQL is kept here as the
 * reference: on a history with merges, a split, a dissolution, a rename and a re-parent, both must
 * give the same units, names, parents and predecessors, on every day that matters.
 */

const referenceScoredUnits = (db: Database['db'], rootId: string | null, date: string, kinds: UnitKind[]) => {
  const columns = sql`u.id, u.kind, u.code, v.name, v.parent_id as "parentId",
    (select p.name from unit_versions p where p.unit_id = v.parent_id order by (p.valid_to is null) desc, p.valid_to desc limit 1) as "parentName",
    u.valid_from::text as "validFrom", u.valid_to::text as "validTo"`;
  const inForce = sql`v.valid_from <= ${date}::date and (v.valid_to is null or v.valid_to > ${date}::date)`;
  const kindFilter = sql`u.kind = any(${`{${kinds.join(',')}}`}::text[])`;
  if (rootId === null)
    return queryRows<ScoredUnitRow>(
      db,
      sql`select ${columns} from units u join unit_versions v on v.unit_id = u.id and ${inForce} where ${kindFilter}`,
    );
  return queryRows<ScoredUnitRow>(
    db,
    sql`with recursive tree(id, depth) as (
          select ${rootId}::uuid, 0
          union all
          select v.unit_id, t.depth + 1 from tree t join unit_versions v on v.parent_id = t.id and ${inForce}
          where t.depth < 10
        )
        select ${columns} from tree t join units u on u.id = t.id
          join unit_versions v on v.unit_id = u.id and ${inForce}
        where ${kindFilter}`,
  );
};

const referenceMergeSources = (db: Database['db'], unitIds: string[]) =>
  queryRows<SourceUnitRow>(
    db,
    sql`with recursive sources(target_id, source_id, depth) as (
          select id, id, 0 from unnest(${`{${unitIds.join(',')}}`}::uuid[]) as id
          union
          select s.target_id, f.unit_id, s.depth + 1 from sources s
            join unit_event_units t on t.unit_id = s.source_id and t.role = 'to'
            join unit_events e on e.id = t.event_id and e.kind = 'merge'
            join unit_event_units f on f.event_id = t.event_id and f.role = 'from'
          where s.depth < 20
        )
        select distinct s.target_id as "targetId", s.source_id as "sourceId",
          u.valid_from::text as "validFrom", u.valid_to::text as "validTo"
        from sources s join units u on u.id = s.source_id`,
  );

/** The roll-up scope in SQL (what findRollupIds ran before the graph). */
const referenceRollupIds = async (db: Database['db'], rootId: string) =>
  (
    await queryRows<{ id: string }>(
      db,
      sql`with recursive scope(id, is_partial) as (
          select ${rootId}::uuid, false
          union
          select e.down, e.is_partial from scope s cross join lateral (
            select v.unit_id as down, false as is_partial from unit_versions v where v.parent_id = s.id and not s.is_partial
            union all
            select f.unit_id, s.is_partial or ev.kind <> 'merge' from unit_event_units t
              join unit_event_units f on f.event_id = t.event_id and f.role = 'from'
              join unit_events ev on ev.id = t.event_id and ev.kind in ('merge', 'split', 'dissolve')
              where t.unit_id = s.id and t.role = 'to'
          ) e
        )
        select distinct id from scope`,
    )
  ).map((row) => row.id);

/**
 * The governing units in SQL (what findGoverningIds ran before the graph); `above` keeps those
 * reached by going up at least once (what the appraisal check ran).
 */
const referenceGoverningIds = async (db: Database['db'], unitId: string, above = false) =>
  (
    await queryRows<{ id: string }>(
      db,
      sql`with recursive governing(id, went_up) as (
          select u.id, false from units u where u.id = ${unitId}
          union
          select e.up, e.went_up from governing g cross join lateral (
            select v.parent_id as up, true as went_up from unit_versions v where v.unit_id = g.id and v.parent_id is not null
            union all
            select t.unit_id, g.went_up from unit_event_units f
              join unit_event_units t on t.event_id = f.event_id and t.role = 'to'
              join unit_events ev on ev.id = f.event_id and ev.kind in ('merge', 'split', 'dissolve')
              where f.unit_id = g.id and f.role = 'from' and (ev.kind = 'merge' or not g.went_up)
          ) e
        )
        select distinct id from governing where ${above ? sql`went_up` : sql`true`}`,
    )
  ).map((row) => row.id);

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
const byPair = (rows: SourceUnitRow[]) =>
  [...rows].sort((a, b) => `${a.targetId}${a.sourceId}`.localeCompare(`${b.targetId}${b.sourceId}`));

describe('unit graph', () => {
  let database: Database;
  let s: Awaited<ReturnType<typeof createKonTumScenario>>;
  let extra: { split: string; east: string; west: string; renamed: string; moved: string };
  const ALL_KINDS: UnitKind[] = ['province', 'former_district', 'commune', 'ward', 'special_zone'];
  const DAYS = ['2020-01-01', '2023-06-30', '2025-06-30', '2025-07-01', '2026-01-15'];

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    s = await createKonTumScenario(db);
    // A commune split in two in 2023, a ward renamed in 2024, a commune moved to another province.
    const split = await createUnit(db, {
      kind: 'commune',
      code: '90001',
      name: 'Xã Trước Chia',
      parentId: s.lamDong,
      validFrom: '2020-01-01',
    });
    const east = await createUnit(db, {
      kind: 'commune',
      code: '90002',
      name: 'Xã Đông',
      parentId: s.lamDong,
      validFrom: '2023-01-01',
    });
    const west = await createUnit(db, {
      kind: 'commune',
      code: '90003',
      name: 'Xã Tây',
      parentId: s.lamDong,
      validFrom: '2023-01-01',
    });
    await recordUnitEvent(db, TEST_ACTOR, {
      kind: 'split',
      date: '2023-01-01',
      fromId: split,
      toIds: [east, west],
    });
    const renamed = await createUnit(db, {
      kind: 'ward',
      code: '90004',
      name: 'Phường Cũ',
      parentId: s.lamDong,
      validFrom: '2020-01-01',
    });
    await recordUnitEvent(db, TEST_ACTOR, {
      kind: 'rename',
      date: '2024-03-01',
      unitId: renamed,
      newName: 'Phường Mới',
    });
    const moved = await createUnit(db, {
      kind: 'commune',
      code: '90005',
      name: 'Xã Chuyển',
      parentId: s.lamDong,
      validFrom: '2020-01-01',
    });
    await recordUnitEvent(db, TEST_ACTOR, {
      kind: 'reparent',
      date: '2025-01-01',
      unitId: moved,
      newParentId: s.quangNgai,
    });
    // The province above them renamed in 2024, and a commune with a portal: children carry both.
    await recordUnitEvent(db, TEST_ACTOR, {
      kind: 'rename',
      date: '2024-06-01',
      unitId: s.lamDong,
      newName: 'Tỉnh Lâm Đồng Đổi Tên',
    });
    await db.execute(sql`update units set website_url = 'https://dong.example.vn' where id = ${east}`);
    extra = { split, east, west, renamed, moved };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('finds the same units of a subtree or of the country on any day as the SQL', async () => {
    const graph = await loadUnitGraph(database.db);
    for (const day of DAYS)
      for (const root of [null, s.quangNgai, s.konTum, s.konRay, s.lamDong, s.dakRve])
        for (const kinds of [ALL_KINDS, ['commune', 'ward'] as UnitKind[]])
          expect(byId(graph.scoredUnits(root, day, kinds)), `${root} on ${day}`).toEqual(
            byId(await referenceScoredUnits(database.db, root, day, kinds)),
          );
  });

  it('follows merges, and only merges, back to the predecessors like the SQL', async () => {
    const graph = await loadUnitGraph(database.db);
    const everyUnit = (await queryRows<{ id: string }>(database.db, sql`select id from units`)).map(
      (row) => row.id,
    );
    expect(byPair(graph.mergeSources(everyUnit))).toEqual(
      byPair(await referenceMergeSources(database.db, everyUnit)),
    );
    // Đăk Rve counts its two former communes; the split commune's halves count nothing of it.
    expect(
      graph
        .mergeSources([s.dakRve])
        .map((row) => row.sourceId)
        .sort(),
    ).toEqual([s.dakRve, s.ttDakRve, s.dakPne].sort());
    expect(graph.mergeSources([extra.east]).map((row) => row.sourceId)).toEqual([extra.east]);
  });

  it('gives the same roll-up scope, governing units and units above as the SQL, for every unit', async () => {
    const graph = await loadUnitGraph(database.db);
    const everyUnit = (await queryRows<{ id: string }>(database.db, sql`select id from units`)).map(
      (row) => row.id,
    );
    for (const id of everyUnit) {
      expect(graph.rollupIds([id]).sort(), `roll-up of ${id}`).toEqual(
        (await referenceRollupIds(database.db, id)).sort(),
      );
      expect(graph.governingIds(id).sort(), `governing ${id}`).toEqual(
        (await referenceGoverningIds(database.db, id)).sort(),
      );
      expect(graph.unitsAbove(id).sort(), `above ${id}`).toEqual(
        (await referenceGoverningIds(database.db, id, true)).sort(),
      );
    }
    // Kon Rẫy's former commune is governed by its district, the old and the new province, and the
    // commune it merged into; an officer of Xã Kon Braih is not among them.
    expect(graph.governingIds(s.tanLap)).toEqual(
      expect.arrayContaining([s.konRay, s.konTum, s.quangNgai, s.konBraih]),
    );
    expect(graph.governingIds(s.tanLap)).not.toContain(s.dakRve);
    expect(graph.governingIds('00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('lists the same children of every unit on any day as the SQL of the tree page', async () => {
    const graph = await loadUnitGraph(database.db);
    const everyUnit = (await queryRows<{ id: string }>(database.db, sql`select id from units`)).map(
      (row) => row.id,
    );
    const byNameThenId = (rows: SubtreeRow[]) =>
      rows.sort((a, b) => compareVietnamese(a.name, b.name) || a.id.localeCompare(b.id));
    let compared = 0;
    for (const day of [...DAYS, '2024-05-31', '2024-06-01'])
      for (const id of everyUnit) {
        const fromGraph = graph.childrenOn(id, day);
        expect(fromGraph, `children of ${id} on ${day}`).toEqual(
          byNameThenId(await findChildrenAsOf(database.db, id, day)),
        );
        compared += fromGraph.length;
      }
    expect(compared).toBeGreaterThan(50);
    // The parent's name of the day, the child's portal and its own children's count.
    const before = graph.childrenOn(s.lamDong, '2024-05-31');
    const after = graph.childrenOn(s.lamDong, '2024-06-01');
    expect(new Set(before.map((row) => row.parentName))).toEqual(new Set([before[0]!.parentName]));
    expect(before[0]!.parentName).not.toBe('Tỉnh Lâm Đồng Đổi Tên');
    expect(new Set(after.map((row) => row.parentName))).toEqual(new Set(['Tỉnh Lâm Đồng Đổi Tên']));
    expect(after.find((row) => row.id === extra.east)?.websiteUrl).toBe('https://dong.example.vn');
    expect(graph.childrenOn(s.konRay, '2023-06-30').map((row) => row.name)).toEqual([
      'Thị trấn Đắk Rve',
      'Xã Đắk Pne',
      'Xã Đắk Ruồng',
      'Xã Tân Lập',
    ]);
    expect(graph.childrenOn(s.konTum, '2023-06-30')).toEqual([
      expect.objectContaining({ id: s.konRay, parentName: 'Tỉnh Kon Tum', childCount: 4, depth: 1 }),
    ]);
    expect(graph.childrenOn(s.konRay, '2026-01-15')).toEqual([]);
    expect(graph.childrenOn('00000000-0000-4000-8000-000000000000', '2026-01-15')).toEqual([]);
  });

  it('names a unit by its latest version', async () => {
    const graph = await loadUnitGraph(database.db);
    expect(graph.latestName(extra.renamed)).toBe('Phường Mới');
    expect(graph.latestName(s.konTum)).toBe('Tỉnh Kon Tum');
    expect(graph.versionOn(extra.renamed, '2023-12-31')?.name).toBe('Phường Cũ');
  });

  it('sees a change to the units on the next read, and keeps the graph while nothing changes', async () => {
    const before = await loadUnitGraph(database.db);
    expect(await loadUnitGraph(database.db)).toBe(before);
    const added = await createUnit(database.db, {
      kind: 'commune',
      code: '90006',
      name: 'Xã Mới Lập',
      parentId: s.quangNgai,
      validFrom: '2026-01-01',
    });
    const after = await loadUnitGraph(database.db);
    expect(after).not.toBe(before);
    expect(after.unit(added)?.kind).toBe('commune');
    expect(before.unit(added)).toBeUndefined();
  });

  it('gives a transaction that changed units its own graph, and never serves a rolled-back change', async () => {
    const outside = await loadUnitGraph(database.db);
    const rollback = new Error('roll back');
    let seenInside: string | undefined;
    await expect(
      database.db.transaction(async (tx) => {
        const id = await createUnit(tx, {
          kind: 'commune',
          code: '90007',
          name: 'Xã Tạm',
          parentId: s.quangNgai,
          validFrom: '2026-01-01',
        });
        seenInside = (await loadUnitGraph(tx)).unit(id)?.id;
        expect(seenInside).toBe(id);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    const after = await loadUnitGraph(database.db);
    expect(seenInside && after.unit(seenInside)).toBeFalsy();
    expect(after.size).toBe(outside.size);
  });
});
