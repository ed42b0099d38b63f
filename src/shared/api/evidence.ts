import { z } from 'zod';
import { CHANNEL_KINDS, EVIDENCE_KINDS } from '../activities';
import { isoDay } from './common';

/** What an evidence item can be attached to: records now; criteria of an assessment later. */
export const EVIDENCE_TARGET_TYPES = ['activity', 'criterion'] as const;
export type EvidenceTargetType = (typeof EVIDENCE_TARGET_TYPES)[number];

/** The `accept` of a file input: the types the server recognises from the content. */
export const UPLOAD_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp,.mp3,.m4a,.mp4,.ogg,.wav';

const httpUrl = z.url({ protocol: /^https?$/, error: 'Địa chỉ phải bắt đầu bằng http:// hoặc https://.' });
const title = z.string().max(500, 'Tiêu đề tối đa 500 ký tự.');

/** The period an item proves, both ends included. */
const period = {
  periodFrom: isoDay.optional(),
  periodTo: isoDay.optional(),
};

/** Fields sent beside the file (multipart/form-data; the file itself in the field "file"). */
export const evidenceFileFields = z.object({ title: title.optional(), ...period });

export const evidenceUrlInput = z.object({
  title: title.min(1, 'Nhập tiêu đề.'),
  url: httpUrl,
  ...period,
});
export type EvidenceUrlInput = z.infer<typeof evidenceUrlInput>;

/** A document citation: số/ký hiệu, date, issuing body, summary (the title is built when omitted). */
export const evidenceCitationInput = z.object({
  documentNumber: z.string().min(1, 'Nhập số/ký hiệu văn bản.').max(100),
  documentDate: isoDay,
  issuingBody: z.string().min(1, 'Nhập cơ quan ban hành.').max(300),
  summary: z.string().min(1, 'Nhập trích yếu.').max(2000),
  title: title.optional(),
  url: httpUrl.optional(),
  ...period,
});
export type EvidenceCitationInput = z.infer<typeof evidenceCitationInput>;

/** The `accept` of a citation's scan: what the server takes as a scan (PDF or an image). */
export const SCAN_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,application/pdf,image/*';

/** A new version sent as JSON; a file version is sent as multipart/form-data like a new file. */
export const evidenceVersionJsonInput = z.discriminatedUnion('kind', [
  evidenceUrlInput.extend({ kind: z.literal('url') }),
  evidenceCitationInput.extend({ kind: z.literal('citation') }),
]);
export type EvidenceVersionJsonInput = z.infer<typeof evidenceVersionJsonInput>;

export const storedFileSchema = z.object({
  id: z.uuid(),
  originalName: z.string(),
  /** The type found in the content, whatever the name says. */
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.date(),
  downloadUrl: z.string(),
});
export type StoredFileDto = z.infer<typeof storedFileSchema>;

export const evidenceSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string(),
  file: storedFileSchema.nullable(),
  url: z.string().nullable(),
  documentNumber: z.string().nullable(),
  documentDate: isoDay.nullable(),
  issuingBody: z.string().nullable(),
  summary: z.string().nullable(),
  periodFrom: isoDay.nullable(),
  periodTo: isoDay.nullable(),
  capturedAt: z.date(),
  source: z.string(),
  /** Kind `schedule`: the issued broadcast schedule whose document the file freezes. */
  scheduleId: z.uuid().nullable(),
  previousVersionId: z.uuid().nullable(),
  isCurrent: z.boolean(),
  /** Linked from the province's public results page (when the province has turned it on). */
  isPublic: z.boolean(),
  /** 1 for the first version. */
  versionNumber: z.number().int(),
  linkCount: z.number().int(),
  createdAt: z.date(),
  createdByName: z.string().nullable(),
});
export type EvidenceDto = z.infer<typeof evidenceSchema>;

export const evidenceLinkSchema = z.object({
  id: z.uuid(),
  evidenceId: z.uuid(),
  targetType: z.enum(EVIDENCE_TARGET_TYPES),
  targetId: z.uuid(),
  /** The record's title and day, when the target is a record. */
  targetTitle: z.string().nullable(),
  targetOccurredOn: isoDay.nullable(),
  createdAt: z.date(),
});
export type EvidenceLinkDto = z.infer<typeof evidenceLinkSchema>;

export const evidenceDetailSchema = evidenceSchema.extend({
  /** Every version of the item, newest first (this one among them). */
  versions: z.array(evidenceSchema),
  links: z.array(evidenceLinkSchema),
  /** The user may add versions and links. */
  canEdit: z.boolean(),
  /** The user (the province's DX office) may mark the item public. */
  canMakePublic: z.boolean(),
});
export const evidencePublicInput = z.object({ isPublic: z.boolean() });
export type EvidenceDetailDto = z.infer<typeof evidenceDetailSchema>;

/** After an upload: the item, and what the server noticed (a name that does not match the content). */
export const evidenceCreatedSchema = evidenceDetailSchema.extend({ notices: z.array(z.string()) });
export type EvidenceCreatedDto = z.infer<typeof evidenceCreatedSchema>;

export const evidenceListQuery = z.object({
  kind: z.enum(EVIDENCE_KINDS).optional(),
  /** Items whose period (or document date, or capture day) overlaps [from, to]. */
  from: isoDay.optional(),
  to: isoDay.optional(),
  q: z.string().max(200).optional(),
  /** Include the units below (and the former units merged into this one). */
  subtree: z.stringbool().optional(),
  /** Include superseded versions. */
  allVersions: z.stringbool().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type EvidenceListQuery = z.infer<typeof evidenceListQuery>;

export const evidenceListSchema = z.object({ items: z.array(evidenceSchema), total: z.number().int() });

export const evidenceLinkInput = z.object({
  targetType: z.enum(['activity'], { error: 'Hiện chỉ gắn được minh chứng với bản ghi (activity).' }),
  targetId: z.uuid({ error: 'Mã bản ghi không hợp lệ.' }),
});
export type EvidenceLinkInput = z.infer<typeof evidenceLinkInput>;

export const linkedEvidenceSchema = evidenceSchema.extend({ linkId: z.uuid() });
export type LinkedEvidenceDto = z.infer<typeof linkedEvidenceSchema>;

/** An issued broadcast schedule that can prove a criterion, and the item already freezing it, if any. */
export const scheduleEvidenceCandidateSchema = z.object({
  scheduleId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  /** The first day of the month the schedule covers. */
  month: isoDay,
  documentNumber: z.string().nullable(),
  issuedAt: z.date().nullable(),
  channelName: z.string(),
  channelKind: z.enum(CHANNEL_KINDS),
  stationName: z.string().nullable(),
  evidenceId: z.uuid().nullable(),
});
export type ScheduleEvidenceCandidateDto = z.infer<typeof scheduleEvidenceCandidateSchema>;
export const scheduleEvidenceCandidatesSchema = z.object({ items: z.array(scheduleEvidenceCandidateSchema) });
