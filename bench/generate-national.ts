import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../src/server/db/client';
import {
  findAllCurrentUnitsWithCode,
  insertEvent,
  insertUnits,
  type NewUnit,
} from '../src/server/db/repositories/units';
import { queryRows } from '../src/server/db/sql';
import { createUserUnchecked } from '../src/server/domain/accounts/manage-users';
import type { Actor } from '../src/server/domain/actor';
import { type ImportUnitsResult, importUnits } from '../src/server/domain/units/import-units';
import { PROJECT_ROOT } from '../src/server/paths';
import { timeOnce } from './measure';
import { createRandom, DEPARTMENT_NAMES, lowerFirst, placeName } from './names';

/** The official list of 34 provinces and 3,321 communes, shared by the projects of this workspace. */
export const NATIONAL_LIST_FILE = path.resolve(
  PROJECT_ROOT,
  '..',
  'shared',
  'data',
  'vn-admin-units-2026-07.json',
);
export const REORG_DATE = '2025-07-01';
const HISTORY_START = '2020-01-01';
/** Quảng Ngãi: the province the DX office user works on and the operations look at. */
export const SAMPLE_PROVINCE_CODE = '51';
export const BENCH_PASSWORD = 'Bench-LoaSo-2026';
export const BENCH_USERS = { dxOffice: 'bench.dx51', admin: 'bench.admin' } as const;
const BENCH_ACTOR: Actor = { userId: null, label: 'bench' };
/** Former districts per current commune: about 20 districts per province, 700 in all. */
const COMMUNES_PER_DISTRICT = 4.75;
/** A current commune was formed from 2 former communes mostly, sometimes 3 or 4: about 7,300 in all. */
const MERGE_SIZES: ReadonlyArray<[size: number, weight: number]> = [
  [2, 0.85],
  [3, 0.1],
  [4, 0.05],
];

export interface NationalDataset {
  importResult: ImportUnitsResult;
  quangNgaiId: string;
  /** A former commune of Quảng Ngãi, merged on 01/07/2025 (the lineage operation starts there). */
  sampleFormerCommune: { id: string; name: string };
  unitsByKind: Array<{ kind: string; current: number; former: number }>;
  eventsByKind: Array<{ kind: string; count: number }>;
  timings: { importMs: number; generateMs: number; usersMs: number };
}

interface CurrentUnit {
  id: string;
  code: string;
  name: string;
}

interface DistrictPlan {
  provinceId: string;
  provinceName: string;
  unit: NewUnit;
  merges: Array<{ toId: string; formers: Array<{ code: string; name: string }> }>;
}

function mergeSize(random: () => number): number {
  let roll = random();
  for (const [size, weight] of MERGE_SIZES) {
    roll -= weight;
    if (roll < 0) return size;
  }
  return 2;
}

/**
 * Lays out the history before 01/07/2025: each province's current communes, in code order, are
 * cut into consecutive groups, one per former district; each current commune comes from 2–4 former
 * communes of its group's district. The first former commune passes its code on, as happened in 2025.
 */
function planHistory(
  random: () => number,
  provinces: CurrentUnit[],
  communesByProvince: Map<string, CurrentUnit[]>,
): DistrictPlan[] {
  const plans: DistrictPlan[] = [];
  let formerCode = 40000;
  for (const province of provinces) {
    const communes = communesByProvince.get(province.id) ?? [];
    const districtCount = Math.max(3, Math.round(communes.length / COMMUNES_PER_DISTRICT));
    for (let d = 0; d < districtCount; d++) {
      const group = communes.slice(
        Math.floor((d * communes.length) / districtCount),
        Math.floor(((d + 1) * communes.length) / districtCount),
      );
      const prefix = random() < 0.1 ? 'Thị xã' : 'Huyện';
      const usedNames = new Set<string>();
      const merges = group.map((commune, c) => ({
        toId: commune.id,
        formers: Array.from({ length: mergeSize(random) }, (_, i) => {
          let name = placeName(random);
          while (usedNames.has(name)) name = placeName(random);
          usedNames.add(name);
          return {
            code: i === 0 ? commune.code : String(formerCode++),
            name: `${c === 0 && i === 0 ? 'Thị trấn' : 'Xã'} ${name}`,
          };
        }),
      }));
      plans.push({
        provinceId: province.id,
        provinceName: province.name,
        unit: {
          kind: 'former_district',
          code: String(plans.length + 1).padStart(3, '0'),
          name: `${prefix} ${placeName(random)}`,
          parentId: province.id,
          validFrom: HISTORY_START,
          validTo: REORG_DATE,
        },
        merges,
      });
    }
  }
  return plans;
}

