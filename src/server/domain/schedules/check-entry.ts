import type { BroadcastSource, Genre } from '../../../shared/activities';
import { formatVnDate, monthBounds } from '../../../shared/dates';
import type { ErrorDetail } from '../../../shared/errors';
import { normalizeText } from '../../../shared/text';
import type { Queryable } from '../../db/client';
import { getLibraryItemBrief } from '../../db/repositories/schedules';
import { validationError } from '../../errors';
import { findGoverningIds } from '../units/unit-scope';
import { normalizeTimeSlot, timeSlotProblem } from './time-slot';
import type { Vocabulary } from './vocabulary';

/** An entry's values as stored. */
export interface EntryValues {
  airDate: string;
  timeSlot: string;
  title: string;
  genre: Genre | null;
  topic: string | null;
  durationMinutes: number;
  language: string;
  source: BroadcastSource;
  libraryItemId: string | null;
}

export function normalizeEntry(values: EntryValues): EntryValues {
  return {
    ...values,
    title: normalizeText(values.title),
    timeSlot: normalizeTimeSlot(values.timeSlot) ?? values.timeSlot,
    topic: values.topic ? values.topic.trim() : null,
  };
}

/** The rules an entry of a month's list must meet, each problem named by its field. */
export async function checkEntry(
  q: Queryable,
  options: { values: EntryValues; month: string; unitId: string; vocabulary: Vocabulary },
): Promise<ErrorDetail[]> {
  const { values, vocabulary } = options;
  const errors: ErrorDetail[] = [];
  const { first, last } = monthBounds(options.month);
  if (values.airDate < first || values.airDate > last) {
    errors.push({
      field: 'airDate',
      message: `Ngày phát phải trong tháng của danh mục (${formatVnDate(first)} – ${formatVnDate(last)}).`,
    });
  }
  if (!values.title) errors.push({ field: 'title', message: 'Nhập tên tin bài.' });
  const slotProblem = timeSlotProblem(values.timeSlot);
  if (slotProblem) errors.push({ field: 'timeSlot', message: slotProblem });
  if (values.topic && !vocabulary.topics.has(values.topic)) {
    errors.push({ field: 'topic', message: `Chủ đề "${values.topic}" không có trong danh mục chủ đề.` });
  }
  if (!vocabulary.languages.has(values.language)) {
    errors.push({
      field: 'language',
      message: `Ngôn ngữ "${values.language}" không có trong danh mục ngôn ngữ.`,
    });
  }
  if (values.libraryItemId && !(await isLibraryItemUsable(q, values.libraryItemId, options.unitId))) {
    errors.push({
      field: 'libraryItemId',
      message: 'Không tìm thấy tài liệu này trong thư viện của đơn vị.',
    });
  }
  return errors;
}

/** A library item is usable by a unit when it is published, live, and owned by the unit or a unit above it. */
async function isLibraryItemUsable(q: Queryable, itemId: string, unitId: string): Promise<boolean> {
  const item = await getLibraryItemBrief(q, itemId);
  if (!item || item.deletedAt || !item.publishedAt) return false;
  const governing = await findGoverningIds(q, unitId);
  return governing.includes(item.ownerUnitId);
}

export function throwIfInvalid(errors: ErrorDetail[]) {
  if (errors.length)
    throw validationError(
      `Mục trong danh mục chưa hợp lệ: ${errors.map((e) => e.message).join(' ')}`,
      errors,
    );
}
