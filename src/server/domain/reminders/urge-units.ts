import { URGE_REPEAT_MINUTES, type UrgeBody, type UrgeResultDto } from '../../../shared/api/reminders';
import { todayVn } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  findPeriodsByIds,
  findRecentUrges,
  findUnitRecipients,
  lockUrges,
} from '../../db/repositories/reminders';
import { notFound } from '../../errors';
import { type Principal, scopeIds } from '../../policies/principal';
import type { Actor } from '../actor';
import { loadUnitGraph } from '../units/load-unit-graph';
import { unitReportsLink, urgeText } from './reminder-texts';
import { byUnit, UNIT_PEOPLE } from './send-deadline-reminders';
import { tellUnitPeople, type UnitMessage } from './tell-unit-people';

/**
 * The office's "Đôn đốc": tells the officers and head of each chosen unit, in the app and by e-mail,
 * about a report period (or about their DX duties in general), with the office's message. Every
 * unit must lie in the caller's urging scope (dx_office or system admin), and the period's report
 * type must belong to it; one unit outside makes the whole request "not found". A unit urged about
 * the same period less than URGE_REPEAT_MINUTES ago is skipped and reported, so a double click does
 * not send twice. Each urged unit gets an audit entry naming who was told, in the same transaction.
 */
export async function urgeUnits(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  body: UrgeBody;
  now: Date;
}): Promise<UrgeResultDto> {
  const { db, principal, actor, body, now } = options;
  const unitIds = [...new Set(body.unitIds)];
  const message = body.message ? body.message : null;
  return db.transaction(async (tx) => {
    const scope = await scopeIds(tx, principal, 'reminder.urge');
    const scopeSet = scope === null ? null : new Set(scope);
    const inScope = (id: string) => scopeSet === null || scopeSet.has(id);
    const graph = await loadUnitGraph(tx);
    if (unitIds.some((id) => !graph.unit(id) || !inScope(id))) throw notFound();
    let period: Parameters<typeof urgeText>[0] = null;
    if (body.periodId) {
      const [found] = await findPeriodsByIds(tx, [body.periodId]);
      if (!found || !inScope(found.ownerUnitId))
        throw notFound('Không tìm thấy kỳ báo cáo hoặc bạn không có quyền.');
      const daysLeft = Math.round(
        (Date.parse(`${found.dueOn}T00:00:00Z`) - Date.parse(`${todayVn(now)}T00:00:00Z`)) / 86_400_000,
      );
      period = { typeName: found.typeName, label: found.label, dueOn: found.dueOn, daysLeft };
    }
    const periodId = body.periodId ?? null;
    await lockUrges(tx);
    const recent = await findRecentUrges(
      tx,
      unitIds,
      periodId,
      new Date(now.getTime() - URGE_REPEAT_MINUTES * 60_000),
    );
    const people = byUnit(
      await findUnitRecipients(
        tx,
        unitIds.filter((id) => !recent.has(id)),
        UNIT_PEOPLE,
      ),
    );
    const items: UrgeResultDto['items'] = [];
    const messages: UnitMessage[] = [];
    for (const unitId of unitIds) {
      const unitName = graph.latestName(unitId) ?? '';
      const last = recent.get(unitId);
      const recipients = people.get(unitId) ?? [];
      if (last) {
        const minutes = Math.max(1, Math.ceil((now.getTime() - last.getTime()) / 60_000));
        items.push({
          unitId,
          unitName,
          status: 'skipped',
          peopleTold: 0,
          withoutEmail: 0,
          reason: `Đã đôn đốc ${minutes} phút trước; chờ ${URGE_REPEAT_MINUTES} phút mới đôn đốc lại.`,
        });
        continue;
      }
      if (recipients.length === 0) {
        items.push({
          unitId,
          unitName,
          status: 'skipped',
          peopleTold: 0,
          withoutEmail: 0,
          reason: 'Đơn vị chưa có tài khoản cán bộ hoặc lãnh đạo để nhận đôn đốc.',
        });
        continue;
      }
      messages.push({
        unitId,
        recipients,
        kind: 'reminder.urge',
        ...urgeText(period, unitName, message),
        link: periodId ? unitReportsLink(unitId) : `/units/${unitId}`,
        subject: periodId ? { type: 'report_period', id: periodId } : null,
        actorId: principal.userId,
        dedupeBase: null,
      });
      items.push({
        unitId,
        unitName,
        status: 'urged',
        peopleTold: recipients.length,
        withoutEmail: recipients.filter((r) => !r.email).length,
        reason: null,
      });
    }
    const told = await tellUnitPeople(tx, messages, now);
    const idsByUnit = byUnit(told.written.map((row) => ({ ...row, unitId: row.unitId ?? '' })));
    await insertAuditEntries(
      tx,
      actor,
      messages.map((m) => ({
        action: 'reminder.urge',
        entityType: 'unit',
        entityId: m.unitId,
        unitId: m.unitId,
        summary: `${m.title}: ${graph.latestName(m.unitId) ?? ''} (${m.recipients.length} người)`,
        after: {
          periodId,
          message,
          recipients: m.recipients.map((r) => r.userId),
          notificationIds: (idsByUnit.get(m.unitId) ?? []).map((row) => row.id),
        },
      })),
    );
    return {
      items,
      urged: items.filter((item) => item.status === 'urged').length,
      skipped: items.filter((item) => item.status === 'skipped').length,
    };
  });
}
