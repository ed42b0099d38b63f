import type { ReportResults } from '../../../shared/api/report-contract';

type Totals = ReportResults['totals'];

/** Every total at zero: the sum of no units. */
export function emptyTotals(): Totals {
  return {
    posts: 0,
    dxPosts: 0,
    broadcasts: 0,
    broadcastMinutes: 0,
    pressIssues: 0,
    ethnicLanguageItems: 0,
    schedulesIssued: 0,
  };
}

/**
 * The totals of several units' part I added up (a parent's report: its children's figures). Units
 * without figures (null: a child that did not submit) add nothing; the caller names them apart.
 */
export function sumTotals(list: ReadonlyArray<Totals | null | undefined>): Totals {
  const sum = emptyTotals();
  for (const totals of list) {
    if (!totals) continue;
    for (const key of Object.keys(sum) as Array<keyof Totals>) sum[key] += totals[key];
  }
  return sum;
}
