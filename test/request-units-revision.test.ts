import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuiltinFrameworks } from '../src/server/domain/frameworks/ensure-builtin-frameworks';
import { computeScoreboard } from '../src/server/domain/scoring/compute-scoreboard';
import { createTestApp, type TestContext } from './support/app';
import { createUnit } from './support/factories';
import { createSignedInUser } from './support/scenarios';
import { addDxChannel } from './support/scoring-records';

/**
 * The units revision read with the session reaches every unit-graph load of the request
 * (src/server/domain/units/request-units-revision.ts), checked over real HTTP rather than inject: a
 * records write's body arrives on the socket's own events, which must not lose the session hook's scope.
 */
describe('the units revision of a request', () => {
  let ctx: TestContext;
  let base: string;
  let cookie: string;
  let csrfToken: string;
  let communeId: string;
  let channelId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    const province = await createUnit(ctx.database.db, { kind: 'province', name: 'Tỉnh Thử' });
    communeId = await createUnit(ctx.database.db, { parentId: province, name: 'Xã Thử' });
    channelId = await addDxChannel(ctx.database.db, communeId, 'website_column', '2026-01-01');
    const officer = await createSignedInUser(ctx.app, ctx.database.db, [
      { role: 'unit_officer', unitId: communeId },
    ]);
    cookie = officer.session.cookie;
    csrfToken = officer.session.csrfToken;
    base = await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => ctx.close());

  /** The statements a call sends, by text (the drivers' client, spied on for the call). */
  async function statementsOf<T>(run: () => Promise<T>): Promise<{ result: T; texts: string[] }> {
    const client = (
      ctx.database.db as unknown as { session: { client: { query: (...args: unknown[]) => unknown } } }
    ).session.client;
    const spy = vi.spyOn(client, 'query');
    try {
      const result = await run();
      if (result instanceof Response) await result.clone().arrayBuffer();
      const texts = spy.mock.calls.map(([query]) =>
        typeof query === 'string' ? query : String((query as { text?: string }).text ?? ''),
      );
      return { result, texts };
    } finally {
      spy.mockRestore();
    }
  }

  const revisionReads = (texts: string[]) =>
    texts.filter((text) => /^\s*select revision from data_revisions/i.test(text));

  it('reads it only with the session on a GET', async () => {
    const { result, texts } = await statementsOf(() => fetch(`${base}/api/home`, { headers: { cookie } }));
    expect(result.status).toBe(200);
    expect(texts.length).toBeGreaterThan(3);
    expect(revisionReads(texts)).toEqual([]);
  });

  it('reads it only with the session on a record written with a JSON body', async () => {
    const { result, texts } = await statementsOf(() =>
      fetch(`${base}/api/activities`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'post',
          unitId: communeId,
          channelId,
          occurredOn: '2026-03-02',
          title: 'Tin chuyển đổi số đọc một lần mốc đơn vị',
          url: 'https://xa-thu.example.vn/tin/mot-lan',
          topics: [],
          language: 'vi',
        }),
      }),
    );
    expect(result.status).toBe(200);
    // The statements around the write's transaction (its own go through the transaction's client,
    // which the spy does not see): the checks before it and the record read back after it.
    expect(texts.length).toBeGreaterThan(5);
    expect(revisionReads(texts)).toEqual([]);
  });

  it('is read once for a whole board computed outside a request (a job, the CLI)', async () => {
    await ensureBuiltinFrameworks(ctx.database);
    const admin = {
      userId: '00000000-0000-0000-0000-000000000000',
      username: 'job',
      grants: [{ id: 'job', role: 'system_admin' as const, unitId: null }],
    };
    const query = { framework: 'kontum-780', period: '2026', lang: 'vi' as const, unitId: communeId };
    // Warm: the framework and the unit graph are loaded once per process, not per board.
    await computeScoreboard(ctx.database.db, admin, query, '2026-06-30');
    const { result, texts } = await statementsOf(() =>
      computeScoreboard(ctx.database.db, admin, query, '2026-06-30'),
    );
    expect(result.rows.map((row) => row.name)).toEqual(['Xã Thử']);
    expect(revisionReads(texts)).toHaveLength(1);
  });
});
