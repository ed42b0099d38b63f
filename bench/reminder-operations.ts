import pino from 'pino';
import { testConfig } from '../src/server/config';
import { sendDeadlineReminders } from '../src/server/domain/reminders/send-deadline-reminders';
import { startJobEngine } from '../src/server/jobs/engine';
import type { OperationResult } from './db-operations';
import { summarize, timeOnce } from './measure';
import type { BenchTarget } from './targets';

/** The sweep's "now": 10:00 in Vietnam on the dataset's last day; the periods are due 7 days later. */
const NOW = new Date('2026-06-30T03:00:00Z');
const DUE_ON = '2026-07-07';
const KIND = 'reminder.due_soon';

/** The same rows the sweep writes (in-app and e-mail per officer), in one INSERT … SELECT. */
const RAW_INSERT_SQL = `insert into notifications
    (recipient_id, kind, title, body, link, unit_id, subject_type, subject_id, channel, delivery_status, dedupe_key, created_at, delivered_at)
  select g.user_id, '${KIND}', 'Sắp đến hạn nộp báo cáo', 'Còn 7 ngày', '/reports/periods/' || p.id, g.unit_id,
         'report_period', p.id, ch.channel, ch.status,
         'raw:' || p.id || ':' || g.unit_id || ':' || g.user_id || ':' || ch.channel, now(),
         case when ch.channel = 'in_app' then now() end
    from report_periods p join report_types t on t.id = p.report_type_id and t.name = 'Bench: báo cáo năm'
    join unit_versions pv on pv.parent_id = t.owner_unit_id and pv.valid_to is null
    join role_grants g on g.unit_id = pv.unit_id and g.role = 'unit_officer'
    cross join (values ('in_app', 'delivered'), ('email', 'pending')) ch(channel, status)`;

/**
 * Reminder fan-out (issue 10, item 9): the deadline sweep (sendDeadlineReminders) for a report period
 * due in 7 days in every province, every commune-level unit expected and missing, one officer with an
 * e-mail address per commune (inserted directly here): 2 notifications per unit (in-app and e-mail),
 * and one pg-boss job per e-mail (queueEmailDeliveries), through a job engine started without workers.
 * Raw: the same number of rows in one INSERT … SELECT. Each run starts from no reminder rows.
 */
export async function benchReminders(target: BenchTarget, runs: number): Promise<OperationResult[]> {
  const { raw } = target;
  const communes = await raw.query<{ n: number }>(
    `insert into users (username, full_name, search_text, email, password_hash)
       select 'bench-officer-' || u.id, 'Cán bộ ' || v.name, 'can bo ' || lower(v.name),
              'officer-' || u.id || '@bench.invalid', 'x'
         from units u join unit_versions v on v.unit_id = u.id and v.valid_to is null
        where u.kind in ('commune', 'ward', 'special_zone') and u.valid_to is null
     on conflict do nothing`,
  );
  void communes;
  await raw.query(
    `insert into role_grants (user_id, role, unit_id)
       select us.id, 'unit_officer', u.id from users us join units u on us.username = 'bench-officer-' || u.id
     on conflict do nothing`,
  );
  await raw.query(
    `insert into report_types (owner_unit_id, kind, name, due_rule, submitter_kinds, remind_days_before)
       select p.id, 'annual', 'Bench: báo cáo năm', '{"kind":"yearly","month":7,"day":7}'::jsonb,
              '{commune,ward,special_zone}', '{7}'
         from units p where p.kind = 'province' and p.valid_to is null`,
  );
  await raw.query(
    `insert into report_periods (report_type_id, period_key, label, period_from, period_to, due_on)
       select t.id, '2026-h1', '6 tháng đầu năm 2026', '2026-01-01', '2026-06-30', '${DUE_ON}'
         from report_types t where t.name = 'Bench: báo cáo năm'`,
  );
  const engine = await startJobEngine({
    database: target.database,
    config: testConfig(),
    log: pino({ level: 'silent' }),
    work: false,
  });
  try {
    const clear = () => raw.query(`delete from notifications where kind = '${KIND}'`);
    const productSamples: number[] = [];
    const rawSamples: number[] = [];
    let written = 0;
    let rawWritten = 0;
    let units = 0;
    for (let i = 0; i < runs; i += 1) {
      await clear();
      productSamples.push(
        await timeOnce(async () => {
          const result = await sendDeadlineReminders(target.database.db, NOW);
          written = result.notifications;
          units = result.units;
        }),
      );
      await clear();
      rawSamples.push(
        await timeOnce(async () => {
          await raw.query(RAW_INSERT_SQL);
        }),
      );
      const [row] = await raw.query<{ n: number }>(
        `select count(*)::int as n from notifications where kind = '${KIND}'`,
      );
      rawWritten = row?.n ?? 0;
    }
    await clear();
    const same = written === rawWritten && written > 0;
    return [
      {
        name: `Deadline reminder sweep to ${units.toLocaleString('en-US')} missing units, an officer each: in-app + e-mail rows, one pg-boss job per e-mail (sendDeadlineReminders; raw: one INSERT … SELECT of the same rows)`,
        product: summarize(productSamples),
        raw: summarize(rawSamples),
        rows: written,
        isSameAsRaw: same,
        ...(same ? {} : { mismatch: `sweep wrote ${written} notifications, raw ${rawWritten}` }),
      },
    ];
  } finally {
    await engine.stop();
  }
}
