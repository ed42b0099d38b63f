import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every Prometheus metric of the process, in one registry of our own (not prom-client's global one,
 * so two apps in one test process never register a name twice). Domain code never imports
 * prom-client: it calls the `count…`/`observe…` functions of ./hooks.ts, one line where the thing
 * happens. Labels take values from fixed sets only (route patterns, queue names, kinds), never from
 * user input, so the number of series stays bounded.
 */
export const registry = new Registry();

/** Seconds, from a cache hit (1 ms) to a national board or an import (10 s and more). */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Seconds, from a session cleanup to a website check or a backup. */
const JOB_BUCKETS = [0.05, 0.25, 1, 5, 15, 60, 300, 900, 1800, 3600];

export const httpRequests = new Counter({
  name: 'loaso_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status class',
  labelNames: ['method', 'route', 'status_class'] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'loaso_http_request_duration_seconds',
  help: 'Time from receiving a request to the end of its answer, by method, route pattern and status class',
  labelNames: ['method', 'route', 'status_class'] as const,
  buckets: HTTP_BUCKETS,
  registers: [registry],
});

export const jobsRun = new Counter({
  name: 'loaso_jobs_total',
  help: 'Background jobs run by this process, by queue and outcome (completed, failed)',
  labelNames: ['queue', 'outcome'] as const,
  registers: [registry],
});

export const jobDuration = new Histogram({
  name: 'loaso_job_duration_seconds',
  help: 'Run time of background jobs in this process, by queue and outcome',
  labelNames: ['queue', 'outcome'] as const,
  buckets: JOB_BUCKETS,
  registers: [registry],
});

/** Filled at scrape time from pg-boss's queue table (./queue-gauges.ts); the same in every process. */
export const queueJobs = new Gauge({
  name: 'loaso_job_queue_jobs',
  help: "Jobs per queue and state (queued, ready, deferred, active, failed) from pg-boss's counts; dead-letter queues end in .dead",
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
});

export const monitorChecks = new Counter({
  name: 'loaso_monitor_checks_total',
  help: 'Website monitor checks finished, by kind (column, banner) and outcome (succeeded, failed, banner_found, banner_missing)',
  labelNames: ['kind', 'outcome'] as const,
  registers: [registry],
});

export const monitorItemsFound = new Counter({
  name: 'loaso_monitor_items_found_total',
  help: 'Items the website monitor read in DX columns, by check kind',
  labelNames: ['kind'] as const,
  registers: [registry],
});

export const monitorItemsNew = new Counter({
  name: 'loaso_monitor_items_new_total',
  help: 'Items the website monitor saw for the first time, by check kind',
  labelNames: ['kind'] as const,
  registers: [registry],
});

export const remindersWritten = new Counter({
  name: 'loaso_reminders_sent_total',
  help: 'Reminders, urges and monitor alerts written for the people of a unit, by kind and channel (in_app, email); e-mails are then delivered by a job',
  labelNames: ['kind', 'channel'] as const,
  registers: [registry],
});

export const emailDeliveries = new Counter({
  name: 'loaso_notification_emails_total',
  help: 'E-mail notifications handled by the delivery job, by outcome (sent, failed, skipped)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const backupsRun = new Counter({
  name: 'loaso_backups_total',
  help: 'Scheduled backup runs, by outcome (written, kept, failed, off)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const backupLastSuccess = new Gauge({
  name: 'loaso_backup_last_success_timestamp_seconds',
  help: 'When the last scheduled backup was written and verified (Unix time), as seen by this process',
  registers: [registry],
});

export const backupSize = new Gauge({
  name: 'loaso_backup_size_bytes',
  help: 'Size of the last scheduled backup written and verified',
  registers: [registry],
});

let processMetricsOn = false;

/**
 * Process metrics (CPU, memory, event-loop lag, garbage collection, open files) under their usual
 * names (`process_…`, `nodejs_…`), so stock dashboards work. Started only when metrics are served:
 * the event-loop monitor costs a little on every process otherwise.
 */
export function enableProcessMetrics() {
  if (processMetricsOn) return;
  processMetricsOn = true;
  collectDefaultMetrics({ register: registry });
}
