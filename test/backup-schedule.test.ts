import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../src/server/cli/backup/restore-backup';
import type { BackupConfig } from '../src/server/config';
import { notifications } from '../src/server/db/schema-notifications';
import { CLI_ACTOR } from '../src/server/domain/actor';
import { BACKUP_FAILED_KIND } from '../src/server/domain/backups/alert-backup-failure';
import { backupFileName, planRetention } from '../src/server/domain/backups/backup-files';
import { runScheduledBackup } from '../src/server/domain/backups/run-scheduled-backup';
import { verifyBackupArchive } from '../src/server/domain/backups/verify-archive';
import { QUEUES } from '../src/server/jobs/queues';
import { registry } from '../src/server/metrics/registry';
import { createTestApp, type TestContext } from './support/app';
import { createTestDatabase } from './support/database';
import { createUnit, createUser } from './support/factories';
import { silentLog } from './support/jobs';

/** Fixed clocks: 20:00 UTC on 15/03/2026 is already Monday 16/03/2026 in Vietnam. Never today. */
const NIGHT = new Date('2026-03-15T20:00:00Z');
const NIGHT_DAY = '2026-03-16';

describe('planRetention (keep N daily, M weekly)', () => {
  const names = (days: string[]) => days.map(backupFileName);
  // Every day from 01/01/2026 to 16/03/2026: the folder after ten weeks of nightly backups.
  const everyDay: string[] = [];
  for (let t = Date.UTC(2026, 0, 1); t <= Date.UTC(2026, 2, 16); t += 86_400_000)
    everyDay.push(new Date(t).toISOString().slice(0, 10));

  it('keeps the newest days, then the newest backup of each earlier ISO week', () => {
    const plan = planRetention([...names(everyDay), 'notes.txt', 'loaso-manual.jsonl.gz'], {
      daily: 7,
      weekly: 4,
    });
    expect(plan.keep).toEqual([
      // 10–16/03 (Tue 10 … Mon 16): the daily ones; weeks 11 and 12 have their newest among them.
      ...['16', '15', '14', '13', '12', '11', '10'].map((d) => ({
        name: backupFileName(`2026-03-${d}`),
        reason: 'daily',
      })),
      // The Sundays ending ISO weeks 10, 9, 8 and 7.
      { name: backupFileName('2026-03-08'), reason: 'weekly' },
      { name: backupFileName('2026-03-01'), reason: 'weekly' },
      { name: backupFileName('2026-02-22'), reason: 'weekly' },
      { name: backupFileName('2026-02-15'), reason: 'weekly' },
    ]);
    expect(plan.remove).toHaveLength(everyDay.length - 11);
    // Files of other shapes are never planned for removal.
    expect(plan.remove).not.toContain('notes.txt');
    expect(plan.remove).not.toContain('loaso-manual.jsonl.gz');
  });

  it('takes a week with gaps by its newest backup, and years by ISO weeks', () => {
    const plan = planRetention(names(['2026-01-02', '2025-12-29', '2025-12-28', '2025-12-24']), {
      daily: 1,
      weekly: 2,
    });
    // 29/12/2025 and 02/01/2026 are both in ISO week 1 of 2026: the 02/01 is the daily, the week is done.
    expect(plan.keep.map((k) => [k.name, k.reason])).toEqual([
      [backupFileName('2026-01-02'), 'daily'],
      [backupFileName('2025-12-28'), 'weekly'],
    ]);
    expect(plan.remove).toEqual(names(['2025-12-29', '2025-12-24']));
    expect(planRetention(names(['2026-03-01']), { daily: 3, weekly: 0 }).remove).toEqual([]);
  });
});

