import type { Action, Role } from '../../shared/roles';
import type { Queryable } from '../db/client';
import { findGoverningIds, findRollupIds } from '../domain/units/unit-scope';
import { forbidden, notFound } from '../errors';
import { ROLES_BY_ACTION } from './permissions';

export interface Grant {
  id: string;
  role: Role;
  /** null only for a system admin over everything. */
  unitId: string | null;
}

/** The signed-in user as the policies see them. */
export interface Principal {
  userId: string;
  username: string;
  grants: Grant[];
  /**
   * On a read request (GET, HEAD): the units revision read with the session, in the same statement.
   * The access checks of the request then take the unit graph of that revision instead of reading
   * the revision again at each check. Absent on a write, which may change the units before checking.
   */
  unitsRevision?: string;
}

function grantsFor(principal: Principal, action: Action): Grant[] {
  const roles = ROLES_BY_ACTION[action];
  return principal.grants.filter((grant) => roles.includes(grant.role));
}

/** True when the principal may take the action everywhere (a system admin granted on no unit). */
export function isGlobal(principal: Principal, action: Action): boolean {
  return grantsFor(principal, action).some((grant) => grant.unitId === null);
}

/** The actions the principal may take on a unit, given the units that govern it. */
export function actionsOnUnit(principal: Principal, governingIds: readonly string[]): Action[] {
  const governing = new Set(governingIds);
  return (Object.keys(ROLES_BY_ACTION) as Action[]).filter((action) =>
    grantsFor(principal, action).some((grant) => grant.unitId === null || governing.has(grant.unitId)),
  );
}

/**
 * Loads what the principal may do on a unit, refusing with "not found" when the unit does not exist
 * or lies outside every grant, and with "forbidden" when it is visible but the action is not allowed.
 */
export async function authorizeUnit(
  q: Queryable,
  principal: Principal,
  unitId: string,
  action: Action,
): Promise<Action[]> {
  const governingIds = await findGoverningIds(q, unitId, principal.unitsRevision);
  if (governingIds.length === 0) throw notFound();
  const actions = actionsOnUnit(principal, governingIds);
  if (!actions.includes('unit.view')) throw notFound();
  if (!actions.includes(action)) throw forbidden();
  return actions;
}

/** The ids of every unit the principal may take the action on; null when unlimited. */
export async function scopeIds(q: Queryable, principal: Principal, action: Action): Promise<string[] | null> {
  if (isGlobal(principal, action)) return null;
  const roots = grantsFor(principal, action).map((grant) => grant.unitId!);
  return findRollupIds(q, [...new Set(roots)], principal.unitsRevision);
}
