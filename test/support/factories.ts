import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../src/server/db/client';
import { insertUnits } from '../../src/server/db/repositories/units';
import { createUserUnchecked } from '../../src/server/domain/accounts/manage-users';
import type { Actor } from '../../src/server/domain/actor';
import type { Role } from '../../src/shared/roles';
import type { UnitKind } from '../../src/shared/units';

export const TEST_ACTOR: Actor = { userId: null, label: 'test' };
export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

function suffix(): string {
  return randomBytes(3).toString('hex');
}

export async function createUnit(
  q: Queryable,
  fields: Partial<{
    kind: UnitKind;
    code: string | null;
    name: string;
    parentId: string | null;
    validFrom: string;
    validTo: string | null;
    websiteUrl: string | null;
  }> = {},
): Promise<string> {
  const [created] = await insertUnits(q, [
    {
      kind: fields.kind ?? 'commune',
      code: fields.code === undefined ? `T${suffix()}` : fields.code,
      name: fields.name ?? `Xã Thử ${suffix()}`,
      parentId: fields.parentId ?? null,
      validFrom: fields.validFrom ?? '2020-01-01',
      validTo: fields.validTo ?? null,
      websiteUrl: fields.websiteUrl ?? null,
    },
  ]);
  return created!.id;
}

/** A province with two communes: the smallest tree that shows subtree scoping. */
export async function createProvinceWithCommunes(q: Queryable) {
  const provinceId = await createUnit(q, { kind: 'province', name: `Tỉnh Thử ${suffix()}` });
  const communeA = await createUnit(q, { parentId: provinceId, name: `Xã An ${suffix()}` });
  const communeB = await createUnit(q, { parentId: provinceId, name: `Xã Bình ${suffix()}` });
  return { provinceId, communeA, communeB };
}

export async function createUser(
  q: Queryable,
  grants: Array<{ role: Role; unitId: string | null }>,
  username = `u${suffix()}`,
) {
  return createUserUnchecked(q, TEST_ACTOR, {
    username,
    fullName: `Người Thử ${username}`,
    password: TEST_PASSWORD,
    grants,
  });
}
