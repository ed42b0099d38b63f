import type { EvidenceCreatedDto } from '../../../shared/api/evidence';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  copyEvidenceLinks,
  type EvidenceRow,
  getEvidenceRow,
  insertEvidence,
  supersedeEvidence,
} from '../../db/repositories/evidence';
import { AppError, notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { loadEvidenceDetail } from './get-evidence';
import { type EvidenceContent, type EvidenceValues, prepareEvidence, uploadOf } from './prepare-evidence';
import { saveInspectedFile } from './store-uploaded-file';

const notLatest = () =>
  new AppError('CONFLICT', 'Minh chứng này đã có phiên bản mới hơn; hãy thêm phiên bản vào bản mới nhất.');

/** Issued schedules and monitor snapshots are what was issued or received then: they have no later versions. */
const frozen = (kind: string) =>
  new AppError(
    'CONFLICT',
    kind === 'snapshot'
      ? 'Minh chứng này là ảnh chụp trang do hệ thống lưu: nội dung đã nhận không thay đổi nên không thêm phiên bản được.'
      : 'Minh chứng này là danh mục phát sóng đã ban hành: văn bản đã ban hành không thay đổi nên không thêm phiên bản được.',
  );
const isFrozen = (row: EvidenceRow) => row.kind === 'schedule' || row.kind === 'snapshot';

/** A corrected citation keeps the signed scan of the version it replaces unless a new scan is sent. */
function keptScan(current: EvidenceRow, kind: EvidenceValues['kind']): string | null {
  return kind === 'citation' && current.kind === 'citation' ? current.fileId : null;
}

/**
 * Replaces an evidence item with a new version. The old row keeps its content untouched and is only
 * marked as no longer current; the new one points back at it and takes over its links.
 */
export async function addEvidenceVersion(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  evidenceId: string;
  content: EvidenceContent;
}): Promise<EvidenceCreatedDto> {
  const { db, principal, actor, evidenceId, content } = options;
  try {
    const current = await getEvidenceRow(db, evidenceId);
    if (!current) throw notFound();
    await authorizeUnit(db, principal, current.unitId, 'activity.record');
    if (!current.isCurrent) throw notLatest();
    if (isFrozen(current)) throw frozen(current.kind);
    const prepared = await prepareEvidence(content, {
      title: current.title,
      periodFrom: current.periodFrom,
      periodTo: current.periodTo,
    });
    const id = await db.transaction(async (tx) => {
      if (!(await supersedeEvidence(tx, current.id))) throw notLatest();
      const file = prepared.file ? await saveInspectedFile(tx, prepared.file, actor.userId) : null;
      const fileId = file?.id ?? keptScan(current, prepared.values.kind);
      const newId = await insertEvidence(tx, {
        ...prepared.values,
        unitId: current.unitId,
        fileId,
        source: 'upload',
        previousVersionId: current.id,
        createdBy: actor.userId,
      });
      const carried = await copyEvidenceLinks(tx, current.id, newId, actor.userId);
      await insertAuditEntries(tx, actor, [
        {
          action: 'evidence.version',
          entityType: 'evidence',
          entityId: newId,
          unitId: current.unitId,
          summary: `Phiên bản mới của minh chứng: ${prepared.values.title}${carried ? ` (giữ ${carried} liên kết)` : ''}`,
          before: {
            id: current.id,
            kind: current.kind,
            title: current.title,
            fileId: current.fileId,
            url: current.url,
            documentNumber: current.documentNumber,
          },
          after: {
            ...prepared.values,
            previousVersionId: current.id,
            fileId,
            file: file && {
              id: file.id,
              sha256: file.sha256,
              sizeBytes: file.sizeBytes,
              mimeType: file.mimeType,
            },
          },
        },
      ]);
      return newId;
    });
    return { ...(await loadEvidenceDetail(db, id, true)), notices: prepared.notices };
  } finally {
    await uploadOf(content)?.staged.discard();
  }
}

/** Refuses early, before an upload is read, when the user may not add a version to this item. */
export async function checkCanAddVersion(options: {
  db: Db;
  principal: Principal;
  evidenceId: string;
}): Promise<void> {
  const current = await getEvidenceRow(options.db, options.evidenceId);
  if (!current) throw notFound();
  await authorizeUnit(options.db, options.principal, current.unitId, 'activity.record');
  if (isFrozen(current)) throw frozen(current.kind);
}
