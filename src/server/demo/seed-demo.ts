import { sql } from 'drizzle-orm';
import type { Role } from '../../shared/roles';
import type { UnitKind } from '../../shared/units';
import type { Db, Queryable } from '../db/client';
import { insertUnits } from '../db/repositories/units';
import { units } from '../db/schema';
import { createUserUnchecked } from '../domain/accounts/manage-users';
import type { Actor } from '../domain/actor';
import { ensureBuiltinFrameworks } from '../domain/frameworks/ensure-builtin-frameworks';
import { parseUnitKind } from '../domain/units/parse-unit-list';
import { recordUnitEvent } from '../domain/units/record-unit-event';
import { seedDemoActivities } from './seed-activities';
import { seedDemoAssessments } from './seed-assessments';
import { seedDemoReports } from './seed-reports';
import { DEMO_PROVINCES_2026 } from './units-2026';

/**
 * Demo data a newcomer can explore: Quảng Ngãi (with former Kon Tum and its Kon Rẫy district) and
 * Lâm Đồng (with former Đắk Nông), their communes and wards today, the history of the 2025
 * reorganisation for the former districts shown, departments, press agencies and one user per role.
 * Codes of former communes and districts are illustrative; names follow the 2024 lists.
 */

export const DEMO_PASSWORD = 'LoaSo@2026';
const REORG = '2025-07-01';
/** History in the demo is tracked from this day. */
const HISTORY_START = '2020-01-01';
const SEED_ACTOR: Actor = { userId: null, label: 'seed' };

interface FormerDistrict {
  code: string;
  name: string;
  communes: Array<[code: string, name: string]>;
  /** New commune code → codes of the former communes merged into it on 01/07/2025. */
  mergedInto: Record<string, string[]>;
  cultureCentre: string;
}

const KON_RAY: FormerDistrict = {
  code: '616',
  name: 'Huyện Kon Rẫy',
  communes: [
    ['23479', 'Thị trấn Đắk Rve'],
    ['23482', 'Xã Đắk Pne'],
    ['23485', 'Xã Đắk Kôi'],
    ['23488', 'Xã Đắk Tơ Lung'],
    ['23491', 'Xã Đắk Ruồng'],
    ['23494', 'Xã Đắk Tờ Re'],
    ['23497', 'Xã Tân Lập'],
  ],
  mergedInto: {
    '23479': ['23479', '23482'],
    '23485': ['23485', '23488'],
    '23497': ['23491', '23494', '23497'],
  },
  cultureCentre: 'Trung tâm Văn hóa, Thể thao và Truyền thông huyện Kon Rẫy',
};

const DAK_MIL: FormerDistrict = {
  code: '663',
  name: 'Huyện Đắk Mil',
  communes: [
    ['24670', 'Thị trấn Đắk Mil'],
    ['24673', 'Xã Đắk Lao'],
    ['24676', "Xã Đắk R'La"],
    ['24678', 'Xã Đắk Sắk'],
    ['24679', 'Xã Long Sơn'],
    ['24682', 'Xã Thuận An'],
    ['24685', 'Xã Đức Minh'],
    ['24664', 'Xã Đức Mạnh'],
    ['24667', "Xã Đắk N'Drót"],
  ],
  mergedInto: {
    '24670': ['24670', '24673', '24676'],
    '24678': ['24678', '24679'],
    '24682': ['24682', '24685'],
    '24664': ['24664', '24667'],
  },
  cultureCentre: 'Trung tâm Văn hóa, Thể thao và Truyền thông huyện Đắk Mil',
};

interface ProvinceHistory {
  code: string;
  formerProvince: { code: string; name: string };
  district: FormerDistrict;
  departments: string[];
  pressAgencies: string[];
  formerPressAgencies: string[];
  websites: Record<string, string>;
}

