import { inArray } from 'drizzle-orm';
import type { UnitScoreDto, UnitScoreQuery } from '../../../shared/api/scoring';
import { todayVn } from '../../../shared/dates';
import { compareVietnamese } from '../../../shared/text';
import type { Queryable } from '../../db/client';
import { readScoreStamps } from '../../db/repositories/score-changes';
import { getUnitLatest } from '../../db/repositories/units';
import { units } from '../../db/schema';
import { notFound, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { ScoringWindow } from '../../scoring/buckets';
import { applicableCriteria, evaluateUnit, type UnitEvaluation } from '../../scoring/evaluate';
import { measuresOfRule } from '../../scoring/rule-measures';
import type { UnitGraph } from '../units/unit-graph';
import { loadAssessmentEntries } from './assessment-entries';
import { buildFacts } from './build-facts';
import { criterionKeys } from './criterion-keys';
import { lookUpEvaluations } from './evaluation-cache';
import { loadFrameworkForPeriod, type ScoringFramework } from './load-framework';
import { findOfficialScores, type OfficialScore, presentOfficial } from './official-score';
import { resolveTargets, type ScoreboardView } from './resolve-targets';
import { defaultUnitView, presentFrameworkRef, presentPeriod } from './scoring-context';

export interface ScoredUnitContext {
  framework: ScoringFramework;
  unit: { id: string; name: string; kind: UnitScoreDto['unit']['kind']; code: string | null };
  view: ScoreboardView;
  window: ScoringWindow;
  sourceIds: string[];
  /** The unit tree it was resolved in and the counting day: where its kept evaluation is looked up. */
  graph?: UnitGraph;
  countingDay?: string;
}

/** Resolves one unit's framework version, window and source units (shared by scores and records). */
export async function resolveScoredUnit(
  q: Queryable,
  principal: Principal,
  unitId: string,
  query: UnitScoreQuery,
  today: string,
): Promise<ScoredUnitContext> {
  await authorizeUnit(q, principal, unitId, 'unit.view');
  return resolveUnitTarget(q, unitId, query, today);
}

/** resolveScoredUnit for a caller that has already decided the unit may be read (reports). */
export async function resolveUnitTarget(
  q: Queryable,
  unitId: string,
  query: Pick<UnitScoreQuery, 'framework' | 'period' | 'view'>,
  today: string,
): Promise<ScoredUnitContext> {
  const { framework, period } = await loadFrameworkForPeriod(q, query.framework, query.period);
  const latest = await getUnitLatest(q, unitId);
  if (!latest) throw notFound();
  if (!framework.definition.appliesTo.includes(latest.unit.kind))
    throw validationError('Bộ chỉ số này không áp dụng cho loại đơn vị này.', [
      { field: 'framework', message: `"${framework.name}" không chấm loại đơn vị của ${latest.unit.name}.` },
    ]);
  const view = defaultUnitView(framework, query.view, latest.unit.validTo, today);
  const resolved = await resolveTargets(q, {
    rootId: unitId,
    kinds: [latest.unit.kind],
    period,
    view,
    today,
    onlyRoot: true,
  });
  const target = resolved.targets[0];
  if (!target)
    throw validationError('Đơn vị không tồn tại trong kỳ này.', [
      { field: 'period', message: `${latest.unit.name} không tồn tại trong ${period.label}.` },
    ]);
  return {
    framework,
    unit: { id: latest.unit.id, name: latest.unit.name, kind: latest.unit.kind, code: latest.unit.code },
    view,
    window: target.window,
    sourceIds: target.sourceIds,
    graph: resolved.graph,
    countingDay: today,
  };
}

/** One unit's live scores, with the explanation, the gaps and the facts of every criterion. */
export async function scoreUnit(
  q: Queryable,
  principal: Principal,
  unitId: string,
  query: UnitScoreQuery,
  today: string,
): Promise<UnitScoreDto> {
  const context = await resolveScoredUnit(q, principal, unitId, query, today);
  const { framework, window } = context;
  const spec = framework.definition;
  const { evaluation, official } = await evaluateScoredUnit(q, context, query.lang, today);
  const keyOf = criterionKeys(spec);
  const specs = new Map(
    applicableCriteria(spec, context.unit.kind).map((ref) => [ref.criterion.code, ref.criterion]),
  );
  // The unit itself first, then the units merged into it by name (the query keeps no order).
  const sourceRows = (
    await q.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, context.sourceIds))
  ).sort((a, b) => Number(b.id === unitId) - Number(a.id === unitId) || compareVietnamese(a.name, b.name));
  return {
    framework: presentFrameworkRef(framework),
    period: presentPeriod(window.period, window.through),
    view: context.view,
    unit: context.unit,
    sourceUnits: sourceRows,
    activeFrom: window.activeFrom,
    activeUntil: window.activeUntil ?? null,
    score: evaluation.score,
    max: evaluation.max,
    percent: evaluation.percent,
    projectedScore: evaluation.projectedScore,
    status: evaluation.status,
    official: presentOfficial(official),
    criteria: evaluation.criteria.map((result) => {
      const criterion = specs.get(result.code)!;
      return {
        // The board's column key, so a unit's score and its cell on a board match ("1.5#2").
        key: keyOf(context.unit.kind, result.code),
        code: result.code,
        title: result.title,
        pillarCode: result.pillarCode,
        indexCode: result.indexCode,
        ruleType: criterion.rule.type,
        score: result.score,
        max: result.max,
        status: result.status,
        explanation: result.explanation,
        projectedScore: result.projectedScore,
        gaps: result.gaps,
        missingInputs: result.missingInputs,
        facts: result.facts,
        evidence: criterion.evidence ?? null,
        evidenceRequired: criterion.evidenceRequired,
        dataSource: criterion.dataSource ?? null,
        hint: criterion.hint ?? null,
        countsRecords: measuresOfRule(criterion.rule).length > 0,
        official: official ? { score: official.criteria.get(result.code) ?? null } : null,
      };
    }),
  };
}

