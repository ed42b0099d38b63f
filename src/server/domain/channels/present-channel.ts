import type { ChannelListItemDto } from '../../../shared/api/channels';
import type { ChannelView } from '../../db/repositories/channels';

/** Every field that leaves the server for a channel; endedOn is its last day on air. */
export function presentChannel(view: ChannelView, today: string): ChannelListItemDto {
  return {
    id: view.id,
    unitId: view.unitId,
    unitName: view.unitName,
    kind: view.kind,
    platform: view.platform,
    name: view.name,
    stationName: view.stationName,
    url: view.url,
    feedUrl: view.feedUrl,
    startedOn: view.startedOn,
    endedOn: view.endedOn,
    activityCount: view.activityCount,
    isEnded: view.endedOn !== null && view.endedOn < today,
  };
}