async function insertHistory(tx: Queryable, plans: DistrictPlan[], provinces: CurrentUnit[]): Promise<void> {
  const districts = await insertUnits(
    tx,
    plans.map((plan) => plan.unit),
  );
  const formerRows: NewUnit[] = [];
  plans.forEach((plan, d) => {
    for (const merge of plan.merges) {
      for (const former of merge.formers) {
        formerRows.push({
          kind: 'commune',
          code: former.code,
          name: former.name,
          parentId: districts[d]!.id,
          validFrom: HISTORY_START,
          validTo: REORG_DATE,
        });
      }
    }
  });
  const formers = await insertUnits(tx, formerRows);

  let next = 0;
  for (const [d, plan] of plans.entries()) {
    // PGlite answers through promises alone; without a turn of the event loop now and then, Ctrl-C
    // and the watchdog would wait for the whole transaction.
    if (d % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    for (const merge of plan.merges) {
      const fromIds = merge.formers.map(() => formers[next++]!.id);
      await insertEvent(tx, {
        kind: 'merge',
        effectiveDate: REORG_DATE,
        legalBasis: `Nghị quyết của UBTVQH về sắp xếp đơn vị hành chính cấp xã của ${plan.provinceName} năm 2025`,
        units: [
          ...fromIds.map((unitId) => ({ unitId, role: 'from' as const })),
          { unitId: merge.toId, role: 'to' },
        ],
      });
    }
    await insertEvent(tx, {
      kind: 'dissolve',
      effectiveDate: REORG_DATE,
      legalBasis: 'Luật Tổ chức chính quyền địa phương 2025 (chính quyền hai cấp)',
      note: 'Kết thúc hoạt động cấp huyện; địa bàn thuộc các xã mới.',
      units: [
        { unitId: districts[d]!.id, role: 'from' },
        ...plan.merges.map((merge) => ({ unitId: merge.toId, role: 'to' as const })),
      ],
    });
  }

  await insertUnits(
    tx,
    provinces.flatMap((province) => {
      const of = lowerFirst(province.name);
      const shortName = province.name.replace(/^(Tỉnh|Thành phố) /, '');
      return [
        ...DEPARTMENT_NAMES.map((name) => ({
          kind: 'department' as const,
          code: null,
          name: `${name} ${of}`,
          parentId: province.id,
          validFrom: HISTORY_START,
        })),
        {
          kind: 'press_agency' as const,
          code: null,
          name: `Báo ${shortName}`,
          parentId: province.id,
          validFrom: HISTORY_START,
        },
        {
          kind: 'press_agency' as const,
          code: null,
          name: `Đài Phát thanh và Truyền hình ${shortName}`,
          parentId: province.id,
          validFrom: HISTORY_START,
        },
      ];
    }),
  );
}

/**
 * Builds the national tree in an empty, migrated database: the official list through the product's
 * own import (timed: it is the first operation of the benchmark), then ~700 former districts with
 * ~7,300 former communes and their 2025 merges, departments, press agencies and two users.
 * The same seed gives the same names, codes and shape on every run.
 */
export async function generateNational(db: Db, options: { seed?: number } = {}): Promise<NationalDataset> {
  const random = createRandom(options.seed ?? 20250701);
  const content = fs.readFileSync(NATIONAL_LIST_FILE);
  let importResult: ImportUnitsResult | undefined;
  const importMs = await timeOnce(async () => {
    importResult = await importUnits({
      db,
      actor: BENCH_ACTOR,
      fileName: path.basename(NATIONAL_LIST_FILE),
      content,
      effectiveDate: REORG_DATE,
    });
  });

  const current = await findAllCurrentUnitsWithCode(db);
  const provinces = current
    .filter((unit) => unit.parentId === null)
    .map((unit) => ({ id: unit.id, code: unit.code!, name: unit.name }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const communesByProvince = new Map<string, CurrentUnit[]>();
  for (const unit of current) {
    if (unit.parentId === null) continue;
    const list = communesByProvince.get(unit.parentId) ?? [];
    list.push({ id: unit.id, code: unit.code!, name: unit.name });
    communesByProvince.set(unit.parentId, list);
  }
  for (const list of communesByProvince.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const plans = planHistory(random, provinces, communesByProvince);

  const generateMs = await timeOnce(() =>
    db.transaction(async (tx) => {
      // The import dates every new unit from its effective date, but the 34 provinces existed before
      // 2025 (the absorbed ones ended): their former districts need them as parent in 2020–2025.
      await tx.execute(sql`update unit_versions v set valid_from = ${HISTORY_START}::date from units u
        where u.id = v.unit_id and u.kind = 'province' and u.valid_to is null`);
      await tx.execute(
        sql`update units set valid_from = ${HISTORY_START}::date where kind = 'province' and valid_to is null`,
      );
      await insertHistory(tx, plans, provinces);
    }),
  );

  const quangNgai = provinces.find((province) => province.code === SAMPLE_PROVINCE_CODE);
  if (!quangNgai) throw new Error(`province ${SAMPLE_PROVINCE_CODE} is missing from ${NATIONAL_LIST_FILE}`);
  const usersMs = await timeOnce(() =>
    db.transaction(async (tx) => {
      await createUserUnchecked(tx, BENCH_ACTOR, {
        username: BENCH_USERS.dxOffice,
        fullName: 'Sở KH&CN Quảng Ngãi (bench)',
        password: BENCH_PASSWORD,
        grants: [{ role: 'dx_office', unitId: quangNgai.id }],
      });
      await createUserUnchecked(tx, BENCH_ACTOR, {
        username: BENCH_USERS.admin,
        fullName: 'Quản trị hệ thống (bench)',
        password: BENCH_PASSWORD,
        grants: [{ role: 'system_admin', unitId: null }],
      });
    }),
  );

  const [sampleFormerCommune] = await queryRows<{ id: string; name: string }>(
    db,
    sql`select u.id, u.name from units u join units d on d.id = u.parent_id
      where d.parent_id = ${quangNgai.id} and d.kind = 'former_district' and u.kind = 'commune'
      order by d.code, u.code limit 1`,
  );
  const unitsByKind = await queryRows<{ kind: string; current: number; former: number }>(
    db,
    sql`select kind, count(*) filter (where valid_to is null)::int as current, count(*) filter (where valid_to is not null)::int as former
      from units group by kind order by kind`,
  );
  const eventsByKind = await queryRows<{ kind: string; count: number }>(
    db,
    sql`select kind, count(*)::int as count from unit_events group by kind order by kind`,
  );
  return {
    importResult: importResult!,
    quangNgaiId: quangNgai.id,
    sampleFormerCommune: sampleFormerCommune!,
    unitsByKind,
    eventsByKind,
    timings: { importMs, generateMs, usersMs },
  };
}
