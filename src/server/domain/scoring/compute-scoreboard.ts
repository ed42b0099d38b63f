import type { ScoreboardDto, ScoreboardQuery } from '../../../shared/api/scoring';
import { compareVietnamese } from '../../../shared/text';
import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import { notFound } from '../../errors';
import { authorizeUnit, isGlobal, type Principal } from '../../policies/principal';
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
export async function computeScoreboard(
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
    rows,
  };
}
