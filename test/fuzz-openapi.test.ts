import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/server/db/sql';
import type { AccessEnv } from './support/access-types';
import { createTestApp, type Session, type TestContext } from './support/app';
import { createRouteSweep, mergedFixtures } from './support/route-sweep';
import {
  arbitraryFor,
  type HostileValue,
  holdsForbiddenText,
  hostileValue,
  type JsonSchema,
  pathsOf,
  replaceAt,
} from './support/schema-arbitraries';

/**
 * Property tests generated from the OpenAPI document (issue 12 item 5): for every write operation
 * with a JSON body, requests built from its own schema (or from the valid body the access fixtures
 * give) with one part replaced by a hostile value: wrong types, huge strings, NUL, lone surrogates,
 * right-to-left overrides, impossible dates, wrong ids, deep nesting, spreadsheet formulas; and for
 * every write, wrong ids in the path. The properties:
 *  - the answer is never a 5xx;
 *  - a body holding a NUL or a lone surrogate is never accepted;
 *  - a refused request stores nothing: the checksum of every table is the same after it as before.
 * FUZZ_RUNS sets the number of requests per operation (default 6 in `npm test`, more by hand).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);

const fixtureBodies = mergedFixtures('bodies');

/** Writes that end the fuzzer's own session or change its password: the sweep would lock itself out. */
const SELF_ENDING = /^\/api\/auth\/(logout|password|sessions)/;
/** Tables a refused request may still touch: its session's last use, the login limiter's count of tries. */
const VOLATILE_TABLES = new Set(['sessions', 'login_throttles', '__drizzle_migrations']);

/** Batches whose items stand alone: a bad item is that item's error in a 200 answer, not a refusal. */
const PER_ITEM_ERRORS = new Set(['/api/radio/as-run']);

interface Operation {
  method: string;
  /** OpenAPI path with {name} parameters. */
  path: string;
  bodySchema: JsonSchema | null;
}

interface OpenApi {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
  >;
}

