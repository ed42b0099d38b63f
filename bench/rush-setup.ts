import type { Db } from '../src/server/db/client';
import { today } from '../src/server/db/repositories/units';
import { createUserUnchecked } from '../src/server/domain/accounts/manage-users';
import type { Actor } from '../src/server/domain/actor';
import { defineReportType } from '../src/server/domain/reports/define-report-type';
import type { Principal } from '../src/server/policies/principal';
import type { Role } from '../src/shared/roles';
import { BENCH_PASSWORD } from './generate-national';
import type { RawSql } from './targets';

/**
 * The people of the deadline rush, created in the national dataset before the server starts: a few
 * system admins (the national board), a DX office per province, and a unit head and officers per
 * commune, spread over every province. Each becomes one autocannon connection with its own session.
 */

export type RushRole = 'system_admin' | 'dx_office' | 'unit_head' | 'unit_officer';

export interface RushUser {
  username: string;
  role: RushRole;
  /** The granted unit: null for a system admin. */
  unitId: string | null;
  /** The province of the unit (the admin's and office's board). */
  provinceId: string;
  /** A website column of the commune, for record entry; null for admins and offices. */
  channelId: string | null;
  /** The commune whose score page the user opens: its own, or one of the office's province. */
  communeId: string;
}

export interface RushPeople {
  users: RushUser[];
  /** The VN calendar day the run records on (the server's own "today"). */
  today: string;
  reportTypes: number;
}

const ACTOR: Actor = { userId: null, label: 'bench' };
const ADMIN: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'bench',
  grants: [{ id: 'bench', role: 'system_admin', unitId: null }],
};

/**
 * The shares of the connections: 1 % admins (at least one), 10 % province offices, 30 % unit heads
 * (each on a commune of its own, so report submissions never collide), the rest commune officers
 * working on the heads' communes, as in a commune where a head and an officer or two share the work.
 */
function planRoles(count: number): RushRole[] {
  const admins = Math.max(1, Math.round(count * 0.01));
  const offices = Math.max(1, Math.round(count * 0.1));
  const heads = Math.max(1, Math.round(count * 0.3));
  const officers = Math.max(0, count - admins - offices - heads);
  return [
    ...Array<RushRole>(admins).fill('system_admin'),
    ...Array<RushRole>(offices).fill('dx_office'),
    ...Array<RushRole>(heads).fill('unit_head'),
    ...Array<RushRole>(officers).fill('unit_officer'),
  ];
}

export async function createRushPeople(db: Db, raw: RawSql, count: number): Promise<RushPeople> {
  const roles = planRoles(count);
  const headCount = roles.filter((role) => role === 'unit_head').length;
  const provinces = await raw.query<{ id: string }>(
    `select id from units where kind = 'province' and valid_to is null order by code`,
  );
  // Communes with a website column, taken in turn from each province so that every province has some.
  const perProvince = Math.ceil(headCount / provinces.length);
  const communes = await raw.query<{ id: string; province_id: string; channel_id: string; rn: number }>(
    `select * from (
       select c.id, v.parent_id as province_id, min(ch.id::text) as channel_id,
              row_number() over (partition by v.parent_id order by c.code)::int as rn
         from units c
         join unit_versions v on v.unit_id = c.id and v.valid_to is null
         join channels ch on ch.unit_id = c.id and ch.kind = 'website_column'
        where c.kind in ('commune', 'ward', 'special_zone') and c.valid_to is null
        group by c.id, v.parent_id, c.code) t
     where rn <= $1 order by rn, province_id`,
    [perProvince],
  );
  if (communes.length < headCount) throw new Error(`only ${communes.length} communes with a website column`);

  const communeOf = (provinceId: string) =>
    (communes.find((c) => c.province_id === provinceId) ?? communes[0]!).id;
  const day = today();
  const users: RushUser[] = [];
  const counters = new Map<RushRole, number>();
  for (const role of roles) {
    const n = counters.get(role) ?? 0;
    counters.set(role, n + 1);
    const username = `rush.${role.replace('_', '-')}.${n}`;
    if (role === 'system_admin') {
      const province = provinces[n % provinces.length]!;
      users.push({
        username,
        role,
        unitId: null,
        provinceId: province.id,
        channelId: null,
        communeId: communeOf(province.id),
      });
    } else if (role === 'dx_office') {
      const province = provinces[n % provinces.length]!;
      users.push({
        username,
        role,
        unitId: province.id,
        provinceId: province.id,
        channelId: null,
        communeId: communeOf(province.id),
      });
    } else {
      // Heads take communes one each; officers cycle over the heads' communes.
      const commune = communes[n % headCount]!;
      users.push({
        username,
        role,
        unitId: commune.id,
        provinceId: commune.province_id,
        channelId: commune.channel_id,
        communeId: commune.id,
      });
    }
  }

  // Four at a time: the password hash runs on libuv's pool, the inserts on the database.
  for (let i = 0; i < users.length; i += 4) {
    await Promise.all(
      users.slice(i, i + 4).map((user) =>
        createUserUnchecked(db, ACTOR, {
          username: user.username,
          fullName: `Người dùng cao điểm ${user.username}`,
          password: BENCH_PASSWORD,
          grants: [{ role: user.role as Role, unitId: user.unitId }],
        }),
      ),
    );
  }

  // The annual report each province's communes hand in (due 05/12 by default: the December rush).
  const reportProvinces = [...new Set(users.filter((u) => u.role === 'unit_head').map((u) => u.provinceId))];
  for (const ownerUnitId of reportProvinces) {
    await defineReportType({
      db,
      principal: ADMIN,
      actor: ACTOR,
      ownerUnitId,
      input: { kind: 'annual', name: 'Báo cáo năm về thông tin cơ sở chuyển đổi số' },
      today: day,
    });
  }
  return { users, today: day, reportTypes: reportProvinces.length };
}
