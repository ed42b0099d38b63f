import type { Db } from '../../db/client';
import { type CheckRow, getCheckRow } from '../../db/repositories/monitor';
import { observeMonitorCheck } from '../../metrics/hooks';
import { FetchFailure } from '../../monitor/contract';
import type { FileStore } from '../../storage/file-store';
import { failCheck, startCheck } from './check-progress';
import { type MonitorDeps, monitorDeps } from './deps';
import { sendMonitorAlerts } from './send-monitor-alerts';

export interface CheckJobOptions {
  db: Db;
  fileStore: FileStore;
  checkId: string;
  deps?: MonitorDeps;
}

/**
 * The frame every check runs in: mark it started (once), run it, record a failure with its reason
 * (a site that cannot be read is an outcome, any other error is retried by the job), then alert.
 * Returns what it did, in words, for the job list.
 */
export async function runMonitorCheck(
  options: CheckJobOptions,
  kind: 'column' | 'banner',
  run: (db: Db, fileStore: FileStore, deps: MonitorDeps, check: CheckRow) => Promise<string>,
  unreadable: string,
): Promise<string> {
  const { db, fileStore, checkId } = options;
  const deps = options.deps ?? monitorDeps();
  const started = await startCheck(db, checkId, kind, deps.now());
  if (!started) return 'Lần kiểm tra đã xong trước đó';
  let summary: string;
  try {
    summary = await run(db, fileStore, deps, started);
  } catch (error) {
    await failCheck(db, checkId, error, deps.now());
    if (!(error instanceof FetchFailure)) throw error;
    summary = `${unreadable}: ${error.message}`;
  }
  // Alerts come after the check is settled: a failure to alert never changes the check's outcome.
  await sendMonitorAlerts(db, observeMonitorCheck((await getCheckRow(db, checkId))!), deps.now());
  return summary;
}
