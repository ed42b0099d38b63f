import type { ScheduleStatus } from '../../../shared/activities';
import type { BroadcastBriefDto, ReconciliationDto } from '../../../shared/api/schedules';
import { monthBounds, todayVn } from '../../../shared/dates';
import type { Db } from '../../db/client';
import {
  type BroadcastBriefRow,
  findChannelBroadcasts,
  findEntries,
  findLiveActivities,
  getChannel,
} from '../../db/repositories/schedules';
import { notFound } from '../../errors';
import type { Principal } from '../../policies/principal';
import { isDxProgramme } from './is-dx';
import { loadSchedule } from './load-schedule';
import { monthOf, presentEntry } from './present-schedule';
import { loadVocabulary } from './vocabulary';

function brief(row: BroadcastBriefRow): BroadcastBriefDto {
  const { scheduleEntryId: _entry, ...rest } = row;
  return { ...rest, occurredAt: new Date(rest.occurredAt) };
}

/**
 * Plan versus aired: each entry with the broadcast that fulfilled it, "skipped" once its day has
 * passed without one; and the programme's broadcasts of the month that the list did not plan.
 */
export async function getReconciliation(options: {
  db: Db;
  principal: Principal;
  scheduleId: string;
  now?: Date;
}): Promise<ReconciliationDto> {
  const { db, principal, scheduleId } = options;
  const { schedule } = await loadSchedule(db, principal, scheduleId, 'unit.view');
  const channel = await getChannel(db, schedule.channelId);
  if (!channel) throw notFound();
  const today = todayVn(options.now);
  const month = monthOf(schedule);
  const { first, last } = monthBounds(month);
  const vocabulary = await loadVocabulary(db, schedule.unitId);
  const programmeIsDx = isDxProgramme(channel);
  const entries = await findEntries(db, [scheduleId]);
  const aired = new Map(
    (
      await findLiveActivities(
        db,
        entries.map((entry) => entry.airedActivityId).filter((id): id is string => id !== null),
      )
    ).map((row) => [row.id, row]),
  );
  const entryIds = new Set(entries.map((entry) => entry.id));
  const rows = entries.map((entry) => {
    const broadcast = entry.airedActivityId ? aired.get(entry.airedActivityId) : undefined;
    const status = broadcast
      ? ('aired' as const)
      : entry.airDate < today
        ? ('skipped' as const)
        : ('planned' as const);
    return {
      entry: presentEntry(entry, programmeIsDx, vocabulary),
      status,
      broadcast: broadcast ? brief(broadcast) : null,
    };
  });
  const unplanned = (await findChannelBroadcasts(db, schedule.channelId, first, last)).filter(
    (row) => !aired.has(row.id) && !(row.scheduleEntryId && entryIds.has(row.scheduleEntryId)),
  );
  return {
    scheduleId,
    month,
    status: schedule.status as ScheduleStatus,
    entries: rows,
    unplanned: unplanned.map(brief),
    totals: {
      planned: rows.length,
      aired: rows.filter((row) => row.status === 'aired').length,
      skipped: rows.filter((row) => row.status === 'skipped').length,
      unplanned: unplanned.length,
    },
  };
}
