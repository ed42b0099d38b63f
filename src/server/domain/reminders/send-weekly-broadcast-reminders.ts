import { addDays, isoWeekOf, mondayOf, todayVn } from '../../../shared/dates';
import { COMMUNE_LEVEL_KINDS } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import {
  findProvincesWithoutWeeklyReminders,
  findUnitRecipients,
  findUnitsWithBroadcasts,
} from '../../db/repositories/reminders';
import { countedBucketsOf } from '../../scoring/buckets';
import { parsePeriod } from '../../scoring/periods';
import { loadUnitGraph } from '../units/load-unit-graph';
import { unitCalendarLink, weeklyBroadcastText } from './reminder-texts';
import { byUnit, type ReminderRunResult, runResult, UNIT_PEOPLE } from './send-deadline-reminders';
import { tellUnitPeople, type UnitMessage } from './tell-unit-people';

/** The days of the ISO week holding `day` whose broadcasts count, as the scores and the calendar count them. */
export function countedDaysOfWeek(day: string): {
  week: number;
  isoYear: number;
  from: string;
  to: string;
  monday: string;
  sunday: string;
} {
  const { year, week } = isoWeekOf(day);
  const period = parsePeriod('year', String(year))!;
  const monday = mondayOf(day);
  const bucket = countedBucketsOf('week', { period, activeFrom: period.from, through: period.to }).find(
    (counted) => counted.bucket.start === monday,
  )!;
  return {
    week,
    isoYear: year,
    from: bucket.countedFrom,
    to: bucket.countedTo,
    monday,
    sunday: addDays(monday, 6),
  };
}

/**
 * On Friday (Vietnamese day), every commune-level unit (commune, ward, special zone) in force that
 * day whose current ISO week has no DX broadcast yet is told, officers and head, in the app and by
 * e-mail: "Tuần này chưa có lượt phát CĐS".
 *
 * A DX broadcast is what the weekly broadcast criteria of the frameworks count (`measure: { source:
 * broadcasts }`, no topic filter: the channel is the DX radio programme itself) and what the year
 * calendar marks as missing: a broadcast record of the unit, or of a unit merged into it, on a radio
 * programme channel, not deleted, not a suspected duplicate, not rejected, dated on one of the week's
 * counted days. The counted days are the scores' own (countedBucketsOf): an ISO week belongs to the
 * year of its Thursday and counts only its days inside that year — on Friday 01/01/2027 the week is
 * week 53 of 2026 and only 28–31/12/2026 count; on Friday 02/01/2026 it is week 1 of 2026 and only
 * 01–02/01/2026 (and the weekend) count, not 29–31/12/2025.
 *
 * Provinces may turn it off (reminder_settings). One query for the broadcasts of all units, one for
 * their recipients, one insert. Idempotent per ISO week, unit, person and channel.
 */
export async function sendWeeklyBroadcastReminders(q: Queryable, now: Date): Promise<ReminderRunResult> {
  const today = todayVn(now);
  if (new Date(`${today}T00:00:00Z`).getUTCDay() !== 5) return { units: 0, notifications: 0 };
  const week = countedDaysOfWeek(today);
  const graph = await loadUnitGraph(q);
  const off = await findProvincesWithoutWeeklyReminders(q);
  const excluded = new Set<string>();
  for (const provinceId of off)
    for (const unit of graph.scoredUnits(provinceId, today, COMMUNE_LEVEL_KINDS)) excluded.add(unit.id);
  const communes = graph
    .scoredUnits(null, today, COMMUNE_LEVEL_KINDS)
    .filter((unit) => !excluded.has(unit.id));
  // A unit merged into a commune during the week passes its broadcasts on, as in the scores.
  const sources = graph
    .mergeSources(communes.map((unit) => unit.id))
    .filter(
      (source) => source.validFrom <= week.to && (source.validTo === null || source.validTo > week.from),
    );
  const targetOf = new Map<string, string[]>();
  for (const source of sources)
    targetOf.set(source.sourceId, [...(targetOf.get(source.sourceId) ?? []), source.targetId]);
  const withBroadcast = new Set<string>();
  for (const sourceId of await findUnitsWithBroadcasts(q, [...targetOf.keys()], week.from, week.to))
    for (const targetId of targetOf.get(sourceId) ?? []) withBroadcast.add(targetId);
  const lacking = communes.filter((unit) => !withBroadcast.has(unit.id));
  const recipients = await findUnitRecipients(
    q,
    lacking.map((unit) => unit.id),
    UNIT_PEOPLE,
  );
  const recipientsOf = byUnit(recipients);
  const messages: UnitMessage[] = lacking.map((unit) => ({
    unitId: unit.id,
    recipients: recipientsOf.get(unit.id) ?? [],
    kind: 'reminder.weekly_broadcast',
    ...weeklyBroadcastText(unit.name, week.week, week.monday, week.sunday),
    link: unitCalendarLink(unit.id),
    subject: null,
    actorId: null,
    dedupeBase: `weekly-broadcast:${week.isoYear}-W${week.week}:${unit.id}`,
  }));
  return runResult(messages, await tellUnitPeople(q, messages, now));
}
