import type { Queryable } from '../../db/client';
import {
  type AssessmentCriterionRow,
  type AssessmentRow,
  insertAssessment,
  insertAssessmentCriteria,
  insertTransition,
} from '../../db/repositories/assessments';
import type { CriterionEvaluation } from '../../scoring/evaluate';
import type { Period } from '../../scoring/periods';
import type { InputValue } from '../../scoring/types';
import type { Actor } from '../actor';
import { autoColumns, autoTotalOf } from './auto-columns';

/** A criterion of a new draft, with what a previous version already held (nothing for a first one). */
export interface DraftCriterion {
  code: string;
  max: number;
  inputs: Record<string, InputValue>;
  selfScore: number | null;
  selfExplanation: string | null;
}

/**
 * Inserts a draft with one row per criterion, the automatic scores computed a moment ago, and the
 * first line of its history. The caller checks that no live assessment exists and writes the audit.
 */
export async function insertDraft(
  tx: Queryable,
  actor: Actor,
  options: {
    unitId: string;
    frameworkId: string;
    period: Period;
    version: number;
    supersedesId: string | null;
    criteria: DraftCriterion[];
    auto: ReadonlyMap<string, CriterionEvaluation>;
    note: string | null;
  },
): Promise<{ assessment: AssessmentRow; criteria: AssessmentCriterionRow[] }> {
  const { criteria, auto, period } = options;
  const maxTotal = Math.round(criteria.reduce((sum, criterion) => sum + criterion.max, 0) * 100) / 100;
  const assessment = await insertAssessment(tx, {
    unitId: options.unitId,
    frameworkId: options.frameworkId,
    periodKey: period.key,
    periodFrom: period.from,
    periodTo: period.to,
    version: options.version,
    status: 'draft',
    supersedesId: options.supersedesId,
    maxTotal,
    autoTotal: autoTotalOf(
      criteria.map((criterion) => criterion.code),
      auto,
    ),
    createdBy: actor.userId,
  });
  const rows = await insertAssessmentCriteria(
    tx,
    criteria.map((criterion) => ({
      assessmentId: assessment.id,
      criterionCode: criterion.code,
      max: criterion.max,
      inputs: criterion.inputs,
      selfScore: criterion.selfScore,
      selfExplanation: criterion.selfExplanation,
      updatedBy: actor.userId,
      ...autoColumns(auto.get(criterion.code)),
    })),
  );
  await insertTransition(tx, {
    assessmentId: assessment.id,
    fromStatus: null,
    toStatus: 'draft',
    actorId: actor.userId,
    note: options.note,
  });
  return { assessment, criteria: rows };
}

/** Postgres' unique violation: another request created the same live assessment a moment earlier. */
export function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: string } | null)?.code ?? (error as { cause?: { code?: string } } | null)?.cause?.code;
  return code === '23505';
}
