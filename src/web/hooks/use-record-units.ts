import { useMe } from '../api/auth';
import type { Me } from '../api/types';

/** Roles that may record activities (the server's activity.record); the menu shows entry pages only to them. */
const RECORDING_ROLES = new Set(['system_admin', 'dx_office', 'unit_head', 'unit_officer']);
const ISSUING_ROLES = new Set(['system_admin', 'dx_office', 'unit_head']);

export interface GrantUnit {
  id: string;
  name: string;
}

function unitsWith(me: Me | null | undefined, roles: Set<string>): GrantUnit[] {
  const units = new Map<string, string>();
  for (const grant of me?.grants ?? []) {
    if (grant.unitId && RECORDING_ROLES.has(grant.role) && roles.has(grant.role))
      units.set(grant.unitId, grant.unitName ?? grant.unitId);
  }
  return [...units].map(([id, name]) => ({ id, name }));
}

export function canRecord(me: Me | null | undefined): boolean {
  return (me?.grants ?? []).some((grant) => RECORDING_ROLES.has(grant.role));
}

/** The units of the user's own grants that allow recording: the first is the default of every form. */
export function useRecordUnits(): GrantUnit[] {
  return unitsWith(useMe().data, RECORDING_ROLES);
}

/** The units where the user may issue a broadcast schedule. */
export function useIssueUnits(): GrantUnit[] {
  return unitsWith(useMe().data, ISSUING_ROLES);
}
