import { ROLES_BY_ACTION } from '../../policies/permissions';
import type { Principal } from '../../policies/principal';

/**
 * Frameworks belong to no unit: a province's DX office writes its index and any unit may be scored
 * on it. So importing needs framework.manage on some unit (or everywhere), not on a particular one.
 */
export function canManageFrameworks(principal: Principal): boolean {
  const roles = ROLES_BY_ACTION['framework.manage'];
  return principal.grants.some((grant) => roles.includes(grant.role));
}
