import type { ReportKind } from '../../../shared/api/report-contract';
import type { ReportTypeDto } from '../../../shared/api/reports';
import type { ReportTypeRow } from '../../db/repositories/reports';
import type { UnitGraph } from '../units/unit-graph';

export function presentReportType(type: ReportTypeRow, graph: UnitGraph, canEdit: boolean): ReportTypeDto {
  return {
    id: type.id,
    ownerUnitId: type.ownerUnitId,
    ownerUnitName: graph.latestName(type.ownerUnitId) ?? '',
    kind: type.kind as ReportKind,
    name: type.name,
    dueRule: type.dueRule,
    submitterKinds: type.submitterKinds,
    recipients: type.recipients,
    remindDaysBefore: type.remindDaysBefore,
    isActive: type.isActive,
    canEdit,
  };
}