const HISTORY: ProvinceHistory[] = [
  {
    code: '51',
    formerProvince: { code: '62', name: 'Tỉnh Kon Tum' },
    district: KON_RAY,
    departments: [
      'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi',
      'Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi',
      'Sở Nội vụ tỉnh Quảng Ngãi',
    ],
    pressAgencies: ['Báo Quảng Ngãi', 'Đài Phát thanh và Truyền hình Quảng Ngãi'],
    formerPressAgencies: ['Báo Kon Tum', 'Đài Phát thanh và Truyền hình Kon Tum'],
    websites: { '23479': 'https://dakrve.quangngai.gov.vn', '23497': 'https://konbraih.quangngai.gov.vn' },
  },
  {
    code: '68',
    formerProvince: { code: '67', name: 'Tỉnh Đắk Nông' },
    district: DAK_MIL,
    departments: ['Sở Khoa học và Công nghệ tỉnh Lâm Đồng', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lâm Đồng'],
    pressAgencies: ['Báo Lâm Đồng', 'Đài Phát thanh và Truyền hình Lâm Đồng'],
    formerPressAgencies: ['Báo Đắk Nông', 'Đài Phát thanh và Truyền hình Đắk Nông'],
    websites: { '24670': 'https://dakmil.lamdong.gov.vn' },
  },
];

/**
 * A demo user's e-mail address, on the reserved `.example` domain (RFC 2606): with a mail server
 * configured, reminders and urges are really sent, and never reach anyone.
 */
export function demoEmail(username: string): string {
  return `${username}@loaso.example`;
}

const DEMO_USERS: Array<{ username: string; fullName: string; role: Role; unitCode: string | null }> = [
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'system_admin', unitCode: null },
  { username: 'sokhcn.quangngai', fullName: 'Nguyễn Văn Hùng', role: 'dx_office', unitCode: '51' },
  { username: 'thamdinh.quangngai', fullName: 'Trần Thị Mai', role: 'reviewer', unitCode: '51' },
  { username: 'lanhdao.dakrve', fullName: 'A Thuở', role: 'unit_head', unitCode: '23479' },
  { username: 'canbo.dakrve', fullName: 'Y Hằng', role: 'unit_officer', unitCode: '23479' },
  { username: 'canbo.konbraih', fullName: 'A Vinh', role: 'unit_officer', unitCode: '23497' },
  { username: 'sokhcn.lamdong', fullName: 'Lê Minh Tuấn', role: 'dx_office', unitCode: '68' },
  { username: 'canbo.dakmil', fullName: "H'Lan Niê", role: 'unit_officer', unitCode: '24670' },
  { username: 'xem.lamdong', fullName: 'Phạm Quốc Bảo', role: 'viewer', unitCode: '68' },
];

async function insertOne(
  q: Queryable,
  unit: {
    kind: UnitKind;
    code: string | null;
    name: string;
    parentId: string | null;
    validFrom: string;
    validTo?: string | null;
    websiteUrl?: string | null;
  },
) {
  const [created] = await insertUnits(q, [unit]);
  return created!.id;
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(units);
  return (row?.count ?? 0) === 0;
}

