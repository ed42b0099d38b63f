import type { EvidenceDto, EvidenceLinkDto, StoredFileDto } from '../../../shared/api/evidence';
import type { EvidenceLinkView, EvidenceView, StoredFileRow } from '../../db/repositories/evidence';

/** Every field of a stored file that leaves the server; the storage key stays inside. */
export function presentStoredFile(file: StoredFileRow): StoredFileDto {
  return {
    id: file.id,
    originalName: file.originalName,
    mimeType: file.mimeType,
    sizeBytes: Number(file.sizeBytes),
    sha256: file.sha256,
    createdAt: file.createdAt,
    downloadUrl: `/api/files/${file.id}`,
  };
}

export function presentEvidence(view: EvidenceView): EvidenceDto {
  return {
    id: view.id,
    unitId: view.unitId,
    unitName: view.unitName,
    kind: view.kind,
    title: view.title,
    file: view.file ? presentStoredFile(view.file) : null,
    url: view.url,
    documentNumber: view.documentNumber,
    documentDate: view.documentDate,
    issuingBody: view.issuingBody,
    summary: view.summary,
    periodFrom: view.periodFrom,
    periodTo: view.periodTo,
    capturedAt: view.capturedAt,
    source: view.source,
    scheduleId: view.scheduleId,
    previousVersionId: view.previousVersionId,
    isCurrent: view.isCurrent,
    isPublic: view.isPublic,
    versionNumber: view.versionNumber,
    linkCount: view.linkCount,
    createdAt: view.createdAt,
    createdByName: view.createdByName,
  };
}

export function presentEvidenceLink(link: EvidenceLinkView): EvidenceLinkDto {
  return {
    id: link.id,
    evidenceId: link.evidenceId,
    targetType: link.targetType,
    targetId: link.targetId,
    targetTitle: link.targetTitle,
    targetOccurredOn: link.targetOccurredOn,
    createdAt: link.createdAt,
  };
}
