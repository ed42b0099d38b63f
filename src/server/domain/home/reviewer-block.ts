import { HOME_LIST_LIMIT, type ReviewerBlockDto } from '../../../shared/api/home';
import type { Db } from '../../db/client';
import { findPendingRecords, findSubmittedAssessments } from '../../db/repositories/home';
import type { UnitGraph } from '../units/unit-graph';
import { daysBetween, listOf } from './home-context';

/**
 * The reviewer's queue in the grant's roll-up (everything for a system admin): records waiting for
 * review and assessments waiting for appraisal, oldest first, each with its age in days.
 */
export async function buildReviewerBlock(options: {
  db: Db;
  graph: UnitGraph;
  unitId: string | null;
  today: string;
}): Promise<ReviewerBlockDto> {
  const { db, graph, unitId, today } = options;
  const scope = unitId === null ? null : graph.rollupIds([unitId]);
  const records = listOf(await findPendingRecords(db, scope, HOME_LIST_LIMIT), (row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    unitName: row.unitName,
    recordedOn: row.recordedOn,
    ageDays: Math.max(0, daysBetween(row.recordedOn, today)),
  }));
  const assessments = listOf(await findSubmittedAssessments(db, scope, HOME_LIST_LIMIT), (row) => ({
    id: row.id,
    title: row.title,
    periodKey: row.periodKey,
    unitName: row.unitName,
    submittedOn: row.submittedOn,
    ageDays: Math.max(0, daysBetween(row.submittedOn, today)),
  }));
  return {
    role: 'reviewer',
    unit: unitId === null ? null : { id: unitId, name: graph.latestName(unitId) ?? '' },
    records,
    assessments,
    oldestRecordDays: records.items[0]?.ageDays ?? null,
    oldestAssessmentDays: assessments.items[0]?.ageDays ?? null,
  };
}
