import {
  ACTIVITY_KIND_LABELS,
  BROADCAST_SOURCE_LABELS,
  GENRE_LABELS,
  PROVENANCE_LABELS,
  type ReviewStatus,
} from '../../../shared/activities';
import { formatVnDate } from '../../../shared/dates';
import type { ActivityListRow } from '../../db/repositories/activities';
import { type ColumnKey, templateColumns } from '../activity-import/columns';

/** A value of an export cell: text, a number, or a day (yyyy-MM-dd) shown as dd/MM/yyyy. */
export type ExportValue = string | number | { day: string } | null;

/** What a row needs besides itself: how units, topics and languages are written. */
export interface ExportLookups {
  unitRef(unitId: string): string;
  topicName(code: string): string;
  languageName(code: string): string;
}

export interface ExportColumn {
  header: string;
  width: number;
  value(row: ActivityListRow, lookups: ExportLookups): ExportValue;
}

const REVIEW_LABELS: Record<ReviewStatus, string> = {
  pending: 'Chờ thẩm định',
  accepted: 'Đã chấp nhận',
  rejected: 'Không chấp nhận',
};

/** The Vietnamese wall-clock time of an instant: "08:30". */
function vnTime(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(11, 16);
}

function vnDateTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 7 * 3600_000).toISOString();
  return `${formatVnDate(shifted.slice(0, 10))} ${shifted.slice(11, 16)}`;
}

/** Minutes, exact to the second when re-imported (4 decimals), without trailing zeros. */
function minutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round((seconds / 60) * 10_000) / 10_000;
}

const VALUES: Record<ColumnKey, ExportColumn['value']> = {
  kind: (row) => ACTIVITY_KIND_LABELS[row.kind].vi,
  unit: (row, lookups) => lookups.unitRef(row.unitId),
  channel: (row) => row.channelName,
  date: (row) => ({ day: row.occurredOn }),
  time: (row) => vnTime(row.occurredAt),
  title: (row) => row.title,
  url: (row) => row.url,
  genre: (row) => (row.genre ? GENRE_LABELS[row.genre].vi : null),
  topics: (row, lookups) => row.topics.map((code) => lookups.topicName(code)).join('; ') || null,
  language: (row, lookups) => lookups.languageName(row.language),
  author: (row) => row.author,
  duration: (row) => minutes(row.durationSeconds),
  source: (row) => (row.source ? BROADCAST_SOURCE_LABELS[row.source].vi : null),
};

function column(key: ColumnKey, header: string, width: number): ExportColumn {
  return { header, width, value: VALUES[key] };
}

/** Columns after the importable ones: who, when and how a record was recorded and reviewed. */
function infoColumns(includeDeleted: boolean): ExportColumn[] {
  const columns: ExportColumn[] = [
    { header: 'Tên đơn vị', width: 30, value: (row) => row.unitName },
    { header: 'Cách ghi nhận', width: 16, value: (row) => PROVENANCE_LABELS[row.provenance].vi },
    { header: 'Thời điểm ghi nhận', width: 18, value: (row) => vnDateTime(row.recordedAt) },
    { header: 'Người ghi nhận', width: 22, value: (row) => row.recordedByName },
    { header: 'Thẩm định', width: 16, value: (row) => REVIEW_LABELS[row.reviewStatus] },
    { header: 'Nghi trùng', width: 10, value: (row) => (row.duplicateOfId ? 'Có' : null) },
    { header: 'Mã bản ghi', width: 38, value: (row) => row.id },
  ];
  if (includeDeleted) {
    columns.push(
      {
        header: 'Thời điểm xóa',
        width: 18,
        value: (row) => (row.deletedAt ? vnDateTime(row.deletedAt) : null),
      },
      { header: 'Lý do xóa', width: 30, value: (row) => row.deleteReason },
    );
  }
  return columns;
}

/**
 * The columns of an export. A list of posts or of broadcasts starts with exactly the template's
 * columns, so the file imports again as it is; a mixed list adds the kind and the other kinds' fields.
 */
export function exportColumns(kind: string | undefined, includeDeleted: boolean): ExportColumn[] {
  if (kind === 'post' || kind === 'broadcast') {
    const base = templateColumns(kind).map((spec) => column(spec.key, spec.header, spec.width));
    const extra = kind === 'broadcast' ? [column('url', 'Đường dẫn', 45)] : [];
    return [...base, ...extra, ...infoColumns(includeDeleted)];
  }
  return [
    column('kind', 'Loại', 14),
    column('unit', 'Mã đơn vị', 16),
    column('channel', 'Kênh', 30),
    column('date', 'Ngày', 12),
    column('time', 'Giờ', 8),
    column('title', 'Tiêu đề', 60),
    column('url', 'Đường dẫn', 45),
    column('genre', 'Thể loại', 16),
    column('topics', 'Chủ đề', 40),
    column('language', 'Ngôn ngữ', 16),
    column('author', 'Tác giả', 22),
    column('duration', 'Thời lượng (phút)', 12),
    column('source', 'Nguồn', 26),
    { header: 'Số báo', width: 12, value: (row) => row.issueNumber },
    ...infoColumns(includeDeleted),
  ];
}
