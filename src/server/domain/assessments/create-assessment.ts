import {
  ASSESSMENT_STATUS_LABELS,
  type AssessmentCreateBody,
  type AssessmentDetailDto,
  type AssessmentStatus,
} from '../../../shared/api/assessments';
import type { Db } from '../../db/client';
import { findLastVersionNumber, findLiveAssessment } from '../../db/repositories/assessments';
import { insertAuditEntries } from '../../db/repositories/audit';
import { AppError, validationError } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { applicableCriteria } from '../../scoring/evaluate';
import type { Period } from '../../scoring/periods';
import type { ScoringLanguage } from '../../scoring/words';
import type { Actor } from '../actor';
import { loadFrameworkForPeriod } from '../scoring/load-framework';
import { loadAssessedUnit } from './assessment-context';
import { computeAutoScores } from './compute-auto-scores';
import { getAssessment } from './get-assessment';
import { insertDraft, isUniqueViolation } from './insert-draft';
import { describeAssessment } from './record-transition';

function alreadyExists(id: string, status: AssessmentStatus, period: Period): AppError {
  return new AppError(
    'CONFLICT',
    `Đơn vị đã có bản đánh giá ${period.label} theo bộ chỉ số này (${ASSESSMENT_STATUS_LABELS[status].vi.toLowerCase()}). Mở bản đó thay vì lập bản mới.`,
    [{ field: 'assessmentId', message: id }],
  );
}

/**
 * Starts a unit's assessment for a framework and a period: the framework version in force for the
 * period, one row per criterion that applies to the unit's kind, each with its automatic score.
 * One live assessment per unit, framework version and period (409 with its id otherwise).
 */
export async function createAssessment(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  unitId: string;
  input: AssessmentCreateBody;
  today: string;
  /** The language of the automatic explanations in the answer; Vietnamese by default. */
  language?: ScoringLanguage | undefined;
}): Promise<AssessmentDetailDto> {
  const { db, principal, actor, unitId, input, today } = options;
  await authorizeUnit(db, principal, unitId, 'assessment.prepare');
  const { framework, period } = await loadFrameworkForPeriod(db, input.framework, input.period);
  if (period.from > today)
    throw validationError('Kỳ đánh giá chưa bắt đầu.', [
      { field: 'body.period', message: `${period.label} chưa bắt đầu: chưa thể lập bản đánh giá.` },
    ]);
  const unit = await loadAssessedUnit(db, unitId);
  const spec = framework.definition;
  const refs = spec.appliesTo.includes(unit.kind) ? applicableCriteria(spec, unit.kind) : [];
  if (refs.length === 0)
    throw validationError('Bộ chỉ số này không áp dụng cho loại đơn vị này.', [
      { field: 'body.framework', message: `"${framework.name}" không chấm loại đơn vị của ${unit.name}.` },
    ]);
  const auto = await computeAutoScores(db, {
    framework,
    unit,
    periodKey: period.key,
    inputsByCode: new Map(),
    today,
    bilingual: true,
  });

  try {
    const assessmentId = await db.transaction(async (tx) => {
      const live = await findLiveAssessment(tx, unitId, framework.id, period.key);
      if (live) throw alreadyExists(live.id, live.status as AssessmentStatus, period);
      const { assessment } = await insertDraft(tx, actor, {
        unitId,
        frameworkId: framework.id,
        period,
        version: (await findLastVersionNumber(tx, unitId, framework.id, period.key)) + 1,
        supersedesId: null,
        criteria: refs.map(({ criterion }) => ({
          code: criterion.code,
          max: criterion.max,
          inputs: {},
          selfScore: null,
          selfExplanation: null,
        })),
        auto,
        note: null,
      });
      await insertAuditEntries(tx, actor, [
        {
          action: 'assessment.create',
          entityType: 'assessment',
          entityId: assessment.id,
          unitId,
          summary: `Lập ${await describeAssessment(tx, assessment.id)}`,
          after: {
            framework: `${framework.code}@${framework.version}`,
            period: period.key,
            version: assessment.version,
            criteria: refs.length,
            autoTotal: assessment.autoTotal,
          },
        },
      ]);
      return assessment.id;
    });
    return getAssessment({ db, principal, assessmentId, today, language: options.language });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const live = await findLiveAssessment(db, unitId, framework.id, period.key);
    if (!live) throw error;
    throw alreadyExists(live.id, live.status as AssessmentStatus, period);
  }
}
