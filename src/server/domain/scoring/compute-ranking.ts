import type { RankingDto, RankingQuery } from '../../../shared/api/scoring';
import { compareVietnamese } from '../../../shared/text';
import { UNIT_KINDS } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import { AppError } from '../../errors';
import type { Principal } from '../../policies/principal';
import { type Period, previousPeriod } from '../../scoring/periods';
import { loadUnitGraph } from '../units/load-unit-graph';
import { authorizeBoardRoot } from './compute-scoreboard';
import { evaluateBoard } from './evaluate-board';
import { findFrameworkForPeriod, loadFrameworkForPeriod, type ScoringFramework } from './load-framework';
import { findOfficialScores, headlineScore, type LiveTotal, presentOfficial } from './official-score';
import { leagueOf, movementBetween, placesOf, rankByPercent } from './rank-units';
import type { ScoreboardView } from './resolve-targets';
import { boardRootAndView, presentFrameworkRef, presentPeriod } from './scoring-context';

interface ScoredRow {
  unitId: string;
  name: string;
  code: string | null;
  kind: RankingDto['groups'][number]['rows'][number]['kind'];
  score: number;
  max: number;
  percent: number;
  source: 'published' | 'live';
  live: LiveTotal | null;
  official: ReturnType<typeof presentOfficial>;
}

/** Each unit's score for a period: the published appraisal where there is one, else the live score. */
async function scoreRows(
  q: Queryable,
  framework: ScoringFramework,
  period: Period,
  rootId: string | null,
  view: ScoreboardView,
  today: string,
  scope: RankingScope,
): Promise<{ rows: ScoredRow[]; through: string }> {
  const board = await evaluateBoard(q, {
    framework,
    period,
    rootId,
    kinds: framework.definition.appliesTo,
    view,
    today,
  });
  const officials = await findOfficialScores(q, {
    frameworkId: framework.id,
    periodKey: period.key,
    asOf: today,
    unitIds: board.units.map(({ unit }) => unit.id),
  });
  const shown = scope === 'full' ? board.units : board.units.filter(({ unit }) => officials.has(unit.id));
  const rows = shown.map(({ unit, evaluation }): ScoredRow => {
    const live = { score: evaluation.score, max: evaluation.max, percent: evaluation.percent };
    const official = officials.get(unit.id);
    return {
      unitId: unit.id,
      name: unit.name,
      code: unit.code,
      kind: unit.kind,
      ...headlineScore(live, official),
      live: scope === 'full' ? live : null,
      official: presentOfficial(official),
    };
  });
  return { rows, through: board.through };
}

type RankingScope = RankingDto['scope'];

/**
 * Who may read a ranking: whoever may see the subtree reads it all ("full"). A user of a unit inside a
 * province who may not see the province reads its published results ("published_only"): the
 * published appraisals are public inside the province, the live scores and evidence of other units
 * are not. Anyone else learns nothing (404).
 */
async function rankingScope(
  q: Queryable,
  principal: Principal,
  rootId: string | null,
): Promise<RankingScope> {
  try {
    await authorizeBoardRoot(q, principal, rootId);
    return 'full';
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'NOT_FOUND' || !rootId) throw error;
    const graph = await loadUnitGraph(q);
    if (graph.unit(rootId)?.kind !== 'province') throw error;
    const inside = principal.grants.some(
      (grant) => grant.unitId !== null && graph.governingIds(grant.unitId).includes(rootId),
    );
    if (!inside) throw error;
    return 'published_only';
  }
}

/** The province of today above a unit (a commune's province), whose published ranking it may read. */
async function provinceAbove(q: Queryable, rootId: string | null): Promise<RankingDto['province']> {
  if (!rootId) return null;
  const graph = await loadUnitGraph(q);
  const id = graph
    .unitsAbove(rootId)
    .find((above) => graph.unit(above)?.kind === 'province' && graph.unit(above)?.validTo === null);
  return id ? { id, name: graph.latestName(id) ?? '' } : null;
}

