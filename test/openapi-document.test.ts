import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUnitKind } from '../src/server/domain/units/parse-unit-list';
import { UNIT_TYPE_WORDS } from '../src/server/openapi-document';
import { createTestApp, type TestContext } from './support/app';

/** What the OpenAPI document tells a client beyond the body schemas: CSRF, a required url, unit types. */

interface Operation {
  security?: Array<Record<string, string[]>>;
  description?: string;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
}
interface OpenApi {
  security: Array<Record<string, string[]>>;
  components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
  paths: Record<string, Record<string, Operation>>;
}

describe('OpenAPI document', () => {
  let ctx: TestContext;
  let doc: OpenApi;
  beforeAll(async () => {
    ctx = await createTestApp();
    const response = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    doc = response.json<OpenApi>();
  });
  afterAll(() => ctx.close());

  it('declares the x-csrf-token header on every write that needs a session, and on no read', () => {
    expect(doc.components.securitySchemes.csrf).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'x-csrf-token',
    });
    const writes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
    );
    expect(writes.length).toBeGreaterThan(20);
    for (const { route, operation } of writes) {
      if (route === 'POST /api/auth/login') expect(operation.security, route).toBeUndefined();
      // The radio push carries its station's bearer token instead of a session.
      else if (route === 'POST /api/radio/as-run')
        expect(operation.security, route).toEqual([{ radioStation: [] }]);
      else expect(operation.security, route).toEqual([{ session: [], csrf: [] }]);
    }
    expect(doc.paths['/api/units/{unitId}']!.get!.security).toBeUndefined();
    expect(doc.security).toEqual([{ session: [] }]);
  });

  it('requires url in the body of a website column, not of a radio programme', () => {
    const body = doc.paths['/api/units/{unitId}/channels']!.post!.requestBody!.content['application/json']!
      .schema as {
      oneOf: Array<{ required: string[]; properties: { kind: { enum: string[] } } }>;
    };
    const [website, others] = body.oneOf;
    expect(website!.properties.kind.enum).toEqual(['website_column']);
    expect(website!.required).toContain('url');
    expect(others!.properties.kind.enum).toContain('radio_programme');
    expect(others!.required).not.toContain('url');
  });

  it('lists the values the type column of a unit list accepts, each of which the import reads', () => {
    const description = doc.paths['/api/units/import']!.post!.description!;
    expect(description).toContain('Cột type nhận mã loại (province = Tỉnh/Thành phố; commune = Xã;');
    expect(description).toContain('Thị trấn');
    for (const word of UNIT_TYPE_WORDS) expect(parseUnitKind(word), word).not.toBeNull();
  });
});
