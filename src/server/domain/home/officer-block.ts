import {
  DUE_SOON_DAYS,
  HOME_LIST_LIMIT,
  type OfficerBlockDto,
  OVERDUE_LOOKBACK_DAYS,
  SCHEDULE_DUE_DAYS,
} from '../../../shared/api/home';
import { addDays, mondayOf, monthBounds } from '../../../shared/dates';
import { collateVietnamese } from '../../../shared/text';
import type { Db } from '../../db/client';
import { countActivities } from '../../db/repositories/activities';
import {
  countWeekBroadcasts,
  findPeriodsDueBetween,
  findProgrammeSchedules,
  findReturnedItems,
} from '../../db/repositories/home';
import type { Principal } from '../../policies/principal';
import { scopedActivityFilter } from '../activities/scoped-filter';
import { findExpectedUnitsOfPeriods } from '../reports/expected-units';
import { scoreUnit } from '../scoring/score-unit';
import type { UnitGraph } from '../units/unit-graph';
import { asDate, daysBetween, findCurrentFramework } from './home-context';

type DueItem = OfficerBlockDto['due']['items'][number];

/**
 * What a unit must hand in and has not: each report period of a type its kind submits whose due day
 * is at most DUE_SOON_DAYS ahead or passed within the last year, where the unit is expected and has
 * not submitted (the rule of expected-units.ts); and each radio programme's broadcast schedule not
 * issued for this month (overdue) or, from SCHEDULE_DUE_DAYS before it starts, for next month.
 * In the order of byHomeUrgency. Two statements, whatever the number of periods and units.
 */
export async function findDueItems(
  db: Db,
  graph: UnitGraph,
  unitId: string,
  today: string,
): Promise<DueItem[]> {
  const kind = graph.unit(unitId)?.kind;
  if (!kind) return [];
  const items: DueItem[] = [];
  const periods = await findPeriodsDueBetween(db, {
    ownerIds: graph.governingIds(unitId),
    submitterKind: kind,
    from: addDays(today, -OVERDUE_LOOKBACK_DAYS),
    to: addDays(today, DUE_SOON_DAYS),
  });
  const owed = await findExpectedUnitsOfPeriods(db, periods, today, { graph, unitId });
  for (const period of periods) {
    const expected = owed.get(period.id)?.[0];
    if (expected?.state !== 'missing') continue;
    items.push({
      kind: 'report',
      title: period.typeName,
      periodLabel: period.label,
      periodId: period.id,
      reportId: expected.reportId,
      scheduleId: null,
      channelId: null,
      status: expected.reportStatus,
      dueOn: period.dueOn,
      daysLeft: daysBetween(today, period.dueOn),
      isOverdue: expected.isOverdue,
    });
  }

  const thisMonth = monthBounds(today).first;
  const nextMonth = addDays(monthBounds(today).last, 1);
  const months = daysBetween(today, nextMonth) <= SCHEDULE_DUE_DAYS ? [thisMonth, nextMonth] : [thisMonth];
  for (const row of await findProgrammeSchedules(db, [unitId], months)) {
    if (row.status === 'issued') continue;
    // A month's list is due the day before the month starts.
    const dueOn = addDays(row.month, -1);
    items.push({
      kind: 'schedule',
      title: row.channelName,
      periodLabel: row.month.slice(0, 7),
      periodId: null,
      reportId: null,
      scheduleId: row.scheduleId,
      channelId: row.channelId,
      status: row.status,
      dueOn,
      daysLeft: daysBetween(today, dueOn),
      isOverdue: dueOn < today,
    });
  }
  return items.sort(byHomeUrgency);
}

/**
 * The order of the officer's due list, of which the home shows the first few: what can still be
 * handed in on time first (due today, then soonest), then what is overdue, the most recently missed
 * first. A report due today is never hidden behind last January's missed lists; the overdue ones are
 * still counted (and named in red) above the list.
 */
export function byHomeUrgency(a: DueItem, b: DueItem): number {
  if (a.isOverdue !== b.isOverdue) return a.isOverdue ? 1 : -1;
  const order = a.isOverdue ? b.dueOn.localeCompare(a.dueOn) : a.dueOn.localeCompare(b.dueOn);
  return order || collateVietnamese(a.title, b.title);
}

