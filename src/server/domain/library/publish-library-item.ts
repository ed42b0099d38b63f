import type { LibraryItemKind } from '../../../shared/activities';
import type { LibraryCreatedDto, LibraryItemInput } from '../../../shared/api/library';
import type { ErrorDetail } from '../../../shared/errors';
import { normalizeText } from '../../../shared/text';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { insertLibraryItem } from '../../db/repositories/library';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { UploadedFile } from '../../storage/file-store';
import type { Actor } from '../actor';
import { inspectUploadedFile, saveInspectedFile } from '../evidence/store-uploaded-file';
import { loadLibraryDetail } from './get-library-item';
import {
  checkContent,
  checkVocabulary,
  FILE_RULES,
  librarySearchText,
  loadVocabulary,
  normalizeBody,
  throwIfErrors,
} from './library-rules';
import { isPublished } from './library-scope';

/**
 * A DX office adds material to its library: published to its subtree at publishedAt, or kept as a
 * draft (no date) that only publishers see.
 */
export async function publishLibraryItem(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  unitId: string;
  input: LibraryItemInput;
  upload: UploadedFile | null;
}): Promise<LibraryCreatedDto> {
  const { db, principal, actor, unitId, input, upload } = options;
  try {
    await authorizeUnit(db, principal, unitId, 'library.publish');
    const kind: LibraryItemKind = input.kind;
    const errors: ErrorDetail[] = [];
    const title = normalizeText(input.title);
    if (!title) errors.push({ field: 'body.title', message: 'Nhập tiêu đề.' });
    const body = normalizeBody(input.body);
    const summary = input.summary ? normalizeText(input.summary) || null : null;
    checkContent(kind, { body, upload }, errors);
    checkVocabulary(
      await loadVocabulary(db, unitId),
      { topics: input.topics, language: input.language },
      errors,
    );
    throwIfErrors(errors);
    const file = upload ? await inspectUploadedFile(upload, FILE_RULES[kind]) : null;
    const publishedAt = input.publishedAt ?? null;
    const id = await db.transaction(async (tx) => {
      const stored = file ? await saveInspectedFile(tx, file, actor.userId) : null;
      const values = {
        ownerUnitId: unitId,
        kind,
        title,
        searchText: librarySearchText({ title, summary, body }),
        body,
        summary,
        language: input.language,
        topics: [...new Set(input.topics)],
        fileId: stored?.id ?? null,
        publishedAt,
        createdBy: actor.userId,
      };
      const itemId = await insertLibraryItem(tx, values);
      await insertAuditEntries(tx, actor, [
        {
          action: 'library.publish',
          entityType: 'library_item',
          entityId: itemId,
          unitId,
          summary: `${publishedAt && isPublished({ publishedAt }) ? 'Phát hành' : 'Soạn'} tài liệu: ${title}${publishedAt ? '' : ' (bản nháp)'}`,
          after: {
            ...values,
            body: body && body.length > 2000 ? `${body.slice(0, 2000)}…` : body,
            publishedAt: publishedAt?.toISOString() ?? null,
          },
        },
      ]);
      return itemId;
    });
    return { ...(await loadLibraryDetail(db, id, true)), notices: file?.notices ?? [] };
  } finally {
    await upload?.staged.discard();
  }
}
