import type { Readable } from 'node:stream';
import { ACTIVITY_KIND_LABELS } from '../../../shared/activities';
import {
  type ActivityExportQuery,
  CSV_CONTENT_TYPE,
  XLSX_CONTENT_TYPE,
} from '../../../shared/api/activity-files';
import { todayVn } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { type ActivityListRow, streamActivities } from '../../db/repositories/activities';
import { findUnitLabels, findVocabularyNames } from '../../db/repositories/activity-files';
import type { Principal } from '../../policies/principal';
import { scopedActivityFilter } from '../activities/scoped-filter';
import { type ExportLookups, type ExportValue, exportColumns } from './export-columns';
import { writeCsv, writeXlsx } from './write-table';

export type ExportFormat = 'xlsx' | 'csv';

export interface ActivityExport {
  fileName: string;
  contentType: string;
  /** The file, produced while it is read. */
  stream: Readable;
  /** Settles when every row has been read from the database. */
  done: Promise<{ rows: number }>;
}

/**
 * Every record matching the list's filters, as XLSX or CSV, scoped like the list (a unit outside
 * the caller's scope is "not found"). Rows are read page by page while the file is sent.
 */
export async function exportActivities(options: {
  db: Db;
  principal: Principal;
  query: ActivityExportQuery;
  format: ExportFormat;
}): Promise<ActivityExport> {
  const { db, principal, query } = options;
  const filter = await scopedActivityFilter(db, principal, query);
  const columns = exportColumns(query.kind, query.includeDeleted === true);
  const lookups = await loadLookups(db);

  let count = 0;
  let settle: (result: { rows: number }) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const done = new Promise<{ rows: number }>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  // Nobody may be waiting on `done` (the HTTP route is not): a failure is reported through the stream.
  done.catch(() => {});
  async function* pages(): AsyncGenerator<ExportValue[][]> {
    try {
      for await (const rows of streamActivities(db, filter)) {
        await lookups.loadUnits(rows);
        count += rows.length;
        yield rows.map((row) => columns.map((column) => column.value(row, lookups)));
      }
      settle({ rows: count });
    } catch (error) {
      fail(error as Error);
      throw error;
    }
  }

  const label = query.kind ? ACTIVITY_KIND_LABELS[query.kind].vi : 'Bản ghi';
  const baseName = `${query.kind === 'post' ? 'tin-bai' : query.kind === 'broadcast' ? 'phat-song' : (query.kind ?? 'ban-ghi')}-${todayVn()}`;
  return options.format === 'csv'
    ? { fileName: `${baseName}.csv`, contentType: CSV_CONTENT_TYPE, stream: writeCsv(columns, pages()), done }
    : {
        fileName: `${baseName}.xlsx`,
        contentType: XLSX_CONTENT_TYPE,
        stream: writeXlsx(columns, pages(), label),
        done,
      };
}

/** Names for codes: topics and languages once, unit codes page by page as new units appear. */
async function loadLookups(
  db: Db,
): Promise<ExportLookups & { loadUnits(rows: ActivityListRow[]): Promise<void> }> {
  const names = (rows: Array<{ code: string; name: string }>) => {
    const byCode = new Map<string, string>();
    // National names come first and win over a province's row with the same code.
    for (const row of rows) if (!byCode.has(row.code)) byCode.set(row.code, row.name);
    return byCode;
  };
  const topics = names(await findVocabularyNames(db, 'topics'));
  const languages = names(await findVocabularyNames(db, 'languages'));
  const units = new Map<string, string>();
  return {
    unitRef: (unitId) => units.get(unitId) ?? unitId,
    topicName: (code) => topics.get(code) ?? code,
    languageName: (code) => languages.get(code) ?? code,
    async loadUnits(rows) {
      const missing = [...new Set(rows.map((row) => row.unitId))].filter((id) => !units.has(id));
      for (const unit of await findUnitLabels(db, missing)) units.set(unit.id, unit.code ?? unit.name);
    },
  };
}
