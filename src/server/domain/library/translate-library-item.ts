import type { LibraryItemKind } from '../../../shared/activities';
import type { LibraryCreatedDto, LibraryTranslationInput } from '../../../shared/api/library';
import type { ErrorDetail } from '../../../shared/errors';
import { normalizeText } from '../../../shared/text';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { findTranslationRows, insertLibraryItem, lockLibraryItem } from '../../db/repositories/library';
import { AppError, forbidden, validationError } from '../../errors';
import type { Principal } from '../../policies/principal';
import type { UploadedFile } from '../../storage/file-store';
import type { Actor } from '../actor';
import { inspectUploadedFile, saveInspectedFile } from '../evidence/store-uploaded-file';
import { loadLibraryDetail, loadVisibleItem } from './get-library-item';
import {
  checkContent,
  checkVocabulary,
  FILE_RULES,
  languageName,
  librarySearchText,
  loadVocabulary,
  normalizeBody,
  throwIfErrors,
} from './library-rules';
import { isPublished } from './library-scope';

const spoken = (name: string) => name.replace(/^Tiếng/, 'tiếng');

/**
 * Adds a version of an item in another language of the owner's province (an ethnic-minority
 * language, say). One version per language: a second one is a conflict, not a silent duplicate.
 */
export async function translateLibraryItem(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  itemId: string;
  input: LibraryTranslationInput;
  upload: UploadedFile | null;
}): Promise<LibraryCreatedDto> {
  const { db, principal, actor, itemId, input, upload } = options;
  try {
    const { item: original, canPublish } = await loadVisibleItem(db, principal, itemId);
    if (original.translationOfId)
      throw validationError('Đây là một bản dịch; hãy thêm bản dịch vào tài liệu gốc.');
    if (!canPublish) throw forbidden('Chỉ cơ quan phát hành được thêm bản dịch.');
    const kind = original.kind as LibraryItemKind;
    const vocabulary = await loadVocabulary(db, original.ownerUnitId);
    const errors: ErrorDetail[] = [];
    const title = normalizeText(input.title);
    if (!title) errors.push({ field: 'body.title', message: 'Nhập tiêu đề.' });
    const body = normalizeBody(input.body);
    const summary = input.summary ? normalizeText(input.summary) || null : null;
    checkContent(kind, { body, upload }, errors);
    checkVocabulary(vocabulary, { language: input.language }, errors);
    throwIfErrors(errors);
    const taken = () =>
      new AppError('CONFLICT', `Tài liệu đã có bản ${spoken(languageName(vocabulary, input.language))}.`);
    if (input.language === original.language) throw taken();
    const file = upload ? await inspectUploadedFile(upload, FILE_RULES[kind]) : null;
    const id = await db.transaction(async (tx) => {
      await lockLibraryItem(tx, original.id);
      const existing = await findTranslationRows(tx, [original.id]);
      if (existing.some((row) => row.item.language === input.language)) throw taken();
      const stored = file ? await saveInspectedFile(tx, file, actor.userId) : null;
      const values = {
        ownerUnitId: original.ownerUnitId,
        kind,
        title,
        searchText: librarySearchText({ title, summary, body }),
        body,
        summary,
        language: input.language,
        topics: original.topics,
        fileId: stored?.id ?? null,
        translationOfId: original.id,
        // Available from now on, if the original is; otherwise it waits with it.
        publishedAt: isPublished(original) ? new Date() : null,
        createdBy: actor.userId,
      };
      const translationId = await insertLibraryItem(tx, values);
      await insertAuditEntries(tx, actor, [
        {
          action: 'library.translate',
          entityType: 'library_item',
          entityId: translationId,
          unitId: original.ownerUnitId,
          summary: `Thêm bản ${spoken(languageName(vocabulary, input.language))} của tài liệu: ${original.title}`,
          after: {
            ...values,
            body: body && body.length > 2000 ? `${body.slice(0, 2000)}…` : body,
            publishedAt: values.publishedAt?.toISOString() ?? null,
          },
        },
      ]);
      return translationId;
    });
    return { ...(await loadLibraryDetail(db, id, true)), notices: file?.notices ?? [] };
  } finally {
    await upload?.staged.discard();
  }
}

/** Refuses early, before an upload is read, when the user may not translate this item. */
export async function checkCanTranslate(options: {
  db: Db;
  principal: Principal;
  itemId: string;
}): Promise<void> {
  const { canPublish } = await loadVisibleItem(options.db, options.principal, options.itemId);
  if (!canPublish) throw forbidden('Chỉ cơ quan phát hành được thêm bản dịch.');
}
