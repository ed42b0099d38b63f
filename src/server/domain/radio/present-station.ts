import type { RadioReceivedDto, RadioStationDto } from '../../../shared/api/radio';
import type { RadioStationView, ReceivedRecordView } from '../../db/repositories/radio-stations';

/** Every field of a station that leaves the server (never the token hash). */
export function presentStation(view: RadioStationView): RadioStationDto {
  return {
    id: view.id,
    code: view.code,
    name: view.name,
    unitId: view.unitId,
    unitName: view.unitName,
    channelId: view.channelId,
    channelName: view.channelName,
    tokenPrefix: view.tokenPrefix,
    lastPushAt: view.lastPushAt,
    revokedAt: view.revokedAt,
    createdAt: view.createdAt,
    createdByName: view.createdByName,
    broadcastCount: view.broadcastCount,
  };
}

export function presentReceived(view: ReceivedRecordView): RadioReceivedDto {
  return {
    id: view.id,
    externalId: view.externalId,
    occurredAt: view.occurredAt,
    occurredOn: view.occurredOn,
    title: view.title,
    programme: view.programme,
    durationSeconds: view.durationSeconds,
    source: view.source,
    provenance: view.provenance,
    recordedAt: view.recordedAt,
    isFlagged: view.isFlagged,
    isDeleted: view.isDeleted,
  };
}
