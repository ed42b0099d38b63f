import type { Queryable } from '../../db/client';
import { type CheckRow, insertCheck } from '../../db/repositories/monitor';
import { currentJobEngine } from '../../jobs/engine';

export interface CheckRequest {
  channelId: string;
  unitId: string;
  kind: 'column' | 'banner';
  /** The address the check reads: its host is the job's singleton key. */
  url: string;
}

/**
 * The key that keeps one site to one worker at a time across machines: the one check queue (both
 * kinds) runs with pg-boss's 'singleton' policy (one active job per key, any number queued), so two
 * checks of one host — two columns, or a column and the banner — wait for each other while other
 * hosts go on. "www." and case do not make another host.
 */
export function hostKey(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * Writes check rows ('queued') and their jobs in the caller's transaction, so a job never runs for a
 * row that was rolled back, nor a row waits for a job that was never sent.
 */
export async function queueChecks(
  tx: Queryable,
  requests: readonly CheckRequest[],
  trigger: { trigger: 'schedule' | 'manual'; requestedBy: string | null; now: Date },
): Promise<CheckRow[]> {
  const rows: CheckRow[] = [];
  for (const request of requests) {
    rows.push(
      await insertCheck(tx, {
        channelId: request.channelId,
        unitId: request.unitId,
        kind: request.kind,
        status: 'queued',
        trigger: trigger.trigger,
        requestedBy: trigger.requestedBy,
        queuedAt: trigger.now,
      }),
    );
  }
  const jobs = requests.map((request, i) => ({
    data: { checkId: rows[i]!.id, kind: request.kind },
    singletonKey: hostKey(request.url),
  }));
  if (jobs.length) await currentJobEngine().enqueueMany('monitor.check', jobs, { db: tx });
  return rows;
}
