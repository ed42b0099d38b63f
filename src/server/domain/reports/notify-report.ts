import type { Queryable } from '../../db/client';
import { findUsersWithRoles } from '../../db/repositories/notifications';
import type { PeriodWithType } from '../../db/repositories/report-submissions';
import type { ReportRow } from '../../db/repositories/reports';
import type { Actor } from '../actor';
import { notifyUsers } from '../notifications/notify-users';

/**
 * Who is told about a step of a periodic report, in the app, in the step's transaction: the unit head
 * when the officer says it is ready for approval; the unit's officers when the head returns it.
 */
export type ReportEvent = 'ready' | 'returned';

export async function notifyReportEvent(
  tx: Queryable,
  actor: Actor,
  report: Pick<ReportRow, 'id' | 'unitId' | 'version'>,
  period: PeriodWithType,
  event: ReportEvent,
  note?: string | null,
): Promise<number> {
  const roles = event === 'ready' ? ['unit_head'] : ['unit_officer'];
  const recipientIds = await findUsersWithRoles(tx, [report.unitId], roles);
  if (recipientIds.length === 0) return 0;
  const what = `${period.typeName} — ${period.label}${report.version > 1 ? ` (phiên bản ${report.version})` : ''}`;
  const title =
    event === 'ready' ? 'Báo cáo đã soạn xong, chờ lãnh đạo duyệt và nộp' : 'Báo cáo bị trả lại để sửa';
  const body =
    event === 'ready'
      ? `Cán bộ đã soạn xong ${what}. Bước tiếp theo: lãnh đạo đơn vị xem lại, duyệt và nộp trước hạn ${period.dueOn.split('-').reverse().join('/')}.`
      : `Lãnh đạo đơn vị trả lại ${what}.${note ? ` Lý do: ${note}` : ''} Bước tiếp theo: sửa rồi báo lãnh đạo duyệt lại.`;
  return notifyUsers(tx, actor, {
    recipientIds,
    kind: `report.${event}`,
    title,
    body,
    link: `/reports/${report.id}`,
    unitId: report.unitId,
    subject: { type: 'report', id: report.id },
  });
}
