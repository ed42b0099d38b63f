import type { ScoreStatus } from '../../api/scoring';

/** What the rule reads of a row: its live status and its official score, if any. */
export interface StatusedRow {
  status: ScoreStatus;
  official: { status: ScoreStatus } | null;
}

/**
 * The status a unit's row shows, counts and is filtered by: the official score's once an appraisal
 * is published (the same rule as the headline score, `domain/scoring/official-score.ts`), else the
 * live one. The live status stays beside it, labelled.
 */
export function headlineStatus(row: StatusedRow): ScoreStatus {
  return row.official ? row.official.status : row.status;
}

/** How many units show each status. */
export function countStatuses(rows: readonly StatusedRow[]) {
  const counts = new Map<ScoreStatus, number>();
  for (const row of rows) {
    const status = headlineStatus(row);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return counts;
}

/** The rows a status count narrows the board to (all of them without a status). */
export function rowsOfStatus<Row extends StatusedRow>(
  rows: readonly Row[],
  status: ScoreStatus | undefined,
): Row[] {
  return rows.filter((row) => !status || headlineStatus(row) === status);
}
