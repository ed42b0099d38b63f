import { ACTIVITY_KIND_LABELS, type ActivityKind } from '../../../shared/activities';
import { formatVnDate } from '../../../shared/dates';
import type { Queryable } from '../../db/client';
import { findSnapshotRows, getStoredFileKeys } from '../../db/repositories/monitor-snapshots';
import { findFrameworkDefinitions, findReportEvidenceRows } from '../../db/repositories/report-documents';
import { criteriaWithPaths } from '../../frameworks/validate';
import type { ReportEvidenceItem } from '../../reports/evidence-package';
import { canonicalJson } from '../monitor/snapshots/snapshot-manifest';
import {
  SNAPSHOT_DOES_NOT_PROVE,
  SNAPSHOT_PROVES,
  snapshotFileStem,
} from '../monitor/snapshots/snapshot-words';

/**
 * The evidence of a report's units and period, each item once with what it proves: every record of
 * the period it is attached to ("Tin bài “…” ngày 05/03/2026") and every criterion of the period's
 * assessments it is cited for ("Tiêu chí 1.2 — Có chuyên mục chuyển đổi số (Bộ tiêu chí …)").
 */
export async function collectReportEvidence(
  q: Queryable,
  options: { unitIds: string[]; from: string; to: string },
): Promise<ReportEvidenceItem[]> {
  const rows = await findReportEvidenceRows(q, options);
  const frameworkIds = [...new Set(rows.map((row) => row.frameworkId).filter((id): id is string => !!id))];
  const criterionNames = new Map<string, string>();
  for (const { id, definition } of await findFrameworkDefinitions(q, frameworkIds)) {
    for (const { criterion } of criteriaWithPaths(definition))
      criterionNames.set(`${id}/${criterion.code}`, criterion.title);
  }
  const items = new Map<string, ReportEvidenceItem>();
  for (const row of rows) {
    let item = items.get(row.evidenceId);
    if (!item) {
      item = {
        evidenceId: row.evidenceId,
        unitId: row.unitId,
        unitName: row.unitName,
        kind: row.kind,
        title: row.title,
        file:
          row.fileStorageKey && row.fileSha256
            ? {
                storageKey: row.fileStorageKey,
                fileName: row.fileName ?? row.title,
                sha256: row.fileSha256,
                sizeBytes: Number(row.fileSizeBytes ?? 0),
                mimeType: row.fileMimeType ?? 'application/octet-stream',
              }
            : null,
        url: row.url,
        citation: citationOf(row),
        proves: [],
      };
      items.set(row.evidenceId, item);
    }
    const line = provesLine(row, criterionNames);
    if (!item.proves.includes(line)) item.proves.push(line);
  }
  await addSnapshotCompanions(q, [...items.values()], rows);
  return [...items.values()];
}

/**
 * A page snapshot travels with its manifest (the canonical JSON whose SHA-256 is the snapshot's hash
 * in the chain) and its screenshot, beside the gzip body that is the item's own file: the body stays
 * compressed so that a reader who unzips the package does not open a stranger's HTML by a click.
 */
async function addSnapshotCompanions(
  q: Queryable,
  items: ReportEvidenceItem[],
  rows: Array<{ evidenceId: string; snapshotId: string | null }>,
) {
  const snapshotOf = new Map(
    rows.filter((row) => row.snapshotId).map((row) => [row.evidenceId, row.snapshotId!]),
  );
  const snapshots = new Map(
    (await findSnapshotRows(q, [...new Set(snapshotOf.values())])).map((row) => [row.id, row]),
  );
  const screenshots = await getStoredFileKeys(
    q,
    [...snapshots.values()].map((row) => row.screenshotFileId).filter((id): id is string => !!id),
  );
  for (const item of items) {
    const snapshot = snapshots.get(snapshotOf.get(item.evidenceId) ?? '');
    if (!snapshot) continue;
    const stem = snapshotFileStem(snapshot.finalUrl, snapshot.fetchedAt, Number(snapshot.sequence));
    const manifest = Buffer.from(canonicalJson(snapshot.manifest), 'utf8');
    item.companions = [
      {
        fileName: `${stem}.manifest.json`,
        mimeType: 'application/json',
        label: 'bản kê ảnh chụp',
        description: `Bản kê (manifest) của ảnh chụp số ${snapshot.sequence}: ${SNAPSHOT_PROVES} ${SNAPSHOT_DOES_NOT_PROVE}`,
        sha256: snapshot.manifestSha256,
        sizeBytes: manifest.length,
        content: manifest,
        storageKey: null,
      },
    ];
    const screenshot = snapshot.screenshotFileId ? screenshots.get(snapshot.screenshotFileId) : undefined;
    if (screenshot && snapshot.screenshotSha256)
      item.companions.push({
        fileName: `${stem}.png`,
        mimeType: 'image/png',
        label: 'ảnh màn hình',
        description: `Ảnh màn hình của ảnh chụp số ${snapshot.sequence} (trang dựng lại từ nội dung đã nhận, không tải thêm gì từ mạng)`,
        sha256: snapshot.screenshotSha256,
        sizeBytes: screenshot.sizeBytes,
        content: null,
        storageKey: screenshot.storageKey,
      });
  }
}

function citationOf(row: {
  documentNumber: string | null;
  documentDate: string | null;
  issuingBody: string | null;
  summary: string | null;
}): string | null {
  if (!row.documentNumber && !row.issuingBody) return null;
  const parts = [
    row.documentNumber ? `Số ${row.documentNumber}` : 'Văn bản',
    row.documentDate ? ` ngày ${formatVnDate(row.documentDate)}` : '',
    row.issuingBody ? ` của ${row.issuingBody}` : '',
    row.summary ? `: ${row.summary}` : '',
  ];
  return parts.join('');
}

function provesLine(
  row: Awaited<ReturnType<typeof findReportEvidenceRows>>[number],
  criterionNames: Map<string, string>,
): string {
  if (row.targetType === 'criterion') {
    const name = row.frameworkId ? criterionNames.get(`${row.frameworkId}/${row.criterionCode}`) : undefined;
    return `Tiêu chí ${row.criterionCode}${name ? ` — ${name}` : ''}${
      row.frameworkName ? ` (${row.frameworkName}, kỳ ${row.assessmentPeriodKey})` : ''
    }`;
  }
  const kind = ACTIVITY_KIND_LABELS[row.activityKind as ActivityKind]?.vi ?? 'Bản ghi';
  return `${kind} “${row.activityTitle ?? ''}” ngày ${row.activityOn ? formatVnDate(row.activityOn) : ''}`;
}
