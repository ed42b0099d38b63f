import type { Queryable } from '../../db/client';
import type { AssessmentRow } from '../../db/repositories/assessments';
import { findUsersWithRoles } from '../../db/repositories/notifications';
import type { Actor } from '../actor';
import { notifyUsers } from '../notifications/notify-users';
import { loadUnitGraph } from '../units/load-unit-graph';
import { describeAssessment } from './record-transition';

/**
 * Who is told what about an assessment, in the app, in the transaction of the step that causes it:
 * the unit head when the officer has finished the self-assessment; the reviewers above when it is
 * submitted; the unit's people when it is returned or published; the DX office above when it is
 * appraised and waits to be published.
 */

export type AssessmentEvent = 'self_assessed' | 'submitted' | 'returned' | 'appraised' | 'published';

const TITLES: Record<AssessmentEvent, string> = {
  self_assessed: 'Bản tự đánh giá đã tự chấm xong, chờ lãnh đạo gửi thẩm định',
  submitted: 'Có bản đánh giá mới chờ thẩm định',
  returned: 'Bản đánh giá bị trả lại, cần bổ sung',
  appraised: 'Có bản đánh giá đã thẩm định, chờ công bố',
  published: 'Bản đánh giá đã được công bố',
};

function bodyOf(event: AssessmentEvent, what: string, note: string | null): string {
  const text: Record<AssessmentEvent, string> = {
    self_assessed: `Cán bộ đã tự chấm đủ các tiêu chí của ${what}. Bước tiếp theo: lãnh đạo đơn vị xem lại và gửi thẩm định.`,
    submitted: `${what} đã được gửi thẩm định. Bước tiếp theo: người thẩm định chấm điểm thẩm định hoặc trả lại.`,
    returned: `${what} bị trả lại. Bước tiếp theo: bổ sung theo yêu cầu rồi gửi thẩm định lại.`,
    appraised: `${what} đã được thẩm định. Bước tiếp theo: cơ quan chuyển đổi số công bố kết quả.`,
    published: `${what} đã được công bố: điểm thẩm định là điểm chính thức của kỳ.`,
  };
  return note ? `${text[event]} Ghi chú: ${note}` : text[event];
}

async function recipientsOf(q: Queryable, event: AssessmentEvent, unitId: string): Promise<string[]> {
  if (event === 'self_assessed') return findUsersWithRoles(q, [unitId], ['unit_head']);
  if (event === 'returned' || event === 'published')
    return findUsersWithRoles(q, [unitId], ['unit_head', 'unit_officer']);
  const above = (await loadUnitGraph(q)).unitsAbove(unitId);
  if (event === 'submitted') {
    const reviewers = await findUsersWithRoles(q, above, ['reviewer']);
    // No reviewer appointed above the unit: the DX office appraises.
    return reviewers.length ? reviewers : findUsersWithRoles(q, above, ['dx_office']);
  }
  return findUsersWithRoles(q, above, ['dx_office']);
}

/** Tells the people concerned about a step of an assessment; returns how many were told. */
export async function notifyAssessmentEvent(
  tx: Queryable,
  actor: Actor,
  assessment: Pick<AssessmentRow, 'id' | 'unitId'>,
  event: AssessmentEvent,
  note?: string | null,
): Promise<number> {
  const recipientIds = await recipientsOf(tx, event, assessment.unitId);
  if (recipientIds.length === 0) return 0;
  const what = await describeAssessment(tx, assessment.id);
  return notifyUsers(tx, actor, {
    recipientIds,
    kind: `assessment.${event}`,
    title: TITLES[event],
    body: bodyOf(event, what.charAt(0).toUpperCase() + what.slice(1), note?.trim() || null),
    link: `/assessments/${assessment.id}`,
    unitId: assessment.unitId,
    subject: { type: 'assessment', id: assessment.id },
  });
}
