import type { ReportStatus } from '../../../shared/api/report-contract';
import type { ReportAction } from '../../../shared/api/reports';
import type { Action } from '../../../shared/roles';
import { AppError } from '../../errors';

/**
 * The report's workflow: draft (the officer writes parts II–IV, says it is ready) → approved (the unit
 * head, who may instead send it back with a note, before or after approving) → submitted (the unit head; frozen). A submitted report is
 * changed only by opening a new version, which supersedes it at once (the unique live index allows one
 * non-superseded report per unit and period); the first submission's day still decides on time / late.
 */
export function reportActions(status: ReportStatus, unitActions: readonly Action[]): ReportAction[] {
  const actions: ReportAction[] = [];
  const prepares = unitActions.includes('report.prepare');
  const submits = unitActions.includes('report.submit');
  if (status === 'draft' && prepares) actions.push('edit', 'ready');
  if (status === 'draft' && submits) actions.push('approve', 'return');
  if (status === 'approved' && submits) actions.push('return', 'submit');
  if (status === 'submitted' && prepares) actions.push('new_version');
  return actions;
}

/** Refuses a step the status does not allow (409), saying why and what to do instead. */
export function assertReportStatus(
  status: ReportStatus,
  allowed: readonly ReportStatus[],
  doing: string,
): void {
  if (allowed.includes(status)) return;
  const why: Record<ReportStatus, string> = {
    submitted: `Báo cáo đã nộp nên đã khóa, không thể ${doing}. Muốn sửa, hãy tạo phiên bản mới.`,
    superseded: `Phiên bản này đã được thay bằng phiên bản mới, không thể ${doing}. Hãy mở phiên bản mới nhất.`,
    approved: `Báo cáo đã được lãnh đạo duyệt, không thể ${doing}. Lãnh đạo trả về bản nháp nếu cần sửa.`,
    draft: `Báo cáo chưa được lãnh đạo duyệt, không thể ${doing}.`,
  };
  throw new AppError('CONFLICT', why[status]);
}
