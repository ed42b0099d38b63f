import type { ErrorDetail } from '../../../shared/errors';
import type { Queryable } from '../../db/client';
import { type AssessmentCriterionRow, findCriterionLinks } from '../../db/repositories/assessments';
import { validationError } from '../../errors';
import type { CriterionPlace } from './present-assessment';

/**
 * What still keeps a self-assessment from being submitted: criteria without a self score (the officer
 * may take the automatic one, but must do so on purpose) and, where the framework says so, without
 * evidence. Shared by submitting and by the officer's "I have finished".
 */
export async function assertReadyToSubmit(
  tx: Queryable,
  rows: readonly AssessmentCriterionRow[],
  places: Map<string, CriterionPlace>,
  doing: string,
): Promise<void> {
  const linked = new Set(
    (
      await findCriterionLinks(
        tx,
        rows.map((row) => row.id),
      )
    ).map((link) => link.criterionId),
  );
  const unscored = rows.filter((row) => row.selfScore === null).map((row) => row.criterionCode);
  const unproven = rows
    .filter((row) => places.get(row.criterionCode)?.criterion.evidenceRequired && !linked.has(row.id))
    .map((row) => row.criterionCode);
  if (unscored.length === 0 && unproven.length === 0) return;
  const details: ErrorDetail[] = [
    ...unscored.map((code) => ({
      field: `criteria.${code}.selfScore`,
      message: `Tiêu chí ${code}: chưa có điểm tự chấm.`,
    })),
    ...unproven.map((code) => ({
      field: `criteria.${code}.evidence`,
      message: `Tiêu chí ${code}: cần ít nhất một minh chứng.`,
    })),
  ];
  const reasons = [
    unscored.length ? `chưa tự chấm tiêu chí ${unscored.join(', ')}` : '',
    unproven.length ? `thiếu minh chứng cho tiêu chí ${unproven.join(', ')}` : '',
  ].filter(Boolean);
  throw validationError(`Chưa ${doing} được: ${reasons.join('; ')}.`, details);
}
