import type { Readable } from 'node:stream';
import { REPORT_KINDS, type ReportKind, type ReportResults } from '../../../shared/api/report-contract';
import { todayVn } from '../../../shared/dates';
import type { UnitKind } from '../../../shared/units';
import type { Queryable } from '../../db/client';
import { getReportForDocument, type ReportForDocument } from '../../db/repositories/report-documents';
import { findPeriodWithType } from '../../db/repositories/report-submissions';
import { getUnitLatest, getUnitRow } from '../../db/repositories/units';
import { notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import {
  agencyHeading,
  defaultSymbol,
  fullAgencyName,
  isAdministrative,
  placeName,
} from '../../reports/agency';
import { buildEvidencePackage } from '../../reports/evidence-package';
import { DOCX_TYPE, XLSX_TYPE } from '../../reports/file-name';
import { buildReportAnnexXlsx } from '../../reports/report-annex';
import { buildReportDocx, type ReportDocumentInput } from '../../reports/report-document';
import type { FileStore } from '../../storage/file-store';
import { buildReportPartOne } from './build-report-part-one';
import { collectReportEvidence } from './collect-report-evidence';

/**
 * The files of a report — the DOCX, the XLSX annex and the evidence ZIP — for a user who may view the
 * report's unit (anyone else: not found). Part I is the frozen `reports.results` of a submitted
 * report, and is computed live for a draft. The header names the unit and its parent as they are now.
 */

export const ZIP_TYPE = 'application/zip';

export interface ReportFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

interface ReportSources {
  report: ReportForDocument;
  results: ReportResults;
  document: ReportDocumentInput;
  stem: string;
}

const WINDOWS_FORBIDDEN = /[\\/:*?"<>|\p{Cc}\p{Cf}]+/gu;

async function loadSources(options: {
  db: Queryable;
  principal: Principal;
  reportId: string;
  now: Date;
}): Promise<ReportSources> {
  const { db, principal, reportId, now } = options;
  const report = await getReportForDocument(db, reportId);
  if (!report) throw notFound();
  await authorizeUnit(db, principal, report.unitId, 'unit.view');
  const latest = await getUnitLatest(db, report.unitId);
  if (!latest) throw notFound();
  const unit = latest.unit;
  const kind = unit.kind as UnitKind;
  const parent = unit.parentId ? await getUnitRow(db, unit.parentId) : undefined;
  // Frozen at submission; until then live, and for a parent with its expected children's table, as
  // the report page shows it (buildReportPartOne).
  const results = report.results ?? (await livePartOne(db, report, now));
  const placeUnit =
    isAdministrative(kind) || !parent
      ? unit
      : { kind: parent.kind as UnitKind, name: unit.parentName ?? parent.name };
  const reportKind: ReportKind = (REPORT_KINDS as readonly string[]).includes(report.typeKind)
    ? (report.typeKind as ReportKind)
    : 'ad_hoc';
  const subject = `Kết quả công tác tuyên truyền về chuyển đổi số ${report.periodLabel}`;
  const document: ReportDocumentInput = {
    results,
    texts: { assessment: report.assessmentText, tasks: report.tasksText, proposals: report.proposalsText },
    issuer: {
      name: fullAgencyName({ kind, name: unit.name }),
      parentName: parent
        ? agencyHeading({ kind: parent.kind as UnitKind, name: unit.parentName ?? parent.name })
        : null,
      place: placeName(placeUnit.name),
    },
    documentNumber: null,
    documentSymbol: defaultSymbol(kind, 'BC'),
    issuedOn: report.submittedOn,
    draftYear: Number((report.submittedOn ?? now.toISOString()).slice(0, 4)),
    title: `BÁO CÁO ${subject}`,
    recipients: report.recipients
      .split(/\r?\n|;/)
      .map((line) => line.trim())
      .filter(Boolean),
    signer: { title: null, name: report.approverName },
    kind: reportKind,
    isDraft: report.status === 'draft',
  };
  const stem = `${report.status === 'draft' ? 'Dự thảo ' : ''}Báo cáo ${report.periodLabel} - ${unit.name}`
    .replace(WINDOWS_FORBIDDEN, '-')
    .slice(0, 150);
  return { report, results, document, stem };
}

export async function exportReportDocument(options: {
  db: Queryable;
  principal: Principal;
  reportId: string;
  now: Date;
}): Promise<ReportFile> {
  const { document, stem } = await loadSources(options);
  return { fileName: `${stem}.docx`, contentType: DOCX_TYPE, content: await buildReportDocx(document) };
}

export async function exportReportAnnex(options: {
  db: Queryable;
  principal: Principal;
  reportId: string;
  now: Date;
}): Promise<ReportFile> {
  const { document, stem } = await loadSources(options);
  return {
    fileName: `Phụ lục - ${stem}.xlsx`,
    contentType: XLSX_TYPE,
    content: await buildReportAnnexXlsx({
      results: document.results,
      title: document.title,
      issuerName: document.issuer.name,
    }),
  };
}

/**
 * The evidence ZIP. The report and annex are built first (they are small); the evidence files are
 * streamed from the store while the ZIP is sent. A parent's package holds its children's evidence
 * too, each unit in its own folder. Items whose file is gone from the store are listed without it.
 */
export async function exportEvidencePackage(options: {
  db: Queryable;
  principal: Principal;
  store: FileStore;
  reportId: string;
  now: Date;
}): Promise<{ fileName: string; contentType: string; stream: Readable; files: number }> {
  const { db, store, now } = options;
  const { report, results, document, stem } = await loadSources(options);
  const unitIds = [report.unitId, ...(results.children ?? []).map((child) => child.unitId)];
  const items = await collectReportEvidence(db, { unitIds, from: report.periodFrom, to: report.periodTo });
  for (const item of items) {
    if (item.file && !(await store.exists(item.file.storageKey))) {
      item.title = `${item.title} (tệp không còn trong kho lưu trữ)`;
      item.file = null;
    }
    if (item.companions) {
      const kept = [];
      for (const companion of item.companions)
        if (!companion.storageKey || (await store.exists(companion.storageKey))) kept.push(companion);
      item.companions = kept;
    }
  }
  const [docx, xlsx] = await Promise.all([
    buildReportDocx(document),
    buildReportAnnexXlsx({ results, title: document.title, issuerName: document.issuer.name }),
  ]);
  const { stream, entries } = buildEvidencePackage({
    title: document.title,
    generatedAt: now,
    documents: [
      { fileName: `${stem}.docx`, content: docx, description: 'Báo cáo (DOCX)' },
      { fileName: `Phụ lục - ${stem}.xlsx`, content: xlsx, description: 'Phụ lục số liệu (XLSX)' },
    ],
    items,
    open: (key) => store.get(key),
  });
  return {
    fileName: `Minh chứng - ${stem}.zip`,
    contentType: ZIP_TYPE,
    stream,
    files: new Set(entries.filter((entry) => entry.evidence).map((entry) => entry.path)).size,
  };
}

async function livePartOne(db: Queryable, report: ReportForDocument, now: Date): Promise<ReportResults> {
  const period = await findPeriodWithType(db, report.periodId);
  if (!period) throw notFound();
  return buildReportPartOne(db, { unitId: report.unitId, period, now, today: todayVn(now) });
}
