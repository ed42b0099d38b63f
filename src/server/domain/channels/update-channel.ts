import type { ActivityKind, ChannelKind } from '../../../shared/activities';
import { ACTIVITY_KIND_LABELS, CHANNEL_KIND_LABELS } from '../../../shared/activities';
import type { ChannelListItemDto, ChannelUpdate } from '../../../shared/api/channels';
import { formatVnDate, todayVn } from '../../../shared/dates';
import type { ErrorDetail } from '../../../shared/errors';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  countActivitiesOutside,
  countChannelUses,
  getChannelRow,
  getChannelView,
  updateChannelRow,
} from '../../db/repositories/channels';
import { notFound, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { type ChannelValues, checkChannel, normalizeChannel } from './check-channel';
import { presentChannel } from './present-channel';

/** Record kinds each channel kind carries (the inverse of prepareActivity's table). */
const RECORD_KINDS_ON: Record<ChannelKind, readonly ActivityKind[]> = {
  website_column: ['post', 'banner'],
  radio_programme: ['broadcast'],
  press_column: ['press_issue'],
  social_page: ['post'],
  e_board: ['post'],
};

/**
 * Edits a channel, or ends it by setting endedOn. The new values must still fit the records already
 * on the channel: their kinds, and their dates within the channel's start and end.
 */
export async function updateChannel(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  channelId: string;
  update: ChannelUpdate;
}): Promise<ChannelListItemDto> {
  const { db, principal, actor, channelId, update } = options;
  const row = await getChannelRow(db, channelId);
  if (!row) throw notFound();
  await authorizeUnit(db, principal, row.unitId, 'activity.record');
  const before: ChannelValues = {
    kind: row.kind as ChannelValues['kind'],
    platform: row.platform as ChannelValues['platform'],
    name: row.name,
    stationName: row.stationName,
    url: row.url,
    feedUrl: row.feedUrl,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
  };
  const pick = <K extends keyof ChannelValues>(key: K): ChannelValues[K] =>
    update[key] === undefined ? before[key] : (update[key] as ChannelValues[K]);
  const after = normalizeChannel({
    kind: pick('kind'),
    platform: pick('platform'),
    name: pick('name'),
    stationName: pick('stationName'),
    url: pick('url'),
    feedUrl: pick('feedUrl'),
    startedOn: pick('startedOn'),
    endedOn: pick('endedOn'),
  });
  const errors: ErrorDetail[] = checkChannel(after);
  if (after.kind !== before.kind) {
    const uses = await countChannelUses(db, channelId);
    const misfits = uses.kinds.filter((kind) => !RECORD_KINDS_ON[after.kind].includes(kind));
    if (misfits.length) {
      errors.push({
        field: 'kind',
        message: `Kênh đã có ${misfits.map((kind) => ACTIVITY_KIND_LABELS[kind].vi.toLowerCase()).join(', ')}, không đổi thành ${CHANNEL_KIND_LABELS[after.kind].vi.toLowerCase()} được.`,
      });
    }
  }
  if (after.startedOn !== before.startedOn || after.endedOn !== before.endedOn) {
    const outside = await countActivitiesOutside(db, channelId, after.startedOn, after.endedOn);
    if (outside.before) {
      errors.push({
        field: 'startedOn',
        message: `${outside.before} bản ghi của kênh có ngày trước ${formatVnDate(after.startedOn!)}.`,
      });
    }
    if (outside.after) {
      errors.push({
        field: 'endedOn',
        message: `${outside.after} bản ghi của kênh có ngày sau ${formatVnDate(after.endedOn!)}.`,
      });
    }
  }
  if (errors.length) throw validationError('Thông tin kênh chưa hợp lệ.', errors);

  const changed = (Object.keys(after) as Array<keyof ChannelValues>).filter(
    (key) => after[key] !== before[key],
  );
  if (changed.length) {
    await db.transaction(async (tx) => {
      await updateChannelRow(tx, channelId, after);
      await insertAuditEntries(tx, actor, [
        {
          action: after.endedOn && !before.endedOn ? 'channel.end' : 'channel.update',
          entityType: 'channel',
          entityId: channelId,
          unitId: row.unitId,
          summary: `Sửa kênh ${after.name}`,
          before: Object.fromEntries(changed.map((key) => [key, before[key]])),
          after: Object.fromEntries(changed.map((key) => [key, after[key]])),
        },
      ]);
    });
  }
  return presentChannel((await getChannelView(db, channelId))!, todayVn());
}
