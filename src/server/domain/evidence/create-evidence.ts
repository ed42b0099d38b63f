import type { EvidenceCreatedDto } from '../../../shared/api/evidence';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { insertEvidence } from '../../db/repositories/evidence';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { loadEvidenceDetail } from './get-evidence';
import { type EvidenceContent, prepareEvidence, uploadOf } from './prepare-evidence';
import { saveInspectedFile } from './store-uploaded-file';

/** Adds a file, URL or document citation as evidence of a unit. */
export async function createEvidence(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  unitId: string;
  content: EvidenceContent;
}): Promise<EvidenceCreatedDto> {
  const { db, principal, actor, unitId, content } = options;
  try {
    await authorizeUnit(db, principal, unitId, 'activity.record');
    const prepared = await prepareEvidence(content);
    const id = await db.transaction(async (tx) => {
      const file = prepared.file ? await saveInspectedFile(tx, prepared.file, actor.userId) : null;
      const evidenceId = await insertEvidence(tx, {
        ...prepared.values,
        unitId,
        fileId: file?.id ?? null,
        source: 'upload',
        createdBy: actor.userId,
      });
      await insertAuditEntries(tx, actor, [
        {
          action: 'evidence.create',
          entityType: 'evidence',
          entityId: evidenceId,
          unitId,
          summary: `Thêm minh chứng: ${prepared.values.title}`,
          after: {
            ...prepared.values,
            file: file && {
              id: file.id,
              sha256: file.sha256,
              sizeBytes: file.sizeBytes,
              mimeType: file.mimeType,
              originalName: file.originalName,
            },
          },
        },
      ]);
      return evidenceId;
    });
    return { ...(await loadEvidenceDetail(db, id, true)), notices: prepared.notices };
  } finally {
    // Refused or failed: the staged bytes go. Committed: nothing is left to remove.
    await uploadOf(content)?.staged.discard();
  }
}
