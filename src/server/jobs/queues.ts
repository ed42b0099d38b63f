import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { todayVn } from '../../shared/dates';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { analyzeDatabase } from '../db/maintenance';
import { deleteStaleLoginThrottles } from '../db/repositories/login-throttles';
import { mergeScoreChanges } from '../db/repositories/score-changes';
import { deleteExpiredSessions } from '../db/repositories/users';
import { runImportJob } from '../domain/activity-import/import-jobs';
import { sweepImportJobs } from '../domain/activity-import/sweep-import-jobs';
import { runScheduledBackup } from '../domain/backups/run-scheduled-backup';
import { checkBanner } from '../domain/monitor/check-banner';
import { checkColumn } from '../domain/monitor/check-column';
import { scheduleMonitorChecks } from '../domain/monitor/schedule-checks';
import { deliverEmailNotification } from '../domain/notifications/deliver-email-notification';
import { sendDeadlineReminders } from '../domain/reminders/send-deadline-reminders';
import { sendOverdueReminders } from '../domain/reminders/send-overdue-reminders';
import { sendWeeklyBroadcastReminders } from '../domain/reminders/send-weekly-broadcast-reminders';
import { ensureReportPeriods } from '../domain/reports/ensure-report-periods';
import { createLocalFileStore } from '../storage/local-file-store';

/**
 * Every background queue, declared once. A queue is a name, the shape of its data (zod), its retry and
 * expiry options, an optional cron (Vietnamese time) and a handler that calls one domain function.
 * The engine (engine.ts) creates the queue and its dead-letter queue, registers the worker and the
 * schedule, and types `enqueue()` from this list. To add a queue, add one entry to QUEUES.
 *
 * Handlers must be idempotent: a job runs again when its worker dies mid-job (the job expires and is
 * retried), and a retried failure runs from the start. Write with unique keys (`on conflict do
 * nothing`), check the state before acting (an e-mail already 'sent' is not sent again), and never
 * count on "this is the first attempt".
 */

/** What a handler gets besides its data; `now` is the job's start, for handlers that date what they write. */
export interface JobContext {
  db: Db;
  log: FastifyBaseLogger;
  now: Date;
  config: Config;
  /** No automatic retry follows if this attempt fails (for handlers that clean up when giving up). */
  lastAttempt: boolean;
}

export interface QueueSettings {
  /** Attempts after the first before the job fails for good and goes to the dead-letter queue. */
  retryLimit: number;
  /** Seconds before the first retry; with retryBackoff it roughly doubles each time (pg-boss adds jitter). */
  retryDelay: number;
  retryBackoff: boolean;
  /** A job active longer than this is taken as lost (its worker died) and retried. */
  expireInSeconds: number;
  /**
   * pg-boss queue policy. 'exclusive': one queued-or-active job per singleton key (a second send is
   * dropped); 'stately': one queued and one active; 'singleton': one active, any number queued;
   * 'standard': no limit. Fixed once the queue exists.
   */
  policy: 'standard' | 'stately' | 'exclusive' | 'singleton';
  /**
   * A worker of this queue says it is alive this often (pg-boss sends it at half the interval); a
   * job whose worker went silent this long is failed and retried, instead of waiting for
   * expireInSeconds. Fixed once the queue exists, like the policy.
   */
  heartbeatSeconds?: number;
}

export interface QueueDefinition<N extends string = string, S extends z.ZodType = z.ZodType> {
  /** Dotted lower-case name, `<area>.<verb>`; changing the data shape incompatibly means a new name. */
  name: N;
  /** Shown to administrators (the jobs page): words, not codes. */
  label: { vi: string; en: string };
  data: S;
  settings: QueueSettings;
  /** A cron expression in Asia/Ho_Chi_Minh time, and the same in words; the job gets `{}` as data. */
  cron?: { expression: string; label: { vi: string; en: string } };
  /**
   * Jobs of this queue one worker process runs at once (default 1). Only for work that waits on
   * others (the website checks wait on sites and polite pauses), never for work that fills the CPU.
   */
  localConcurrency?: (config: Config) => number;
  /** Runs one job; the returned text is kept on the completed job (what it did, in Vietnamese). */
  handler(context: JobContext, data: z.output<S>): Promise<string>;
}

