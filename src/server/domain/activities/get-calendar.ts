import { ACTIVITY_KINDS } from '../../../shared/activities';
import type { CalendarDto } from '../../../shared/api/calendar';
import { addDays, isoWeekOf, isoWeeksInYear, mondayOf, todayVn } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { countWeeklyActivities, findChannelsOfUnit } from '../../db/repositories/channels';
import { getUnitRow } from '../../db/repositories/units';
import { notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';

/**
 * The year calendar of a unit: ISO weeks × its channels, with per-kind totals, from one aggregate
 * query. A radio DX programme's week stands out (missingBroadcast) when nothing aired in it although
 * the programme and the unit existed on at least one day of it and the week has begun.
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
  const weekCount = isoWeeksInYear(year);
  const firstMonday = mondayOf(`${year}-01-04`);
  const lastSunday = addDays(firstMonday, weekCount * 7 - 1);
  const weeks = Array.from({ length: weekCount }, (_, i) => {
    const monday = addDays(firstMonday, i * 7);
    const sunday = addDays(monday, 6);
    return {
      week: i + 1,
      monday,
      sunday,
      isCurrent: monday <= today && today <= sunday,
      isFuture: monday > today,
    };
  });

  const counts = await countWeeklyActivities(db, unitId, firstMonday, lastSunday);
  const channelCounts = new Map<string, number[]>();
  const kindCounts = new Map(ACTIVITY_KINDS.map((kind) => [kind, new Array<number>(weekCount).fill(0)]));
  for (const { channelId, kind, week, count } of counts) {
    if (channelId) {
      if (!channelCounts.has(channelId)) channelCounts.set(channelId, new Array<number>(weekCount).fill(0));
      channelCounts.get(channelId)![week - 1]! += count;
    }
    const perKind = kindCounts.get(kind);
    if (perKind) perKind[week - 1]! += count;
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
      const perWeek = channelCounts.get(channel.id) ?? new Array<number>(weekCount).fill(0);
      // Without a start date the programme is taken to have run as long as its unit.
      const start =
        channel.startedOn && channel.startedOn > unit.validFrom ? channel.startedOn : unit.validFrom;
      const end =
        [channel.endedOn, unitLastDay].filter((day): day is string => day !== null).sort()[0] ?? null;
      const cells = weeks.map((week, i) => ({
        week: week.week,
        count: perWeek[i]!,
        missingBroadcast:
          channel.kind === 'radio_programme' &&
          perWeek[i] === 0 &&
          !week.isFuture &&
          start <= week.sunday &&
          (end === null || end >= week.monday),
      }));
      return {
        channelId: channel.id,
        name: channel.name,
        kind: channel.kind,
        platform: channel.platform,
        startedOn: channel.startedOn,
        endedOn: channel.endedOn,
        cells,
        total: perWeek.reduce((sum, n) => sum + n, 0),
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
