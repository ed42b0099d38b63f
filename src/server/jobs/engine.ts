import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import {
  type ConstructorOptions,
  type DrizzleTransactionLike,
  fromDrizzle,
  fromPglite,
  PgBoss,
} from 'pg-boss';
import type { z } from 'zod';
import type { Config } from '../config';
import type { Database, Queryable } from '../db/client';
import { runJobLogged } from '../logging/job-run';
import { CRON_TIME_ZONE, QUEUES, type QueueDefinition } from './queues';

/**
 * The job engine: pg-boss on the application's database (its own `pgboss` schema, installed and
 * upgraded by pg-boss at start-up, outside the drizzle migrations and outside backups: queued jobs
 * are work in flight, not records). On PostgreSQL pg-boss opens its own small pool on DATABASE_URL;
 * on PGlite it runs on the one embedded instance the app uses. Several processes on one PostgreSQL
 * share the queues: a job is taken by one worker (SKIP LOCKED), a cron occurrence is sent once
 * (pg-boss files it under a per-minute singleton), and a job whose worker died expires and runs again.
 */

export const DEAD_LETTER_SUFFIX = '.dead';
export const deadLetterQueueOf = (name: string) => `${name}${DEAD_LETTER_SUFFIX}`;

type QueueList = readonly QueueDefinition[];
type NameOf<Q extends QueueList> = Q[number]['name'];
type DataOf<Q extends QueueList, N extends NameOf<Q>> = z.input<Extract<Q[number], { name: N }>['data']>;

/** Jobs per insert statement in enqueueMany (the rows travel as one JSON parameter). */
const ENQUEUE_BATCH = 1000;

export interface EnqueueOptions {
  /** At most one queued-or-active job per key on 'exclusive' queues: a second send returns null. */
  singletonKey?: string;
  startAfter?: Date;
  /** The job's id (a UUID), when the caller's own row is keyed by it; pg-boss makes one otherwise. */
  id?: string;
  /** Send inside this transaction, so the job exists exactly when the rows it works on do. */
  db?: Queryable;
}

export interface JobEngine<Q extends QueueList = typeof QUEUES> {
  readonly queues: Q;
  /** Runs handlers and crons in this process (ROLE=worker|all); false on a web-only process. */
  readonly isWorking: boolean;
  /** Queues one job; returns its id, or null when a singleton key dropped it. */
  enqueue<N extends NameOf<Q>>(
    queue: N,
    data: DataOf<Q, N>,
    options?: EnqueueOptions,
  ): Promise<string | null>;
  /**
   * Queues many jobs of one queue in one statement per thousand (pg-boss `insert`): a reminder
   * fan-out to every commune writes thousands of e-mail jobs, and one `send` each costs a round trip.
   * Singleton keys hold as with `enqueue` (a duplicate is skipped); returns how many were queued.
   */
  enqueueMany<N extends NameOf<Q>>(
    queue: N,
    jobs: ReadonlyArray<{ data: DataOf<Q, N>; singletonKey?: string }>,
    options?: Pick<EnqueueOptions, 'db'>,
  ): Promise<number>;
  /** pg-boss itself, for the admin views (counts, failures, retry). */
  readonly boss: PgBoss;
  stop(): Promise<void>;
}

export interface StartJobEngineOptions<Q extends QueueList> {
  database: Database;
  config: Config;
  log: FastifyBaseLogger;
  /** Run workers, crons and pg-boss's supervisor (expiry, retention) here. */
  work: boolean;
  /** The queues; QUEUES unless a test brings its own. */
  queues?: Q;
  /** Timings; the defaults suit production, tests shorten them. */
  timing?: {
    pollingIntervalSeconds?: number;
    superviseIntervalSeconds?: number;
    cronIntervalSeconds?: number;
  };
  /** Handlers' clock (`context.now`). */
  now?: () => Date;
}

function bossOptions(
  database: Database,
  work: boolean,
  config: Config,
  timing: StartJobEngineOptions<QueueList>['timing'],
) {
  const superviseSeconds = timing?.superviseIntervalSeconds ?? config.jobs.superviseSeconds;
  const roles: ConstructorOptions = {
    // A web-only process sends jobs and reads counts: no supervisor, no cron pass of its own.
    supervise: work,
    schedule: work,
    // Expiry of jobs whose worker died runs on the monitor pass, claimed per queue across instances.
    superviseIntervalSeconds: superviseSeconds,
    monitorIntervalSeconds: superviseSeconds,
    cronMonitorIntervalSeconds: timing?.cronIntervalSeconds ?? 30,
    cronWorkerIntervalSeconds: timing?.cronIntervalSeconds ?? 5,
    instanceName: work ? 'loaso-worker' : 'loaso-web',
  };
  if (database.pglite) return { ...roles, db: fromPglite(database.pglite), backend: 'pglite' as const };
  if (!database.databaseUrl) throw new Error('job engine: the database has neither PGlite nor a URL');
  return { ...roles, connectionString: database.databaseUrl, max: 4, application_name: 'loaso-jobs' };
}

let activeEngine: JobEngine | null = null;

/** The engine this process started; domain code that queues work (after a commit or in a transaction) uses it. */
export function currentJobEngine(): JobEngine {
  if (!activeEngine) throw new Error('job engine not started');
  return activeEngine;
}

