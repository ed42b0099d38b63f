import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Response bodies. fastify-type-provider-zod's serializer checks every answer against its zod schema
 * (`safeEncode`, a copy of the whole body) and then calls JSON.stringify: for the units tree's 113
 * children that was about 13 % of a signed-in request's CPU (the HTTP bench's profile, 7 December).
 * Here a route's zod response schema is turned once into JSON Schema and compiled by
 * fast-json-stringify (Fastify's own serializer): it writes only the declared properties, so a field
 * a schema leaves out (a password hash, a token) still never leaves the server.
 *
 * Schemas with unions, tuples, recursion or intersections zod cannot merge into one object are left
 * to the zod serializer: fast-json-stringify would have to try each branch with a validator, slower
 * and easier to get subtly different.
 *
 * With `checkAgainstZod` (CHECK_RESPONSES; on in the tests) every answer is also checked and
 * serialised by the zod serializer, and a difference in the decoded JSON fails the request with 500:
 * the whole test suite then proves both serialisers agree on every route it calls.
 */

type JsonSchema = { [key: string]: unknown };
type Serialize = (data: unknown) => string;
type RouteSchema = { schema: unknown; method: string; url: string; httpStatus?: string };

const KNOWN_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);
/** Keywords fast-json-stringify needs or safely ignores; any other keyword sends the schema to zod. */
const PLAIN_KEYWORDS = new Set([
  '$schema',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'enum',
  'const',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'description',
  'title',
  'default',
  'examples',
]);
/**
 * Kept out of the compiled schema: fast-json-stringify would write a `default` in place of a missing
 * property and a `const` whatever the value is, where zod would refuse the answer; the others only
 * describe.
 */
const DROPPED_KEYWORDS = new Set([
  '$schema',
  'propertyNames',
  'description',
  'title',
  'default',
  'examples',
  'const',
]);

function isNullSchema(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && (schema as JsonSchema).type === 'null';
}

/**
 * The schema in the subset fast-json-stringify writes exactly as JSON.stringify would, or null.
 * `X | null` (zod's `anyOf: [X, {type: 'null'}]`) becomes X with `nullable`.
 */
export function plainSchema(schema: unknown): JsonSchema | null {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return null;
  const source = schema as JsonSchema;
  if (Object.keys(source).length === 0) return {}; // z.unknown(): any JSON value, as JSON.stringify writes it
  const anyOf = source.anyOf;
  if (Array.isArray(anyOf)) {
    const others = anyOf.filter((branch) => !isNullSchema(branch));
    if (anyOf.length !== 2 || others.length !== 1 || Object.keys(source).length !== 1) return null;
    const inner = plainSchema(others[0]);
    if (!inner || typeof inner.type !== 'string' || inner.type === 'null') return null;
    return { ...inner, nullable: true };
  }
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if (!PLAIN_KEYWORDS.has(key)) return null;
    if (key === 'properties') {
      const properties: JsonSchema = {};
      for (const [name, property] of Object.entries(value as JsonSchema)) {
        const plain = plainSchema(property);
        if (!plain) return null;
        properties[name] = plain;
      }
      result.properties = properties;
    } else if (key === 'items' || (key === 'additionalProperties' && typeof value === 'object')) {
      const plain = plainSchema(value);
      if (!plain) return null;
      result[key] = plain;
    } else if (key === 'type') {
      // draft-7 writes a nullable scalar as type: ['string', 'null'], which fast-json-stringify reads too.
      // Any other list of types is a union: zod's.
      const types = Array.isArray(value) ? value : [value];
      const nonNull = types.filter((type) => type !== 'null');
      if (nonNull.length !== 1 || types.length > 2) return null;
      if (!types.every((type) => typeof type === 'string' && KNOWN_TYPES.has(type))) return null;
      result.type = value;
    } else if (!DROPPED_KEYWORDS.has(key)) result[key] = value;
  }
  return result;
}

/** zod types JSON Schema cannot describe; a Date is handled apart (see jsonSchemaOf). */
const UNREPRESENTABLE = new Set([
  'bigint',
  'symbol',
  'undefined',
  'void',
  'map',
  'set',
  'transform',
  'nan',
  'custom',
  'function',
  'promise',
]);

/**
 * The zod schema's output as JSON Schema. A z.date() is written by JSON.stringify as its
 * toISOString(), which is what fast-json-stringify writes for a Date under `format: 'date-time'`;
 * any other type JSON Schema cannot describe gets a keyword outside the plain subset, so that its
 * route stays with zod.
 */
function jsonSchemaOf(schema: z.ZodType): JsonSchema | null {
  try {
    return z.toJSONSchema(schema, {
      io: 'output',
      target: 'draft-7',
      unrepresentable: 'any',
      override: ({ zodSchema, jsonSchema }) => {
        const type = zodSchema._zod.def.type;
        const target = jsonSchema as JsonSchema;
        if (type === 'date') Object.assign(target, { type: 'string', format: 'date-time' });
        else if (UNREPRESENTABLE.has(type)) target['x-unrepresentable'] = type;
      },
    }) as JsonSchema;
  } catch {
    return null;
  }
}

/** A fast-json-stringify function for the zod schema, or null when it is left to zod. */
export function compileFastSerializer(schema: unknown): Serialize | null {
  if (!(schema instanceof z.ZodType)) return null;
  const json = jsonSchemaOf(schema);
  const plain = json && plainSchema(json);
  return plain ? (fastJson(plain) as Serialize) : null;
}

export function createResponseSerializerCompiler(options: { checkAgainstZod: boolean }) {
  // Fastify asks for a serializer of every route and status when the app starts: about 500 of them,
  // most never used by a given process (a worker, a test's app). Each is built on its route's first
  // answer instead, which took a third of an app's start (7 December: 0.4 of 1.2 s of CPU).
  return (route: RouteSchema): Serialize => {
    let serialize: Serialize | null = null;
    return (data) => {
      serialize ??= serializerFor(route, options);
      return serialize(data);
    };
  };
}

function serializerFor(route: RouteSchema, options: { checkAgainstZod: boolean }): Serialize {
  const zodSerialize = zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
  const fast = compileFastSerializer(route.schema);
  if (!fast) return zodSerialize;
  if (!options.checkAgainstZod) return fast;
  return (data) => {
    const checked = zodSerialize(data); // throws ResponseSerializationError on a body off its schema
    const written = fast(data);
    // Both write properties in the schema's order, so the texts are almost always equal; decoded
    // JSON is compared only when they are not (an escape or a number written another way).
    if (written !== checked && !isDeepStrictEqual(JSON.parse(written), JSON.parse(checked)))
      throw new Error(
        `${route.method} ${route.url} (${route.httpStatus ?? '200'}): fast-json-stringify wrote ${written.slice(0, 300)} where zod wrote ${checked.slice(0, 300)}`,
      );
    return written;
  };
}
