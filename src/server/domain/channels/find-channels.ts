import type { ChannelListItemDto } from '../../../shared/api/channels';
import { todayVn } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { findChannelsOfUnit } from '../../db/repositories/channels';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { presentChannel } from './present-channel';

/** A unit's channels, ended ones too (flagged), for its channel page and the record form. */
export async function findChannels(options: {
  db: Db;
  principal: Principal;
  unitId: string;
}): Promise<{ items: ChannelListItemDto[]; canManage: boolean }> {
  const { db, principal, unitId } = options;
  const actions = await authorizeUnit(db, principal, unitId, 'unit.view');
  const today = todayVn();
  const items = (await findChannelsOfUnit(db, unitId)).map((view) => presentChannel(view, today));
  return { items, canManage: actions.includes('activity.record') };
}