export function defineQueue<const N extends string, S extends z.ZodType>(
  definition: QueueDefinition<N, S>,
): QueueDefinition<N, S> {
  return definition;
}

/**
 * A daily or weekly reminder sweep over every unit: one cron, no data, a domain function of
 * `(db, now)`. Idempotent because every reminder it writes carries a dedupe key (period, unit,
 * person, channel, day), so a rerun after a dead worker sends nothing twice.
 */
function reminderSweep<const N extends string>(
  name: N,
  label: { vi: string; en: string },
  cron: { expression: string; label: { vi: string; en: string } },
  sweep: (db: Db, now: Date) => Promise<{ units: number; notifications: number }>,
) {
  return defineQueue({
    name,
    label,
    data: z.object({}),
    settings: {
      retryLimit: 3,
      retryDelay: 120,
      retryBackoff: true,
      expireInSeconds: 1800,
      policy: 'stately',
    },
    cron,
    async handler({ db, now }) {
      const result = await sweep(db, now);
      return `${result.units} đơn vị, ${result.notifications} thông báo`;
    },
  });
}

/**
 * Retries of a nightly maintenance job (statistics, old imports): a few, minutes apart, with half an
 * hour to finish; one at a time (stately), as a second run would only redo the first.
 */
const NIGHTLY_MAINTENANCE = {
  retryLimit: 2,
  retryDelay: 300,
  retryBackoff: true,
  expireInSeconds: 1800,
  policy: 'stately',
} as const;

