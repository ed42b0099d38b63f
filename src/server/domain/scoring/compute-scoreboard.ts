import type { ScoreboardDto, ScoreboardQuery } from '../../../shared/api/scoring';
import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import { getUnitLatest } from '../../db/repositories/units';
import { notFound } from '../../errors';
import { authorizeUnit, isGlobal, type Principal } from '../../policies/principal';
import { applicableCriteria, evaluateUnit } from '../../scoring/evaluate';
import { buildFacts } from './build-facts';
import { loadAssessmentEntries } from './assessment-entries';
import { loadFrameworkForPeriod } from './load-framework';
import { resolveTargets } from './resolve-targets';
import { defaultView, presentFrameworkRef, presentPeriod } from './scoring-context';

const vietnameseOrder = new Intl.Collator('vi', { numeric: true }).compare;

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
  if (rootId) await authorizeUnit(q, principal, rootId, 'unit.view');
  else if (!isGlobal(principal, 'unit.view')) throw notFound();
  const { framework, period } = await loadFrameworkForPeriod(q, query.framework, query.period);
  const spec = framework.definition;
  const kinds: UnitKind[] = query.kind ? spec.appliesTo.filter((kind) => kind === query.kind) : spec.appliesTo;
  const view = defaultView(framework, query.view);
  const resolved = await resolveTargets(q, { rootId, kinds, period, view, today });
  const facts = await buildFacts(q, spec, resolved.targets, period.from, resolved.through);
  const entries = await loadAssessmentEntries(
    q,
    framework.id,
    period.key,
    resolved.units.map((unit) => unit.id),
  );

  const rows = resolved.units.map((unit) => {
    const evaluation = evaluateUnit(spec, unit.kind, facts.get(unit.id)!, entries.get(unit.id));
    return {
      unitId: unit.id,
      name: unit.name,
      code: unit.code,
      kind: unit.kind,
      parentName: unit.parentName,
      score: evaluation.score,
      max: evaluation.max,
      percent: evaluation.percent,
      projectedScore: evaluation.projectedScore,
      status: evaluation.status,
      pendingInputs: evaluation.pendingInputs,
      criteria: evaluation.criteria.map((result) => ({
        code: result.code,
        score: result.score,
        max: result.max,
        status: result.status,
        explanation: result.explanation,
        projectedScore: result.projectedScore,
        gaps: result.gaps,
      })),
    };
  });
  rows.sort((a, b) => a.kind.localeCompare(b.kind) || vietnameseOrder(a.name, b.name));

  const columns = new Map<string, ScoreboardDto['criteria'][number]>();
  for (const kind of kinds)
    for (const ref of applicableCriteria(spec, kind)) {
      const existing = columns.get(ref.criterion.code);
      if (existing) existing.appliesTo.push(kind);
      else
        columns.set(ref.criterion.code, {
          code: ref.criterion.code,
          title: ref.criterion.title,
          max: ref.criterion.max,
          pillarCode: ref.pillar.code,
          indexCode: ref.index.code,
          appliesTo: [kind],
        });
    }
  const root = rootId ? await getUnitLatest(q, rootId) : undefined;
  return {
    framework: presentFrameworkRef(framework),
    period: presentPeriod(period, resolved.through),
    view,
    root: root ? { id: root.unit.id, name: root.unit.name } : null,
    criteria: [...columns.values()],
    rows,
  };
}
