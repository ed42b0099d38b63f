import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { AppError, forbidden, notFound } from '../../errors';
import { DEAD_LETTER_SUFFIX, deadLetterQueueOf, inTransaction, type JobEngine } from '../../jobs/engine';
import { deleteDeadLetterCopies, getJobState } from '../../jobs/job-store';
import type { QueueDefinition } from '../../jobs/queues';
import { isGlobal, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';

/**
 * Runs a given-up job again, in the same transaction as its audit entry. A dead letter is moved back
 * to its queue (pg-boss's redrive); a job failed in its own queue is set to retry there and its
 * dead-letter copy removed, so the work is queued once whichever of the two the administrator picked.
 */
export async function retryJob(options: {
  db: Db;
  jobs: JobEngine;
  principal: Principal;
  actor: Actor;
  queue: string;
  id: string;
}): Promise<{ queue: string; id: string | null }> {
  const { db, jobs, principal, actor, queue, id } = options;
  if (!isGlobal(principal, 'jobs.retry')) throw forbidden('Chỉ quản trị hệ thống chạy lại được tác vụ nền.');
  const isDead = queue.endsWith(DEAD_LETTER_SUFFIX);
  const sourceName = isDead ? queue.slice(0, -DEAD_LETTER_SUFFIX.length) : queue;
  const definition = (jobs.queues as readonly QueueDefinition[]).find((q) => q.name === sourceName);
  if (!definition) throw notFound('Không có hàng đợi này.');

  return db.transaction(async (tx) => {
    const bossDb = inTransaction(tx);
    const state = await getJobState(bossDb, queue, id);
    if (!state) throw notFound('Không tìm thấy tác vụ.');
    if (isDead) {
      if (state !== 'created' && state !== 'retry') throw notFound('Không tìm thấy tác vụ.');
      const moved = await jobs.boss.redrive(queue, {
        ids: [id],
        limit: 1,
        destination: sourceName,
        db: bossDb,
      });
      if (moved !== 1)
        throw new AppError(
          'CONFLICT',
          'Không chuyển được tác vụ về hàng đợi: việc này đang chờ chạy ở đó, hoặc trang đã cũ (hãy tải lại).',
        );
    } else {
      if (state !== 'failed') throw new AppError('CONFLICT', 'Chỉ chạy lại được tác vụ đã thất bại hẳn.');
      await deleteDeadLetterCopies(bossDb, deadLetterQueueOf(queue), id);
      await jobs.boss.retry(queue, id, { db: bossDb });
    }
    await insertAuditEntries(tx, actor, [
      {
        action: 'job.retry',
        entityType: 'job',
        entityId: id,
        summary: `Chạy lại tác vụ nền: ${definition.label.vi}`,
        before: { queue, state },
        after: { queue: sourceName },
      },
    ]);
    return { queue: sourceName, id: isDead ? null : id };
  });
}
