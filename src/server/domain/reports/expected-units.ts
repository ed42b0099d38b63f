import type { ReportStatus, SubmissionState } from '../../../shared/api/report-contract';
import { collateVietnamese } from '../../../shared/text';
import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import {
  findPeriodWithType,
  findUnitSubmissionsOfPeriods,
  type PeriodWithType,
  type UnitSubmissionRow,
} from '../../db/repositories/report-submissions';
import { loadUnitGraph } from '../units/load-unit-graph';
import type { UnitGraph } from '../units/unit-graph';

/**
 * Who must hand in a report for a period, and where each stands. The one rule every screen, count,
 * reminder and document uses:
 * - expected: the units of the type's submitter kinds in the owner's roll-up (its subtree at any time
 *   and, through merges, its predecessors') that existed on the period's due day. A unit merged away
 *   before the due day is not expected, one merged away after it still is, so past figures never
 *   change when units merge later;
 * - on time: the Vietnamese day (Asia/Ho_Chi_Minh) of the unit's first submission is on or before the
 *   due day, inclusive; a later version superseding it keeps that day;
 * - late: first submitted after the due day; missing: never submitted (overdue once the due day passed).
 */
export interface ExpectedUnit {
  unitId: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  parentName: string | null;
  state: SubmissionState;
  /** True when the unit has not submitted and the due day is past. */
  isOverdue: boolean;
  firstSubmittedOn: string | null;
  reportId: string | null;
  reportStatus: ReportStatus | null;
}

export interface SubmissionSummary {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
}

export function submissionState(firstSubmittedOn: string | null, dueOn: string): SubmissionState {
  if (firstSubmittedOn === null) return 'missing';
  return firstSubmittedOn <= dueOn ? 'on_time' : 'late';
}

export async function findExpectedUnits(
  q: Queryable,
  period: PeriodWithType,
  today: string,
  graph?: UnitGraph,
): Promise<ExpectedUnit[]> {
  const expected = await findExpectedUnitsOfPeriods(q, [period], today, graph ? { graph } : {});
  return expected.get(period.id) ?? [];
}

/**
 * findExpectedUnits for many periods with one statement for all their submissions (homes and period
 * lists used to send one per period). With `unitId`, each period's list holds at most that unit: what
 * one unit owes, without reading the other units' reports.
 */
export async function findExpectedUnitsOfPeriods(
  q: Queryable,
  periods: readonly PeriodWithType[],
  today: string,
  options: { graph?: UnitGraph; unitId?: string } = {},
): Promise<Map<string, ExpectedUnit[]>> {
  const graph = options.graph ?? (await loadUnitGraph(q));
  const rows = await findUnitSubmissionsOfPeriods(
    q,
    periods.map((period) => period.id),
    options.unitId,
  );
  const byPeriod = new Map<string, UnitSubmissionRow[]>();
  for (const row of rows) {
    const list = byPeriod.get(row.periodId) ?? [];
    list.push(row);
    byPeriod.set(row.periodId, list);
  }
  const result = new Map<string, ExpectedUnit[]>();
  for (const period of periods) {
    result.set(
      period.id,
      expectedUnitsOf(graph, period, byPeriod.get(period.id) ?? [], today, options.unitId),
    );
  }
  return result;
}

/** The rule itself, on the period's submissions already read. */
function expectedUnitsOf(
  graph: UnitGraph,
  period: PeriodWithType,
  submissionRows: readonly UnitSubmissionRow[],
  today: string,
  onlyUnitId?: string,
): ExpectedUnit[] {
  const rollup = graph.rollupIds([period.ownerUnitId]);
  // One unit's entry is the same whether the others are judged or not: the rule is per unit.
  const candidates = onlyUnitId === undefined ? rollup : rollup.includes(onlyUnitId) ? [onlyUnitId] : [];
  const units = graph.scoredUnitsAmong(candidates, period.dueOn, period.submitterKinds as UnitKind[]);
  const submissions = new Map(submissionRows.map((row) => [row.unitId, row]));
  return units
    .map((unit) => {
      const submission = submissions.get(unit.id);
      const firstSubmittedOn = submission?.firstSubmittedOn ?? null;
      return {
        unitId: unit.id,
        name: unit.name,
        kind: unit.kind,
        parentId: unit.parentId,
        parentName: unit.parentName,
        state: submissionState(firstSubmittedOn, period.dueOn),
        isOverdue: firstSubmittedOn === null && today > period.dueOn,
        firstSubmittedOn,
        reportId: submission?.reportId ?? null,
        reportStatus: (submission?.status ?? null) as ReportStatus | null,
      };
    })
    .sort((a, b) => collateVietnamese(a.name, b.name));
}

export async function findExpectedUnitsOfPeriod(
  q: Queryable,
  periodId: string,
  today: string,
): Promise<{ period: PeriodWithType; units: ExpectedUnit[] } | undefined> {
  const period = await findPeriodWithType(q, periodId);
  if (!period) return undefined;
  return { period, units: await findExpectedUnits(q, period, today) };
}

export function summariseSubmissions(units: readonly ExpectedUnit[]): SubmissionSummary {
  const summary: SubmissionSummary = { expected: units.length, submitted: 0, onTime: 0, late: 0, missing: 0 };
  for (const unit of units) {
    if (unit.state === 'on_time') summary.onTime += 1;
    else if (unit.state === 'late') summary.late += 1;
    else summary.missing += 1;
  }
  summary.submitted = summary.onTime + summary.late;
  return summary;
}