/** The time zone every cron is read in. */
export const CRON_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const QUEUES = [
  defineQueue({
    name: 'sessions.cleanup',
    label: { vi: 'Xóa phiên đăng nhập hết hạn', en: 'Delete expired sign-in sessions' },
    data: z.object({}),
    settings: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 300, policy: 'stately' },
    cron: { expression: '17 * * * *', label: { vi: 'Mỗi giờ, vào phút 17', en: 'Hourly, at minute 17' } },
    async handler({ db }) {
      const removed = await deleteExpiredSessions(db);
      // Login counts older than a day whose lock is over (see login-throttles.ts).
      await deleteStaleLoginThrottles(db, new Date(Date.now() - 24 * 3600_000));
      return `${removed} phiên hết hạn đã xóa`;
    },
  }),
  defineQueue({
    name: 'scoring.merge-changes',
    label: { vi: 'Gộp dấu thay đổi điểm', en: 'Merge score change notes' },
    data: z.object({}),
    // Idempotent: merging twice leaves one note per unit either way (migration 0015).
    settings: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 300, policy: 'stately' },
    cron: { expression: '*/10 * * * *', label: { vi: 'Mỗi 10 phút', en: 'Every 10 minutes' } },
    async handler({ db }) {
      const merged = await mergeScoreChanges(db);
      return `${merged} đơn vị`;
    },
  }),
  defineQueue({
    name: 'database.analyze',
    label: { vi: 'Cập nhật thống kê cơ sở dữ liệu', en: 'Refresh the database statistics' },
    data: z.object({}),
    // PGlite has no autovacuum: without this its planner keeps the statistics of the day the data
    // was seeded, however many records come after (a province board measured 2.7 s a read instead of
    // 14 ms on the bench's data without statistics). On a PostgreSQL server it is cheap insurance
    // against an autovacuum that lags. Idempotent: analysing again refreshes the same statistics.
    settings: NIGHTLY_MAINTENANCE,
    cron: { expression: '15 3 * * *', label: { vi: 'Hằng ngày, 03:15', en: 'Daily at 03:15' } },
    async handler({ db }) {
      await analyzeDatabase(db);
      return 'Đã cập nhật thống kê';
    },
  }),
  defineQueue({
    name: 'notifications.deliver-email',
    label: { vi: 'Gửi thông báo qua e-mail', en: 'Send notifications by e-mail' },
    data: z.object({ notificationId: z.uuid() }),
    // SMTP servers refuse for a while (greylisting, 4xx): retry for about an hour before giving up.
    settings: {
      retryLimit: 6,
      retryDelay: 60,
      retryBackoff: true,
      expireInSeconds: 120,
      policy: 'exclusive',
    },
    async handler({ db, config, now }, { notificationId }) {
      return deliverEmailNotification({ db, config, now, notificationId });
    },
  }),
  defineQueue({
    name: 'reports.ensure-periods',
    label: { vi: 'Tạo kỳ báo cáo sắp tới', en: 'Create the coming report periods' },
    data: z.object({}),
    // Idempotent: periods are unique per report type and key (insert … on conflict do nothing).
    settings: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 600, policy: 'stately' },
    cron: { expression: '5 0 * * *', label: { vi: 'Hằng ngày, 00:05', en: 'Daily at 00:05' } },
    async handler({ db, now }) {
      const created = await ensureReportPeriods(db, null, todayVn(now));
      return `${created} kỳ báo cáo mới`;
    },
  }),
  reminderSweep(
    'reminders.deadlines',
    { vi: 'Nhắc hạn nộp báo cáo', en: 'Remind of report deadlines' },
    { expression: '0 7 * * *', label: { vi: 'Hằng ngày, 07:00', en: 'Daily at 07:00' } },
    sendDeadlineReminders,
  ),
  reminderSweep(
    'reminders.overdue',
    { vi: 'Báo đơn vị quá hạn nộp báo cáo', en: 'Tell units their report is overdue' },
    { expression: '10 7 * * *', label: { vi: 'Hằng ngày, 07:10', en: 'Daily at 07:10' } },
    sendOverdueReminders,
  ),
  reminderSweep(
    'reminders.weekly-broadcast',
    { vi: 'Nhắc tuần chưa có lượt phát CĐS', en: 'Remind weeks without a DX broadcast' },
    { expression: '0 7 * * 5', label: { vi: 'Thứ Sáu, 07:00', en: 'Fridays at 07:00' } },
    sendWeeklyBroadcastReminders,
  ),
  defineQueue({
    name: 'monitor.schedule',
    label: { vi: 'Lên lịch kiểm tra trang tin', en: 'Schedule website checks' },
    data: z.object({}),
    // Idempotent: a channel with a check queued or running, or checked within its interval, is skipped.
    settings: { retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 600, policy: 'stately' },
    cron: { expression: '0 * * * *', label: { vi: 'Mỗi giờ, vào phút 0', en: 'Hourly, at minute 0' } },
    async handler({ db, now }) {
      const queued = await scheduleMonitorChecks(db, now);
      return `${queued.column} lần kiểm tra chuyên mục, ${queued.banner} lần kiểm tra banner`;
    },
  }),
  ...monitorCheckQueues(),
  defineQueue({
    name: 'backups.scheduled',
    label: { vi: 'Sao lưu dữ liệu định kỳ', en: 'Scheduled backup' },
    data: z.object({}),
    // Idempotent: the day's file is kept when already written and sound. Long expiry: a national
    // database takes a while to dump; retries an hour apart leave the night's load alone.
    settings: {
      retryLimit: 2,
      retryDelay: 3600,
      retryBackoff: false,
      expireInSeconds: 4 * 3600,
      policy: 'stately',
    },
    cron: { expression: '30 2 * * *', label: { vi: 'Hằng ngày, 02:30', en: 'Daily at 02:30' } },
    handler: ({ db, config, now, log }) =>
      runScheduledBackup({
        db,
        kind: config.databaseUrl ? 'postgres' : 'pglite',
        settings: config.backup,
        now,
        log,
      }),
  }),
  defineQueue({
    name: 'activities.import',
    label: { vi: 'Nhập tệp bản ghi lớn (chạy nền)', en: 'Import a large records file (background)' },
    data: z.object({ importJobId: z.uuid() }),
    // Jobs are sent with the user as singleton key: 'singleton' runs one job per key at a time across
    // every worker, so one user's imports run one after another and never two of theirs at once.
    // Idempotent: the import is one transaction that also writes the job's result, and its batch takes
    // the job's id (runImportJob), so a retry after a crash imports once. 100,000 rows take a few
    // minutes on a small server: half an hour before a silent job is taken as lost, and the heartbeat
    // frees a dead worker's job after two minutes instead.
    settings: {
      retryLimit: 2,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: 1800,
      policy: 'singleton',
      heartbeatSeconds: 120,
    },
    // One at a time per worker process: an import fills the CPU (reading, checking every row).
    localConcurrency: () => 1,
    handler: ({ db, config, now, lastAttempt }, { importJobId }) =>
      runImportJob({ db, fileStore: createLocalFileStore(config.dataDir), importJobId, now, lastAttempt }),
  }),
  defineQueue({
    name: 'activities.import-cleanup',
    label: { vi: 'Dọn lượt nhập tệp chạy nền cũ', en: 'Clean up old background imports' },
    data: z.object({}),
    // Idempotent: a second run finds nothing more past the retention. After the nightly backup.
    settings: NIGHTLY_MAINTENANCE,
    cron: { expression: '45 3 * * *', label: { vi: 'Hằng ngày, 03:45', en: 'Daily at 03:45' } },
    async handler({ db, config, now }) {
      const swept = await sweepImportJobs({
        db,
        fileStore: createLocalFileStore(config.dataDir),
        now,
        retentionDays: config.importJobRetentionDays,
      });
      return `${swept.rows} lượt nhập cũ đã xóa, ${swept.files} tệp đã xóa, ${swept.kept} lượt còn có thể chạy được giữ lại`;
    },
  }),
] as const;

