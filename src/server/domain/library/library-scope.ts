import type { Queryable } from '../../db/client';
import type { LibraryItemRow } from '../../db/repositories/library';
import { ROLES_BY_ACTION } from '../../policies/permissions';
import { actionsOnUnit, isGlobal, type Principal, scopeIds } from '../../policies/principal';
import { findGoverningIds } from '../units/unit-scope';

/**
 * Which library items a user sees. Materials flow down: a user sees what the units above any of
 * their units published (ancestors, and through merges their successors), plus what their own
 * units and the units below them own. Never sideways: one commune does not see another's items.
 * Drafts (and items whose publication time has not come) reach only those who may publish there.
 */
export interface LibraryScope {
  /** Owners whose published items the user sees; null: every owner. */
  ownerIds: string[] | null;
  /** Owners whose drafts the user sees; null: every owner. */
  draftOwnerIds: string[] | null;
}

export async function findLibraryScope(q: Queryable, principal: Principal): Promise<LibraryScope> {
  const draftOwnerIds = await scopeIds(q, principal, 'library.publish');
  if (isGlobal(principal, 'unit.view')) return { ownerIds: null, draftOwnerIds };
  const below = (await scopeIds(q, principal, 'unit.view')) ?? [];
  return { ownerIds: [...new Set([...below, ...(await findUnitsAbove(q, principal))])], draftOwnerIds };
}

/** The units governing any unit the user is granted on (the grant units themselves included). */
async function findUnitsAbove(q: Queryable, principal: Principal): Promise<string[]> {
  const roots = new Set<string>();
  for (const grant of principal.grants) {
    if (grant.unitId && ROLES_BY_ACTION['unit.view'].includes(grant.role)) roots.add(grant.unitId);
  }
  // One after the other: q may be a transaction's client (one statement at a time).
  const governing: string[] = [];
  for (const root of roots) governing.push(...(await findGoverningIds(q, root)));
  return governing;
}

export function isPublished(item: Pick<LibraryItemRow, 'publishedAt'>, now: Date = new Date()): boolean {
  return item.publishedAt !== null && item.publishedAt.getTime() <= now.getTime();
}

/** What the user may do with one item's owner: see its published items, see its drafts and publish there. */
export async function libraryAccessOf(
  q: Queryable,
  principal: Principal,
  ownerUnitId: string,
): Promise<{ canSee: boolean; canPublish: boolean }> {
  const governing = await findGoverningIds(q, ownerUnitId);
  const actions = actionsOnUnit(principal, governing);
  const canPublish = actions.includes('library.publish');
  if (actions.includes('unit.view')) return { canSee: true, canPublish };
  // The owner is above one of the user's units: its published items flow down to them.
  return { canSee: (await findUnitsAbove(q, principal)).includes(ownerUnitId), canPublish };
}

/** Whether the user sees the item (for a translation, its original decides). */
export async function canSeeLibraryItem(
  q: Queryable,
  principal: Principal,
  original: LibraryItemRow,
): Promise<{ visible: boolean; canPublish: boolean }> {
  const access = await libraryAccessOf(q, principal, original.ownerUnitId);
  const visible = access.canSee && (isPublished(original) || access.canPublish);
  return { visible, canPublish: access.canPublish };
}
