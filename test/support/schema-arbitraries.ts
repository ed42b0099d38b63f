import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document: a plausible body for a route
 * (so that generated requests get past the first check and reach deeper code), and hostile mutations
 * of any body. Hand-written because no maintained package turns OpenAPI 3 schemas into fast-check
 * arbitraries; the subset here is what fastify-type-provider-zod emits (object, array, string with
 * format/enum/pattern-free lengths, number, integer, boolean, oneOf/anyOf/allOf, nullable).
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  pattern?: string;
}

const MAX_DEPTH = 6;

/** A value that fits the schema's shape (not always its every constraint: patterns are not followed). */
export function arbitraryFor(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((inner) => arbitraryFor(inner, depth + 1)));
  if (schema.allOf?.length) return arbitraryFor(mergeAll(schema.allOf), depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return objectOf(schema, depth);
    case 'array':
      return fc.array(arbitraryFor(schema.items ?? {}, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -10, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringOf(schema);
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.constant(null));
  }
}

function mergeAll(schemas: JsonSchema[]): JsonSchema {
  const merged: JsonSchema = { properties: {}, required: [] };
  for (const next of schemas) {
    Object.assign(merged, { ...next, properties: merged.properties, required: merged.required });
    Object.assign(merged.properties!, next.properties);
    merged.required!.push(...(next.required ?? []));
  }
  return merged;
}

function objectOf(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, inner] of Object.entries(properties)) record[name] = arbitraryFor(inner, depth + 1);
  return fc.record(record, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) });
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return fc
        .date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2027-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2027-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString());
    case 'email':
      return fc.constantFrom('can.bo@xa.gov.vn', 'a@b.vn');
    case 'uri':
      return fc.constantFrom('https://xa.gov.vn/chuyen-doi-so', 'https://example.vn/a?b=1');
  }
  const maxLength = Math.min(schema.maxLength ?? 40, 40);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  return fc.string({ minLength, maxLength });
}

/** What a hostile value is meant to test, so the property can say what answer it expects. */
export type HostileKind =
  | 'nul'
  | 'lone-surrogate'
  | 'rtl-override'
  | 'huge-string'
  | 'impossible-date'
  | 'wrong-type'
  | 'wrong-id'
  | 'deep-nesting'
  | 'formula';

export interface HostileValue {
  kind: HostileKind;
  value: unknown;
}

/** Nested arrays deeper than any body the product accepts (safe-input bounds nesting). */
function deeplyNested(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

export const hostileValue: fc.Arbitrary<HostileValue> = fc.oneof(
  fc
    .tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }))
    .map(([a, b]) => ({ kind: 'nul' as const, value: `${a}\u0000${b}` })),
  fc
    .constantFrom('\ud800', '\udfff', 'x\ud83dy', '\udc00abc')
    .map((value) => ({ kind: 'lone-surrogate' as const, value })),
  fc
    .constantFrom('hoso\u202Efdp.exe', '\u202Bxã\u202C', '\u2066a\u2069')
    .map((value) => ({ kind: 'rtl-override' as const, value })),
  fc
    .constantFrom(70_000, 300_000, 1_100_000)
    .map((size) => ({ kind: 'huge-string' as const, value: 'ă'.repeat(size) })),
  fc
    .constantFrom(
      '2026-02-30',
      '2026-13-01',
      '0000-01-01',
      '2025-02-29',
      '2026-04-31',
      '9999-99-99',
      '31/02/2026',
    )
    .map((value) => ({ kind: 'impossible-date' as const, value })),
  fc
    .constantFrom<unknown>(12345, -1, 1e308, true, null, {}, [], { $ne: null }, ['a', 'b'], '', ' ')
    .map((value) => ({ kind: 'wrong-type' as const, value })),
  fc
    .oneof(fc.uuid(), fc.constantFrom('1', 'abc', '00000000-0000-0000-0000-000000000000', "1' OR '1'='1"))
    .map((value) => ({ kind: 'wrong-id' as const, value })),
  fc.constantFrom(50, 300).map((levels) => ({ kind: 'deep-nesting' as const, value: deeplyNested(levels) })),
  fc
    .constantFrom('=HYPERLINK("http://x","y")', '+cmd|"/c calc"!A1', '<script>alert(1)</script>', '@SUM(1+1)')
    .map((value) => ({ kind: 'formula' as const, value })),
);

/** Every path to a leaf or a container of a JSON value, the root included. */
export function pathsOf(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  const own = [path];
  if (Array.isArray(value)) return [...own, ...value.flatMap((item, i) => pathsOf(item, [...path, i]))];
  if (value && typeof value === 'object')
    return [...own, ...Object.entries(value).flatMap(([name, child]) => pathsOf(child, [...path, name]))];
  return own;
}

export function replaceAt(value: unknown, path: Array<string | number>, by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = replaceAt(copy[head!], rest, by);
  return copy;
}

/** True when a JSON value holds a NUL or a lone surrogate anywhere, keys included. */
export function holdsForbiddenText(value: unknown): boolean {
  const text = JSON.stringify(value) ?? '';
  // JSON.stringify escapes lone surrogates as \udxxx (well-formed JSON.stringify) and NUL as \u0000.
  return /\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i.test(
    text,
  );
}
