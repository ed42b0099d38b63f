import { eq } from 'drizzle-orm';
import type { DecideBody, MonitorItemDto } from '../../../shared/api/monitor';
import { vnInstant } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { getActivityRow } from '../../db/repositories/activities';
import { insertAuditEntries } from '../../db/repositories/audit';
import { findItems, getItemRow, updateItemRow } from '../../db/repositories/monitor';
import { activities } from '../../db/schema-activities';
import { AppError, notFound, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { softDeleteActivities } from '../activities/delete-activity';
import { loadPrepareContexts } from '../activities/load-prepare-context';
import type { Actor } from '../actor';
import { hasMonitorDeps, type MonitorDeps, monitorDeps } from './deps';
import { presentItem } from './present-monitor';
import { recordMonitorPost } from './record-monitor-post';

export const NOT_DX_REASON = 'Người xem xét xác định không phải tin về chuyển đổi số.';

/**
 * A person decides a found item: DX (with its topic) or not. The decision overrides the classifier
 * and is kept on the item (decided_*), so the next check leaves it alone and it can retrain the
 * classifier. DX: the item's post is created (or its topic corrected); not DX: the post the monitor
 * created is deleted softly with the reason — a record an officer typed in is never touched. Audited.
 */
export async function decideItem(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  itemId: string;
  body: DecideBody;
  now: Date;
  deps?: Pick<MonitorDeps, 'linkSnapshotToActivity'>;
}): Promise<MonitorItemDto> {
  const { db, principal, actor, itemId, body, now } = options;
  await db.transaction(async (tx) => {
    const item = await getItemRow(tx, itemId, true);
    if (!item) throw notFound();
    await authorizeUnit(tx, principal, item.unitId, 'monitor.check');
    if (!options.deps && !hasMonitorDeps())
      throw new AppError('CONFLICT', 'Chức năng giám sát trang tin chưa được bật trên máy chủ này.');
    const deps = options.deps ?? monitorDeps();
    const topic = body.isDx ? (body.topic ?? null) : null;
    if (topic) {
      const contextFor = await loadPrepareContexts(tx, [{ unitId: item.unitId }], {
        provenance: 'monitor',
        recordedBy: actor.userId,
      });
      if (!contextFor({ unitId: item.unitId }).topicCodes.has(topic))
        throw validationError('Chủ đề không có trong danh mục.', [
          { field: 'topic', message: `Chủ đề "${topic}" không có trong danh mục.` },
        ]);
    }
    const current = item.activityId ? await getActivityRow(tx, item.activityId) : undefined;
    const live = current && !current.deletedAt ? current : undefined;
    let activityId = live ? live.id : null;

    if (body.isDx && live) {
      if (live.provenance === 'monitor' && topic && !(live.topics.length === 1 && live.topics[0] === topic)) {
        await tx
          .update(activities)
          .set({ topics: [topic], updatedAt: now })
          .where(eq(activities.id, live.id));
        await insertAuditEntries(tx, actor, [
          {
            action: 'activity.update',
            entityType: 'activity',
            entityId: live.id,
            unitId: live.unitId,
            summary: `Sửa chủ đề tin bài "${live.title}" theo quyết định xem xét`,
            before: { topics: live.topics },
            after: { topics: [topic] },
          },
        ]);
      }
    } else if (body.isDx) {
      const occurredAt = item.publishedAt ?? (body.occurredOn ? vnInstant(body.occurredOn) : null);
      if (!occurredAt)
        throw validationError('Trang không ghi ngày đăng: nhập ngày đăng tin.', [
          { field: 'occurredOn', message: 'Nhập ngày đăng tin.' },
        ]);
      const outcome = await recordMonitorPost(tx, deps, {
        actor,
        unitId: item.unitId,
        channelId: item.channelId,
        title: item.title,
        url: item.url,
        occurredAt,
        topic,
        snapshotId: item.snapshotId,
        now,
      });
      if (outcome.outcome === 'invalid') throw validationError('Chưa ghi nhận được tin bài.', outcome.errors);
      activityId = outcome.activityId;
    } else if (live && live.provenance === 'monitor') {
      await softDeleteActivities(tx, actor, [live], NOT_DX_REASON, now);
      activityId = null;
    } else {
      activityId = null;
    }

    await updateItemRow(tx, item.id, {
      state: body.isDx ? 'recorded' : 'ignored',
      decidedIsDx: body.isDx,
      decidedTopic: topic,
      decidedBy: actor.userId,
      decidedAt: now,
      activityId,
    });
    await insertAuditEntries(tx, actor, [
      {
        action: 'monitor.decide',
        entityType: 'monitor_item',
        entityId: item.id,
        unitId: item.unitId,
        summary: `${body.isDx ? 'Là tin CĐS' : 'Không phải tin CĐS'}: ${item.title}`,
        before: {
          state: item.state,
          isDx: item.isDx,
          topic: item.topic,
          confidence: item.confidence,
          decidedIsDx: item.decidedIsDx,
        },
        after: {
          state: body.isDx ? 'recorded' : 'ignored',
          decidedIsDx: body.isDx,
          decidedTopic: topic,
          activityId,
        },
      },
    ]);
  });
  const [row] = await findItems(db, { unitIds: null, itemId, limit: 1, offset: 0 });
  return presentItem(row!, true);
}
