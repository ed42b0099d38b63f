import type { EvidenceLinkDto } from '../../../shared/api/evidence';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  deleteEvidenceLink,
  findLinksOfEvidence,
  getEvidenceLink,
  getEvidenceRow,
} from '../../db/repositories/evidence';
import { AppError, notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { presentEvidenceLink } from './present-evidence';

/** Detaches evidence from a record; the evidence itself stays. Returns the link as it was. */
export async function unlinkEvidence(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  linkId: string;
}): Promise<EvidenceLinkDto> {
  const { db, principal, actor, linkId } = options;
  const link = await getEvidenceLink(db, linkId);
  if (!link) throw notFound();
  const item = await getEvidenceRow(db, link.evidenceId);
  if (!item) throw notFound();
  await authorizeUnit(db, principal, item.unitId, 'activity.record');
  // A criterion's evidence belongs to an assessment, which has its own rules (locked once submitted).
  if (link.targetType === 'criterion')
    throw new AppError(
      'CONFLICT',
      'Minh chứng này gắn với một tiêu chí của bản đánh giá: bỏ gắn trong bản đánh giá (khi còn là bản nháp hoặc bị trả lại).',
    );
  const view = (await findLinksOfEvidence(db, item.id)).find((candidate) => candidate.id === linkId)!;
  await db.transaction(async (tx) => {
    await deleteEvidenceLink(tx, linkId);
    await insertAuditEntries(tx, actor, [
      {
        action: 'evidence.unlink',
        entityType: 'evidence',
        entityId: item.id,
        unitId: item.unitId,
        summary: `Bỏ gắn minh chứng "${item.title}"${view.targetTitle ? ` khỏi bản ghi "${view.targetTitle}"` : ''}`,
        before: { linkId, targetType: link.targetType, targetId: link.targetId },
      },
    ]);
  });
  return presentEvidenceLink(view);
}
