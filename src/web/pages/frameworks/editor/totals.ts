import type { UnitKind } from '../../../../shared/units';
import type { FrameworkDraft } from './draft';

export interface KindTotal {
  kind: UnitKind;
  /** The maxima of the criteria scoring this kind, added up (what the server checks `totals` against). */
  sum: number;
  criteria: number;
  /** What the framework says the total is; null when it does not say. */
  written: number | null;
  matches: boolean;
}

/** Per unit kind of the framework: the criteria that score it, their maxima added up, and the written total. */
export function totalsByKind(draft: FrameworkDraft): KindTotal[] {
  const criteria = draft.pillars.flatMap((pillar) => pillar.indices.flatMap((index) => index.criteria));
  return draft.appliesTo.map((kind) => {
    const scoring = criteria.filter((criterion) =>
      (criterion.appliesTo.length ? criterion.appliesTo : draft.appliesTo).includes(kind),
    );
    const sum = Math.round(scoring.reduce((total, criterion) => total + (criterion.max ?? 0), 0) * 1e6) / 1e6;
    const written = draft.totals[kind] ?? null;
    return {
      kind,
      sum,
      criteria: scoring.length,
      written,
      matches: written === null || Math.abs(written - sum) < 1e-6,
    };
  });
}
