import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig, testConfig } from '../src/server/config';
import {
  compileFastSerializer,
  createResponseSerializerCompiler,
  plainSchema,
} from '../src/server/plugins/response-serializer';

const unit = z.object({
  id: z.uuid(),
  kind: z.enum(['province', 'commune']),
  name: z.string(),
  parentId: z.uuid().nullable(),
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable(),
  childCount: z.number().int(),
  share: z.number(),
  open: z.boolean(),
  note: z.string().optional(),
  tags: z.array(z.string()),
  counts: z.record(z.string(), z.number()),
  extra: z.unknown(),
  createdAt: z.date(),
  reviewedAt: z.date().nullable(),
});
const list = z.object({ items: z.array(unit) });

const row = {
  id: '0b4c1f2e-8d7a-4c55-9f10-3a2b1c0d9e8f',
  kind: 'commune' as const,
  name: 'Xã Đăk Rve "mới" \\ <script>alert(1)</script> =1+1',
  parentId: null,
  validFrom: '2025-07-01',
  validTo: null,
  childCount: 3,
  share: 0.125,
  open: true,
  tags: ['chuyển đổi số', ''],
  counts: { 'bài viết': 2, 'phát thanh': 0 },
  extra: { nested: [1, 'hai', null] },
  createdAt: new Date('2026-12-31T16:59:59.123Z'),
  reviewedAt: null,
};

function compile(schema: z.ZodType, checkAgainstZod = false) {
  return createResponseSerializerCompiler({ checkAgainstZod })({ schema, method: 'GET', url: '/t' });
}

describe('response serializer', () => {
  it('writes what zod writes: Vietnamese text, quotes, nulls, optional fields, records, any JSON', () => {
    const fast = compileFastSerializer(list);
    expect(fast).not.toBeNull();
    const body = {
      items: [
        row,
        {
          ...row,
          note: 'ghi chú',
          parentId: row.id,
          validTo: '2026-01-01',
          reviewedAt: new Date('2027-01-01T00:00:00Z'),
        },
      ],
    };
    expect(JSON.parse(fast!(body))).toEqual(JSON.parse(JSON.stringify(body)));
  });

  it('never writes a property its schema leaves out', () => {
    const fast = compileFastSerializer(z.object({ username: z.string() }));
    const written = fast!({ username: 'admin', passwordHash: '$argon2id$secret', token: 'abc' });
    expect(JSON.parse(written)).toEqual({ username: 'admin' });
  });

  it('turns zod’s X | null into a nullable X, and leaves unions and tuples to zod', () => {
    expect(plainSchema({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toEqual({
      type: 'string',
      nullable: true,
    });
    expect(compileFastSerializer(z.union([z.string(), z.number()]))).toBeNull();
    expect(compileFastSerializer(z.object({ at: z.tuple([z.number(), z.number()]) }))).toBeNull();
    expect(compileFastSerializer(z.object({ big: z.bigint() }))).toBeNull();
    expect(
      compileFastSerializer(
        z.discriminatedUnion('k', [z.object({ k: z.literal('a') }), z.object({ k: z.literal('b') })]),
      ),
    ).toBeNull();
  });

  it('still serialises the schemas left to zod, with zod’s check', () => {
    const serialize = compile(z.object({ value: z.union([z.string(), z.number()]) }));
    expect(serialize({ value: 3, dropped: true })).toBe('{"value":3}');
    expect(() => serialize({ value: false })).toThrow();
  });

  it('with CHECK_RESPONSES, refuses an answer off its schema, as zod alone did', () => {
    const checked = compile(unit, true);
    expect(JSON.parse(checked(row))).toEqual(JSON.parse(JSON.stringify(row)));
    expect(() => checked({ ...row, childCount: 1.5 })).toThrow();
    expect(() => checked({ ...row, id: 'not-a-uuid' })).toThrow();
  });

  it('is what the app answers with: a route’s answer keeps only its declared fields', async () => {
    const app = Fastify();
    app.setSerializerCompiler(createResponseSerializerCompiler({ checkAgainstZod: false }));
    app.get('/me', { schema: { response: { 200: z.object({ name: z.string() }) } } }, async () => ({
      name: 'Nguyễn Văn A',
      passwordHash: 'x',
    }));
    const response = await app.inject('/me');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ name: 'Nguyễn Văn A' });
    await app.close();
  });

  it('checks answers in the tests only: off by default, on in the test config', () => {
    expect(loadConfig({}).checkResponses).toBe(false);
    expect(loadConfig({ CHECK_RESPONSES: 'true' }).checkResponses).toBe(true);
    expect(testConfig().checkResponses).toBe(true);
  });
});
