import type { Queryable } from '../../../db/client';
import { getActivityRow } from '../../../db/repositories/activities';
import { insertAuditEntries } from '../../../db/repositories/audit';
import {
  findSnapshotEvidence,
  getSnapshotRow,
  insertEvidenceLinkOnce,
  setActivitySnapshot,
} from '../../../db/repositories/monitor-snapshots';
import { notFound } from '../../../errors';
import type { Actor } from '../../actor';
import { insertSnapshotEvidence, MONITOR_ACTOR } from './store-snapshot';

/**
 * Makes a snapshot the proof of the record it produced: the snapshot's evidence item is linked to the
 * record (target 'activity', as evidence attached by hand), so the record's evidence list and the
 * reporting period's evidence ZIP include it, and the record names its snapshot when it does not yet.
 * A snapshot stored without a unit gets its evidence item now, in the record's unit. Linking twice
 * changes nothing. Returns the evidence item's id.
 */
export async function linkSnapshotToActivity(
  q: Queryable,
  snapshotId: string,
  activityId: string,
  actor: Actor = MONITOR_ACTOR,
): Promise<string> {
  return q.transaction(async (tx) => {
    const snapshot = await getSnapshotRow(tx, snapshotId);
    if (!snapshot) throw notFound('Không tìm thấy ảnh chụp trang.');
    const record = await getActivityRow(tx, activityId);
    if (!record) throw notFound('Không tìm thấy bản ghi.');
    const audit = [];
    let item = await findSnapshotEvidence(tx, snapshotId);
    let evidenceId = item?.id;
    if (!evidenceId) {
      const unitId = snapshot.unitId ?? record.unitId;
      evidenceId = await insertSnapshotEvidence(tx, {
        snapshotId,
        unitId,
        url: snapshot.url,
        fetchedAt: snapshot.fetchedAt,
        bodyFileId: snapshot.bodyFileId,
        createdBy: actor.userId,
      });
      item = undefined;
      audit.push({
        action: 'evidence.create',
        entityType: 'evidence',
        entityId: evidenceId,
        unitId,
        summary: `Thêm minh chứng: ảnh chụp trang ${snapshot.url} (số ${snapshot.sequence})`,
        after: { snapshotId, manifestSha256: snapshot.manifestSha256 },
      });
    }
    const linkId = await insertEvidenceLinkOnce(tx, {
      evidenceId,
      targetType: 'activity',
      targetId: activityId,
      createdBy: actor.userId,
    });
    const named = await setActivitySnapshot(tx, activityId, snapshotId);
    if (linkId || named) {
      audit.push({
        action: 'evidence.link',
        entityType: 'evidence',
        entityId: evidenceId,
        unitId: item?.unitId ?? snapshot.unitId ?? record.unitId,
        summary: `Gắn ảnh chụp trang ${snapshot.url} với bản ghi "${record.title}"`,
        after: { linkId, targetType: 'activity', targetId: activityId, snapshotId },
      });
    }
    if (audit.length) await insertAuditEntries(tx, actor, audit);
    return evidenceId;
  });
}
