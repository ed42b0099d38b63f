import type { ScheduleDto } from '../../../shared/api/schedules';
import type { ErrorDetail } from '../../../shared/errors';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { findEntries, getChannel, getScheduleRow, updateScheduleRow } from '../../db/repositories/schedules';
import { AppError, validationError } from '../../errors';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { isDxEntry, isDxProgramme } from './is-dx';
import { loadSchedule } from './load-schedule';
import { monthOf, presentSchedule } from './present-schedule';
import { findWeekWarnings } from './schedule-weeks';

/**
 * The unit head issues the list: from then on it is read-only and its entries can be marked as aired.
 * A week without a DX item does not block issuing, but the head must say they have seen it.
 */
export async function issueSchedule(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  scheduleId: string;
  acknowledgeWarnings?: boolean;
}): Promise<ScheduleDto> {
  const { db, principal, actor, scheduleId } = options;
  const actions = await db.transaction(async (tx) => {
    const { schedule, actions } = await loadSchedule(tx, principal, scheduleId, 'schedule.issue', {
      forUpdate: true,
    });
    if (schedule.status !== 'draft') throw new AppError('CONFLICT', 'Danh mục này đã được ban hành.');
    const entries = await findEntries(tx, [scheduleId]);
    const missing: ErrorDetail[] = [];
    if (entries.length === 0) missing.push({ field: 'entries', message: 'Danh mục chưa có tin bài nào.' });
    if (!schedule.signerName) missing.push({ field: 'signerName', message: 'Nhập họ tên người ký.' });
    if (!schedule.signerTitle) missing.push({ field: 'signerTitle', message: 'Nhập chức vụ người ký.' });
    if (missing.length)
      throw validationError(`Chưa ban hành được: ${missing.map((m) => m.message).join(' ')}`, missing);

    const channel = await getChannel(tx, schedule.channelId);
    const programmeIsDx = channel ? isDxProgramme(channel) : false;
    const warnings = findWeekWarnings(
      monthOf(schedule),
      entries.map((entry) => ({ airDate: entry.airDate, isDx: isDxEntry(entry, programmeIsDx) })),
    );
    if (warnings.length && !options.acknowledgeWarnings) {
      throw new AppError(
        'CONFLICT',
        `Danh mục còn ${warnings.length} cảnh báo. Xem lại, rồi xác nhận ban hành (acknowledgeWarnings).`,
        warnings.map((warning) => ({ field: 'acknowledgeWarnings', message: warning.message })),
      );
    }
    const issuedAt = new Date();
    await updateScheduleRow(tx, scheduleId, { status: 'issued', issuedAt, issuedBy: actor.userId });
    await insertAuditEntries(tx, actor, [
      {
        action: 'schedule.issue',
        entityType: 'broadcast_schedule',
        entityId: scheduleId,
        unitId: schedule.unitId,
        summary: `Ban hành danh mục phát sóng tháng ${monthOf(schedule)} (${entries.length} mục${warnings.length ? `, ${warnings.length} cảnh báo đã xác nhận` : ''})`,
        before: { status: 'draft' },
        after: {
          status: 'issued',
          issuedAt: issuedAt.toISOString(),
          acknowledgedWarnings: warnings.map((w) => w.message),
        },
      },
    ]);
    return actions;
  });
  return presentSchedule(db, (await getScheduleRow(db, scheduleId))!, actions);
}
