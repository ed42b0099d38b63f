import type { SCORE_STATUSES } from '../api/scoring';

/**
 * What a scoreboard row shows first, counts and is filtered by, the same on the server (which
 * sorts, filters and pages the board) and on the web (which draws it): the official score once an
 * appraisal is published (the rule of `domain/scoring/official-score.ts`), else the live one. The
 * live score stays beside it, labelled.
 */

export type ScoreStatus = (typeof SCORE_STATUSES)[number];

export interface Totals {
  score: number;
  max: number;
  percent: number;
}

/** What the rule reads of a row: its live status and its official score, if any. */
export interface StatusedRow {
  status: ScoreStatus;
  official: { status: ScoreStatus } | null;
}

/** A row as the headline rules read it: live totals and status, and the official score if any. */
export interface HeadlinedRow extends Totals, StatusedRow {
  name: string;
  official: (Totals & { status: ScoreStatus }) | null;
}

/** What a unit's row shows first: its official score once published, else its live score. */
export function headlineOf(live: Totals, official: Totals | null): Totals {
  return official ? { score: official.score, max: official.max, percent: official.percent } : live;
}

/** The status a unit's row shows, counts and is filtered by. */
export function headlineStatus(row: StatusedRow): ScoreStatus {
  return row.official ? row.official.status : row.status;
}

/** How many units show each status. */
export function countStatuses(rows: readonly StatusedRow[]): Map<ScoreStatus, number> {
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

/** The whole board in a few numbers: what the status counts above the table say. */
export interface BoardSummary {
  units: number;
  counts: Record<ScoreStatus, number>;
  /** The mean of the units' headline percentages; null for an empty board. */
  averagePercent: number | null;
}

export function summarizeBoard(rows: readonly HeadlinedRow[]): BoardSummary {
  const counts = countStatuses(rows);
  const average = rows.length
    ? rows.reduce((sum, row) => sum + headlineOf(row, row.official).percent, 0) / rows.length
    : null;
  return {
    units: rows.length,
    counts: {
      green: counts.get('green') ?? 0,
      amber: counts.get('amber') ?? 0,
      red: counts.get('red') ?? 0,
      grey: counts.get('grey') ?? 0,
    },
    averagePercent: average,
  };
}