/** `now` decides the last day of the demo records (tests fix it; the app uses the real clock). */
export async function seedDemo(db: Db, options: { now?: Date } = {}): Promise<void> {
  await db.transaction(async (tx) => {
    const idByCode = new Map<string, string>();
    for (const province of DEMO_PROVINCES_2026) {
      const history = HISTORY.find((h) => h.code === province.code)!;
      // The province keeps its identity through the merge; the absorbed province ends.
      const provinceId = await insertOne(tx, {
        kind: 'province',
        code: province.code,
        name: province.name,
        parentId: null,
        validFrom: HISTORY_START,
      });
      idByCode.set(province.code, provinceId);
      const formerProvinceId = await insertOne(tx, {
        kind: 'province',
        code: history.formerProvince.code,
        name: history.formerProvince.name,
        parentId: null,
        validFrom: HISTORY_START,
        validTo: REORG,
      });

      const created = await insertUnits(
        tx,
        province.units.map(([code, name]) => ({
          kind: parseUnitKind(name.split(' ')[0] === 'Đặc' ? 'Đặc khu' : name.split(' ')[0]!) ?? 'commune',
          code,
          name,
          parentId: provinceId,
          validFrom: REORG,
          websiteUrl: history.websites[code] ?? null,
        })),
      );
      province.units.forEach(([code], i) => {
        idByCode.set(code, created[i]!.id);
      });

      for (const name of history.departments)
        await insertOne(tx, {
          kind: 'department',
          code: null,
          name,
          parentId: provinceId,
          validFrom: HISTORY_START,
        });
      const pressIds: string[] = [];
      for (const name of history.pressAgencies) {
        pressIds.push(
          await insertOne(tx, {
            kind: 'press_agency',
            code: null,
            name,
            parentId: provinceId,
            validFrom: HISTORY_START,
          }),
        );
      }

      // Before 01/07/2025: the former province's district, its communes and culture centre.
      const district = history.district;
      const districtId = await insertOne(tx, {
        kind: 'former_district',
        code: district.code,
        name: district.name,
        parentId: formerProvinceId,
        validFrom: HISTORY_START,
        validTo: REORG,
      });
      await insertOne(tx, {
        kind: 'culture_centre',
        code: null,
        name: district.cultureCentre,
        parentId: districtId,
        validFrom: HISTORY_START,
        validTo: REORG,
      });
      const formerIdByCode = new Map<string, string>();
      for (const [code, name] of district.communes) {
        // Former units end on 01/07/2025, so today's communes may reuse their codes.
        formerIdByCode.set(
          code,
          await insertOne(tx, {
            kind: 'commune',
            code,
            name,
            parentId: districtId,
            validFrom: HISTORY_START,
            validTo: REORG,
          }),
        );
      }
      const formerPressIds: string[] = [];
      for (const name of history.formerPressAgencies) {
        formerPressIds.push(
          await insertOne(tx, {
            kind: 'press_agency',
            code: null,
            name,
            parentId: formerProvinceId,
            validFrom: HISTORY_START,
            validTo: REORG,
          }),
        );
      }

      for (const [newCode, formerCodes] of Object.entries(district.mergedInto)) {
        await recordUnitEvent(tx, SEED_ACTOR, {
          kind: 'merge',
          date: REORG,
          fromIds: formerCodes.map((code) => formerIdByCode.get(code)!),
          toId: idByCode.get(newCode)!,
          legalBasis: `Nghị quyết của UBTVQH về sắp xếp đơn vị hành chính cấp xã của ${province.name} năm 2025`,
        });
      }
      await recordUnitEvent(tx, SEED_ACTOR, {
        kind: 'dissolve',
        date: REORG,
        unitId: districtId,
        successorIds: Object.keys(district.mergedInto).map((code) => idByCode.get(code)!),
        legalBasis: 'Luật Tổ chức chính quyền địa phương 2025 (chính quyền hai cấp)',
        note: 'Kết thúc hoạt động cấp huyện; địa bàn thuộc các xã mới.',
      });
      for (const [i, formerPressId] of formerPressIds.entries()) {
        await recordUnitEvent(tx, SEED_ACTOR, {
          kind: 'merge',
          date: REORG,
          fromIds: [formerPressId],
          toId: pressIds[i]!,
          legalBasis: 'Hợp nhất cơ quan báo chí sau sáp nhập tỉnh',
        });
      }
      await recordUnitEvent(tx, SEED_ACTOR, {
        kind: 'merge',
        date: REORG,
        fromIds: [formerProvinceId],
        toId: provinceId,
        legalBasis: 'Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh',
      });
    }

    for (const user of DEMO_USERS) {
      await createUserUnchecked(tx, SEED_ACTOR, {
        username: user.username,
        fullName: user.fullName,
        password: DEMO_PASSWORD,
        email: demoEmail(user.username),
        grants: [{ role: user.role, unitId: user.unitCode ? idByCode.get(user.unitCode)! : null }],
      });
    }
    await seedDemoActivities(tx, options);
  });
  // Assessments go through the workflow's own use cases, each in its transaction, and need the
  // built-in frameworks (stored here too when the caller has not).
  await ensureBuiltinFrameworks(db);
  await seedDemoAssessments(db, options);
  await seedDemoReports(db, options);
}

export const DEMO_LOGINS = DEMO_USERS.map((user) => ({ username: user.username, role: user.role }));
