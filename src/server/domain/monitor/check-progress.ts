import type { Queryable } from '../../db/client';
import { type CheckRow, getCheckRow, updateCheckRow } from '../../db/repositories/monitor';
import { FetchFailure } from '../../monitor/contract';

/** A check's life on its monitor_checks row: running with progress, then succeeded or failed with the reason. */

/** A check that failed this way is run again by the job's retry; other failures are final. */
export const INTERNAL_ERROR = 'internal_error';

/** Loads the check to run; null when it is already finished (a job delivered twice, a retry after success). */
export async function startCheck(
  q: Queryable,
  checkId: string,
  kind: 'column' | 'banner',
  now: Date,
): Promise<CheckRow | null> {
  const check = await getCheckRow(q, checkId);
  if (!check || check.kind !== kind) return null;
  if (check.status === 'succeeded' || (check.status === 'failed' && check.errorCode !== INTERNAL_ERROR))
    return null;
  const values = {
    status: 'running',
    startedAt: now,
    finishedAt: null,
    pagesFetched: 0,
    itemsFound: 0,
    itemsNew: 0,
    errorCode: null,
    errorMessage: null,
    progress: kind === 'column' ? 'Đang bắt đầu kiểm tra chuyên mục' : 'Đang bắt đầu kiểm tra banner',
  } as const;
  await updateCheckRow(q, checkId, values);
  return { ...check, ...values };
}

export async function reportProgress(q: Queryable, checkId: string, progress: string): Promise<void> {
  await updateCheckRow(q, checkId, { progress });
}

/**
 * Ends a check after an error: a FetchFailure keeps its code and Vietnamese sentence (the site's
 * fault, final until the next check); anything else is ours, recorded as such and retried.
 */
export async function failCheck(q: Queryable, checkId: string, error: unknown, now: Date): Promise<CheckRow> {
  const failure =
    error instanceof FetchFailure
      ? { errorCode: error.code, errorMessage: error.message }
      : {
          errorCode: INTERNAL_ERROR,
          errorMessage: 'Lỗi trong hệ thống khi kiểm tra; hệ thống sẽ tự thử lại.',
        };
  await updateCheckRow(q, checkId, { status: 'failed', finishedAt: now, progress: null, ...failure });
  return (await getCheckRow(q, checkId))!;
}
