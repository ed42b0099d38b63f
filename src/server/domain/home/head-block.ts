import { type HeadBlockDto, HOME_LIST_LIMIT, OVERDUE_LOOKBACK_DAYS } from '../../../shared/api/home';
import { addDays } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { findDraftSchedules, findReadyAssessments, findReportsToApprove } from '../../db/repositories/home';
import type { UnitGraph } from '../units/unit-graph';
import { asDate, listOf } from './home-context';

/**
 * What waits for the unit head: broadcast schedules drafted and not issued ("chờ ban hành"), reports
 * not submitted (drafts to approve, approved ones to submit) of periods due within the last year or
 * later, and self-assessments the officer said are finished, to submit for appraisal.
 */
export async function buildHeadBlock(options: {
  db: Db;
  graph: UnitGraph;
  unitId: string;
  today: string;
}): Promise<HeadBlockDto> {
  const { db, graph, unitId, today } = options;
  const units = graph.rollupIds([unitId]);
  const schedules = await findDraftSchedules(db, [unitId], HOME_LIST_LIMIT);
  const reports = await findReportsToApprove(
    db,
    units,
    addDays(today, -OVERDUE_LOOKBACK_DAYS),
    HOME_LIST_LIMIT,
  );
  const ready = await findReadyAssessments(db, units, HOME_LIST_LIMIT);
  return {
    role: 'head',
    unit: { id: unitId, name: graph.latestName(unitId) ?? '' },
    toIssue: listOf(schedules, (row) => ({
      scheduleId: row.scheduleId,
      month: row.month,
      channelName: row.channelName,
      entryCount: row.entryCount,
    })),
    toApprove: listOf(reports, (row) => ({
      reportId: row.reportId,
      periodId: row.periodId,
      title: row.title,
      periodLabel: row.periodLabel,
      status: row.status,
      dueOn: row.dueOn,
    })),
    toSubmit: listOf(ready, (row) => ({
      assessmentId: row.assessmentId,
      title: row.title,
      periodKey: row.periodKey,
      readyAt: asDate(row.readyAt)!,
    })),
  };
}
