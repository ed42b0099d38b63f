import { DASHBOARD_ROLES } from '../../../shared/roles';
import type { Queryable } from '../../db/client';
import { notFound, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { loadUnitGraph } from '../units/load-unit-graph';

export interface DashboardScope {
  rootId: string;
  rootName: string;
  year: number;
}

/**
 * The unit a province board covers (asked for, else the user's first granted unit) and the year it
 * shows (asked for, else the counting day's). "Not yours" is "not found"; a unit the user sees but
 * whose board is not theirs to open (a unit officer) is "forbidden". A year after the counting day's
 * has nothing to show yet and is refused naming the field.
 */
export async function resolveDashboardScope(
  q: Queryable,
  principal: Principal,
  options: { unitId?: string; year?: number; today: string },
): Promise<DashboardScope> {
  const granted =
    principal.grants.find((grant) => grant.unitId && DASHBOARD_ROLES.includes(grant.role)) ??
    principal.grants.find((grant) => grant.unitId);
  const rootId = options.unitId ?? granted?.unitId ?? null;
  if (!rootId) {
    // A system admin over everything: the country is no one province's board.
    if (principal.grants.some((grant) => grant.unitId === null))
      throw validationError('Chọn đơn vị để xem tổng quan.', [
        { field: 'querystring.unitId', message: 'Chọn một tỉnh (hoặc đơn vị) để xem tổng quan.' },
      ]);
    throw notFound();
  }
  await authorizeUnit(q, principal, rootId, 'dashboard.view');
  const thisYear = Number(options.today.slice(0, 4));
  const year = options.year ?? thisYear;
  if (year > thisYear)
    throw validationError('Năm chưa bắt đầu.', [
      {
        field: 'querystring.year',
        message: `Năm ${year} chưa bắt đầu; chọn từ năm ${thisYear} trở về trước.`,
      },
    ]);
  const graph = await loadUnitGraph(q);
  return { rootId, rootName: graph.latestName(rootId) ?? '', year };
}
