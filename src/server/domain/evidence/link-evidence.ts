import type { EvidenceLinkDto, EvidenceLinkInput } from '../../../shared/api/evidence';
import type { Db } from '../../db/client';
import { getActivityRow } from '../../db/repositories/activities';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  findCurrentVersion,
  findEvidenceLink,
  findLinksOfEvidence,
  getEvidenceRow,
  insertEvidenceLink,
} from '../../db/repositories/evidence';
import { AppError, notFound, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { findRollupIds } from '../units/unit-scope';
import { presentEvidenceLink } from './present-evidence';

/**
 * Attaches evidence to a record. The record must be one the user can see, of the evidence's unit or
 * a unit below it (or a former unit merged into it): evidence of one commune cannot prove another's work.
 */
export async function linkEvidence(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  evidenceId: string;
  input: EvidenceLinkInput;
}): Promise<EvidenceLinkDto> {
  const { db, principal, actor, evidenceId, input } = options;
  const asked = await getEvidenceRow(db, evidenceId);
  if (!asked) throw notFound();
  await authorizeUnit(db, principal, asked.unitId, 'activity.record');
  // A page showing an older version links what replaced it: links belong to the current version.
  const item = asked.isCurrent ? asked : await findCurrentVersion(db, asked.id);
  if (!item) throw notFound();
  const record = await getActivityRow(db, input.targetId);
  if (!record || record.deletedAt) throw notFound('Không tìm thấy bản ghi hoặc bạn không có quyền truy cập.');
  await authorizeUnit(db, principal, record.unitId, 'unit.view');
  const subtree = await findRollupIds(db, [item.unitId]);
  if (!subtree.includes(record.unitId)) {
    throw validationError('Bản ghi không thuộc đơn vị của minh chứng hoặc đơn vị trực thuộc.', [
      { field: 'body.targetId', message: 'Bản ghi của đơn vị khác.' },
    ]);
  }
  const linkId = await db.transaction(async (tx) => {
    if (await findEvidenceLink(tx, item.id, input.targetType, record.id)) {
      throw new AppError('CONFLICT', 'Minh chứng đã được gắn với bản ghi này.');
    }
    const link = await insertEvidenceLink(tx, {
      evidenceId: item.id,
      targetType: input.targetType,
      targetId: record.id,
      createdBy: actor.userId,
    });
    await insertAuditEntries(tx, actor, [
      {
        action: 'evidence.link',
        entityType: 'evidence',
        entityId: item.id,
        unitId: item.unitId,
        summary: `Gắn minh chứng "${item.title}" với bản ghi "${record.title}"`,
        after: { linkId: link.id, targetType: input.targetType, targetId: record.id },
      },
    ]);
    return link.id;
  });
  const links = await findLinksOfEvidence(db, item.id);
  return presentEvidenceLink(links.find((link) => link.id === linkId)!);
}
