import { createHash, randomUUID } from 'node:crypto';
import type { AsRunUploadResultDto } from '../../../shared/api/radio';
import type { ErrorDetail } from '../../../shared/errors';
import type { Db } from '../../db/client';
import { insertImportBatch } from '../../db/repositories/activity-files';
import { findLanguages } from '../../db/repositories/vocabulary';
import { validationError } from '../../errors';
import type { Principal } from '../../policies/principal';
import { readTypedTable } from '../../spreadsheets/read-table';
import { describeDuplicate } from '../activities/record-activities';
import { visibleUnitIds } from '../activities/visible-units';
import { CodeList } from '../activity-import/vocabulary';
import type { Actor } from '../actor';
import { findCurrentProvinceId } from '../units/find-province';
import { type AsRunColumn, mapAsRunHeaders } from './as-run-columns';
import type { AsRunField, AsRunProblem } from './as-run-entry';
import { getAuthorizedStation } from './get-station';
import { parseAsRunRows } from './parse-as-run-rows';
import { prepareAsRunEntries } from './prepare-as-run';
import { sortReceived, storeFresh } from './store-as-run';

const COLUMN_OF_FIELD: Record<AsRunField, AsRunColumn> = {
  item: 'title',
  externalId: 'externalId',
  stationCode: 'stationCode',
  airedAt: 'airedAt',
  durationSeconds: 'duration',
  programme: 'programme',
  title: 'title',
  source: 'source',
  language: 'language',
  topics: 'title',
};

/**
 * A station's as-run log uploaded by a person (CSV or XLSX): all or nothing, like every import by a
 * person. Every bad row is listed and nothing is stored while one remains; rows whose Mã the station
 * sent before with the same content are skipped as duplicates, so the same log may be uploaded again,
 * or after the system pushed part of it. A row whose record was deleted (an undone upload) is stored
 * again: undo, fix, upload again. The stored rows form an import batch (provenance 'import',
 * recorded by the person), which lists under "Lịch sử nhập" and can be undone as a whole.
 */
export async function uploadAsRun(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  stationId: string;
  fileName: string;
  content: Buffer;
  now?: Date;
}): Promise<AsRunUploadResultDto> {
  const { db, principal, actor } = options;
  const now = options.now ?? new Date();
  const station = await getAuthorizedStation(db, principal, options.stationId, 'radio_station.manage');
  const provinceId = await findCurrentProvinceId(db, station.unitId);
  const languages = new CodeList(
    (await findLanguages(db, provinceId)).map((row) => ({ code: row.code, name: row.name })),
    { dropPrefix: 'Tiếng' },
  );
  const table = await readTypedTable(options.fileName, options.content, (headers) =>
    mapAsRunHeaders(headers).has('title'),
  );
  const file = parseAsRunRows(table, { stationCode: station.code, languages });
  const batchId = randomUUID();
  const { prepared, problems } = await prepareAsRunEntries(db, station, file.entries, {
    provenance: 'import',
    recordedBy: actor.userId,
    importBatchId: batchId,
    now,
  });
  const rowErrors = (list: AsRunProblem[]): ErrorDetail[] =>
    list.map((p) => ({
      row: p.position,
      column: file.headerOf(COLUMN_OF_FIELD[p.field]),
      message: p.message,
    }));
  refuseIfErrors([...file.errors, ...rowErrors(problems)]);

  const visible = await visibleUnitIds(db, principal);
  return db.transaction(async (tx) => {
    // The person asks for these rows: one whose record was deleted (an undone upload, a wrong record
    // removed by hand) is stored again; the answer names it.
    const sorted = await sortReceived(tx, station, prepared, 'store');
    refuseIfErrors(rowErrors(sorted.conflicts));
    const { ids, findings } = await storeFresh(
      tx,
      actor,
      sorted.fresh.map((item) => item.row),
      {
        visible,
        record: {
          auditBatch: {
            id: batchId,
            summary: `Nhập nhật ký phát sóng của trạm ${station.code} từ tệp ${options.fileName}`,
          },
        },
      },
    );
    if (ids.length)
      await insertImportBatch(tx, {
        id: batchId,
        kind: 'broadcast',
        unitId: station.unitId,
        fileName: options.fileName,
        fileSha256: createHash('sha256').update(options.content).digest('hex'),
        rowCount: table.rows.length,
        storedCount: ids.length,
        flaggedCount: findings.filter(Boolean).length,
        skippedCount: sorted.repeats.length,
        createdBy: actor.userId,
        createdAt: now,
      });
    const freshRows = sorted.fresh.map((item) => item.entry.position);
    return {
      batchId: ids.length ? batchId : null,
      rows: table.rows.length,
      created: ids.length,
      duplicates: sorted.repeats.map((entry) => ({
        row: entry.position,
        message: `Mã "${entry.externalId}" đã được nhận trước đó (đã có).`,
      })),
      recreated: sorted.fresh
        .filter((item) => item.wasDeleted)
        .map(({ entry }) => ({
          row: entry.position,
          message: `Mã "${entry.externalId}" từng được nhận rồi bị xoá; đã nhập lại theo tệp này.`,
        })),
      flaggedDuplicates: findings.flatMap((finding, i) =>
        finding
          ? [
              {
                row: freshRows[i]!,
                message: finding.duplicateOfId.startsWith('batch:')
                  ? `Trùng tiêu đề, ngày và chương trình với dòng ${freshRows[Number(finding.duplicateOfId.slice(6))]} của tệp.`
                  : describeDuplicate(finding),
              },
            ]
          : [],
      ),
    };
  });
}

function refuseIfErrors(errors: ErrorDetail[]): void {
  if (errors.length === 0) return;
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const badRows = new Set(errors.map((e) => e.row)).size;
  throw validationError(
    `Tệp có ${badRows} dòng lỗi; không có lượt phát nào được nhập. Sửa các dòng dưới đây rồi nhập lại.`,
    errors,
  );
}
