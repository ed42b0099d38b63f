import type { Genre } from '../../../shared/activities';
import type { ActivityInput } from '../../../shared/api/activities';
import type { MarkAiredResultDto } from '../../../shared/api/schedules';
import { dayOf, formatVnDate, todayVn } from '../../../shared/dates';
import type { ErrorDetail } from '../../../shared/errors';
import type { Db } from '../../db/client';
import type { NewActivity } from '../../db/repositories/activities';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  findLiveActivities,
  getChannel,
  linkActivityToEntry,
  lockEntries,
  type ScheduleEntryRow,
  updateEntryRow,
} from '../../db/repositories/schedules';
import { getUnitRow } from '../../db/repositories/units';
import { AppError, notFound, validationError } from '../../errors';
import type { Principal } from '../../policies/principal';
import { prepareActivity } from '../activities/prepare-activity';
import { findDuplicates, recordActivities } from '../activities/record-activities';
import type { Actor } from '../actor';
import { loadSchedule } from './load-schedule';
import { slotStart } from './time-slot';
import { loadVocabulary } from './vocabulary';

/** "HH:mm" of an instant in Vietnam. */
function vnTime(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(11, 16);
}

type Outcome = MarkAiredResultDto['items'][number];

/**
 * Records the broadcasts of entries that went on air. Each entry yields at most one broadcast: an
 * entry already aired is skipped with a note, and a broadcast already typed in by hand for the same
 * programme, day and title is linked instead of being stored twice. Future days are refused.
 */
