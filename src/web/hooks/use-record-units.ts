import { useMe } from '../api/auth';
import type { Me } from '../api/types';

export interface GrantUnit {
  id: string;
  name: string;
}

/** The units the server says allow an action, named from the user's grants. */
function namedUnits(me: Me | null | undefined, unitIds: string[] | undefined): GrantUnit[] {
  const names = new Map((me?.grants ?? []).map((grant) => [grant.unitId, grant.unitName]));
  return (unitIds ?? []).map((id) => ({ id, name: names.get(id) ?? id }));
}

export function canRecord(me: Me | null | undefined): boolean {
  return (me?.recordUnitIds.length ?? 0) > 0;
}

/** The units of the user's own grants that allow recording: the first is the default of every form. */
export function useRecordUnits(): GrantUnit[] {
  const me = useMe().data;
  return namedUnits(me, me?.recordUnitIds);
}

/** The units where the user may issue a broadcast schedule. */
export function useIssueUnits(): GrantUnit[] {
  const me = useMe().data;
  return namedUnits(me, me?.issueUnitIds);
}