describe('runScheduledBackup', () => {
  let ctx: TestContext;
  let dir: string;
  let settings: BackupConfig;
  beforeAll(async () => {
    ctx = await createTestApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-backups-'));
    settings = { dir, keepDaily: 3, keepWeekly: 1 };
    await createUnit(ctx.database.db, { kind: 'province', name: 'Tỉnh Sao Lưu' });
  });
  afterAll(async () => {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = (now: Date, over: Partial<BackupConfig> = {}) =>
    runScheduledBackup({
      db: ctx.database.db,
      kind: 'pglite',
      settings: { ...settings, ...over },
      now,
      log: silentLog,
    });

  it('does nothing while BACKUP_DIR is unset', async () => {
    expect(await run(NIGHT, { dir: null })).toMatch(/đang tắt/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('writes the day’s backup with its checksum, verified, that restores', async () => {
    const summary = await run(NIGHT);
    expect(summary).toMatch(/^Đã sao lưu và kiểm tra: loaso-2026-03-16\.jsonl\.gz/);
    const file = path.join(dir, backupFileName(NIGHT_DAY));
    const sidecar = fs.readFileSync(`${file}.sha256`, 'utf8');
    expect(sidecar).toMatch(/^[0-9a-f]{64} {2}loaso-2026-03-16\.jsonl\.gz\n$/);
    const checked = await verifyBackupArchive(file);
    expect(sidecar.startsWith(checked.sha256)).toBe(true);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);

    const empty = await createTestDatabase();
    try {
      const restored = await restoreBackup({ database: empty, file, force: true, actor: CLI_ACTOR });
      expect(restored.rowCounts.units).toBeGreaterThanOrEqual(1);
    } finally {
      await empty.close();
    }
    const metrics = await registry.getSingleMetricAsString('loaso_backups_total');
    expect(metrics).toContain('loaso_backups_total{outcome="written"} 1');
  });

  it('keeps a sound backup of the day when run again (a retry), and rewrites a damaged one', async () => {
    const file = path.join(dir, backupFileName(NIGHT_DAY));
    expect(await run(new Date(NIGHT.getTime() + 3600_000))).toMatch(/^Đã có bản sao lưu hôm nay/);
    // A flipped byte: the checksum no longer matches, so the run writes the day's backup again.
    const bytes = fs.readFileSync(file);
    const at = bytes.length - 20;
    bytes[at] = bytes[at]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    await expect(verifyBackupArchive(file)).rejects.toThrow(/SHA-256/);
    expect(await run(NIGHT)).toMatch(/^Đã sao lưu và kiểm tra/);
    await verifyBackupArchive(file);
  });

  it('prunes to the retention, leaving other files alone', async () => {
    for (const day of [
      '2026-02-20',
      '2026-03-01',
      '2026-03-07',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-15',
    ]) {
      fs.writeFileSync(path.join(dir, backupFileName(day)), 'old');
      fs.writeFileSync(path.join(dir, `${backupFileName(day)}.sha256`), 'old');
    }
    fs.writeFileSync(path.join(dir, 'README.txt'), 'do not delete');
    fs.writeFileSync(path.join(dir, `${backupFileName('2026-03-11')}.partial-4242`), 'half');
    expect(await run(NIGHT)).toMatch(/xóa 4 bản cũ$/);
    expect(fs.readdirSync(dir).sort()).toEqual(
      [
        'README.txt',
        // 3 daily: 16, 15, 14/03; 1 weekly: week 11's newest (the 15th) is daily, so week 10's, the 07/03.
        ...['2026-03-07', '2026-03-14', '2026-03-15', '2026-03-16'].flatMap((d) => [
          backupFileName(d),
          `${backupFileName(d)}.sha256`,
        ]),
      ].sort(),
    );
  });

  it('tells the system administrators once a day when it fails, and fails the job', async () => {
    const admin = await createUser(ctx.database.db, [{ role: 'system_admin', unitId: null }]);
    const blocked = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocked, 'a file where the folder should be');
    await expect(run(NIGHT, { dir: blocked })).rejects.toThrow();
    await expect(run(new Date(NIGHT.getTime() + 3600_000), { dir: blocked })).rejects.toThrow();
    const rows = await ctx.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, admin.id), eq(notifications.kind, BACKUP_FAILED_KIND)));
    expect(rows.map((row) => row.channel).sort()).toEqual(['email', 'in_app']);
    expect(rows[0]!.title).toBe('Sao lưu định kỳ ngày 16/03/2026 không thành công');
    expect(rows[0]!.body).toMatch(/not-a-folder/);
    expect(rows[0]!.link).toBe('/admin/jobs');
    const metrics = await registry.getSingleMetricAsString('loaso_backups_total');
    expect(metrics).toContain('loaso_backups_total{outcome="failed"} 2');
  });

  it('runs nightly at 02:30, Vietnam time, from the queue list', () => {
    const queue = QUEUES.find((q) => q.name === 'backups.scheduled')!;
    expect(queue.cron?.expression).toBe('30 2 * * *');
    expect(queue.settings.policy).toBe('stately');
  });
});
