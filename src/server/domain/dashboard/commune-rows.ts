import type { ScoreboardDto, ScoreboardRowDto } from '../../../shared/api/scoring';
import { COMMUNE_LEVEL_KINDS } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import { AppError } from '../../errors';
import type { Principal } from '../../policies/principal';
import { computeScoreboard } from '../scoring/compute-scoreboard';

/** The percentage a list shows first: the official one once published, else the live one. */
export function headlinePercent(row: ScoreboardRowDto): number {
  return row.official ? row.official.percent : row.percent;
}

/** The scoreboard's commune-level rows: the units the distribution, the risks and the trends are about. */
export function communeRows(board: ScoreboardDto): ScoreboardRowDto[] {
  return board.rows.filter((row) => COMMUNE_LEVEL_KINDS.includes(row.kind));
}

/**
 * The scoreboard of a scope for a year, through the scoreboard's own domain function so the
 * dashboard's numbers are the scoreboard's; null when the framework has no version in force that
 * year (a board of 2019 on a framework of 2023), or the year has not begun on the counting day.
 */
export async function yearBoard(
  q: Queryable,
  principal: Principal,
  options: { framework: string; year: number; rootId: string; today: string; lang?: 'vi' | 'en' },
): Promise<ScoreboardDto | null> {
  try {
    return await computeScoreboard(
      q,
      principal,
      {
        framework: options.framework,
        period: String(options.year),
        unitId: options.rootId,
        lang: options.lang,
      },
      options.today,
    );
  } catch (error) {
    // Only "no version in force in this period" or "period not begun"; an unknown framework is an error.
    if (
      error instanceof AppError &&
      error.code === 'VALIDATION_FAILED' &&
      error.details.every((detail) => detail.field === 'period')
    )
      return null;
    throw error;
  }
}
