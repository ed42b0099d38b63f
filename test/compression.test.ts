import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import type { ScoreboardDto } from '../src/shared/api/scoring';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';

/**
 * API answers are compressed (issue 9, item 12): a province's scoreboard is sent as brotli or gzip,
 * as the browser accepts, and decompresses to the same JSON; small answers, downloads that are
 * already compressed (XLSX) and uploads are left as they are.
 */
describe('compressed API answers', () => {
  let ctx: TestContext;
  let office: Session;
  let board: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    await ensureBuiltinFrameworks(ctx.database);
    const db = ctx.database.db;
    const province = await createUnit(db, { kind: 'province', code: '73', name: 'Tỉnh Nén Thử' });
    for (let i = 1; i <= 30; i++)
      await createUnit(db, {
        kind: 'commune',
        code: `73${String(i).padStart(3, '0')}`,
        name: `Xã Nén Số ${i}`,
        parentId: province,
        validFrom: '2020-01-01',
      });
    office = (await createSignedInUser(ctx.app, db, [{ role: 'dx_office', unitId: province }])).session;
    board = `/api/scoreboard?framework=kontum-780&period=2024&unitId=${province}`;
  });
  afterAll(() => ctx.close());

  const fetchBoard = (acceptEncoding?: string) =>
    office.request({
      method: 'GET',
      url: board,
      headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
    });

  it('sends a large scoreboard as brotli or gzip, which decompresses to the same JSON', async () => {
    const plain = await fetchBoard();
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const expected = plain.json<ScoreboardDto>();
    expect(expected.rows).toHaveLength(30);
    expect(plain.rawPayload.length).toBeGreaterThan(10 * 1024);

    const br = await fetchBoard('gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(expected);

    const gzip = await fetchBoard('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(expected);
  });

  it('leaves small answers, already-compressed downloads and identity requests alone', async () => {
    const health = await office.request({
      method: 'GET',
      url: '/api/health',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();

    const template = await office.request({
      method: 'GET',
      url: '/api/activity-files/template.xlsx?kind=post',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(template.statusCode, template.body).toBe(200);
    expect(template.headers['content-encoding']).toBeUndefined();
    // The bytes are the XLSX itself (a zip): "PK".
    expect(template.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');

    const identity = await fetchBoard('identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
  });

  it('does not inflate a compressed upload: the body stays the bytes sent', async () => {
    const response = await office.request({
      method: 'POST',
      url: '/api/activity-files/import?kind=post&fileName=tin.csv',
      headers: { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' },
      payload: zlib.gzipSync(Buffer.from('Tiêu đề\r\nTin một\r\n')),
    });
    // Read as the gzip bytes they are: not a table, refused without being inflated.
    expect(response.statusCode).toBe(400);
  });
});
