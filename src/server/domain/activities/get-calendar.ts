import { ACTIVITY_KINDS } from '../../../shared/activities';
import type { CalendarDto } from '../../../shared/api/calendar';
import { addDays, isoWeekOf, todayVn } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { countDailyActivities, findChannelsOfUnit } from '../../db/repositories/channels';
import { getUnitRow } from '../../db/repositories/units';
import { notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { countedBucketsOf } from '../../scoring/buckets';
import { toEpochDay } from '../../scoring/day-numbers';
import { parsePeriod } from '../../scoring/periods';

/**
 * The year calendar of a unit: ISO weeks × its channels, with per-kind totals, from one aggregate
 * query. The weeks and the days of each that count are the scores' own (`countedBucketsOf`): the
 * ISO weeks whose Thursday lies in the calendar year, an edge week counting only its days inside the
 * year. A radio DX programme's week stands out (missingBroadcast) when nothing that counts aired in
 * it although the programme and the unit existed on at least one day of it and the week has begun;
 * records of an edge week's days outside the year are shown apart (notCounted), since no score of
 * the year counts them.
 */
export async function getCalendar(options: {
  db: Db;
  principal: Principal;
  unitId: string;
  year?: number;
  today?: string;
}): Promise<CalendarDto> {
  const { db, principal, unitId } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  const unit = await getUnitRow(db, unitId);
  if (!unit) throw notFound();
  const today = options.today ?? todayVn();
  const year = options.year ?? isoWeekOf(today).year;
  // The calendar year as the scores see it: its weeks are the ISO weeks of the ISO year.
  const period = parsePeriod('year', String(year))!;
  const counted = countedBucketsOf('week', { period, activeFrom: period.from, through: period.to });
  const weekCount = counted.length;
  const firstMonday = counted[0]!.bucket.start;
  const lastSunday = counted[weekCount - 1]!.bucket.end;
  const weeks = counted.map(({ bucket, countedFrom, countedTo }, i) => ({
    week: i + 1,
    monday: bucket.start,
    sunday: bucket.end,
    countedFrom,
    countedTo,
    isCurrent: bucket.start <= today && today <= bucket.end,
    isFuture: bucket.start > today,
  }));

  const rows = await countDailyActivities(db, unitId, firstMonday, lastSunday);
  const firstEpoch = toEpochDay(firstMonday);
  const zeros = () => new Array<number>(weekCount).fill(0);
  const channelCounts = new Map<string, { all: number[]; counted: number[] }>();
  const kindCounts = new Map(ACTIVITY_KINDS.map((kind) => [kind, zeros()]));
  for (const { channelId, kind, day, count } of rows) {
    const index = Math.floor((toEpochDay(day) - firstEpoch) / 7);
    const week = weeks[index];
    if (!week) continue;
    if (channelId) {
      let perChannel = channelCounts.get(channelId);
      if (!perChannel) {
        perChannel = { all: zeros(), counted: zeros() };
        channelCounts.set(channelId, perChannel);
      }
      perChannel.all[index]! += count;
      if (week.countedFrom <= day && day <= week.countedTo) perChannel.counted[index]! += count;
    }
    const perKind = kindCounts.get(kind);
    if (perKind) perKind[index]! += count;
  }

  const unitLastDay = unit.validTo ? addDays(unit.validTo, -1) : null;
  const channels = (await findChannelsOfUnit(db, unitId, { withActivityCount: false }))
    .filter(
      (channel) =>
        channelCounts.has(channel.id) ||
        ((channel.startedOn === null || channel.startedOn <= lastSunday) &&
          (channel.endedOn === null || channel.endedOn >= firstMonday)),
    )
    .map((channel) => {
      const perWeek = channelCounts.get(channel.id) ?? { all: zeros(), counted: zeros() };
      // Without a start date the programme is taken to have run as long as its unit.
      const start =
        channel.startedOn && channel.startedOn > unit.validFrom ? channel.startedOn : unit.validFrom;
      const end =
        [channel.endedOn, unitLastDay].filter((day): day is string => day !== null).sort()[0] ?? null;
      const cells = weeks.map((week, i) => ({
        week: week.week,
        count: perWeek.all[i]!,
        notCounted: perWeek.all[i]! - perWeek.counted[i]!,
        missingBroadcast:
          channel.kind === 'radio_programme' &&
          perWeek.counted[i] === 0 &&
          !week.isFuture &&
          start <= week.countedTo &&
          (end === null || end >= week.countedFrom),
      }));
      return {
        channelId: channel.id,
        name: channel.name,
        kind: channel.kind,
        platform: channel.platform,
        startedOn: channel.startedOn,
        endedOn: channel.endedOn,
        cells,
        total: perWeek.all.reduce((sum, n) => sum + n, 0),
        missingWeeks: cells.filter((cell) => cell.missingBroadcast).length,
      };
    });

  return {
    unitId,
    unitName: unit.name,
    year,
    weekCount,
    today,
    weeks,
    channels,
    kinds: ACTIVITY_KINDS.map((kind) => {
      const perWeek = kindCounts.get(kind)!;
      return {
        kind,
        cells: weeks.map((week, i) => ({ week: week.week, count: perWeek[i]! })),
        total: perWeek.reduce((sum, n) => sum + n, 0),
      };
    }),
  };
}
