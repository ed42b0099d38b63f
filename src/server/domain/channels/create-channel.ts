import { CHANNEL_KIND_LABELS } from '../../../shared/activities';
import type { ChannelInput } from '../../../shared/api/activities';
import type { ChannelListItemDto } from '../../../shared/api/channels';
import { todayVn } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { getChannelView, insertChannel } from '../../db/repositories/channels';
import { validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { checkChannel, normalizeChannel } from './check-channel';
import { presentChannel } from './present-channel';

export async function createChannel(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  unitId: string;
  input: ChannelInput;
}): Promise<ChannelListItemDto> {
  const { db, principal, actor, unitId, input } = options;
  await authorizeUnit(db, principal, unitId, 'activity.record');
  const values = normalizeChannel({
    kind: input.kind,
    platform: input.platform,
    name: input.name,
    stationName: input.stationName ?? null,
    url: input.url ?? null,
    feedUrl: input.feedUrl ?? null,
    startedOn: input.startedOn ?? null,
    endedOn: input.endedOn ?? null,
  });
  const errors = checkChannel(values);
  if (errors.length) throw validationError('Thông tin kênh chưa hợp lệ.', errors);
  const id = await db.transaction(async (tx) => {
    const created = await insertChannel(tx, { unitId, ...values });
    await insertAuditEntries(tx, actor, [
      {
        action: 'channel.create',
        entityType: 'channel',
        entityId: created,
        unitId,
        summary: `${CHANNEL_KIND_LABELS[values.kind].vi}: ${values.name}`,
        after: values,
      },
    ]);
    return created;
  });
  return presentChannel((await getChannelView(db, id))!, todayVn());
}
