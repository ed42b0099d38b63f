import type { AssessmentStatus } from '../../../shared/api/assessments';
import type { PeriodKind } from '../../../shared/frameworks/definition';
import type { Queryable } from '../../db/client';
import {
  type AssessmentRow,
  getAssessmentSummary,
  insertTransition,
  type NewAssessment,
  updateAssessmentRow,
} from '../../db/repositories/assessments';
import { insertAuditEntries } from '../../db/repositories/audit';
import { parsePeriod } from '../../scoring/periods';
import type { Actor } from '../actor';

/** "bộ chỉ số "…" năm 2025 của Xã Đăk Rve (phiên bản 2)": what audit summaries call an assessment. */
export async function describeAssessment(q: Queryable, assessmentId: string): Promise<string> {
  const summary = await getAssessmentSummary(q, assessmentId);
  if (!summary) return 'bản đánh giá';
  const { assessment } = summary;
  const period =
    parsePeriod(summary.periodKind as PeriodKind, assessment.periodKey)?.label ?? assessment.periodKey;
  const version = assessment.version > 1 ? ` (phiên bản ${assessment.version})` : '';
  return `bản đánh giá "${summary.frameworkName}" ${period} của ${summary.unitName}${version}`;
}

/**
 * Moves an assessment to its next status in the caller's transaction: the row, a line in its
 * history, and the audit entry, so the three never disagree.
 */
export async function recordTransition(
  tx: Queryable,
  actor: Actor,
  options: {
    assessment: AssessmentRow;
    to: AssessmentStatus;
    note?: string | null;
    patch?: Partial<NewAssessment>;
    auditAction: string;
    /** Starts with a verb: "Gửi thẩm định". */
    verb: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const { assessment, to } = options;
  const note = options.note?.trim() ? options.note.trim() : null;
  await updateAssessmentRow(tx, assessment.id, { ...options.patch, status: to });
  await insertTransition(tx, {
    assessmentId: assessment.id,
    fromStatus: assessment.status,
    toStatus: to,
    actorId: actor.userId,
    note,
  });
  await insertAuditEntries(tx, actor, [
    {
      action: options.auditAction,
      entityType: 'assessment',
      entityId: assessment.id,
      unitId: assessment.unitId,
      summary: `${options.verb} ${await describeAssessment(tx, assessment.id)}`,
      before: { status: assessment.status },
      after: { status: to, ...(note ? { note } : {}), ...options.details },
    },
  ]);
}
