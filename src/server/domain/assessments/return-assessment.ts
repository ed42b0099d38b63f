import type { AssessmentDetailDto, AssessmentReturnBody } from '../../../shared/api/assessments';
import type { ErrorDetail } from '../../../shared/errors';
import type { Db } from '../../db/client';
import { findCriteriaOfAssessment, updateCriterionRow } from '../../db/repositories/assessments';
import { validationError } from '../../errors';
import type { Principal } from '../../policies/principal';
import type { ScoringLanguage } from '../../scoring/words';
import type { Actor } from '../actor';
import { assertStatus } from './assessment-rules';
import { getAssessment } from './get-assessment';
import { loadAssessment } from './load-assessment';
import { notifyAssessmentEvent } from './notify-assessment';
import { recordTransition } from './record-transition';

/**
 * The reviewer of a higher unit sends a submitted assessment back with a note and what to fix per
 * criterion. The requests replace those of an earlier return; the reviewer's scores so far stay.
 */
export async function returnAssessment(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  assessmentId: string;
  input: AssessmentReturnBody;
  today: string;
  /** The language of the automatic explanations in the answer; Vietnamese by default. */
  language?: ScoringLanguage | undefined;
}): Promise<AssessmentDetailDto> {
  const { db, principal, actor, assessmentId, input } = options;
  await db.transaction(async (tx) => {
    const { assessment, status } = await loadAssessment(tx, principal, assessmentId, 'assessment.appraise', {
      forUpdate: true,
    });
    assertStatus(status, ['submitted'], 'trả lại');
    const rows = await findCriteriaOfAssessment(tx, assessmentId);
    const codes = new Set(rows.map((row) => row.criterionCode));
    const unknown: ErrorDetail[] = input.requests.flatMap((request, i) =>
      codes.has(request.code)
        ? []
        : [{ field: `body.requests.${i}.code`, message: `Bản đánh giá không có tiêu chí ${request.code}.` }],
    );
    if (unknown.length)
      throw validationError('Yêu cầu bổ sung nêu tiêu chí không có trong bản đánh giá.', unknown);
    const requests = new Map<string, string>();
    for (const request of input.requests)
      requests.set(
        request.code,
        [requests.get(request.code), request.request.trim()].filter(Boolean).join('\n'),
      );
    for (const row of rows) {
      const request = requests.get(row.criterionCode) ?? null;
      if (request !== row.reviewerRequest) await updateCriterionRow(tx, row.id, { reviewerRequest: request });
    }
    await recordTransition(tx, actor, {
      assessment,
      to: 'returned',
      note: input.note,
      patch: { reviewNote: input.note.trim() },
      auditAction: 'assessment.return',
      verb: 'Trả lại',
      details: { requests: Object.fromEntries(requests) },
    });
    await notifyAssessmentEvent(tx, actor, assessment, 'returned', input.note);
  });
  return getAssessment({ db, principal, assessmentId, today: options.today, language: options.language });
}
