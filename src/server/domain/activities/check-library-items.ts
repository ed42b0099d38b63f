import type { Queryable } from '../../db/client';
import type { Principal } from '../../policies/principal';
import { loadVisibleItem } from '../library/get-library-item';

/**
 * A record may name only a library item its author sees (published where it flows down to them, or a
 * draft of a unit they publish for): any other id is "not found", so that neither another province's
 * draft nor its usage count can be touched by naming it. `keep` is the item a record already names.
 */
export async function assertLibraryItemsVisible(
  db: Queryable,
  principal: Principal,
  items: ReadonlyArray<{ libraryItemId?: string | null }>,
  keep: string | null = null,
): Promise<void> {
  const ids = new Set(items.flatMap((item) => (item.libraryItemId ? [item.libraryItemId] : [])));
  ids.delete(keep ?? '');
  for (const id of ids) await loadVisibleItem(db, principal, id);
}
