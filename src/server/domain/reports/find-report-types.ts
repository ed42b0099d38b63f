import type { ReportTypeDto } from '../../../shared/api/reports';
import type { Db } from '../../db/client';
import { findReportTypesOwnedBy } from '../../db/repositories/reports';
import { actionsOnUnit, authorizeUnit, type Principal } from '../../policies/principal';
import { loadUnitGraph } from '../units/load-unit-graph';
import { presentReportType } from './present-report-type';

/**
 * The report types that apply to a unit: those defined by the unit itself or by a unit whose roll-up
 * holds it (its province, the province it merged into). Each says whether the user may edit it.
 */
export async function findReportTypes(options: {
  db: Db;
  principal: Principal;
  unitId: string;
}): Promise<ReportTypeDto[]> {
  const { db, principal, unitId } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  const graph = await loadUnitGraph(db);
  const types = await findReportTypesOwnedBy(db, graph.governingIds(unitId));
  return types.map((type) =>
    presentReportType(
      type,
      graph,
      actionsOnUnit(principal, graph.governingIds(type.ownerUnitId)).includes('report.define'),
    ),
  );
}
