import type { FrameworkSpec } from '../../../shared/frameworks/definition';
import type { UnitKind } from '../../../shared/units';

/**
 * A key per criterion of a framework, unique across unit kinds. Provinces reuse codes for different
 * criteria of different unit kinds (Kon Tum QĐ 780 has a district "1.5" and a commune "1.5"), so a
 * board mixing kinds cannot use the code alone as a column: a repeated code gets "#2", "#3"…
 */
export function criterionKeys(framework: FrameworkSpec): (kind: UnitKind, code: string) => string {
  const seen = new Map<string, number>();
  const byKind = new Map<string, string>();
  for (const pillar of framework.pillars)
    for (const index of pillar.indices)
      for (const criterion of index.criteria) {
        const occurrence = (seen.get(criterion.code) ?? 0) + 1;
        seen.set(criterion.code, occurrence);
        const key = occurrence === 1 ? criterion.code : `${criterion.code}#${occurrence}`;
        for (const kind of criterion.appliesTo ?? framework.appliesTo)
          byKind.set(`${kind}|${criterion.code}`, key);
      }
  return (kind, code) => byKind.get(`${kind}|${code}`) ?? code;
}
