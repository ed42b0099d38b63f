import type { RankingDto, RankingQuery } from '../../../shared/api/scoring';
import { compareVietnamese } from '../../../shared/text';
import { UNIT_KINDS } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import { findPublishedScores } from '../../db/repositories/published-scores';
import type { Principal } from '../../policies/principal';
import { type Period, previousPeriod } from '../../scoring/periods';
import { authorizeBoardRoot } from './compute-scoreboard';
import { evaluateBoard } from './evaluate-board';
import { findFrameworkForPeriod, loadFrameworkForPeriod, type ScoringFramework } from './load-framework';
import { leagueOf, percentOf, rankByPercent } from './rank-units';
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
}

/** Each unit's score for a period: the published appraisal where there is one, else the live score. */
async function scoreRows(
  q: Queryable,
  framework: ScoringFramework,
  period: Period,
  rootId: string | null,
  view: ScoreboardView,
  today: string,
): Promise<{ rows: ScoredRow[]; through: string }> {
  const board = await evaluateBoard(q, {
    framework,
    period,
    rootId,
    kinds: framework.definition.appliesTo,
    view,
    today,
  });
  const published = await findPublishedScores(
    q,
    framework.id,
    period.key,
    today,
    board.units.map(({ unit }) => unit.id),
  );
  const rows = board.units.map(({ unit, evaluation }): ScoredRow => {
    const official = published.get(unit.id);
    const score = official ? official.appraisedTotal : evaluation.score;
    const max = official ? official.maxTotal : evaluation.max;
    return {
      unitId: unit.id,
      name: unit.name,
      code: unit.code,
      kind: unit.kind,
      score,
      max,
      percent: official ? percentOf(score, max) : evaluation.percent,
      source: official ? 'published' : 'live',
    };
  });
  return { rows, through: board.through };
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
    .map(({ key, label, rows: leagueRows }) => ({
      key,
      label,
      rows: rankByPercent([...leagueRows].sort((a, b) => compareVietnamese(a.name, b.name))),
    }));
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
  await authorizeBoardRoot(q, principal, rootId);
  const { framework, period } = await loadFrameworkForPeriod(q, query.framework, query.period);
  const { root, view } = await boardRootAndView(q, framework, query.view, rootId, today);
  const current = await scoreRows(q, framework, period, rootId, view, today);

  const before = previousPeriod(period);
  const previousRanks = new Map<string, { percent: number; rank: number }>();
  let previousLabel: RankingDto['previousPeriod'] = null;
  // No version in force then: the table simply has no previous column.
  const earlier = await findFrameworkForPeriod(q, query.framework, before.key);
  if (earlier) {
    previousLabel = { key: before.key, label: before.label };
    const previous = await scoreRows(q, earlier.framework, before, rootId, view, today);
    for (const league of rankLeagues(previous.rows))
      for (const row of league.rows) previousRanks.set(row.unitId, { percent: row.percent, rank: row.rank });
  }

  return {
    framework: presentFrameworkRef(framework),
    period: presentPeriod(period, current.through),
    previousPeriod: previousLabel,
    view,
    root,
    groups: rankLeagues(current.rows).map((league) => ({
      key: league.key,
      label: league.label,
      rows: league.rows.map((row) => ({ ...row, previous: previousRanks.get(row.unitId) ?? null })),
    })),
  };
}