/**
 * The live evaluation of a resolved unit and its official score as of `today`: what the unit's
 * scores page, the CLI and the reports' part I show, so that they never disagree.
 */
export async function evaluateScoredUnit(
  q: Queryable,
  context: ScoredUnitContext,
  lang: UnitScoreQuery['lang'],
  today: string,
): Promise<{ evaluation: UnitEvaluation; official: OfficialScore | undefined }> {
  const { framework, window, unit } = context;
  const target = { unitId: unit.id, sourceIds: context.sourceIds, window };
  // The same kept evaluation as the boards' (evaluation-cache.ts), when the unit's stamps have not moved.
  const cache = context.graph
    ? lookUpEvaluations(
        context.graph,
        {
          frameworkId: framework.id,
          periodKey: window.period.key,
          view: context.view,
          countingDay: context.countingDay ?? today,
          realToday: todayVn(),
          language: lang ?? 'vi',
        },
        [target],
        await readScoreStamps(q, [unit.id, ...context.sourceIds]),
      )
    : null;
  let evaluation = cache?.hits.get(unit.id);
  if (!evaluation) {
    const facts = await buildFacts(q, framework.definition, [target], window.period.from, window.through);
    const entries = await loadAssessmentEntries(q, framework.id, window.period.key, [unit.id]);
    evaluation = evaluateUnit(
      framework.definition,
      unit.kind,
      facts.get(unit.id)!,
      entries.get(unit.id),
      lang,
    );
    cache?.remember(target, evaluation);
  }
  const official = (
    await findOfficialScores(q, {
      frameworkId: framework.id,
      periodKey: window.period.key,
      asOf: today,
      unitIds: [unit.id],
    })
  ).get(unit.id);
  return { evaluation, official };
}
