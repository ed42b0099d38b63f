import { Readable } from 'node:stream';
import { CHANNEL_KIND_LABELS, type ChannelKind } from '../../../shared/activities';
import type { EvidenceCreatedDto } from '../../../shared/api/evidence';
import { dayOf, formatVnDate, monthBounds } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { findScheduleEvidence, insertEvidence, insertStoredFile } from '../../db/repositories/evidence';
import { getChannel, getScheduleRow } from '../../db/repositories/schedules';
import { AppError, notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { DOCX_TYPE } from '../../reports/file-name';
import { scheduleFileStem } from '../../reports/schedule-data';
import { buildScheduleDocument } from '../../reports/schedule-document';
import type { FileStore } from '../../storage/file-store';
import type { Actor } from '../actor';
import { scheduleDocumentData } from '../schedules/export-schedule';
import { loadEvidenceDetail } from './get-evidence';

/**
 * An issued broadcast schedule as evidence, without a download and re-upload. The first use renders
 * the issued document (DOCX, NĐ 30/2020 layout) and keeps those bytes in the file store; every later
 * use, by any criterion, gets the same item, so the proof does not change when the unit is renamed or
 * entries are marked as aired afterwards.
 */
export async function createScheduleEvidence(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  store: FileStore;
  scheduleId: string;
}): Promise<EvidenceCreatedDto> {
  const { db, principal, actor, store, scheduleId } = options;
  const schedule = await getScheduleRow(db, scheduleId);
  if (!schedule) throw notFound();
  await authorizeUnit(db, principal, schedule.unitId, 'activity.record');
  if (schedule.status !== 'issued' || !schedule.issuedAt)
    throw new AppError(
      'CONFLICT',
      'Danh mục phát sóng chưa ban hành: chỉ danh mục đã ban hành mới dùng làm minh chứng được.',
    );
  const existing = await findScheduleEvidence(db, scheduleId);
  if (existing) return { ...(await loadEvidenceDetail(db, existing.id, true)), notices: [] };

  const data = await scheduleDocumentData(db, scheduleId, principal);
  const content = await buildScheduleDocument(data);
  const stored = await store.put(Readable.from(content), { maxBytes: content.length });
  const channel = await getChannel(db, schedule.channelId);
  if (!channel) throw notFound();
  const { first, last } = monthBounds(schedule.month);
  const monthText = formatVnDate(first).slice(3);
  const issuedOn = data.issuedOn ?? dayOf(schedule.issuedAt);
  const documentNumber = schedule.documentNumber?.replace(/^\s*số\s*:?\s*/iu, '').trim() || null;
  const kindLabel = CHANNEL_KIND_LABELS[channel.kind as ChannelKind]?.vi ?? channel.kind;
  const values = {
    kind: 'schedule',
    title: `Danh mục phát sóng tháng ${monthText} - ${channel.name}${documentNumber ? ` (số ${documentNumber})` : ''}`,
    documentNumber,
    documentDate: issuedOn,
    issuingBody: data.unitName,
    summary: `Danh mục phát sóng tháng ${monthText} của ${channel.name} (${kindLabel}${channel.stationName ? `, ${channel.stationName}` : ''}), ${data.entries.length} mục, ban hành ngày ${formatVnDate(issuedOn)}.`,
    periodFrom: first,
    periodTo: last,
  };

  const id = await db.transaction(async (tx) => {
    // Two first uses at once: the schedule's lock lets one create the item and the other find it.
    await getScheduleRow(tx, scheduleId, { forUpdate: true });
    const raced = await findScheduleEvidence(tx, scheduleId);
    if (raced) return raced.id;
    const file = await insertStoredFile(tx, {
      sha256: stored.sha256,
      sizeBytes: stored.sizeBytes,
      mimeType: DOCX_TYPE,
      originalName: `${scheduleFileStem(data)}.docx`,
      storageKey: stored.key,
      createdBy: actor.userId,
    });
    const evidenceId = await insertEvidence(tx, {
      ...values,
      unitId: schedule.unitId,
      fileId: file.id,
      scheduleId,
      source: 'schedule',
      createdBy: actor.userId,
    });
    await insertAuditEntries(tx, actor, [
      {
        action: 'evidence.create',
        entityType: 'evidence',
        entityId: evidenceId,
        unitId: schedule.unitId,
        summary: `Thêm minh chứng: ${values.title}`,
        after: {
          ...values,
          scheduleId,
          file: { id: file.id, sha256: file.sha256, sizeBytes: file.sizeBytes, mimeType: file.mimeType },
        },
      },
    ]);
    return evidenceId;
  });
  return { ...(await loadEvidenceDetail(db, id, true)), notices: [] };
}
