import type { Action } from '../../../shared/roles';
import type { Db } from '../../db/client';
import { getUnitAsOf, getUnitLatest, today, type UnitAsOf } from '../../db/repositories/units';
import { notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';

export interface UnitDetail extends UnitAsOf {
  /** The day the name and parent shown were in force. */
  asOf: string;
  /** False when the unit did not exist on the day asked: the latest version is shown instead. */
  existedOnDate: boolean;
  actions: Action[];
}

/** A unit as of a day (today by default); a unit that did not exist that day is shown as it last was. */
export async function getUnit(options: {
  db: Db;
  principal: Principal;
  unitId: string;
  date?: string;
}): Promise<UnitDetail> {
  const { db, principal, unitId } = options;
  const actions = await authorizeUnit(db, principal, unitId, 'unit.view');
  const date = options.date ?? today();
  const atDate = await getUnitAsOf(db, unitId, date);
  if (atDate) return { ...atDate, asOf: date, existedOnDate: true, actions };
  const latest = await getUnitLatest(db, unitId);
  if (!latest) throw notFound();
  return { ...latest.unit, asOf: latest.day, existedOnDate: false, actions };
}
