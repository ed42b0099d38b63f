import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../../src/server/db/client';
import { insertActivities } from '../../src/server/db/repositories/activities';
import { queryRows } from '../../src/server/db/sql';
import { seedDemo } from '../../src/server/demo/seed-demo';
import { storeSnapshot } from '../../src/server/domain/monitor/snapshots/store-snapshot';
import type { FetchedPage } from '../../src/server/monitor/contract';
import { createLocalFileStore } from '../../src/server/storage/local-file-store';
import { createSignedInUser } from './scenarios';

/**
 * A database as a province has it after a while: the demo seed (units and their history, users,
 * channels, records, assessments, reports) plus what the seed lacks — evidence files uploaded
 * through the API, records they are linked to, the monitor's page snapshots (files and chain), and
 * values a logical copy most easily gets wrong (microseconds, jsonb numbers, odd text).
 */

export const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function page(html: string, n: number): FetchedPage {
  const url = `https://xa.example.vn/tin/${n}`;
  return {
    url,
    finalUrl: url,
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    contentType: 'text/html; charset=utf-8',
    body: new TextEncoder().encode(html),
    text: html.replace(/<[^>]+>/g, ''),
    fetchedAt: new Date(`2026-03-05T02:0${n}:00.123Z`),
    remoteAddress: '192.0.2.10',
  };
}

export interface PopulatedData {
  communeId: string;
  officerUsername: string;
  evidenceIds: string[];
  activityId: string;
}

/** Fills a migrated database, through the app serving it on `dataDir`. */
export async function populateDatabase(
  app: FastifyInstance,
  q: Queryable,
  dataDir: string,
): Promise<PopulatedData> {
  await seedDemo(q);
  const [commune] = await queryRows<{ id: string }>(
    q,
    sql`select u.id from units u where u.kind = 'commune' and u.valid_to is null order by u.code limit 1`,
  );
  const communeId = commune!.id;
  const officer = await createSignedInUser(app, q, [{ role: 'unit_officer', unitId: communeId }]);
  const [activityId] = await insertActivities(q, [
    {
      kind: 'post',
      unitId: communeId,
      occurredAt: new Date('2026-03-02T01:00:00.123Z'),
      occurredOn: '2026-03-02',
      title: 'Tên "lạ" \\ có\ndòng mới và 🚀',
      searchText: 'ten la',
      provenance: 'form',
    },
  ]);

  const evidenceIds: string[] = [];
  for (const [name, content] of [
    ['Kế hoạch CĐS 2026.pdf', PDF],
    ['Ảnh tuyên truyền.png', PNG],
  ] as const) {
    const form = new FormData();
    form.append('title', name);
    form.append('file', new Blob([new Uint8Array(content)]), name);
    const response = await officer.session.request({
      method: 'POST',
      url: `/api/units/${communeId}/evidence`,
      payload: form,
    });
    if (response.statusCode !== 200) throw new Error(`upload failed: ${response.body}`);
    const id = response.json<{ id: string }>().id;
    evidenceIds.push(id);
    const link = await officer.session.post(`/api/evidence/${id}/links`, {
      targetType: 'activity',
      targetId: activityId,
    });
    if (link.statusCode !== 200) throw new Error(`link failed: ${link.body}`);
  }

  const store = createLocalFileStore(dataDir);
  for (const n of [1, 2, 3]) {
    const title = `Chuyển đổi số ở thôn ${n}`;
    await storeSnapshot(q, store, page(`<html><body><h1>${title}</h1></body></html>`, n), {
      unitId: communeId,
      channelId: null,
      text: title,
      screenshot: n === 1 ? PNG : null,
    });
  }

  await q.execute(sql`insert into audit_log (at, actor_label, action, entity_type, before, after)
    values ('2025-07-01 12:34:56.123456+07', 'test', 'test.edge', 'edge', 'null'::jsonb, null)`);
  await q.execute(sql`insert into notifications (recipient_id, channel, kind, title, body, delivery_status,
      delivery_result, dedupe_key, created_at)
    select id, 'email', 'edge', 'Đắk', 'b', 'sent', '{"n": 1.50, "big": 12345678901234567890, "s": "Đắk"}'::jsonb,
      'edge:1', '2026-01-01 00:00:00.000001+00' from users order by username limit 1`);
  await fillRemainingTables(q, communeId);
  return { communeId, officerUsername: officer.username, evidenceIds, activityId: activityId! };
}

/**
 * One row or two in the tables the demo leaves empty, so that every table of the schema takes part
 * in the comparison: a restore cannot lose a table by accident.
 */
async function fillRemainingTables(q: Queryable, communeId: string) {
  const [province] = await queryRows<{ id: string }>(
    q,
    sql`select id from units where kind = 'province' and valid_to is null order by code limit 1`,
  );
  const [user] = await queryRows<{ id: string }>(q, sql`select id from users order by username limit 1`);
  const provinceId = province!.id;
  const userId = user!.id;
  const [channel] = await queryRows<{ id: string }>(
    q,
    sql`select id from channels order by (unit_id = ${communeId}) desc, name limit 1`,
  );
  const channelId = channel!.id;
  await q.execute(sql`insert into import_batches (kind, file_name, row_count, unit_id, file_sha256, stored_count)
    values ('activities', 'Bài đăng T3.xlsx', 12, ${communeId}, ${'a'.repeat(64)}, 11)`);
  // A background import (its file stays in the store under its hash; the job row is what is kept).
  await q.execute(sql`insert into activity_import_jobs (id, created_by, kind, unit_id, file_name, file_sha256,
      storage_key, status, result, error, finished_at)
    values (gen_random_uuid(), ${userId}, 'post', ${communeId}, 'Tin bài cả năm.xlsx', ${'b'.repeat(64)},
      ${`bb/bb/${'b'.repeat(64)}`}, 'failed', null,
      '{"code": "VALIDATION_FAILED", "message": "Tệp có 1 dòng lỗi", "details": [{"row": 3, "column": "Tiêu đề", "message": "Thiếu tiêu đề."}]}'::jsonb,
      now())`);
  const [check] = await queryRows<{ id: string }>(
    q,
    sql`insert into monitor_checks (channel_id, unit_id, kind, trigger)
        values (${channelId}, ${communeId}, 'column', 'manual') returning id`,
  );
  await q.execute(sql`insert into monitor_items (channel_id, unit_id, url, url_key, title, is_dx, confidence,
      reasons, state, first_check_id)
    values (${channelId}, ${communeId}, 'https://xa.example.vn/tin/1', 'xa.example.vn/tin/1', 'Tin 1', true,
      0.8125, '{"words": ["số", "chuyển đổi"], "score": 1.0e-7}'::jsonb, 'pending', ${check!.id})`);
  await q.execute(sql`insert into monitor_settings (province_id) values (${provinceId})`);
  await q.execute(sql`insert into monitor_site_overrides (channel_id) values (${channelId})`);
  await q.execute(sql`insert into public_results (province_id) values (${provinceId})`);
  await q.execute(sql`insert into reminder_settings (province_id) values (${provinceId})`);
  await q.execute(sql`insert into radio_stations (code, name, unit_id, channel_id, token_hash, token_prefix, created_by)
    values ('DTT-01', 'Đài truyền thanh xã', ${communeId}, ${channelId}, ${'b'.repeat(64)}, 'ls_abcd', ${userId})`);
}
