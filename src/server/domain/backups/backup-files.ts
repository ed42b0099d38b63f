import { isoWeekOf } from '../../../shared/dates';

/**
 * Names and retention of scheduled backups. A backup is `loaso-YYYY-MM-DD.jsonl.gz` (the Vietnamese
 * day it was taken) with `loaso-YYYY-MM-DD.jsonl.gz.sha256` beside it, in `sha256sum` format, so an
 * administrator checks a copy with `sha256sum -c`. Only names of this shape are ever removed: other
 * files in BACKUP_DIR (a manual `npm run cli -- backup`, notes) are left alone.
 */
const BACKUP_NAME = /^loaso-(\d{4}-\d{2}-\d{2})\.jsonl\.gz$/;

export const backupFileName = (day: string) => `loaso-${day}.jsonl.gz`;
export const checksumFileName = (backupName: string) => `${backupName}.sha256`;
/** A half-written file of writeBackup (`<file>.partial-<pid>`), left by a process that died. */
export const isPartialBackup = (name: string) =>
  /^loaso-\d{4}-\d{2}-\d{2}\.jsonl\.gz\.partial-\d+$/.test(name);

export function dayOfBackup(name: string): string | null {
  return BACKUP_NAME.exec(name)?.[1] ?? null;
}

export interface RetentionPlan {
  /** Backup file names kept, newest first, with why. */
  keep: Array<{ name: string; reason: 'daily' | 'weekly' }>;
  /** Backup file names to delete (with their .sha256). */
  remove: string[];
}

/**
 * Which backups to keep: the newest `daily` days, then, going back week by week (ISO weeks), the
 * newest backup of each week not already kept, until `weekly` weeks are kept that way. A week whose
 * newest backup is already a daily one does not count as a weekly, so with 7 daily and 4 weekly the
 * history reaches about five weeks back (as in borg's and restic's prune). Pure: the caller lists
 * the folder and deletes.
 */
export function planRetention(
  names: readonly string[],
  keep: { daily: number; weekly: number },
): RetentionPlan {
  const backups = names
    .map((name) => ({ name, day: dayOfBackup(name) }))
    .filter((b): b is { name: string; day: string } => b.day !== null)
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  const kept = new Map<string, 'daily' | 'weekly'>();
  for (const backup of backups.slice(0, keep.daily)) kept.set(backup.name, 'daily');
  const weekKey = (day: string) => {
    const { year, week } = isoWeekOf(day);
    return `${year}-W${week}`;
  };
  const weeksSeen = new Set<string>();
  let weeklies = 0;
  for (const backup of backups) {
    if (weeklies >= keep.weekly) break;
    const week = weekKey(backup.day);
    if (weeksSeen.has(week)) continue;
    weeksSeen.add(week);
    // The newest backup of this week (backups are newest first).
    if (kept.has(backup.name)) continue;
    kept.set(backup.name, 'weekly');
    weeklies++;
  }
  return {
    keep: backups.filter((b) => kept.has(b.name)).map((b) => ({ name: b.name, reason: kept.get(b.name)! })),
    remove: backups.filter((b) => !kept.has(b.name)).map((b) => b.name),
  };
}
