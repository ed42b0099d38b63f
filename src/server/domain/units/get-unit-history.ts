import type { Db } from '../../db/client';
import { findEventsOfUnit, findLineage, findVersions } from '../../db/repositories/units';
import { authorizeUnit, type Principal } from '../../policies/principal';

/** Names and parents over time, the dated events, and where the unit came from and went. */
export async function getUnitHistory(options: { db: Db; principal: Principal; unitId: string }) {
  const { db, principal, unitId } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  const [versions, events, successors, predecessors] = [
    await findVersions(db, unitId),
    await findEventsOfUnit(db, unitId),
    await findLineage(db, unitId, 'successors'),
    await findLineage(db, unitId, 'predecessors'),
  ];
  return { versions, events, successors, predecessors };
}
