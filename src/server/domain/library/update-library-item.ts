import type { LibraryItemKind } from '../../../shared/activities';
import type { LibraryItemDetailDto, LibraryItemUpdate } from '../../../shared/api/library';
import type { ErrorDetail } from '../../../shared/errors';
import { normalizeText } from '../../../shared/text';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  findTranslationRows,
  type NewLibraryItem,
  updateLibraryItemRow,
} from '../../db/repositories/library';
import { AppError, forbidden } from '../../errors';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { loadLibraryDetail, loadVisibleItem } from './get-library-item';
import {
  checkVocabulary,
  isTextKind,
  languageName,
  librarySearchText,
  loadVocabulary,
  normalizeBody,
  throwIfErrors,
} from './library-rules';

/**
 * Edits an item (or a translation) in place, audited with what it was before. Publishing is setting
 * publishedAt; null makes it a draft again. A translation follows its original's publication.
 */
export async function updateLibraryItem(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  itemId: string;
  input: LibraryItemUpdate;
}): Promise<LibraryItemDetailDto> {
  const { db, principal, actor, itemId, input } = options;
  const { item, original, canPublish } = await loadVisibleItem(db, principal, itemId);
  if (!canPublish) throw forbidden('Chỉ cơ quan phát hành được sửa tài liệu này.');
  const kind = item.kind as LibraryItemKind;
  const isTranslation = item.id !== original.id;
  const errors: ErrorDetail[] = [];
  const changes: Partial<NewLibraryItem> = {};
  if (input.title !== undefined) {
    changes.title = normalizeText(input.title);
    if (!changes.title) errors.push({ field: 'body.title', message: 'Nhập tiêu đề.' });
  }
  if (input.body !== undefined) {
    changes.body = normalizeBody(input.body);
    if (isTextKind(kind) && !changes.body) errors.push({ field: 'body.body', message: 'Nhập nội dung.' });
  }
  if (input.summary !== undefined)
    changes.summary = input.summary === null ? null : normalizeText(input.summary) || null;
  if (isTranslation && (input.topics !== undefined || input.publishedAt !== undefined)) {
    errors.push({
      field: 'body.publishedAt',
      message: 'Bản dịch theo chủ đề và thời điểm phát hành của tài liệu gốc.',
    });
  }
  if (input.topics !== undefined) changes.topics = [...new Set(input.topics)];
  if (input.publishedAt !== undefined) changes.publishedAt = input.publishedAt;
  const vocabulary = await loadVocabulary(db, original.ownerUnitId);
  checkVocabulary(vocabulary, { topics: input.topics, language: input.language }, errors);
  throwIfErrors(errors);

  if (input.language !== undefined && input.language !== item.language) {
    // One version per language: the original's and each translation's languages stay distinct.
    const siblings = await findTranslationRows(db, [original.id]);
    const taken = new Set([original.language, ...siblings.map((s) => s.item.language)]);
    if (taken.has(input.language)) {
      throw new AppError(
        'CONFLICT',
        `Tài liệu đã có bản ${languageName(vocabulary, input.language).replace(/^Tiếng/, 'tiếng')}.`,
      );
    }
    changes.language = input.language;
  }
  if (changes.title !== undefined || changes.summary !== undefined || changes.body !== undefined) {
    changes.searchText = librarySearchText({
      title: changes.title ?? item.title,
      summary: changes.summary !== undefined ? changes.summary : item.summary,
      body: changes.body !== undefined ? changes.body : item.body,
    });
  }
  const before = Object.fromEntries(Object.keys(changes).map((key) => [key, item[key as keyof typeof item]]));
  await db.transaction(async (tx) => {
    await updateLibraryItemRow(tx, item.id, changes);
    await insertAuditEntries(tx, actor, [
      {
        action: 'library.update',
        entityType: 'library_item',
        entityId: item.id,
        unitId: original.ownerUnitId,
        summary: `Sửa tài liệu: ${changes.title ?? item.title}`,
        before,
        after: changes,
      },
    ]);
  });
  return loadLibraryDetail(db, item.id, true);
}