/**
 * The monitor's one check queue, for both kinds of check (a DX column, a homepage's banner). Jobs
 * carry the check row's id and kind, with the site's host as singleton key; the 'singleton' policy
 * lets one job per key be active at a time on every machine sharing the database (pg-boss's unique
 * index on queue name and key among active jobs), so a site is read by one worker at a time however
 * many checks of either kind are queued. The kinds share one queue because that index is per queue:
 * with a queue per kind, a column check and a banner check of one host could run side by side on
 * two workers. A FetchFailure ends a check (the site's fault, recorded with its reason; the next
 * check tries again); other errors are retried.
 */
function monitorCheckQueues() {
  return [
    defineQueue({
      name: 'monitor.check',
      label: { vi: 'Kiểm tra trang tin (chuyên mục, banner CĐS)', en: 'Check a website (DX column, banner)' },
      data: z.object({ checkId: z.uuid(), kind: z.enum(['column', 'banner']) }),
      settings: {
        retryLimit: 3,
        retryDelay: 300,
        retryBackoff: true,
        expireInSeconds: 1800,
        policy: 'singleton',
        // A check whose worker died would otherwise hold its host for the 30 minutes of the expiry
        // (the crash test, docs/reliability.md): one minute of silence frees it for a retry.
        heartbeatSeconds: 60,
      },
      // A check mostly waits (1 s between pages of a site): one at a time would take the country
      // most of a day (docs/benchmarks.md, "Issue 11"); the singleton key still keeps one per host.
      localConcurrency: (config) => config.monitorConcurrency,
      handler: ({ db, config }, { checkId, kind }) => {
        const options = { db, fileStore: createLocalFileStore(config.dataDir), checkId };
        return kind === 'column' ? checkColumn(options) : checkBanner(options);
      },
    }),
  ] as const;
}

export type AppQueue = (typeof QUEUES)[number];
