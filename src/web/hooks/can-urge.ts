import type { Me } from '../api/types';

/** The DX office (or a system admin) urges units and reads the urging list; the server checks each unit. */
export function canUrge(me: Me | null | undefined): boolean {
  return (me?.grants ?? []).some((grant) => grant.role === 'dx_office' || grant.role === 'system_admin');
}
