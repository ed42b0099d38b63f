import type { CheckDto, MonitorItemDto } from '../../../shared/api/monitor';
import type { CheckRow, ItemListRow } from '../../db/repositories/monitor';

/** The fields of a check and of a found item that leave the server. */

export function presentCheck(row: CheckRow): CheckDto {
  return {
    id: row.id,
    channelId: row.channelId,
    unitId: row.unitId,
    kind: row.kind as CheckDto['kind'],
    status: row.status as CheckDto['status'],
    trigger: row.trigger as CheckDto['trigger'],
    queuedAt: row.queuedAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    pagesFetched: row.pagesFetched,
    itemsFound: row.itemsFound,
    itemsNew: row.itemsNew,
    bannerFound: row.bannerFound,
    progress: row.progress,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
  };
}

export function presentItem(row: ItemListRow, canDecide: boolean): MonitorItemDto {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    channelId: row.channelId,
    channelName: row.channelName,
    url: row.url,
    title: row.title,
    lead: row.lead,
    publishedAt: row.publishedAt,
    firstSeenAt: row.firstSeenAt,
    isDx: row.isDx,
    topic: row.topic,
    confidence: row.confidence,
    reasons: row.reasons,
    state: row.state as MonitorItemDto['state'],
    decidedIsDx: row.decidedIsDx,
    decidedTopic: row.decidedTopic,
    decidedAt: row.decidedAt,
    activityId: row.activityId,
    canDecide,
  };
}