describe('generated hostile requests to every write route of the OpenAPI document', () => {
  let ctx: TestContext;
  let admin: Session;
  let env: AccessEnv;
  let operations: Operation[];
  /** A station's bearer token: the radio push authenticates stations, not sessions. */
  let stationToken = '';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    const sweep = await createRouteSweep(ctx, 'Phép Thử');
    ({ admin, env } = sweep);
    Object.assign(ids, sweep.ids);
    const radio = await admin.post(`/api/units/${ids.unitId}/channels`, {
      kind: 'radio_programme',
      platform: 'radio',
      name: 'Chuyên mục phép thử',
    });
    const station = await admin.post(`/api/units/${ids.unitId}/radio-stations`, {
      code: 'fuzz-01',
      name: 'Trạm phép thử',
      channelId: radio.json<{ id: string }>().id,
    });
    stationToken = station.json<{ token: string }>().token;
    expect(stationToken).toMatch(/^ls_radio_/);

    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApi>();
    operations = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod)
        .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
        .filter(() => !SELF_ENDING.test(path))
        .map(([method, operation]) => ({
          method: method.toUpperCase(),
          path,
          bodySchema: operation.requestBody?.content['application/json']?.schema ?? null,
        })),
    );
  });
  afterAll(() => ctx.close());

  /** One md5 per table over its rows in a stable order: equal sums, equal contents. */
  async function tableChecksums(): Promise<Map<string, string>> {
    const tables = await queryRows<{ name: string }>(
      ctx.database.db,
      sql`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
    );
    const parts = tables
      .map((t) => t.name)
      .filter((name) => !VOLATILE_TABLES.has(name))
      .map(
        (name) =>
          `select '${name}' as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from "${name}" t`,
      );
    const rows = await queryRows<{ name: string; sum: string }>(
      ctx.database.db,
      sql.raw(parts.join(' union all ')),
    );
    return new Map(rows.map((row) => [row.name, row.sum]));
  }

  function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
    return [...after].filter(([name, sum]) => before.get(name) !== sum).map(([name]) => name);
  }

  const urlOf = (operation: Operation, idOverride?: string) =>
    operation.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
      encodeURIComponent(idOverride ?? ids[name] ?? '00000000-0000-4000-8000-000000000000'),
    );
  const routeKey = (operation: Operation) =>
    `${operation.method} ${operation.path.replace(/\{(\w+)\}/g, ':$1')}`;

  it(
    'never answers 5xx, refuses NUL and lone surrogates, and stores nothing when it refuses',
    async () => {
      expect(operations.length).toBeGreaterThan(40);
      const failures: string[] = [];
      let baseline = await tableChecksums();
      let sent = 0;
      let refused = 0;

      async function send(operation: Operation, url: string, payload: unknown, label: string) {
        sent++;
        const headers: Record<string, string> =
          payload === undefined ? {} : { 'content-type': 'application/json' };
        const options = {
          method: operation.method as 'POST',
          url,
          ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
        };
        const response = operation.path.startsWith('/api/radio/as-run')
          ? await ctx.app.inject({
              ...options,
              headers: { ...headers, authorization: `Bearer ${stationToken}` },
            })
          : await admin.request({ ...options, headers });
        const where = `${operation.method} ${url} ${label}`;
        if (response.statusCode >= 500)
          failures.push(`${where}: ${response.statusCode} ${response.body.slice(0, 160)}`);
        if (payload !== undefined && holdsForbiddenText(payload) && response.statusCode < 400) {
          // A batch of independent items (the radio push) answers 200 and names the bad item instead.
          const itemErrors = response.json<{ errors?: unknown[] }>().errors ?? [];
          if (!PER_ITEM_ERRORS.has(operation.path) || itemErrors.length === 0)
            failures.push(`${where}: NUL/lone surrogate accepted with ${response.statusCode}`);
        }
        const after = await tableChecksums();
        if (response.statusCode >= 400) {
          refused++;
          const changed = changedTables(baseline, after);
          if (changed.length)
            failures.push(`${where}: refused ${response.statusCode} but changed ${changed.join(', ')}`);
        }
        baseline = after;
      }

      for (const operation of operations) {
        const fixtureBody = fixtureBodies[routeKey(operation)];
        const seeds: fc.Arbitrary<unknown>[] = [];
        if (operation.bodySchema) seeds.push(arbitraryFor(operation.bodySchema));
        if (fixtureBody) seeds.push(fc.constant(fixtureBody(env, ids)));
        if (seeds.length) {
          const mutated = fc
            .tuple(fc.oneof(...seeds), hostileValue, fc.nat())
            .map(([body, hostile, pick]): [unknown, HostileValue, string] => {
              const paths = pathsOf(body);
              const path = paths[pick % paths.length]!;
              return [replaceAt(body, path, hostile.value), hostile, path.join('.') || '(body)'];
            });
          await fc.assert(
            fc.asyncProperty(mutated, async ([payload, hostile, at]) => {
              await send(operation, urlOf(operation), payload, `${at}=${hostile.kind}`);
            }),
            { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261206) },
          );
        }
        if (operation.path.includes('{')) {
          // A wrong id in the path: a refusal (404, or 400 for a malformed one), never a write.
          for (const wrongId of ['00000000-0000-4000-8000-000000000000', 'not-an-id', 'x'.repeat(5000)])
            await send(
              operation,
              urlOf(operation, wrongId),
              fixtureBody?.(env, ids) ?? undefined,
              `path id ${wrongId.slice(0, 12)}`,
            );
        }
      }
      // One line for docs/reliability.md: how much was tried.
      console.info(
        `fuzz-openapi: ${operations.length} write operations, ${sent} requests, ${refused} refused`,
      );
      expect(sent).toBeGreaterThan(operations.length * 2);
      expect(refused).toBeGreaterThan(sent / 2);
      expect(failures).toEqual([]);
      // Every request is followed by a checksum of every table: slow by design, bounded by RUNS.
    },
    120_000 + RUNS * 60_000,
  );
});