export async function markEntriesAired(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  scheduleId: string;
  entryIds: string[];
  airedAt?: Date;
  now?: Date;
}): Promise<MarkAiredResultDto> {
  const { db, principal, actor, scheduleId, airedAt } = options;
  const now = options.now ?? new Date();
  const today = todayVn(now);
  const requested = [...new Set(options.entryIds)];
  return db.transaction(async (tx) => {
    const { schedule } = await loadSchedule(tx, principal, scheduleId, 'activity.record', {
      forUpdate: true,
    });
    if (schedule.status !== 'issued')
      throw new AppError('CONFLICT', 'Chỉ đánh dấu đã phát được khi danh mục đã ban hành.');
    const entries = await lockEntries(tx, scheduleId, requested);
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    const unknown = requested.filter((id) => !byId.has(id));
    if (unknown.length) {
      throw validationError(
        'Có mục không thuộc danh mục này.',
        unknown.map((id) => ({
          field: `entryIds.${options.entryIds.indexOf(id)}`,
          message: 'Mục không thuộc danh mục này.',
        })),
      );
    }
    if (airedAt && airedAt.getTime() > now.getTime()) {
      throw validationError('Thời điểm phát không được sau hiện tại.', [
        { field: 'airedAt', message: 'Thời điểm phát không được sau hiện tại.' },
      ]);
    }

    const outcomes = new Map<string, Outcome>();
    const previouslyAired = await findLiveActivities(
      tx,
      entries.map((entry) => entry.airedActivityId).filter((id): id is string => id !== null),
    );
    const liveAired = new Set(previouslyAired.map((activity) => activity.id));
    const pending: ScheduleEntryRow[] = [];
    for (const entry of entries) {
      if (entry.airedActivityId && liveAired.has(entry.airedActivityId)) {
        outcomes.set(entry.id, {
          entryId: entry.id,
          outcome: 'skipped',
          activityId: entry.airedActivityId,
          note: 'Mục này đã được đánh dấu đã phát trước đó.',
        });
      } else {
        pending.push(entry);
      }
    }

    const channel = await getChannel(tx, schedule.channelId);
    const unit = await getUnitRow(tx, schedule.unitId);
    if (!channel || !unit) throw notFound();
    const vocabulary = await loadVocabulary(tx, schedule.unitId);
    const errors: ErrorDetail[] = [];
    const prepared: Array<{ entry: ScheduleEntryRow; row: NewActivity }> = [];
    for (const entry of pending) {
      const field = `entryIds.${options.entryIds.indexOf(entry.id)}`;
      const occurredOn = airedAt ? dayOf(airedAt) : entry.airDate;
      if (occurredOn > today) {
        errors.push({
          field,
          message: `"${entry.title}" phát ngày ${formatVnDate(entry.airDate)}: chưa đến ngày, chưa đánh dấu đã phát được.`,
        });
        continue;
      }
      const input: ActivityInput = {
        kind: 'broadcast',
        unitId: schedule.unitId,
        channelId: schedule.channelId,
        occurredOn,
        occurredTime: airedAt ? vnTime(airedAt) : slotStart(entry.timeSlot),
        title: entry.title,
        genre: entry.genre as Genre | null,
        topics: entry.topic ? [entry.topic] : [],
        language: entry.language,
        durationSeconds: entry.durationMinutes * 60,
        source: entry.source as ActivityInput['source'],
        libraryItemId: entry.libraryItemId,
      };
      const { row, errors: rowErrors } = prepareActivity(input, {
        provenance: 'form',
        recordedBy: actor.userId,
        channel,
        topicCodes: new Set(vocabulary.topics.keys()),
        languageCodes: new Set(vocabulary.languages.keys()),
        today,
        unitValidFrom: unit.validFrom,
        unitValidTo: unit.validTo,
      });
      for (const error of rowErrors)
        errors.push({
          field: `${field}.${error.field ?? ''}`,
          message: `"${entry.title}": ${error.message}`,
        });
      if (row) prepared.push({ entry, row: { ...row, scheduleEntryId: entry.id } });
    }
    if (errors.length)
      throw validationError(`Chưa đánh dấu đã phát được: ${errors.map((e) => e.message).join(' ')}`, errors);

    // A broadcast typed in by hand before the entry was marked: link it rather than store it twice.
    const findings = await findDuplicates(
      tx,
      prepared.map((p) => p.row),
    );
    const existing = await findLiveActivities(
      tx,
      findings.flatMap((finding) =>
        finding && !finding.duplicateOfId.startsWith('batch:') ? [finding.duplicateOfId] : [],
      ),
    );
    const linkable = new Map(
      existing
        .filter((activity) => activity.scheduleEntryId === null)
        .map((activity) => [activity.id, activity]),
    );
    const toCreate: typeof prepared = [];
    for (const [index, item] of prepared.entries()) {
      const finding = findings[index];
      const match = finding ? linkable.get(finding.duplicateOfId) : undefined;
      if (match) {
        linkable.delete(match.id);
        await linkActivityToEntry(tx, match.id, item.entry.id);
        await updateEntryRow(tx, item.entry.id, { airedActivityId: match.id });
        outcomes.set(item.entry.id, {
          entryId: item.entry.id,
          outcome: 'linked',
          activityId: match.id,
          note: `Đã có lượt phát sóng "${match.title}" ngày ${formatVnDate(match.occurredOn)}: đã liên kết, không tạo thêm.`,
        });
      } else {
        toCreate.push(item);
      }
    }
    const rows = toCreate.map((item) => item.row);
    const ids = await recordActivities(tx, actor, rows, await findDuplicates(tx, rows));
    for (const [index, item] of toCreate.entries()) {
      await updateEntryRow(tx, item.entry.id, { airedActivityId: ids[index]! });
      outcomes.set(item.entry.id, {
        entryId: item.entry.id,
        outcome: 'created',
        activityId: ids[index]!,
        note: null,
      });
    }

    const changed = [...outcomes.values()].filter((outcome) => outcome.outcome !== 'skipped');
    if (changed.length) {
      await insertAuditEntries(tx, actor, [
        {
          action: 'schedule.mark_aired',
          entityType: 'broadcast_schedule',
          entityId: scheduleId,
          unitId: schedule.unitId,
          summary: `Đánh dấu đã phát ${changed.length} mục của danh mục tháng ${schedule.month.slice(0, 7)}`,
          after: { items: changed },
        },
      ]);
    }
    return { items: requested.map((id) => outcomes.get(id)!) };
  });
}
