import type { FrameworkDraft } from './draft';

/**
 * Where a problem is, in the officer's terms: "Tiêu chí 1.5 › rule.threshold" rather than
 * "pillars[0].indices[0].criteria[3].rule.threshold" (the tree path stays beside it for the record).
 */
export function describeIssuePath(
  draft: FrameworkDraft,
  path: string,
  names: {
    criterion: (code: string) => string;
    index: (code: string) => string;
    pillar: (code: string) => string;
  },
): string {
  const criterion = path.match(/^pillars\[(\d+)\]\.indices\[(\d+)\]\.criteria\[(\d+)\](.*)$/);
  if (criterion) {
    const [, p, i, c, rest = ''] = criterion;
    const code = draft.pillars[Number(p)]?.indices[Number(i)]?.criteria[Number(c)]?.code ?? '';
    return withRest(names.criterion(code || `#${Number(c) + 1}`), rest);
  }
  const index = path.match(/^pillars\[(\d+)\]\.indices\[(\d+)\](.*)$/);
  if (index) {
    const [, p, i, rest = ''] = index;
    const code = draft.pillars[Number(p)]?.indices[Number(i)]?.code ?? '';
    return withRest(names.index(code || `#${Number(i) + 1}`), rest);
  }
  const pillar = path.match(/^pillars\[(\d+)\](.*)$/);
  if (pillar) {
    const [, p, rest = ''] = pillar;
    return withRest(names.pillar(draft.pillars[Number(p)]?.code || `#${Number(p) + 1}`), rest);
  }
  return path;
}

function withRest(name: string, rest: string): string {
  const tail = rest.replace(/^\./, '');
  return tail ? `${name} › ${tail}` : name;
}