export async function startJobEngine<Q extends QueueList = typeof QUEUES>(
  options: StartJobEngineOptions<Q>,
): Promise<JobEngine<Q>> {
  const queues = (options.queues ?? QUEUES) as Q;
  const { database, config, log, work } = options;
  const now = options.now ?? (() => new Date());
  const boss = new PgBoss(bossOptions(database, work, config, options.timing));
  boss.on('error', (error) => log.error({ err: error }, 'job engine error'));
  boss.on('warning', (warning) => log.warn({ warning }, 'job engine warning'));
  await boss.start();

  const byName = new Map<string, QueueDefinition>(queues.map((queue) => [queue.name, queue]));
  for (const queue of queues) {
    const dead = deadLetterQueueOf(queue.name);
    // Dead letters wait for an administrator (retry from the jobs page); kept 30 days.
    await ensureQueue(boss, dead, {
      retryLimit: 0,
      deleteAfterSeconds: 30 * 86_400,
      retentionSeconds: 30 * 86_400,
    });
    const { policy, ...settings } = queue.settings;
    // JOB_RETRY_DELAY_MAX_SECONDS cuts the first delay and caps the backoff (pg-boss retryDelayMax,
    // allowed on backoff queues only); unset, the declared delays stand and a cap set before is lifted.
    const cap = config.jobs.retryDelayMaxSeconds;
    await ensureQueue(
      boss,
      queue.name,
      {
        ...settings,
        retryDelay: cap === null ? settings.retryDelay : Math.min(settings.retryDelay, cap),
        policy,
        deadLetter: dead,
        deleteAfterSeconds: 7 * 86_400,
      },
      settings.retryBackoff ? cap : null,
    );
  }

  if (work) {
    for (const queue of queues) {
      await boss.work(
        queue.name,
        {
          pollingIntervalSeconds: options.timing?.pollingIntervalSeconds ?? 2,
          localConcurrency: queue.localConcurrency?.(config) ?? 1,
        },
        async ([job]) => {
          if (!job) return null;
          // Logged as JSON (started, done or failed, with queue, job id, attempt) and counted for /metrics.
          return runJobLogged(
            log,
            { queue: queue.name, id: job.id, retryCount: job.retryCount },
            async () => {
              const data = queue.data.parse(job.data);
              // pg-boss counts retries from 0: the attempt with retryCount = retryLimit is the last.
              const lastAttempt = job.retryCount >= queue.settings.retryLimit;
              const context = { db: database.db, log, now: now(), config, lastAttempt };
              return { summary: await queue.handler(context, data) };
            },
          );
        },
      );
    }
    // Schedules live in the database: add or update ours, drop the ones no longer declared.
    for (const schedule of await boss.getSchedules()) {
      const declared = byName.get(schedule.name);
      if (!declared?.cron) await boss.unschedule(schedule.name, schedule.key);
    }
    for (const queue of queues) {
      if (queue.cron) await boss.schedule(queue.name, queue.cron.expression, {}, { tz: CRON_TIME_ZONE });
    }
  }

  const engine: JobEngine<Q> = {
    queues,
    isWorking: work,
    boss,
    async enqueue(name, data, enqueueOptions = {}) {
      const queue = byName.get(name);
      if (!queue) throw new Error(`unknown queue ${name}`);
      const parsed = queue.data.parse(data) as object;
      return boss.send(name, parsed, {
        ...(enqueueOptions.singletonKey ? { singletonKey: enqueueOptions.singletonKey } : {}),
        ...(enqueueOptions.startAfter ? { startAfter: enqueueOptions.startAfter } : {}),
        ...(enqueueOptions.id ? { id: enqueueOptions.id } : {}),
        ...(enqueueOptions.db ? { db: inTransaction(enqueueOptions.db) } : {}),
      });
    },
    async enqueueMany(name, jobs, enqueueOptions = {}) {
      const queue = byName.get(name);
      if (!queue) throw new Error(`unknown queue ${name}`);
      const rows = jobs.map((job) => ({
        data: queue.data.parse(job.data) as object,
        ...(job.singletonKey ? { singletonKey: job.singletonKey } : {}),
      }));
      let queued = 0;
      for (let start = 0; start < rows.length; start += ENQUEUE_BATCH) {
        const ids = await boss.insert(name, rows.slice(start, start + ENQUEUE_BATCH), {
          returnId: true,
          ...(enqueueOptions.db ? { db: inTransaction(enqueueOptions.db) } : {}),
        });
        queued += ids?.length ?? 0;
      }
      return queued;
    },
    async stop() {
      if (activeEngine === (engine as unknown as JobEngine)) activeEngine = null;
      await boss.stop({ graceful: true, timeout: 10_000, close: true });
    },
  };
  activeEngine = engine as unknown as JobEngine;
  log.info({ work, queues: queues.map((queue) => queue.name) }, 'job engine started');
  return engine;
}

/**
 * pg-boss statements run through our drizzle connection or transaction. Needed on PGlite inside a
 * transaction (one connection: a statement from outside would wait for the transaction forever) and
 * wanted everywhere, so a job commits with the rows it works on. drizzle's execute() answers with
 * the driver's result, which is what the adapter reads; only the declared type differs.
 */
export function inTransaction(q: Queryable) {
  return fromDrizzle(q as unknown as DrizzleTransactionLike, sql);
}

async function ensureQueue(
  boss: PgBoss,
  name: string,
  options: Parameters<PgBoss['createQueue']>[1] & { policy?: string },
  retryDelayMax: number | null = null,
) {
  if (await boss.getQueue(name)) {
    // The policy, the heartbeat and the partition are fixed when a queue is created; the rest follows
    // the declaration (a null retryDelayMax clears a cap stored before).
    const { policy: _policy, heartbeatSeconds: _heartbeat, ...changeable } = options;
    await boss.updateQueue(name, { ...changeable, retryDelayMax });
  } else {
    await boss.createQueue(name, retryDelayMax === null ? options : { ...options, retryDelayMax });
  }
}