/** The first day of the year of `today`: records without evidence are counted from it. */
export function evidenceCountFrom(today: string): string {
  return `${today.slice(0, 4)}-01-01`;
}

/**
 * The records list's filter for "this year's records of the unit without evidence": the home counts
 * exactly what the list's link (unitId, from, hasEvidence=false) shows.
 */
export async function countRecordsWithoutEvidence(
  db: Db,
  principal: Principal,
  unitId: string,
  today: string,
): Promise<number> {
  const filter = await scopedActivityFilter(db, principal, {
    unitId,
    from: evidenceCountFrom(today),
    hasEvidence: false,
  });
  return countActivities(db, filter);
}

export async function findReturned(db: Db, graph: UnitGraph, unitId: string) {
  const rows = await findReturnedItems(db, graph.rollupIds([unitId]), HOME_LIST_LIMIT);
  const totals = new Map(rows.map((row) => [row.kind, row.total]));
  return {
    total: [...totals.values()].reduce((sum, n) => sum + n, 0),
    items: rows
      .map((row) => ({ kind: row.kind, id: row.id, title: row.title, note: row.note, at: asDate(row.at) }))
      .sort((a, b) => (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0))
      .slice(0, HOME_LIST_LIMIT),
  };
}

/**
 * This week's and this period's gaps: the calendar's rule for the week (a radio programme running
 * this week with nothing aired on it yet), then the scoring engine's gaps of the unit's current
 * framework, criteria with nothing yet (red) before those with some (amber).
 */
async function findGaps(
  db: Db,
  principal: Principal,
  graph: UnitGraph,
  unitId: string,
  today: string,
  lang: 'vi' | 'en' | undefined,
): Promise<OfficerBlockDto['gaps']> {
  const items: OfficerBlockDto['gaps']['items'] = [];
  const monday = mondayOf(today);
  const sunday = addDays(monday, 6);
  const [week] = await countWeekBroadcasts(db, [unitId], monday, sunday);
  if (week && week.programmes > 0 && week.broadcasts === 0)
    items.push({
      kind: 'weekly_broadcast',
      criterionCode: null,
      criterionTitle: null,
      text: '',
      weekFrom: monday,
      weekTo: sunday,
    });

  const current = await findCurrentFramework(db, graph, {
    rootId: unitId,
    kind: graph.unit(unitId)?.kind ?? null,
    today,
  });
  if (!current) return { framework: null, items };
  try {
    const scores = await scoreUnit(
      db,
      principal,
      unitId,
      { framework: current.code, period: current.period.key, ...(lang ? { lang } : {}) },
      today,
    );
    const open = scores.criteria
      .filter(
        (criterion) => (criterion.status === 'red' || criterion.status === 'amber') && criterion.gaps[0],
      )
      .sort((a, b) => Number(b.status === 'red') - Number(a.status === 'red'));
    for (const criterion of open.slice(0, HOME_LIST_LIMIT))
      items.push({
        kind: 'criterion',
        criterionCode: criterion.code,
        criterionTitle: criterion.title,
        text: criterion.gaps[0]!,
        weekFrom: null,
        weekTo: null,
      });
    return {
      framework: {
        code: current.code,
        name: scores.framework.name,
        periodKey: current.period.key,
        periodLabel: scores.period.label,
      },
      items,
    };
  } catch {
    // The framework does not score this unit in the period (created after it, another kind):
    // the week's gap still stands.
    return { framework: null, items };
  }
}

/** The officer's block of one unit: due and overdue, gaps, records without evidence, returned items. */
export async function buildOfficerBlock(options: {
  db: Db;
  principal: Principal;
  graph: UnitGraph;
  unitId: string;
  today: string;
  lang?: 'vi' | 'en';
}): Promise<OfficerBlockDto> {
  const { db, principal, graph, unitId, today } = options;
  const due = await findDueItems(db, graph, unitId, today);
  return {
    role: 'officer',
    unit: { id: unitId, name: graph.latestName(unitId) ?? '' },
    due: { total: due.length, items: due.slice(0, HOME_LIST_LIMIT) },
    gaps: await findGaps(db, principal, graph, unitId, today, options.lang),
    withoutEvidence: {
      total: await countRecordsWithoutEvidence(db, principal, unitId, today),
      from: evidenceCountFrom(today),
    },
    returned: await findReturned(db, graph, unitId),
  };
}
