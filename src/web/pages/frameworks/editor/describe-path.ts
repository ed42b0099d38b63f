import type { FrameworkDraft } from './draft';

/**
 * Where a problem is, in the officer's terms: "Tiêu chí 1.5 › rule.threshold" rather than
 * "pillars[0].indices[0].criteria[3].rule.threshold" (the tree path stays beside it for the record).
 * Without a criterion, index or pillar in it, a path of the general information is named by its label.
 */
export function describeIssuePath(
  draft: FrameworkDraft,
  path: string,
  names: {
    criterion: (code: string) => string;
    index: (code: string) => string;
    pillar: (code: string) => string;
    /** The label of a field of the general information ("totals" → "Tổng điểm theo loại đơn vị"). */
    field: (key: string) => string | null;
    /** A unit kind's name, for the totals ("totals.commune" → "… › Xã"). */
    kind: (kind: string) => string;
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
  const total = path.match(/^totals\.(\w+)$/);
  if (total) return withRest(names.field('totals') ?? 'totals', `.${names.kind(total[1] ?? '')}`);
  const field = path.match(/^([A-Za-z$]+)(.*)$/);
  const name = field ? names.field(field[1] ?? '') : null;
  return field && name ? withRest(name, field[2] ?? '') : path;
}

function withRest(name: string, rest: string): string {
  const tail = rest.replace(/^\./, '');
  return tail ? `${name} › ${tail}` : name;
}
