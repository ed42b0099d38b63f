import {
  SCOREBOARD_DEFAULT_PAGE_SIZE,
  type ScoreboardDto,
  type ScoreboardQuery,
} from '../../../shared/api/scoring';
import { headlineOf, rowsOfStatus, summarizeBoard } from '../../../shared/scoring/headline';
import { compareVietnamese } from '../../../shared/text';
import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import { notFound } from '../../errors';
import { authorizeUnit, isGlobal, type Principal } from '../../policies/principal';
import { withOneUnitsRevision } from '../units/load-unit-graph';
import { criterionKeys } from './criterion-keys';
import { criteriaColumns, evaluateBoard } from './evaluate-board';
import { loadFrameworkForPeriod } from './load-framework';
import { findOfficialScores, presentOfficial } from './official-score';
import { boardRootAndView, presentFrameworkRef, presentPeriod } from './scoring-context';

/** Checks the user may see the subtree (or, with no root, the whole country: system admins only). */
export async function authorizeBoardRoot(q: Queryable, principal: Principal, rootId: string | null) {
  if (rootId) await authorizeUnit(q, principal, rootId, 'unit.view');
  else if (!isGlobal(principal, 'unit.view')) throw notFound();
}

/**
 * The live scoreboard of a subtree (or the country) for a framework and a period: every unit the
 * framework applies to × every criterion, computed from the records at the moment of the request.
 */
export function computeScoreboard(
  q: Queryable,
  principal: Principal,
  query: ScoreboardQuery,
  today: string,
): Promise<ScoreboardDto> {
  return withOneUnitsRevision(q, () => scoreboardOf(q, principal, query, today));
}

async function scoreboardOf(
  q: Queryable,
  principal: Principal,
  query: ScoreboardQuery,
  today: string,
): Promise<ScoreboardDto> {
  const rootId = query.unitId ?? null;
  await authorizeBoardRoot(q, principal, rootId);
  const { framework, period } = await loadFrameworkForPeriod(q, query.framework, query.period);
  const kinds: UnitKind[] = framework.definition.appliesTo.filter(
    (kind) => !query.kind || kind === query.kind,
  );
  const { root, view } = await boardRootAndView(q, framework, query.view, rootId, today);
  const board = await evaluateBoard(q, {
    framework,
    period,
    rootId,
    kinds,
    view,
    today,
    language: query.lang,
  });
  const keyOf = criterionKeys(framework.definition);
  const officials = await findOfficialScores(q, {
    frameworkId: framework.id,
    periodKey: period.key,
    asOf: today,
    unitIds: board.units.map(({ unit }) => unit.id),
  });

  const rows = board.units.map(({ unit, window, evaluation }) => {
    const official = officials.get(unit.id);
    return {
      unitId: unit.id,
      name: unit.name,
      code: unit.code,
      kind: unit.kind,
      parentName: unit.parentName,
      activeFrom: window.activeFrom,
      activeUntil: window.activeUntil ?? null,
      score: evaluation.score,
      max: evaluation.max,
      percent: evaluation.percent,
      projectedScore: evaluation.projectedScore,
      status: evaluation.status,
      pendingInputs: evaluation.pendingInputs,
      criteria: evaluation.criteria.map((result) => ({
        key: keyOf(unit.kind, result.code),
        code: result.code,
        score: result.score,
        max: result.max,
        status: result.status,
        explanation: result.explanation,
        projectedScore: result.projectedScore,
        gaps: result.gaps,
        official: official ? { score: official.criteria.get(result.code) ?? null } : null,
      })),
      official: presentOfficial(official),
    };
  });
  rows.sort((a, b) => a.kind.localeCompare(b.kind) || compareVietnamese(a.name, b.name));
  return {
    framework: presentFrameworkRef(framework),
    period: presentPeriod(period, board.through),
    view,
    root,
    criteria: criteriaColumns(framework, kinds),
    usedCriteria: [...new Set(rows.flatMap((row) => row.criteria.map((criterion) => criterion.key)))],
    rows,
    total: rows.length,
    summary: summarizeBoard(rows),
  };
}

/**
 * The part of a whole board a person asked for: the units of one headline status, by percentage
 * if asked, one page of them when a page is asked for. The summary stays the whole board's, so the
 * status counts above the table do not change with the page or the filter.
 */
export function pageScoreboard(
  board: ScoreboardDto,
  query: Pick<ScoreboardQuery, 'page' | 'pageSize' | 'sort' | 'status'>,
): ScoreboardDto {
  let rows = rowsOfStatus(board.rows, query.status);
  if (query.sort === 'percent') {
    const percent = (row: ScoreboardDto['rows'][number]) => headlineOf(row, row.official).percent;
    rows = [...rows].sort((a, b) => percent(b) - percent(a) || compareVietnamese(a.name, b.name));
  }
  const total = rows.length;
  if (query.page === undefined && query.pageSize === undefined) return { ...board, rows, total };
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? SCOREBOARD_DEFAULT_PAGE_SIZE;
  return {
    ...board,
    rows: rows.slice((page - 1) * pageSize, page * pageSize),
    total,
    page,
    pageSize,
  };
}