/**
 * Ranks rows within their league (commune level together, other kinds apart). Units sharing a rank
 * are listed by name: the database returns them in no particular order, and a table that reorders
 * itself between two reads looks wrong.
 */
function rankLeagues(rows: readonly ScoredRow[]) {
  const leagues = new Map<string, { key: string; label: string; order: number; rows: ScoredRow[] }>();
  for (const row of rows) {
    const league = leagueOf(row.kind);
    const entry = leagues.get(league.key) ?? { ...league, order: UNIT_KINDS.length, rows: [] };
    entry.rows.push(row);
    // Leagues come in the order of unit kinds (commune level first), not in the order rows arrived.
    entry.order = Math.min(entry.order, UNIT_KINDS.indexOf(row.kind));
    leagues.set(league.key, entry);
  }
  return [...leagues.values()]
    .sort((a, b) => a.order - b.order)
    .map(({ key, label, rows: leagueRows }) => {
      const ranked = rankByPercent([...leagueRows].sort((a, b) => compareVietnamese(a.name, b.name)));
      const places = placesOf(ranked);
      return { key, label, rows: ranked.map((row) => ({ ...row, places: places.get(row)! })) };
    });
}

/**
 * The league table of a subtree's units for a period, by kind, with each unit's rank and percentage
 * in the previous period beside it (when a framework version was in force then).
 */
export async function computeRanking(
  q: Queryable,
  principal: Principal,
  query: RankingQuery,
  today: string,
): Promise<RankingDto> {
  const rootId = query.unitId ?? null;
  const scope = await rankingScope(q, principal, rootId);
  return rankUnitsOf(q, scope, query, today);
}

/**
 * The published results of a province as anyone may read them (the public results page): the
 * "published_only" ranking, official scores only, without asking who reads.
 */
export async function computePublishedRanking(
  q: Queryable,
  options: { provinceId: string; framework: string; period: string; today: string },
): Promise<RankingDto> {
  return rankUnitsOf(
    q,
    'published_only',
    { unitId: options.provinceId, framework: options.framework, period: options.period },
    options.today,
  );
}

async function rankUnitsOf(
  q: Queryable,
  scope: RankingScope,
  query: RankingQuery,
  today: string,
): Promise<RankingDto> {
  const rootId = query.unitId ?? null;
  const { framework, period } = await loadFrameworkForPeriod(q, query.framework, query.period);
  const { root, view } = await boardRootAndView(q, framework, query.view, rootId, today);
  const current = await scoreRows(q, framework, period, rootId, view, today, scope);

  const before = previousPeriod(period);
  const previousRanks = new Map<
    string,
    { percent: number; rank: number; places: { first: number; last: number } }
  >();
  let previousLabel: RankingDto['previousPeriod'] = null;
  // No version in force then: the table simply has no previous column.
  const earlier = await findFrameworkForPeriod(q, query.framework, before.key);
  if (earlier) {
    previousLabel = { key: before.key, label: before.label };
    const previous = await scoreRows(q, earlier.framework, before, rootId, view, today, scope);
    for (const league of rankLeagues(previous.rows))
      for (const row of league.rows)
        previousRanks.set(row.unitId, { percent: row.percent, rank: row.rank, places: row.places });
  }

  return {
    scope,
    province: await provinceAbove(q, rootId),
    framework: presentFrameworkRef(framework),
    period: presentPeriod(period, current.through),
    previousPeriod: previousLabel,
    view,
    root,
    groups: rankLeagues(current.rows).map((league) => ({
      key: league.key,
      label: league.label,
      rows: league.rows.map(({ places, ...row }) => {
        const before = previousRanks.get(row.unitId);
        return {
          ...row,
          previous: before ? { percent: before.percent, rank: before.rank } : null,
          movement: before ? movementBetween(before.places, places) : null,
        };
      }),
    })),
  };
}
