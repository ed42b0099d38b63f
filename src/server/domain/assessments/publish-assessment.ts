import type { AssessmentDetailDto, AssessmentStatus } from '../../../shared/api/assessments';
import { ASSESSMENT_STATUS_LABELS } from '../../../shared/api/assessments';
import type { ErrorDetail } from '../../../shared/errors';
import type { Db, Queryable } from '../../db/client';
import { AppError } from '../../errors';
import type { Principal } from '../../policies/principal';
import type { ScoringLanguage } from '../../scoring/words';
import type { Actor } from '../actor';
import { assertStatus } from './assessment-rules';
import { getAssessment } from './get-assessment';
import { type LoadedAssessment, loadAssessment } from './load-assessment';
import { notifyAssessmentEvent } from './notify-assessment';
import { describeAssessment, recordTransition } from './record-transition';

/** Publishes one loaded, appraised assessment in the caller's transaction: audited, people told. */
async function publishLoaded(tx: Queryable, actor: Actor, loaded: LoadedAssessment, note?: string) {
  const { assessment } = loaded;
  await recordTransition(tx, actor, {
    assessment,
    to: 'published',
    note,
    patch: { publishedAt: new Date(), publishedBy: actor.userId },
    auditAction: 'assessment.publish',
    verb: 'Công bố',
    details: { appraisedTotal: assessment.appraisedTotal },
  });
  await notifyAssessmentEvent(tx, actor, assessment, 'published', note);
}

/** The DX office publishes an appraised assessment; from then on it is locked. */
export async function publishAssessment(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  assessmentId: string;
  note?: string;
  today: string;
  /** The language of the automatic explanations in the answer; Vietnamese by default. */
  language?: ScoringLanguage | undefined;
}): Promise<AssessmentDetailDto> {
  const { db, principal, actor, assessmentId } = options;
  await db.transaction(async (tx) => {
    const loaded = await loadAssessment(tx, principal, assessmentId, 'assessment.publish', {
      forUpdate: true,
    });
    assertStatus(loaded.status, ['appraised'], 'công bố');
    await publishLoaded(tx, actor, loaded, options.note);
  });
  return getAssessment({ db, principal, assessmentId, today: options.today, language: options.language });
}

/**
 * The DX office publishes several appraised assessments in one request, all or nothing: one that is
 * not visible makes the whole request "not found"; one that is not appraised (or may not be
 * published by this user) refuses the whole request, naming each such assessment. Each publication
 * is its own transition with its own audit entry and notifications.
 */
export async function publishAssessments(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  assessmentIds: string[];
  note?: string;
}): Promise<{ published: Array<{ id: string; summary: string }> }> {
  const { db, principal, actor } = options;
  const ids = [...new Set(options.assessmentIds)];
  return db.transaction(async (tx) => {
    const loaded: LoadedAssessment[] = [];
    const refused: ErrorDetail[] = [];
    for (const [index, id] of ids.entries()) {
      // Outside the user's units: 404 for the whole request, like a single publication.
      const item = await loadAssessment(tx, principal, id, 'unit.view', { forUpdate: true });
      const what = await describeAssessment(tx, id);
      if (!item.unitActions.includes('assessment.publish'))
        refused.push({
          field: `body.assessmentIds.${index}`,
          message: `Bạn không có quyền công bố ${what}.`,
        });
      else if (item.status !== 'appraised')
        refused.push({
          field: `body.assessmentIds.${index}`,
          message: `${what.charAt(0).toUpperCase()}${what.slice(1)} đang ở trạng thái "${ASSESSMENT_STATUS_LABELS[item.status as AssessmentStatus].vi}", chưa thể công bố.`,
        });
      else loaded.push(item);
    }
    if (refused.length)
      throw new AppError(
        'CONFLICT',
        `Chưa công bố bản nào: ${refused.length} trong ${ids.length} bản đánh giá chưa thể công bố. Bỏ các bản đó khỏi lựa chọn rồi công bố lại.`,
        refused,
      );
    const published: Array<{ id: string; summary: string }> = [];
    for (const item of loaded) {
      await publishLoaded(tx, actor, item, options.note);
      published.push({ id: item.assessment.id, summary: await describeAssessment(tx, item.assessment.id) });
    }
    return { published };
  });
}
