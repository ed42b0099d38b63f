import type {
  AssessmentListDto,
  AssessmentListQuery,
  AssessmentStatus,
} from '../../../shared/api/assessments';
import type { Action } from '../../../shared/roles';
import type { Queryable } from '../../db/client';
import { findAssessmentPage } from '../../db/repositories/assessments';
import { authorizeUnit, type Principal, scopeIds } from '../../policies/principal';
import { findRollupIds } from '../units/unit-scope';
import { assessmentActions } from './assessment-rules';
import { findNotStarted } from './find-not-started';
import { canAppraiseUnit } from './load-assessment';
import { presentSummary } from './present-assessment';

/** The unit actions that decide what may be done with an assessment. */
const DECIDING: Action[] = ['assessment.prepare', 'assessment.submit', 'assessment.publish'];

/**
 * Assessments the user can see, in a unit's subtree or in all of their units: the reviewer's queue
 * is `status=submitted`. Superseded versions are left out unless asked for by status.
 */
export async function findAssessments(options: {
  db: Queryable;
  principal: Principal;
  query: AssessmentListQuery;
  today: string;
}): Promise<AssessmentListDto> {
  const { db, principal, query } = options;
  let unitIds: string[] | null;
  if (query.unitId) {
    await authorizeUnit(db, principal, query.unitId, 'unit.view');
    unitIds = await findRollupIds(db, [query.unitId]);
  } else unitIds = await scopeIds(db, principal, 'unit.view');
  const page = await findAssessmentPage(
    db,
    { unitIds, status: query.status, frameworkCode: query.framework, periodKey: query.period },
    { limit: query.limit, offset: query.offset },
  );

  // What the user may do with each: the scopes of the deciding actions (one query each), and for
  // submitted ones whether the user sits above the unit.
  const scopes = new Map<Action, Set<string> | null>();
  for (const action of DECIDING) {
    const ids = await scopeIds(db, principal, action);
    scopes.set(action, ids === null ? null : new Set(ids));
  }
  const appraisable = new Map<string, boolean>();
  for (const row of page.items)
    if (row.assessment.status === 'submitted' && !appraisable.has(row.assessment.unitId))
      appraisable.set(row.assessment.unitId, await canAppraiseUnit(db, principal, row.assessment.unitId));

  return {
    items: page.items.map((row) => {
      const unitId = row.assessment.unitId;
      const unitActions = DECIDING.filter((action) => {
        const scope = scopes.get(action);
        return scope === null || scope?.has(unitId);
      });
      return presentSummary(
        row,
        assessmentActions(
          row.assessment.status as AssessmentStatus,
          unitActions,
          appraisable.get(unitId) ?? false,
        ),
      );
    }),
    total: page.total,
    notStarted:
      query.framework && query.period && !query.status
        ? await findNotStarted(db, principal, {
            ...(query.unitId ? { unitId: query.unitId } : {}),
            framework: query.framework,
            period: query.period,
            today: options.today,
          })
        : null,
  };
}
