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
