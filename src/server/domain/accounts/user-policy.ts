import type { Role } from '../../../shared/roles';
import type { Queryable } from '../../db/client';
import { findGrantsOfUsers } from '../../db/repositories/users';
import { AppError, notFound } from '../../errors';
import { GRANTABLE_ROLES } from '../../policies/permissions';
import { isGlobal, type Principal, scopeIds } from '../../policies/principal';

/** What a manager may do with accounts: the units they manage and the roles they may hand out. */
export interface ManagerScope {
  unitIds: string[] | null;
  grantableRoles: Set<Role>;
}

export async function loadManagerScope(q: Queryable, principal: Principal): Promise<ManagerScope> {
  const unitIds = await scopeIds(q, principal, 'user.manage');
  const grantableRoles = new Set<Role>(principal.grants.flatMap((grant) => GRANTABLE_ROLES[grant.role]));
  if (unitIds !== null && unitIds.length === 0) throw notFound();
  return { unitIds, grantableRoles };
}

/**
 * A manager reaches a user when every grant the user holds is inside the manager's scope and of a
 * role the manager could hand out; anyone else's account is "not found".
 */
export async function assertManagesUser(
  q: Queryable,
  principal: Principal,
  scope: ManagerScope,
  userId: string,
) {
  if (isGlobal(principal, 'user.manage')) return;
  const grants = (await findGrantsOfUsers(q, [userId])).get(userId) ?? [];
  const inScope = new Set(scope.unitIds ?? []);
  const reachable =
    grants.length > 0 &&
    grants.every(
      (grant) =>
        grant.unitId !== null && inScope.has(grant.unitId) && scope.grantableRoles.has(grant.role as Role),
    );
  if (!reachable) throw notFound();
}

export function assertMayGrant(scope: ManagerScope, role: Role, unitId: string | null, field: string) {
  if (!scope.grantableRoles.has(role)) {
    throw new AppError('FORBIDDEN', 'Bạn không được cấp vai trò này.', [
      { field, message: 'Vai trò ngoài quyền cấp của bạn.' },
    ]);
  }
  if (scope.unitIds !== null && (unitId === null || !scope.unitIds.includes(unitId))) throw notFound();
}
