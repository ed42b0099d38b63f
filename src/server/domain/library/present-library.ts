import type { LibraryItemKind } from '../../../shared/activities';
import type { LibraryItemDto, LibraryTranslationDto } from '../../../shared/api/library';
import type { StoredFileRow } from '../../db/repositories/evidence';
import type { LibraryItemRow, LibraryItemView } from '../../db/repositories/library';
import { presentStoredFile } from '../evidence/present-evidence';
import { isPublished } from './library-scope';

export function presentLibraryItem(
  view: LibraryItemView,
  usageCount: number,
  translationLanguages: string[],
): LibraryItemDto {
  const { item } = view;
  return {
    id: item.id,
    ownerUnitId: item.ownerUnitId,
    ownerUnitName: view.ownerUnitName,
    kind: item.kind as LibraryItemKind,
    title: item.title,
    summary: item.summary,
    language: item.language,
    topics: item.topics,
    file: view.file ? presentStoredFile(view.file) : null,
    translationOfId: item.translationOfId,
    publishedAt: item.publishedAt,
    isDraft: !isPublished(item),
    usageCount,
    translationLanguages,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    createdByName: view.createdByName,
  };
}

export function presentTranslation(
  item: LibraryItemRow,
  file: StoredFileRow | null,
  usageCount: number,
): LibraryTranslationDto {
  return {
    id: item.id,
    language: item.language,
    title: item.title,
    body: item.body,
    summary: item.summary,
    file: file ? presentStoredFile(file) : null,
    usageCount,
    createdAt: item.createdAt,
  };
}
