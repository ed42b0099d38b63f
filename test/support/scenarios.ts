import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../../src/server/db/client';
import { recordUnitEvent } from '../../src/server/domain/units/record-unit-event';
import type { Role } from '../../src/shared/roles';
import { logIn, type Session } from './app';
import { createUnit, createUser, TEST_ACTOR } from './factories';

export const REORG = '2025-07-01';

/**
 * A small copy of the 2025 reorganisation in Quảng Ngãi: former Tỉnh Kon Tum merges into Quảng Ngãi,
 * its Huyện Kon Rẫy is dissolved, and four former communes merge into two new ones. Lâm Đồng with one
 * commune stands beside it as the outsider.
 */
export async function createKonTumScenario(q: Queryable) {
  const quangNgai = await createUnit(q, {
    kind: 'province',
    code: '51',
    name: 'Tỉnh Quảng Ngãi',
    validFrom: '2020-01-01',
  });
  const konTum = await createUnit(q, {
    kind: 'province',
    code: '62',
    name: 'Tỉnh Kon Tum',
    validFrom: '2020-01-01',
    validTo: REORG,
  });
  const konRay = await createUnit(q, {
    kind: 'former_district',
    code: '616',
    name: 'Huyện Kon Rẫy',
    parentId: konTum,
    validFrom: '2020-01-01',
    validTo: REORG,
  });
  const former = async (code: string, name: string) =>
    createUnit(q, { kind: 'commune', code, name, parentId: konRay, validFrom: '2020-01-01', validTo: REORG });
  const ttDakRve = await former('23479', 'Thị trấn Đắk Rve');
  const dakPne = await former('23482', 'Xã Đắk Pne');
  const tanLap = await former('23497', 'Xã Tân Lập');
  const dakRuong = await former('23491', 'Xã Đắk Ruồng');
  // Today's communes reuse codes of former ones, which is allowed once the former ones have ended.
  const dakRve = await createUnit(q, {
    kind: 'commune',
    code: '23479',
    name: 'Xã Đăk Rve',
    parentId: quangNgai,
    validFrom: REORG,
  });
  const konBraih = await createUnit(q, {
    kind: 'commune',
    code: '23497',
    name: 'Xã Kon Braih',
    parentId: quangNgai,
    validFrom: REORG,
  });
  const camThanh = await createUnit(q, {
    kind: 'ward',
    code: '21025',
    name: 'Phường Cẩm Thành',
    parentId: quangNgai,
    validFrom: REORG,
  });

  await recordUnitEvent(q, TEST_ACTOR, {
    kind: 'merge',
    date: REORG,
    fromIds: [ttDakRve, dakPne],
    toId: dakRve,
  });
  await recordUnitEvent(q, TEST_ACTOR, {
    kind: 'merge',
    date: REORG,
    fromIds: [tanLap, dakRuong],
    toId: konBraih,
  });
  await recordUnitEvent(q, TEST_ACTOR, {
    kind: 'dissolve',
    date: REORG,
    unitId: konRay,
    successorIds: [dakRve, konBraih],
  });
  await recordUnitEvent(q, TEST_ACTOR, { kind: 'merge', date: REORG, fromIds: [konTum], toId: quangNgai });

  const lamDong = await createUnit(q, {
    kind: 'province',
    code: '68',
    name: 'Tỉnh Lâm Đồng',
    validFrom: '2020-01-01',
  });
  const dakMil = await createUnit(q, {
    kind: 'commune',
    code: '24670',
    name: 'Xã Đắk Mil',
    parentId: lamDong,
    validFrom: REORG,
  });

  return {
    quangNgai,
    konTum,
    konRay,
    ttDakRve,
    dakPne,
    tanLap,
    dakRuong,
    dakRve,
    konBraih,
    camThanh,
    lamDong,
    dakMil,
  };
}

/** A new user with the given grants, signed in. */
export async function createSignedInUser(
  app: FastifyInstance,
  q: Queryable,
  grants: Array<{ role: Role; unitId: string | null }>,
  username?: string,
): Promise<{ userId: string; username: string; session: Session }> {
  const user = await createUser(q, grants, username);
  return { userId: user.id, username: user.username, session: await logIn(app, user.username) };
}

/** The day after an ISO day. */
export function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The day before an ISO day. */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
