import type { LibraryItemDto, LibraryListQuery } from '../../../shared/api/library';
import type { Queryable } from '../../db/client';
import { countLibraryUsage, findLibraryPage, findTranslationLanguages } from '../../db/repositories/library';
import { notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { findGoverningIds } from '../units/unit-scope';
import { findLibraryScope, libraryAccessOf } from './library-scope';
import { presentLibraryItem } from './present-library';

function intersect(scope: string[] | null, ids: string[]): string[] {
  return scope === null ? ids : ids.filter((id) => scope.includes(id));
}

/**
 * The library as the user sees it (see LibraryScope), optionally narrowed to what one unit may use
 * (its own items and those of the units above it) or to one publisher. Usage counts and translation
 * languages come from one grouped query each for the whole page.
 */
export async function findLibraryItems(options: {
  db: Queryable;
  principal: Principal;
  query: LibraryListQuery;
}): Promise<{ items: LibraryItemDto[]; total: number }> {
  const { db, principal, query } = options;
  const scope = await findLibraryScope(db, principal);
  let ownerIds = scope.ownerIds;
  if (query.unitId) {
    await authorizeUnit(db, principal, query.unitId, 'unit.view');
    ownerIds = intersect(ownerIds, await findGoverningIds(db, query.unitId));
  }
  if (query.ownerUnitId) {
    // A publisher the caller cannot see is "not found", not an empty list that confirms nothing.
    if (!(await libraryAccessOf(db, principal, query.ownerUnitId)).canSee) throw notFound();
    ownerIds = intersect(ownerIds, [query.ownerUnitId]);
  }
  const page = await findLibraryPage(
    db,
    {
      ownerIds,
      draftOwnerIds: scope.draftOwnerIds,
      kind: query.kind,
      text: query.q,
      topic: query.topic,
      language: query.language,
      draft: query.draft,
    },
    { limit: query.limit, offset: query.offset },
  );
  const ids = page.rows.map((row) => row.item.id);
  const [usage, languages] = await Promise.all([
    countLibraryUsage(db, ids),
    findTranslationLanguages(db, ids),
  ]);
  return {
    items: page.rows.map((row) =>
      presentLibraryItem(row, usage.get(row.item.id) ?? 0, languages.get(row.item.id) ?? []),
    ),
    total: page.total,
  };
}
