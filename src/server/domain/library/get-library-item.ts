import type { LibraryItemDetailDto } from '../../../shared/api/library';
import type { Queryable } from '../../db/client';
import {
  countLibraryUsage,
  findTranslationRows,
  getLibraryItemRow,
  getLibraryItemView,
  type LibraryItemRow,
} from '../../db/repositories/library';
import { notFound } from '../../errors';
import type { Principal } from '../../policies/principal';
import { canSeeLibraryItem } from './library-scope';
import { presentLibraryItem, presentTranslation } from './present-library';

/** An item and its original (the item itself unless it is a translation), refusing what the user does not see. */
export async function loadVisibleItem(db: Queryable, principal: Principal, itemId: string) {
  const item = await getLibraryItemRow(db, itemId);
  if (!item) throw notFound();
  const original: LibraryItemRow | undefined = item.translationOfId
    ? await getLibraryItemRow(db, item.translationOfId)
    : item;
  if (!original) throw notFound();
  const access = await canSeeLibraryItem(db, principal, original);
  if (!access.visible) throw notFound();
  return { item, original, canPublish: access.canPublish };
}

/** One item with its body, its translations and how often each is used. */
export async function getLibraryItem(options: {
  db: Queryable;
  principal: Principal;
  itemId: string;
}): Promise<LibraryItemDetailDto> {
  const { canPublish } = await loadVisibleItem(options.db, options.principal, options.itemId);
  return loadLibraryDetail(options.db, options.itemId, canPublish);
}

/** The detail without a permission check, for callers that have just made one. */
export async function loadLibraryDetail(
  db: Queryable,
  itemId: string,
  canEdit: boolean,
): Promise<LibraryItemDetailDto> {
  const view = await getLibraryItemView(db, itemId);
  if (!view) throw notFound();
  const translations = view.item.translationOfId ? [] : await findTranslationRows(db, [itemId]);
  const usage = await countLibraryUsage(db, [itemId, ...translations.map((t) => t.item.id)]);
  return {
    ...presentLibraryItem(view, usage.get(itemId) ?? 0, translations.map((t) => t.item.language).sort()),
    body: view.item.body,
    translations: translations.map((t) => presentTranslation(t.item, t.file, usage.get(t.item.id) ?? 0)),
    canEdit,
  };
}
