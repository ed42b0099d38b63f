import type { ReportPeriodDto } from '../../../shared/api/reports';
import type { Db } from '../../db/client';
import { findPeriodsOfTypes, findReportTypesOwnedBy } from '../../db/repositories/reports';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { findExpectedUnitsOfPeriods, summariseSubmissions } from './expected-units';
import { periodWithType, presentPeriodWithSummary } from './present-period';

/**
 * The periods of the report types a unit defines, latest due first, each with its completeness:
 * expected, submitted, on time, late, missing (the expected-units rule, units as on the due day).
 */
export async function findReportPeriods(options: {
  db: Db;
  principal: Principal;
  unitId: string;
  reportTypeId?: string;
  year?: number;
  today: string;
}): Promise<ReportPeriodDto[]> {
  const { db, principal, unitId, today } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  const types = (await findReportTypesOwnedBy(db, [unitId])).filter(
    (type) => !options.reportTypeId || type.id === options.reportTypeId,
  );
  const byId = new Map(types.map((type) => [type.id, type]));
  const periods = await findPeriodsOfTypes(db, [...byId.keys()], options.year);
  const withTypes = periods.map((row) => periodWithType(row, byId.get(row.reportTypeId)!));
  const expected = await findExpectedUnitsOfPeriods(db, withTypes, today);
  return withTypes.map((period) =>
    presentPeriodWithSummary(period, summariseSubmissions(expected.get(period.id) ?? []), today),
  );
}
