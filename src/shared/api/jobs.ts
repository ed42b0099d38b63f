import { z } from 'zod';

const label = z.object({ vi: z.string(), en: z.string() });

export const jobQueueSchema = z.object({
  name: z.string(),
  label,
  /** When it runs by itself (cron in Asia/Ho_Chi_Minh time, and in words), or null for queues fed by the app. */
  cron: z.object({ expression: z.string(), label }).nullable(),
  /** Attempts before a job is given up (first run plus retries). */
  maxAttempts: z.number().int(),
  counts: z.object({
    queued: z.number().int(),
    active: z.number().int(),
    completed: z.number().int(),
    /** Failed attempts waiting for their retry. */
    retrying: z.number().int(),
    failed: z.number().int(),
    deadLetters: z.number().int(),
  }),
});

export const jobFailureSchema = z.object({
  id: z.uuid(),
  /** The queue to name in the retry URL (a dead letter lives in `<queue>.dead`). */
  queue: z.string(),
  /** The queue the work belongs to. */
  sourceQueue: z.string(),
  label,
  state: z.enum(['retry', 'failed', 'dead_letter']),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  error: z.string().nullable(),
  at: z.date(),
  /** What the job was about, e.g. { notificationId }. */
  data: z.record(z.string(), z.unknown()),
  canRetry: z.boolean(),
});

export const jobOverviewSchema = z.object({
  queues: z.array(jobQueueSchema),
  /** Recent failed attempts (newest first): waiting for a retry, or failed for good. */
  failures: z.array(jobFailureSchema),
  deadLetters: z.array(jobFailureSchema),
  canRetry: z.boolean(),
});
export type JobOverviewDto = z.infer<typeof jobOverviewSchema>;
export type JobFailureDto = z.infer<typeof jobFailureSchema>;

export const jobRetryParams = z.object({
  queue: z
    .string()
    .max(200)
    .regex(/^[\w.\-/]+$/, 'Tên hàng đợi không hợp lệ.'),
  jobId: z.uuid({ error: 'Mã định danh không hợp lệ.' }),
});

export const jobRetryResult = z.object({ queue: z.string(), id: z.uuid().nullable() });
