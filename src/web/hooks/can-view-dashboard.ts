import { DASHBOARD_ROLES } from '../../shared/roles';
import type { Me } from '../api/types';

/** Whether the user opens the province dashboard: a DX office, a reviewer or an admin somewhere. */
export function canViewDashboard(me: Me | null | undefined): boolean {
  return (me?.grants ?? []).some((grant) => DASHBOARD_ROLES.includes(grant.role));
}
