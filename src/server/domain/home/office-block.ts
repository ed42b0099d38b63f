import {
  HOME_UNIT_LIST_LIMIT,
  type OfficeBlockDto,
  type OfficePeriodDto,
  type OfficeUnitDto,
  OVERDUE_LOOKBACK_DAYS,
  type UnitReason,
} from '../../../shared/api/home';
import { addDays } from '../../../shared/dates';
import { compareVietnamese } from '../../../shared/text';
import type { Db } from '../../db/client';
import { findCurrentPeriods, findPeriodsDueBetween, findUnitsWithRecords } from '../../db/repositories/home';
import type { Principal } from '../../policies/principal';
import { findNotStarted } from '../assessments/find-not-started';
import { findExpectedUnitsOfPeriods, summariseSubmissions } from '../reports/expected-units';
import { computeScoreboard } from '../scoring/compute-scoreboard';
import type { UnitGraph } from '../units/unit-graph';
import { daysBetween, findCurrentFramework } from './home-context';

/** A unit is at risk below this share of its maximum, counting what it is on pace for. */
const AT_RISK_SHARE = 0.5;
/** The weakest criteria named in a "behind" reason. */
const REASON_CRITERIA = 2;

function unitList(units: OfficeUnitDto[]): { total: number; items: OfficeUnitDto[] } {
  return { total: units.length, items: units.slice(0, HOME_UNIT_LIST_LIMIT) };
}

/**
 * The units behind on the live scoreboard of the scope's current framework and period: red (nothing
 * and nothing in sight) or amber on pace for less than half the maximum, each with its score and its
 * weakest criteria's first gap. The same board the scoreboard page shows (computeScoreboard).
 */
async function findBehind(
  db: Db,
  principal: Principal,
  graph: UnitGraph,
  unitId: string | null,
  today: string,
  lang: 'vi' | 'en' | undefined,
) {
  const current = await findCurrentFramework(db, graph, { rootId: unitId, kind: null, today });
  if (!current) return undefined;
  const board = await computeScoreboard(
    db,
    principal,
    {
      framework: current.code,
      period: current.period.key,
      ...(unitId ? { unitId } : {}),
      ...(lang ? { lang } : {}),
    },
    today,
  );
  const behind: Array<OfficeUnitDto & { share: number }> = [];
  for (const row of board.rows) {
    if (row.max <= 0 || row.status === 'grey' || row.status === 'green') continue;
    const share = (row.projectedScore ?? row.score) / row.max;
    if (row.status === 'amber' && share >= AT_RISK_SHARE) continue;
    // What is still missing while the period runs; once it is over nothing can be added, so the
    // explanation of what was found says why the criterion fell short.
    const weakest = row.criteria
      .filter((criterion) => criterion.status === 'red' || criterion.status === 'amber')
      .sort((a, b) => Number(b.status === 'red') - Number(a.status === 'red'))
      .slice(0, REASON_CRITERIA)
      .map((criterion) => ({ code: criterion.code, gap: criterion.gaps[0] ?? criterion.explanation }));
    behind.push({
      unitId: row.unitId,
      name: row.name,
      parentName: row.parentName,
      reasons: [
        { code: 'score_behind', score: row.score, max: row.max, percent: row.percent, criteria: weakest },
      ],
      share,
    });
  }
  behind.sort((a, b) => a.share - b.share || compareVietnamese(a.name, b.name));
  return { current, board, behind: behind.map(({ share: _share, ...unit }) => unit) };
}

/**
 * Units of the board that have not started the period: no live record dated in it so far, or no
 * self-assessment for it (findNotStarted, the assessment list's "chưa lập"). Units with neither first.
 */
async function findNotStartedUnits(
  db: Db,
  principal: Principal,
  unitId: string | null,
  today: string,
  found: NonNullable<Awaited<ReturnType<typeof findBehind>>>,
): Promise<OfficeUnitDto[]> {
  const { current, board } = found;
  const through = board.period.through;
  const withRecords = await findUnitsWithRecords(
    db,
    board.rows.map((row) => row.unitId),
    board.period.from,
    through,
  );
  const withoutAssessment = new Set(
    (
      await findNotStarted(db, principal, {
        ...(unitId ? { unitId } : {}),
        framework: current.code,
        period: current.period.key,
        today,
      })
    ).map((unit) => unit.id),
  );
  const units: Array<OfficeUnitDto & { weight: number }> = [];
  for (const row of board.rows) {
    const reasons: UnitReason[] = [];
    const since = row.activeFrom > board.period.from ? row.activeFrom : board.period.from;
    if (!withRecords.has(row.unitId)) reasons.push({ code: 'no_records', since });
    if (withoutAssessment.has(row.unitId))
      reasons.push({ code: 'no_assessment', periodLabel: board.period.label });
    if (reasons.length > 0)
      units.push({
        unitId: row.unitId,
        name: row.name,
        parentName: row.parentName,
        reasons,
        weight: reasons.length,
      });
  }
  units.sort((a, b) => b.weight - a.weight || compareVietnamese(a.name, b.name));
  return units.map(({ weight: _weight, ...unit }) => unit);
}

