import type { ProvinceDashboardDto } from '../../../shared/api/dashboard';
import type { ScoreboardDto } from '../../../shared/api/scoring';
import type { Queryable } from '../../db/client';
import { countDxRecordsByYear } from '../../db/repositories/dashboard';
import type { Principal } from '../../policies/principal';
import { loadUnitGraph } from '../units/load-unit-graph';
import { communeRows, headlinePercent, yearBoard } from './commune-rows';

/** How many years the trends go back, the year shown included. */
export const TREND_YEARS = 5;

/**
 * The scope's years side by side: the commune-level units' average headline percentage and how many
 * reach the target (each year's scoreboard, so each year on the framework version in force then),
 * and the DX posts and broadcasts of the whole scope (one statement for all years).
 */
export async function findScoreTrends(
  q: Queryable,
  principal: Principal,
  options: {
    rootId: string;
    year: number;
    today: string;
    framework: string;
    targetPercent: number;
    /** The board of the year shown, already computed. */
    currentBoard: ScoreboardDto | null;
  },
): Promise<ProvinceDashboardDto['trends']> {
  const firstYear = options.year - TREND_YEARS + 1;
  const graph = await loadUnitGraph(q);
  const totals = new Map(
    (await countDxRecordsByYear(q, graph.rollupIds([options.rootId]), firstYear, options.year)).map((row) => [
      row.year,
      row,
    ]),
  );
  const trends: ProvinceDashboardDto['trends'] = [];
  for (let year = firstYear; year <= options.year; year += 1) {
    const board =
      year === options.year
        ? options.currentBoard
        : await yearBoard(q, principal, { ...options, year, rootId: options.rootId });
    const rows = board ? communeRows(board) : [];
    const percents = rows.map(headlinePercent);
    const meeting = percents.filter((percent) => percent >= options.targetPercent).length;
    const total = totals.get(year);
    trends.push({
      year,
      units: rows.length,
      averagePercent:
        rows.length > 0
          ? Math.round((percents.reduce((sum, p) => sum + p, 0) / rows.length) * 10) / 10
          : null,
      meetingTarget: meeting,
      meetingTargetShare: rows.length > 0 ? Math.round((meeting / rows.length) * 1000) / 10 : null,
      posts: total?.posts ?? 0,
      broadcasts: total?.broadcasts ?? 0,
    });
  }
  return trends;
}
