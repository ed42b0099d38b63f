import type { AssessmentDetailDto } from '../../../shared/api/assessments';
import type { Db } from '../../db/client';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { assertStatus } from './assessment-rules';
import { getAssessment } from './get-assessment';
import { loadAssessment } from './load-assessment';
import { recordTransition } from './record-transition';

/** The DX office publishes an appraised assessment; from then on it is locked. */
export async function publishAssessment(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  assessmentId: string;
  note?: string;
  today: string;
}): Promise<AssessmentDetailDto> {
  const { db, principal, actor, assessmentId } = options;
  await db.transaction(async (tx) => {
    const { assessment, status } = await loadAssessment(tx, principal, assessmentId, 'assessment.publish', {
      forUpdate: true,
    });
    assertStatus(status, ['appraised'], 'công bố');
    await recordTransition(tx, actor, {
      assessment,
      to: 'published',
      note: options.note,
      patch: { publishedAt: new Date(), publishedBy: actor.userId },
      auditAction: 'assessment.publish',
      verb: 'Công bố',
      details: { appraisedTotal: assessment.appraisedTotal },
    });
  });
  return getAssessment({ db, principal, assessmentId, today: options.today });
}
