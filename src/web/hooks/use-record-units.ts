import { useMe } from '../api/auth';
import type { Me } from '../api/types';
import { useUnitRoots } from '../api/units';

export interface GrantUnit {
  id: string;
  name: string;
}

/** The units the server says allow an action, named from the user's grants. */
function namedUnits(me: Me | null | undefined, unitIds: string[] | undefined): GrantUnit[] {
  const names = new Map((me?.grants ?? []).map((grant) => [grant.unitId, grant.unitName]));
  return (unitIds ?? []).map((id) => ({ id, name: names.get(id) ?? id }));
}

/**
 * A grant on no unit is a system admin's over everything (see the accounts schema), and a system
 * admin may record anywhere; /api/auth/me lists only the units of unit grants in recordUnitIds.
 */
function isSystemWide(me: Me | null | undefined): boolean {
  return (me?.grants ?? []).some((grant) => grant.unitId === null);
}

export function canRecord(me: Me | null | undefined): boolean {
  return (me?.recordUnitIds.length ?? 0) > 0 || isSystemWide(me);
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

/** Where the user may record, and so which unit choice the entry forms offer. */
export interface RecordScope {
  /** The units of the user's own recording grants; the first is the forms' default. */
  grantUnits: GrantUnit[];
  /**
   * True when a grant covers units below its own (a province DX office) or everything (a system
   * admin): the forms then let the user search any unit of their scope by name.
   */
  coversSubtree: boolean;
  /** One fixed unit (a commune officer): the forms show its name and ask nothing. */
  isSingleUnit: boolean;
}

/**
 * The recording scope of the signed-in user. Whether a grant covers a subtree comes from the roots of
 * the user's tree (their grant units, with child counts): a commune's officer stays on today's
 * one-unit form, and until the roots arrive the forms behave as for the grant units alone.
 */
export function useRecordScope(): RecordScope {
  const me = useMe().data;
  const grantUnits = namedUnits(me, me?.recordUnitIds);
  const systemWide = isSystemWide(me);
  const roots = useUnitRoots(undefined);
  const recordIds = new Set(me?.recordUnitIds ?? []);
  const coversSubtree =
    systemWide || (roots.data ?? []).some((root) => recordIds.has(root.id) && root.childCount > 0);
  return { grantUnits, coversSubtree, isSingleUnit: !coversSubtree && grantUnits.length === 1 };
}
