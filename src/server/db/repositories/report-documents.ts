import { sql } from 'drizzle-orm';
import type { ReportResults } from '../../../shared/api/report-contract';
import type { FrameworkSpec } from '../../../shared/frameworks/definition';
import type { Queryable } from '../client';
import { queryOne, queryRows } from '../sql';
import { toTextArray } from './activities';

/**
 * The evidence behind a report: the current version of every item linked to a live record of the
 * units dated in the period, or to a criterion of the units' live (not superseded) assessments whose
 * period overlaps it. One row per item and link, so an item proving several things comes back once per
 * thing it proves.
 */
export interface ReportEvidenceRow {
  evidenceId: string;
  unitId: string;
  unitName: string;
  kind: string;
  title: string;
  url: string | null;
  documentNumber: string | null;
  documentDate: string | null;
  issuingBody: string | null;
  summary: string | null;
  fileStorageKey: string | null;
  fileName: string | null;
  fileSha256: string | null;
  fileSizeBytes: number | null;
  fileMimeType: string | null;
  /** Kind 'snapshot': the monitor snapshot the item presents (its manifest goes into the package too). */
  snapshotId: string | null;
  targetType: 'activity' | 'criterion';
  activityKind: string | null;
  activityTitle: string | null;
  activityOn: string | null;
  criterionCode: string | null;
  frameworkId: string | null;
  frameworkName: string | null;
  assessmentPeriodKey: string | null;
}

export async function findReportEvidenceRows(
  q: Queryable,
  options: { unitIds: string[]; from: string; to: string },
): Promise<ReportEvidenceRow[]> {
  if (options.unitIds.length === 0) return [];
  const unitIds = toTextArray(options.unitIds);
  return queryRows<ReportEvidenceRow>(
    q,
    sql`with links as (
          select l.evidence_id, 'activity' as target_type, a.kind as activity_kind, a.title as activity_title,
                 a.occurred_on::text as activity_on, null::text as criterion_code, null::uuid as framework_id,
                 null::text as period_key
          from evidence_links l
          join activities a on a.id = l.target_id
          where l.target_type = 'activity' and a.deleted_at is null
            and a.unit_id = any(${unitIds}::uuid[])
            and a.occurred_on between ${options.from}::date and ${options.to}::date
          union all
          select l.evidence_id, 'criterion', null, null, null, c.criterion_code, s.framework_id, s.period_key
          from evidence_links l
          join assessment_criteria c on c.id = l.target_id
          join assessments s on s.id = c.assessment_id
          where l.target_type = 'criterion' and s.status <> 'superseded'
            and s.unit_id = any(${unitIds}::uuid[])
            and s.period_from <= ${options.to}::date and s.period_to >= ${options.from}::date
        )
        select e.id as "evidenceId", e.unit_id as "unitId", u.name as "unitName", e.kind, e.title, e.url,
               e.document_number as "documentNumber", e.document_date::text as "documentDate",
               e.issuing_body as "issuingBody", e.summary,
               f.storage_key as "fileStorageKey", f.original_name as "fileName", f.sha256 as "fileSha256",
               f.size_bytes::float8 as "fileSizeBytes", f.mime_type as "fileMimeType",
               e.snapshot_id as "snapshotId",
               links.target_type as "targetType", links.activity_kind as "activityKind",
               links.activity_title as "activityTitle", links.activity_on as "activityOn",
               links.criterion_code as "criterionCode", links.framework_id as "frameworkId",
               fw.name as "frameworkName", links.period_key as "assessmentPeriodKey"
        from links
        join evidence e on e.id = links.evidence_id and e.is_current
        join units u on u.id = e.unit_id
        left join stored_files f on f.id = e.file_id
        left join frameworks fw on fw.id = links.framework_id
        order by u.name, e.created_at, e.id, links.activity_on nulls last, links.criterion_code`,
  );
}

/** The definitions of the frameworks, for criterion names. */
export async function findFrameworkDefinitions(
  q: Queryable,
  ids: string[],
): Promise<Array<{ id: string; definition: FrameworkSpec }>> {
  if (ids.length === 0) return [];
  return queryRows(q, sql`select id, definition from frameworks where id = any(${toTextArray(ids)}::uuid[])`);
}

/** A report with its period and type, and who approved it (the signer printed under the signing block). */
export interface ReportForDocument {
  id: string;
  unitId: string;
  periodId: string;
  version: number;
  status: string;
  assessmentText: string;
  tasksText: string;
  proposalsText: string;
  results: ReportResults | null;
  submittedOn: string | null;
  approverName: string | null;
  periodKey: string;
  periodLabel: string;
  periodFrom: string;
  periodTo: string;
  typeKind: string;
  typeName: string;
  recipients: string;
}

export async function getReportForDocument(
  q: Queryable,
  reportId: string,
): Promise<ReportForDocument | undefined> {
  return queryOne<ReportForDocument>(
    q,
    sql`select r.id, r.unit_id as "unitId", r.period_id as "periodId", r.version, r.status, r.assessment_text as "assessmentText",
          r.tasks_text as "tasksText", r.proposals_text as "proposalsText", r.results,
          r.submitted_on::text as "submittedOn", a.full_name as "approverName",
          p.period_key as "periodKey", p.label as "periodLabel", p.period_from::text as "periodFrom",
          p.period_to::text as "periodTo", t.kind as "typeKind", t.name as "typeName", t.recipients
        from reports r
        join report_periods p on p.id = r.period_id
        join report_types t on t.id = p.report_type_id
        left join users a on a.id = r.approved_by
        where r.id = ${reportId}`,
  );
}
