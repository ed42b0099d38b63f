import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import { validationError } from '../../errors';
import { type CriterionEntry, type CriterionEvaluation, evaluateUnit } from '../../scoring/evaluate';
import { type Period, parsePeriod } from '../../scoring/periods';
import type { InputValue } from '../../scoring/types';
import type { ScoringLanguage } from '../../scoring/words';
import { buildFacts } from '../scoring/build-facts';
import type { ScoringFramework } from '../scoring/load-framework';
import { resolveTargets } from '../scoring/resolve-targets';
import { defaultUnitView } from '../scoring/scoring-context';

/** The period an assessment is for, in its framework version's kind of period. */
export function periodOf(framework: ScoringFramework, periodKey: string): Period {
  const period = parsePeriod(framework.definition.period, periodKey);
  if (!period)
    throw validationError('Kỳ đánh giá không hợp lệ.', [
      { field: 'period', message: `Kỳ "${periodKey}" không hợp lệ.` },
    ]);
  return period;
}

/** An automatic score in the language asked for; with `en` when both languages were asked (to freeze). */
export type AutoEvaluation = CriterionEvaluation & { en?: { explanation: string; gaps: string[] } };

/**
 * The automatic scores of one unit's criteria, from its records up to today and the inputs entered
 * in its assessment. A person's own scores are left out on purpose: the automatic score is what the
 * records say, shown beside the self score and the reviewer's, so a manual criterion stays waiting.
 */
export async function computeAutoScores(
  q: Queryable,
  options: {
    framework: ScoringFramework;
    unit: { id: string; kind: UnitKind; name: string; validTo: string | null };
    periodKey: string;
    inputsByCode: ReadonlyMap<string, Record<string, InputValue>>;
    today: string;
    /** The language of explanations and gaps; Vietnamese by default. */
    language?: ScoringLanguage;
    /**
     * Also write them in English (`en`): scores frozen at submission keep both languages, so the
     * English page shows a frozen score in English too.
     */
    bilingual?: boolean;
  },
): Promise<Map<string, AutoEvaluation>> {
  const { framework, unit, today } = options;
  const spec = framework.definition;
  const period = periodOf(framework, options.periodKey);
  const resolved = await resolveTargets(q, {
    rootId: unit.id,
    kinds: [unit.kind],
    period,
    // A unit that has ended (a district before the 2025 reform) is none of today's units: it is
    // scored as it was, like its own scores page.
    view: defaultUnitView(framework, undefined, unit.validTo, today),
    today,
    onlyRoot: true,
  });
  const target = resolved.targets[0];
  if (!target)
    throw validationError('Đơn vị không tồn tại trong kỳ đánh giá.', [
      { field: 'period', message: `${unit.name} không tồn tại trong ${period.label}.` },
    ]);
  const facts = await buildFacts(q, spec, [target], period.from, resolved.through);
  const entries = new Map<string, CriterionEntry>(
    [...options.inputsByCode].map(([code, inputs]) => [code, { inputs }]),
  );
  const unitFacts = facts.get(unit.id)!;
  const evaluation = evaluateUnit(spec, unit.kind, unitFacts, entries, options.language);
  const english = options.bilingual
    ? new Map(evaluateUnit(spec, unit.kind, unitFacts, entries, 'en').criteria.map((c) => [c.code, c]))
    : undefined;
  return new Map(
    evaluation.criteria.map((criterion) => {
      const en = english?.get(criterion.code);
      return [
        criterion.code,
        en ? { ...criterion, en: { explanation: en.explanation, gaps: en.gaps } } : criterion,
      ];
    }),
  );
}
