import type { LinkedEvidenceDto } from '../../../shared/api/evidence';
import type { Queryable } from '../../db/client';
import { getActivityRow } from '../../db/repositories/activities';
import { findEvidenceOfTarget } from '../../db/repositories/evidence';
import { notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { presentEvidence } from './present-evidence';

/** The evidence attached to a record, each in its current version. */
export async function findActivityEvidence(options: {
  db: Queryable;
  principal: Principal;
  activityId: string;
}): Promise<LinkedEvidenceDto[]> {
  const { db, principal, activityId } = options;
  const record = await getActivityRow(db, activityId);
  if (!record) throw notFound();
  await authorizeUnit(db, principal, record.unitId, 'unit.view');
  const rows = await findEvidenceOfTarget(db, 'activity', activityId);
  return rows.map((row) => ({ ...presentEvidence(row), linkId: row.linkId }));
}