/**
 * Units that have not submitted a report whose due day passed in the last year, for the types owned
 * by the scope's units or by the units above it (every type for a system admin), by the rule of
 * expected-units.ts. One unit may miss several reports: one entry, one reason per report.
 */
async function findOverdueUnits(
  db: Db,
  graph: UnitGraph,
  unitId: string | null,
  today: string,
): Promise<OfficeUnitDto[]> {
  const scope = unitId === null ? null : new Set(graph.rollupIds([unitId]));
  const owners = unitId === null || !scope ? null : [...new Set([...scope, ...graph.governingIds(unitId)])];
  const periods = await findPeriodsDueBetween(db, {
    ownerIds: owners,
    from: addDays(today, -OVERDUE_LOOKBACK_DAYS),
    to: addDays(today, -1),
  });
  const byUnit = new Map<string, OfficeUnitDto & { daysLate: number }>();
  const expectedByPeriod = await findExpectedUnitsOfPeriods(db, periods, today, { graph });
  for (const period of periods) {
    for (const unit of expectedByPeriod.get(period.id) ?? []) {
      if (!unit.isOverdue || (scope && !scope.has(unit.unitId))) continue;
      const daysLate = daysBetween(period.dueOn, today);
      const entry = byUnit.get(unit.unitId) ?? {
        unitId: unit.unitId,
        name: unit.name,
        parentName: unit.parentName,
        reasons: [],
        daysLate: 0,
      };
      entry.reasons.push({
        code: 'report_overdue',
        periodId: period.id,
        typeName: period.typeName,
        periodLabel: period.label,
        dueOn: period.dueOn,
        daysLate,
      });
      entry.daysLate = Math.max(entry.daysLate, daysLate);
      byUnit.set(unit.unitId, entry);
    }
  }
  return [...byUnit.values()]
    .sort((a, b) => b.daysLate - a.daysLate || compareVietnamese(a.name, b.name))
    .map(({ daysLate: _daysLate, ...unit }) => unit);
}

/** The report types a scope follows: those owned by its units or by the units above it (all for null). */
function reportOwners(graph: UnitGraph, unitId: string | null) {
  if (unitId === null) return { scope: null, owners: null };
  const scope = new Set(graph.rollupIds([unitId]));
  return { scope, owners: [...new Set([...scope, ...graph.governingIds(unitId)])] };
}

/**
 * Completeness of the current period of each report type the scope follows, counted over the scope's
 * expected units by the rule of expected-units.ts: one statement for the periods, one for their
 * submissions.
 */
async function findPeriodCompleteness(
  db: Db,
  graph: UnitGraph,
  unitId: string | null,
  today: string,
): Promise<OfficePeriodDto[]> {
  const { scope, owners } = reportOwners(graph, unitId);
  const periods = await findCurrentPeriods(db, { ownerIds: owners, today });
  const rows: OfficePeriodDto[] = [];
  const expectedByPeriod = await findExpectedUnitsOfPeriods(db, periods, today, { graph });
  for (const period of periods) {
    const units = (expectedByPeriod.get(period.id) ?? []).filter((unit) => !scope || scope.has(unit.unitId));
    if (units.length === 0) continue;
    rows.push({
      periodId: period.id,
      typeName: period.typeName,
      label: period.label,
      dueOn: period.dueOn,
      isPastDue: today > period.dueOn,
      ...summariseSubmissions(units),
    });
  }
  return rows;
}

/** The province office's block: units behind, not started and overdue, each with its reasons. */
export async function buildOfficeBlock(options: {
  db: Db;
  principal: Principal;
  graph: UnitGraph;
  unitId: string | null;
  today: string;
  lang?: 'vi' | 'en';
}): Promise<OfficeBlockDto> {
  const { db, principal, graph, unitId, today } = options;
  const found = await findBehind(db, principal, graph, unitId, today, options.lang);
  const notStarted = found ? await findNotStartedUnits(db, principal, unitId, today, found) : [];
  const overdue = await findOverdueUnits(db, graph, unitId, today);
  const reportPeriods = await findPeriodCompleteness(db, graph, unitId, today);
  return {
    role: 'office',
    unit: unitId === null ? null : { id: unitId, name: graph.latestName(unitId) ?? '' },
    framework: found
      ? {
          code: found.current.code,
          name: found.board.framework.name,
          periodKey: found.current.period.key,
          periodLabel: found.board.period.label,
        }
      : null,
    behind: unitList(found?.behind ?? []),
    notStarted: unitList(notStarted),
    overdue: unitList(overdue),
    unitCount: found?.board.rows.length ?? 0,
    reportPeriods,
  };
}
