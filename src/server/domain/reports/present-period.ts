import type { ReportKind } from '../../../shared/api/report-contract';
import type { ReportPeriodDto } from '../../../shared/api/reports';
import type { PeriodWithType } from '../../db/repositories/report-submissions';
import type { ReportPeriodRow, ReportTypeRow } from '../../db/repositories/reports';
import type { SubmissionSummary } from './expected-units';

/** A period row with its type, in the shape the expected-units rule takes. */
export function periodWithType(period: ReportPeriodRow, type: ReportTypeRow): PeriodWithType {
  return {
    id: period.id,
    reportTypeId: period.reportTypeId,
    periodKey: period.periodKey,
    label: period.label,
    periodFrom: period.periodFrom,
    periodTo: period.periodTo,
    dueOn: period.dueOn,
    ownerUnitId: type.ownerUnitId,
    kind: type.kind,
    typeName: type.name,
    submitterKinds: type.submitterKinds,
  };
}

export function presentPeriod(period: PeriodWithType, today: string): Omit<ReportPeriodDto, 'summary'> {
  return {
    id: period.id,
    reportTypeId: period.reportTypeId,
    typeName: period.typeName,
    kind: period.kind as ReportKind,
    periodKey: period.periodKey,
    label: period.label,
    periodFrom: period.periodFrom,
    periodTo: period.periodTo,
    dueOn: period.dueOn,
    isPastDue: today > period.dueOn,
  };
}

export function presentPeriodWithSummary(
  period: PeriodWithType,
  summary: SubmissionSummary,
  today: string,
): ReportPeriodDto {
  return { ...presentPeriod(period, today), summary };
}
