import type { SCOREBOARD_VIEWS } from '../../../shared/api/scoring';
import { addDays, todayVn } from '../../../shared/dates';
import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import { validationError } from '../../errors';
import { vnDay } from '../../scoring/day-numbers';
import { upperFirst } from '../../scoring/explain';
import type { Period } from '../../scoring/periods';
import { loadUnitGraph } from '../units/load-unit-graph';
import type { ScoredUnitRow, UnitGraph } from '../units/unit-graph';
import type { ScoringTarget } from './build-facts';

/**
 * How units of years before a merge are shown: as today's units with the records of the units merged
 * into them ("successors"), or as the units that existed then ("as_they_were").
 */
export type ScoreboardView = (typeof SCOREBOARD_VIEWS)[number];

export interface ResolvedTargets {
  units: ScoredUnitRow[];
  targets: ScoringTarget[];
  /** The last day counted: the period's end, or today while it runs. */
  through: string;
  /** The unit tree the targets were resolved in (the evaluation cache is kept per tree). */
  graph: UnitGraph;
}

/**
 * The units a board scores and, for each, the units whose records count and the window it is
 * judged on (from the day the earliest of them existed in the period to its own last day in it).
 * Seen as successors, the units are today's; seen as they were, those of the period.
 */
export async function resolveTargets(
  q: Queryable,
  options: {
    rootId: string | null;
    kinds: readonly UnitKind[];
    period: Period;
    view: ScoreboardView;
    today: string;
    /** Score exactly this unit, whatever its kind (the unit page and the CLI). */
    onlyRoot?: boolean;
  },
): Promise<ResolvedTargets> {
  const { period, today, view } = options;
  // Counting a period that has not begun would count nothing yet call channels "in time" and show
  // the day before the period as its last day counted.
  if (today < period.from)
    throw validationError('Kỳ đánh giá chưa bắt đầu.', [
      {
        field: 'period',
        message: `${upperFirst(period.label)} bắt đầu từ ${vnDay(period.from)}, sau ngày tính ${vnDay(today)}.`,
      },
    ]);
  const through = period.to < today ? period.to : today;
  // `today` is the counting day, which may be an earlier day asked for ("as the board stood then");
  // only the real today is a day that is not over, whose records can still come.
  const realToday = todayVn();
  const graph = await loadUnitGraph(q);
  // Pure in the unit tree and the options: a national board's resolution (some 50 ms of walking the
  // tree for 3,321 units and their predecessors) is done once per tree, period and day.
  const key = [
    options.rootId ?? '',
    options.kinds.join(','),
    period.key,
    period.from,
    period.to,
    view,
    today,
    realToday,
    options.onlyRoot ? 'root' : '',
  ].join('|');
  let resolutions = resolutionsByGraph.get(graph);
  if (!resolutions) {
    resolutions = new Map();
    resolutionsByGraph.set(graph, resolutions);
  }
  const known = resolutions.get(key);
  if (known) return known;
  const resolved = resolveIn(graph, options, through, realToday);
  resolutions.set(key, resolved);
  while (resolutions.size > KEPT_RESOLUTIONS) resolutions.delete(resolutions.keys().next().value!);
  return resolved;
}

/** Resolutions kept per unit tree, oldest dropped first (callers only read them). */
const KEPT_RESOLUTIONS = 64;
const resolutionsByGraph = new WeakMap<UnitGraph, Map<string, ResolvedTargets>>();

function resolveIn(
  graph: UnitGraph,
  options: Parameters<typeof resolveTargets>[1],
  through: string,
  realToday: string,
): ResolvedTargets {
  const { period, today, view } = options;
  const rootId = options.rootId;
  let units: ScoredUnitRow[];
  if (view === 'as_they_were') {
    // The units of the period as they were: every one that existed on some day of it, also those
    // that ended or began during it (Kon Tum's districts until 30/06/2025, the new communes after).
    // Under a province, its roll-up rather than its subtree: Kon Tum's units of 2024 are Quảng
    // Ngãi's as they were.
    const scope = options.onlyRoot && rootId ? [rootId] : rootId ? graph.rollupIds([rootId]) : null;
    units = graph.unitsLivingIn(scope, period.from, through, options.kinds);
  } else {
    units =
      options.onlyRoot && rootId
        ? graph.scoredUnitsAmong([rootId], today, options.kinds)
        : graph.scoredUnits(rootId, today, options.kinds);
  }
  const sources =
    view === 'successors'
      ? graph.mergeSources(units.map((unit) => unit.id))
      : units.map((unit) => ({
          targetId: unit.id,
          sourceId: unit.id,
          validFrom: unit.validFrom,
          validTo: unit.validTo,
        }));
  const byTarget = new Map<string, typeof sources>();
  for (const source of sources) {
    // A unit merged away before the period began has no records in it; leave it out of the window.
    const livedInPeriod =
      source.validFrom <= period.to && (source.validTo === null || source.validTo > period.from);
    if (!livedInPeriod) continue;
    const list = byTarget.get(source.targetId);
    if (list) list.push(source);
    else byTarget.set(source.targetId, [source]);
  }
  // A unit of today that did not exist in the period and has no predecessor that did (a commune
  // created in 2025 out of nothing, seen in 2024) has nothing to be judged on: it is left off the
  // board, rather than shown with zero points and ranked last.
  units = units.filter((unit) => byTarget.has(unit.id));
  const targets = units.map((unit): ScoringTarget => {
    const own = byTarget.get(unit.id)!;
    const earliest = own.reduce(
      (first, source) => (source.validFrom < first ? source.validFrom : first),
      unit.validFrom,
    );
    const activeFrom = earliest > period.from ? earliest : period.from;
    // A unit that ended during the period is judged up to its last day.
    const lastDay = unit.validTo !== null ? addDays(unit.validTo, -1) : null;
    const activeUntil = lastDay !== null && lastDay < period.to ? lastDay : undefined;
    const unitThrough = activeUntil !== undefined && activeUntil < through ? activeUntil : through;
    return {
      unitId: unit.id,
      sourceIds: own.map((source) => source.sourceId),
      window: {
        period,
        activeFrom,
        through: unitThrough,
        ...(activeUntil !== undefined ? { activeUntil } : {}),
        ...(unitThrough === realToday ? { throughIsToday: true } : {}),
      },
    };
  });
  return { units, targets, through, graph };
}
