import {
  backupLastSuccess,
  backupSize,
  backupsRun,
  emailDeliveries,
  monitorChecks,
  monitorItemsFound,
  monitorItemsNew,
  remindersWritten,
} from './registry';

/**
 * The one-line hooks domain code calls where something worth counting happens. Each takes what the
 * domain already has in hand and returns it unchanged where that lets the call sit inside an
 * existing expression. Counting is in memory and cannot fail, so a hook never changes an outcome.
 * Counters count in the process where the work ran (a worker, usually): scrape every process.
 */

interface SettledCheck {
  kind: string;
  status: string;
  itemsFound: number;
  itemsNew: number;
  bannerFound: boolean | null;
}

/** After a website check is settled (domain/monitor/run-check.ts). */
export function observeMonitorCheck<C extends SettledCheck>(check: C): C {
  const kind = check.kind === 'banner' ? 'banner' : 'column';
  let outcome = check.status === 'failed' ? 'failed' : 'succeeded';
  if (kind === 'banner' && outcome === 'succeeded')
    outcome = check.bannerFound ? 'banner_found' : 'banner_missing';
  monitorChecks.inc({ kind, outcome });
  if (check.itemsFound > 0) monitorItemsFound.inc({ kind }, check.itemsFound);
  if (check.itemsNew > 0) monitorItemsNew.inc({ kind }, check.itemsNew);
  return check;
}

/**
 * After reminder rows are written (domain/reminders/tell-unit-people.ts): `written` are the rows the
 * insert kept (rows already stored under their dedupe key are not counted again); their kind is
 * looked up among the rows offered, by recipient, unit and channel.
 */
export function countRemindersWritten(
  offered: ReadonlyArray<{ kind: string; recipientId: string; unitId?: string | null; channel?: string }>,
  written: ReadonlyArray<{ recipientId: string; unitId: string | null; channel: string }>,
) {
  const key = (row: { recipientId: string; unitId?: string | null; channel?: string }) =>
    `${row.recipientId}|${row.unitId ?? ''}|${row.channel}`;
  const kinds = new Map<string, string>();
  for (const row of offered) if (!kinds.has(key(row))) kinds.set(key(row), row.kind);
  for (const row of written) {
    remindersWritten.inc({
      kind: kinds.get(key(row)) ?? 'unknown',
      channel: row.channel === 'email' ? 'email' : 'in_app',
    });
  }
}

/** After the e-mail job records an outcome (domain/notifications/deliver-email-notification.ts). */
export function countEmailDelivery(outcome: 'sent' | 'failed' | 'skipped') {
  emailDeliveries.inc({ outcome });
}

/** After a scheduled backup run (domain/backups/run-scheduled-backup.ts). */
export function observeBackup(
  outcome: 'written' | 'kept' | 'failed' | 'off',
  written?: { at: Date; bytes: number },
) {
  backupsRun.inc({ outcome });
  if (written) {
    backupLastSuccess.set(written.at.getTime() / 1000);
    backupSize.set(written.bytes);
  }
}
