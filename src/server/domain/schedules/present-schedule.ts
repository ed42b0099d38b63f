import type { BroadcastSource, ChannelKind, Genre, ScheduleStatus } from '../../../shared/activities';
import type { ScheduleDto, ScheduleEntryDto, ScheduleSummaryDto } from '../../../shared/api/schedules';
import type { Action } from '../../../shared/roles';
import type { Queryable } from '../../db/client';
import {
  type ChannelRow,
  findEntries,
  getChannel,
  getUserFullName,
  type ScheduleEntryRow,
  type ScheduleRow,
} from '../../db/repositories/schedules';
import { getUnitRow } from '../../db/repositories/units';
import { notFound } from '../../errors';
import { isDxEntry, isDxProgramme } from './is-dx';
import { findWeekWarnings } from './schedule-weeks';
import { loadVocabulary, type Vocabulary } from './vocabulary';

/** The stored first day of the month → 'yyyy-MM'. */
export function monthOf(schedule: Pick<ScheduleRow, 'month'>): string {
  return schedule.month.slice(0, 7);
}

export function recipientsOf(schedule: Pick<ScheduleRow, 'recipients'>): string[] {
  return (schedule.recipients ?? '').split('\n').filter((line) => line.trim() !== '');
}

export function presentEntry(
  entry: ScheduleEntryRow,
  programmeIsDx: boolean,
  vocabulary: Vocabulary | null,
): ScheduleEntryDto {
  return {
    id: entry.id,
    airDate: entry.airDate,
    timeSlot: entry.timeSlot,
    title: entry.title,
    genre: entry.genre as Genre | null,
    topic: entry.topic,
    topicName: entry.topic ? (vocabulary?.topics.get(entry.topic) ?? entry.topic) : null,
    durationMinutes: entry.durationMinutes,
    language: entry.language,
    languageName: vocabulary?.languages.get(entry.language) ?? entry.language,
    source: entry.source as BroadcastSource,
    libraryItemId: entry.libraryItemId,
    isDx: isDxEntry(entry, programmeIsDx),
    airedActivityId: entry.airedActivityId,
  };
}

function summary(
  schedule: ScheduleRow,
  channel: Pick<ChannelRow, 'kind' | 'name' | 'stationName'>,
  entries: ScheduleEntryDto[],
): ScheduleSummaryDto {
  return {
    id: schedule.id,
    unitId: schedule.unitId,
    channelId: schedule.channelId,
    channelName: channel.name,
    channelKind: channel.kind as ChannelKind,
    stationName: channel.stationName,
    month: monthOf(schedule),
    status: schedule.status as ScheduleStatus,
    documentNumber: schedule.documentNumber,
    entryCount: entries.length,
    warningCount: findWeekWarnings(monthOf(schedule), entries).length,
    issuedAt: schedule.issuedAt,
    updatedAt: schedule.updatedAt,
  };
}

export function presentSummary(
  schedule: ScheduleRow,
  channel: Pick<ChannelRow, 'kind' | 'name' | 'stationName'>,
  entries: ScheduleEntryRow[],
): ScheduleSummaryDto {
  const programmeIsDx = isDxProgramme(channel);
  return summary(
    schedule,
    channel,
    entries.map((entry) => presentEntry(entry, programmeIsDx, null)),
  );
}

/** Everything the schedule screen shows, with the warnings and what the user may do now. */
export async function presentSchedule(
  q: Queryable,
  schedule: ScheduleRow,
  actions: readonly Action[],
): Promise<ScheduleDto> {
  const channel = await getChannel(q, schedule.channelId);
  const unit = await getUnitRow(q, schedule.unitId);
  if (!channel || !unit) throw notFound();
  const vocabulary = await loadVocabulary(q, schedule.unitId);
  const programmeIsDx = isDxProgramme(channel);
  const entries = (await findEntries(q, [schedule.id])).map((entry) =>
    presentEntry(entry, programmeIsDx, vocabulary),
  );
  const isDraft = schedule.status === 'draft';
  return {
    ...summary(schedule, channel, entries),
    unitName: unit.name,
    signerName: schedule.signerName,
    signerTitle: schedule.signerTitle,
    recipients: recipientsOf(schedule),
    note: schedule.note,
    issuedByName: await getUserFullName(q, schedule.issuedBy),
    createdAt: schedule.createdAt,
    entries,
    warnings: findWeekWarnings(monthOf(schedule), entries),
    totalMinutes: entries.reduce((sum, entry) => sum + entry.durationMinutes, 0),
    canEdit: isDraft && actions.includes('activity.record'),
    canIssue: isDraft && actions.includes('schedule.issue'),
    canMarkAired: !isDraft && actions.includes('activity.record'),
  };
}
