import type { ProvinceDashboardDto } from '../../../shared/api/dashboard';
import type { ScoreboardRowDto } from '../../../shared/api/scoring';
import { headlinePercent } from './commune-rows';

const BIN_COUNT = 10;

/**
 * How the commune-level units' scores spread: ten bins of the headline percentage (the official
 * score where published, else the live one, as the scoreboard and the ranking show it); 100 % falls
 * in the last bin.
 */
export function summariseScoreDistribution(
  rows: readonly ScoreboardRowDto[],
): ProvinceDashboardDto['distribution'] {
  const bins = Array.from({ length: BIN_COUNT }, (_, i) => ({ from: i * 10, to: (i + 1) * 10, count: 0 }));
  let sum = 0;
  for (const row of rows) {
    const percent = headlinePercent(row);
    sum += percent;
    const index = Math.min(BIN_COUNT - 1, Math.max(0, Math.floor(percent / 10)));
    bins[index]!.count += 1;
  }
  return {
    bins,
    units: rows.length,
    published: rows.filter((row) => row.official !== null).length,
    averagePercent: rows.length > 0 ? Math.round((sum / rows.length) * 10) / 10 : null,
  };
}
