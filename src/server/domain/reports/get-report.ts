import type { ReportStatus } from '../../../shared/api/report-contract';
import type { ReportDetailDto } from '../../../shared/api/reports';
import type { Db } from '../../db/client';
import { findReportVersions } from '../../db/repositories/reports';
import type { Principal } from '../../policies/principal';
import { loadUnitGraph } from '../units/load-unit-graph';
import { buildReportPartOne } from './build-report-part-one';
import { submissionState } from './expected-units';
import { loadReport } from './load-report';
import { presentPeriod } from './present-period';
import { reportActions } from './report-rules';

/**
 * One report version as its page shows it: parts II–IV, part I (frozen when submitted, else live),
 * every version of the unit's report for the period, and the steps the user may take.
 */
export async function getReport(options: {
  db: Db;
  principal: Principal;
  reportId: string;
  now: Date;
  today: string;
}): Promise<ReportDetailDto> {
  const { db, principal, reportId, now, today } = options;
  const { report, status, period, type, unitActions } = await loadReport(
    db,
    principal,
    reportId,
    'unit.view',
  );
  const versions = await findReportVersions(db, report.periodId, report.unitId);
  const submittedDays = versions.flatMap((v) => (v.submittedOn ? [v.submittedOn] : []));
  const firstSubmittedOn = submittedDays.length ? submittedDays.sort()[0]! : null;
  const results =
    report.results ?? (await buildReportPartOne(db, { unitId: report.unitId, period, now, today }));
  const graph = await loadUnitGraph(db);
  return {
    id: report.id,
    unitId: report.unitId,
    unitName: graph.versionOn(report.unitId, period.dueOn)?.name ?? graph.latestName(report.unitId) ?? '',
    version: report.version,
    status,
    assessmentText: report.assessmentText,
    tasksText: report.tasksText,
    proposalsText: report.proposalsText,
    note: report.note,
    updatedAt: report.updatedAt.toISOString(),
    approvedAt: report.approvedAt?.toISOString() ?? null,
    submittedAt: report.submittedAt?.toISOString() ?? null,
    submittedOn: report.submittedOn,
    firstSubmittedOn,
    state: submissionState(firstSubmittedOn, period.dueOn),
    period: presentPeriod(period, today),
    recipients: type.recipients,
    results,
    isResultsFrozen: report.results !== null,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status as ReportStatus,
      submittedOn: v.submittedOn,
      submittedAt: v.submittedAt?.toISOString() ?? null,
      note: v.note,
      createdAt: v.createdAt.toISOString(),
    })),
    actions: reportActions(status, unitActions),
  };
}
