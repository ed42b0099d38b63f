import type { UnitDashboardDto } from '../../../shared/api/dashboard';
import { addDays } from '../../../shared/dates';
import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import { findPeriodsForUnit, findSchedulesOfMonth } from '../../db/repositories/dashboard';
import { submissionState } from '../reports/expected-units';
import { loadUnitGraph } from '../units/load-unit-graph';

/** How many report periods the list shows. */
const DUE_LIMIT = 10;

/**
 * What the unit must hand in next: the report periods of types defined above it (or by it) that it
 * is expected to submit by the rule of expected-units.ts (its kind submits, it existed on the due
 * day), still open or overdue and not submitted, earliest due first; and whether next month's
 * broadcast schedule is drafted or issued. One statement for the periods, one for the schedule.
 */
export async function findDueNext(
  q: Queryable,
  unitId: string,
  today: string,
): Promise<Pick<UnitDashboardDto, 'due' | 'nextSchedule'>> {
  const graph = await loadUnitGraph(q);
  const owners = graph.governingIds(unitId);
  const rows = await findPeriodsForUnit(q, owners, [unitId], today, addDays(today, -366));
  const rollups = new Map<string, Set<string>>();
  const inRollup = (ownerId: string) => {
    let ids = rollups.get(ownerId);
    if (!ids) {
      ids = new Set(graph.rollupIds([ownerId]));
      rollups.set(ownerId, ids);
    }
    return ids;
  };
  const due = rows
    .filter(
      (row) =>
        inRollup(row.ownerUnitId).has(unitId) &&
        graph.scoredUnitsAmong([unitId], row.dueOn, row.submitterKinds as UnitKind[]).length > 0,
    )
    .map((row) => {
      const state = submissionState(row.firstSubmittedOn, row.dueOn);
      return {
        periodId: row.id,
        typeName: row.typeName,
        kind: row.kind,
        label: row.label,
        dueOn: row.dueOn,
        state,
        isOverdue: state === 'missing' && today > row.dueOn,
        reportStatus: row.reportStatus,
      };
    })
    .filter((item) => item.state === 'missing' || item.dueOn >= today)
    .slice(0, DUE_LIMIT);

  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const schedules = await findSchedulesOfMonth(q, unitId, next);
  const schedule = schedules[0];
  return {
    due,
    nextSchedule: {
      month: next.slice(0, 7),
      status: schedule ? (schedule.status === 'issued' ? 'issued' : 'draft') : 'none',
      scheduleId: schedule?.id ?? null,
    },
  };
}
