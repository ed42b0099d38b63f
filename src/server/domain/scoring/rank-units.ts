import { COMMUNE_LEVEL_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../../shared/units';

/** Commune, ward and special zone are one league: the same level of government and the same duties. */
export function leagueOf(kind: UnitKind): { key: string; label: string } {
  return COMMUNE_LEVEL_KINDS.includes(kind)
    ? { key: 'commune_level', label: 'Cấp xã (xã, phường, đặc khu)' }
    : { key: kind, label: UNIT_KIND_LABELS[kind].vi };
}

export function percentOf(score: number, max: number): number {
  return max > 0 ? Math.round((score / max) * 1000) / 10 : 0;
}

/**
 * Standard competition ranking by percent, highest first: equal percentages share a rank and the
 * next rank skips (1, 2, 2, 4), so a rank never depends on the order rows arrived in.
 */
export function rankByPercent<T extends { percent: number }>(
  rows: readonly T[],
): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => b.percent - a.percent);
  let rank = 0;
  return sorted.map((row, index) => {
    if (index === 0 || row.percent !== sorted[index - 1]!.percent) rank = index + 1;
    return { ...row, rank };
  });
}

/** The places a ranked row holds: a rank shared by n rows spans n places (2, 2, 2 → places 2–4). */
export function placesOf<T extends { rank: number }>(
  rows: readonly T[],
): Map<T, { first: number; last: number }> {
  const shared = new Map<number, number>();
  for (const row of rows) shared.set(row.rank, (shared.get(row.rank) ?? 0) + 1);
  return new Map(rows.map((row) => [row, { first: row.rank, last: row.rank + shared.get(row.rank)! - 1 }]));
}

export interface RankMovement {
  direction: 'up' | 'down' | 'same';
  places: number;
}

/**
 * How a unit moved between two periods, fair to ties: it went down only when every place it holds
 * now is below every place it held then, up only the other way round. A unit that shared a rank
 * (all units at 0 % last year share first place) and stands within those places now has not moved:
 * the order inside a tie is the alphabet's, not a result.
 */
export function movementBetween(
  before: { first: number; last: number },
  now: { first: number; last: number },
): RankMovement {
  if (now.first > before.last) return { direction: 'down', places: now.first - before.last };
  if (now.last < before.first) return { direction: 'up', places: before.first - now.last };
  return { direction: 'same', places: 0 };
}
