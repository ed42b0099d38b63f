import type { FrameworkSpec } from '../../../shared/frameworks/definition';
import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import { getUnitLatest } from '../../db/repositories/units';
import { notFound } from '../../errors';
import { loadFrameworkById, type ScoringFramework } from '../scoring/load-framework';
import type { CriterionPlace } from './present-assessment';

export interface AssessedUnit {
  id: string;
  name: string;
  kind: UnitKind;
  code: string | null;
  /** The day it stopped existing (null while it exists): an ended unit is scored as it was. */
  validTo: string | null;
}

/** The framework version an assessment was made with (it never changes under it). */
export async function loadAssessmentFramework(q: Queryable, frameworkId: string): Promise<ScoringFramework> {
  const framework = await loadFrameworkById(q, frameworkId);
  if (!framework) throw notFound('Không tìm thấy bộ chỉ số của bản đánh giá.');
  return framework;
}

/** The unit as it is now (or as it last was, for a unit that has ended). */
export async function loadAssessedUnit(q: Queryable, unitId: string): Promise<AssessedUnit> {
  const latest = await getUnitLatest(q, unitId);
  if (!latest) throw notFound();
  return {
    id: latest.unit.id,
    name: latest.unit.name,
    kind: latest.unit.kind,
    code: latest.unit.code,
    validTo: latest.unit.validTo,
  };
}

/**
 * Every criterion that scores units of the kind, by code, with its place in the tree (an assessment
 * keeps codes). Per kind: a framework may reuse a code for different kinds (Kon Tum's "1.5" is a
 * district's website criterion and a commune's radio one).
 */
export function criterionPlaces(spec: FrameworkSpec, unitKind: UnitKind): Map<string, CriterionPlace> {
  const places = new Map<string, CriterionPlace>();
  for (const pillar of spec.pillars)
    for (const index of pillar.indices)
      for (const criterion of index.criteria)
        if ((criterion.appliesTo ?? spec.appliesTo).includes(unitKind))
          places.set(criterion.code, {
            order: places.size,
            pillarCode: pillar.code,
            indexCode: index.code,
            criterion,
          });
  return places;
}
