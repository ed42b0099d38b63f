import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { todayVn } from '../../../shared/dates';
import { writeBackup } from '../../cli/backup/write-backup';
import type { BackupConfig } from '../../config';
import type { Database, Db } from '../../db/client';
import { observeBackup } from '../../metrics/hooks';
import { alertBackupFailure } from './alert-backup-failure';
import { backupFileName, checksumFileName, isPartialBackup, planRetention } from './backup-files';
import { sha256OfFile, verifyBackupArchive, writeChecksumFile } from './verify-archive';

export interface ScheduledBackupOptions {
  db: Db;
  /** The database's kind, recorded in the backup's header. */
  kind: Database['kind'];
  settings: BackupConfig;
  /** The job's start: names the file (its Vietnamese day) and dates the alert. */
  now: Date;
  log: FastifyBaseLogger;
}

/**
 * writeBackup wants the open database; it reads only `db` and `kind`. The job context has the
 * connection, not the handle main.ts owns, and a backup must never migrate or close it.
 */
function backupSource(db: Db, kind: Database['kind']): Database {
  const refuse = () => Promise.reject(new Error('not available to a scheduled backup'));
  return { db, kind, pglite: null, databaseUrl: null, migrate: refuse, close: refuse };
}

/**
 * The nightly backup (queue `backups.scheduled`): the existing logical backup (cli/backup, the same
 * file as `npm run cli -- backup`) into BACKUP_DIR as `loaso-<day>.jsonl.gz`, its SHA-256 written
 * beside it and checked by reading the file back to its end, then older backups pruned to
 * BACKUP_KEEP_DAILY days and BACKUP_KEEP_WEEKLY weeks. Idempotent: a run that finds the day's backup
 * already written and sound keeps it (a retry after the worker died once the file was complete).
 * A failure tells the system administrators (once a day) and is thrown, so the job is retried and,
 * after its retries, waits in the dead-letter queue.
 */
export async function runScheduledBackup(options: ScheduledBackupOptions): Promise<string> {
  const { db, kind, settings, now, log } = options;
  if (!settings.dir) {
    observeBackup('off');
    return 'Sao lưu định kỳ đang tắt (chưa đặt BACKUP_DIR)';
  }
  const day = todayVn(now);
  const file = path.join(settings.dir, backupFileName(day));
  try {
    fs.mkdirSync(settings.dir, { recursive: true, mode: 0o700 });
    removeLeftovers(settings.dir);
    const existing = await soundBackup(file);
    let bytes: number;
    let outcome: 'written' | 'kept';
    if (existing) {
      bytes = existing.bytes;
      outcome = 'kept';
    } else {
      const { rowCounts } = await writeBackup({ database: backupSource(db, kind), file, overwrite: true });
      writeChecksumFile(file, await sha256OfFile(file));
      bytes = (await verifyBackupArchive(file, rowCounts)).bytes;
      outcome = 'written';
    }
    const removed = prune(settings, path.basename(file));
    observeBackup(outcome, { at: now, bytes });
    log.info({ file, bytes, outcome, removed }, 'scheduled backup done');
    const what = outcome === 'kept' ? 'Đã có bản sao lưu hôm nay' : 'Đã sao lưu và kiểm tra';
    return `${what}: ${path.basename(file)} (${formatBytes(bytes)}); xóa ${removed.length} bản cũ`;
  } catch (caught) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    observeBackup('failed');
    log.error({ err: error, file }, 'scheduled backup failed');
    try {
      await db.transaction((tx) => alertBackupFailure(tx, { day, reason: error.message, now }));
    } catch (alertError) {
      // The database may be what failed: the log line above and the job's failure still tell.
      log.error({ err: alertError }, 'scheduled backup: could not alert the administrators');
    }
    throw error;
  }
}

/** The day's backup if it is complete and matches its checksum; null if absent or unsound. */
async function soundBackup(file: string): Promise<{ bytes: number } | null> {
  if (!fs.existsSync(file)) return null;
  try {
    return await verifyBackupArchive(file);
  } catch {
    return null;
  }
}

/** Half-written files of a worker that died mid-backup; one backup job runs at a time (policy stately). */
function removeLeftovers(dir: string) {
  for (const name of fs.readdirSync(dir))
    if (isPartialBackup(name)) fs.rmSync(path.join(dir, name), { force: true });
}

/** Applies the retention plan; the backup just written or checked is never removed (a clock set back, a file named for a later day). */
function prune(settings: BackupConfig, current: string): string[] {
  const dir = settings.dir!;
  const plan = planRetention(fs.readdirSync(dir), { daily: settings.keepDaily, weekly: settings.keepWeekly });
  const removed = plan.remove.filter((name) => name !== current);
  for (const name of removed) {
    fs.rmSync(path.join(dir, name), { force: true });
    fs.rmSync(path.join(dir, checksumFileName(name)), { force: true });
  }
  return removed;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
