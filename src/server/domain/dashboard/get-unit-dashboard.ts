import type { UnitDashboardDto, UnitDashboardQuery } from '../../../shared/api/dashboard';
import type { Queryable } from '../../db/client';
import { getUnitLatest } from '../../db/repositories/units';
import { AppError, notFound, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { resolveScoredUnit, type ScoredUnitContext } from '../scoring/score-unit';
import { presentFrameworkRef } from '../scoring/scoring-context';
import { findCriterionProgress } from './criterion-progress';
import { findDueNext } from './due-next';
import { DASHBOARD_FRAMEWORK } from './get-province-dashboard';

/**
 * A unit's board: its progress to each criterion over the year (the engine's score at each month's
 * end) and what it must hand in next. Anyone who sees the unit opens it. A unit the framework does not
 * score (a province, a department), or a year it did not exist in, shows what is due only.
 */
export async function getUnitDashboard(
  q: Queryable,
  principal: Principal,
  unitId: string,
  query: UnitDashboardQuery,
  today: string,
): Promise<UnitDashboardDto> {
  await authorizeUnit(q, principal, unitId, 'unit.view');
  const latest = await getUnitLatest(q, unitId);
  if (!latest) throw notFound();
  const thisYear = Number(today.slice(0, 4));
  const year = query.year ?? thisYear;
  if (year > thisYear)
    throw validationError('Năm chưa bắt đầu.', [
      {
        field: 'querystring.year',
        message: `Năm ${year} chưa bắt đầu; chọn từ năm ${thisYear} trở về trước.`,
      },
    ]);
  let context: ScoredUnitContext | null = null;
  try {
    context = await resolveScoredUnit(
      q,
      principal,
      unitId,
      { framework: query.framework ?? DASHBOARD_FRAMEWORK, period: String(year) },
      today,
    );
  } catch (error) {
    const isNotScored =
      error instanceof AppError &&
      error.code === 'VALIDATION_FAILED' &&
      error.details.every((detail) => detail.field === 'period' || detail.field === 'framework') &&
      !error.message.startsWith('Không có bộ chỉ số');
    if (!isNotScored) throw error;
  }
  const progress = context ? await findCriterionProgress(q, context, query.lang) : null;
  return {
    unit: { id: unitId, name: latest.unit.name, kind: latest.unit.kind },
    year,
    through: context?.window.through ?? (today < `${year}-12-31` ? today : `${year}-12-31`),
    framework: context ? presentFrameworkRef(context.framework) : null,
    total: progress?.total ?? null,
    criteria: progress?.criteria ?? [],
    ...(await findDueNext(q, unitId, today)),
  };
}
