import type { Db } from '../db/client';
import { deleteExpiredSessions } from '../db/repositories/users';

/** A typed, versioned job: the worker refuses a version it does not know instead of guessing. */
export interface JobDefinition {
  kind: string;
  version: number;
  maxAttempts: number;
  run(context: { db: Db; payload: Record<string, unknown> }): Promise<string | undefined>;
}

export const JOB_DEFINITIONS: JobDefinition[] = [
  {
    kind: 'sessions.cleanup',
    version: 1,
    maxAttempts: 3,
    async run({ db }) {
      const removed = await deleteExpiredSessions(db);
      return `${removed} phiên hết hạn đã xóa`;
    },
  },
];

/** Recurring jobs, enqueued once per slot whatever the number of workers (fixed unique keys). */
export const RECURRING_JOBS: Array<{ kind: string; everyMinutes: number }> = [
  { kind: 'sessions.cleanup', everyMinutes: 60 },
];
