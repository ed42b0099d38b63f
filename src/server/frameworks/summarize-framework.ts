import type { FrameworkSpec } from '../../shared/frameworks/definition';
import type { UnitKind } from '../../shared/units';
import { criteriaWithPaths, criterionKinds, maxTotalFor } from './validate';

export interface FrameworkKindSummary {
  kind: UnitKind;
  /** Criteria that score this kind of unit. */
  criteria: number;
  /** Their codes, in file order. */
  codes: string[];
  /** The points a unit of this kind can earn (the file's `totals`, equal to the sum of the maxima). */
  total: number;
}

/** What a framework scores, per unit kind: shown after a file validates and in the list of frameworks. */
export function summarizeKinds(framework: FrameworkSpec): FrameworkKindSummary[] {
  const criteria = criteriaWithPaths(framework);
  return framework.appliesTo.map((kind) => {
    const codes = criteria
      .filter(({ criterion }) => criterionKinds(framework, criterion).includes(kind))
      .map(({ criterion }) => criterion.code);
    return { kind, criteria: codes.length, codes, total: maxTotalFor(framework, kind) };
  });
}

/** Every criterion of the file, whichever kinds it scores. */
export function countCriteria(framework: FrameworkSpec): number {
  return criteriaWithPaths(framework).length;
}
