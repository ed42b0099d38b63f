import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { CHANNEL_KINDS } from '../shared/activities';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '../shared/units';
import { CSRF_HEADER } from './plugins/auth';

/**
 * What the OpenAPI document says beyond the zod route schemas: the CSRF header every write needs,
 * rules the domain checks that a JSON Schema of the body cannot see (a website column needs its
 * address), and the values a unit list's `type` column accepts.
 */

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Names and values of a unit list's `type` column (parseUnitKind reads each of them). */
export const UNIT_TYPE_WORDS: readonly string[] = [
  ...UNIT_KINDS,
  'Tỉnh',
  'Thành phố',
  'Xã',
  'Thị trấn',
  'Phường',
  'Đặc khu',
  'Huyện',
  'Quận',
  'Thị xã',
  'Sở',
  'Ban',
  'Ngành',
  'Báo',
  'Đài phát thanh',
  'Cơ quan báo chí',
  'Trung tâm văn hóa',
  'Khác',
];

export const OPENAPI_SECURITY_SCHEMES = {
  session: { type: 'apiKey', in: 'cookie', name: 'loaso_session' },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description:
      'Mã CSRF của phiên, nhận trong câu trả lời của POST /api/auth/login và GET /api/auth/me (csrfToken); bắt buộc với mọi yêu cầu POST, PUT, PATCH, DELETE.',
  },
  radioStation: {
    type: 'http',
    scheme: 'bearer',
    description:
      'Mã truy cập của một trạm phát thanh (ls_radio_…), cấp một lần khi tạo trạm hoặc cấp lại; dùng cho POST /api/radio/as-run thay cho phiên đăng nhập.',
  },
} as const;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A channel body as two cases: a website column, whose address is required, and the other kinds. */
function channelBodyCases(body: JsonObject): JsonObject {
  const properties = isObject(body.properties) ? body.properties : {};
  const required = Array.isArray(body.required) ? (body.required as string[]) : [];
  const kindProperty = isObject(properties.kind) ? properties.kind : {};
  const urlProperty = isObject(properties.url) ? properties.url : {};
  const { anyOf: _nullable, ...url } = urlProperty;
  const withKinds = (kinds: readonly string[]) => ({ ...kindProperty, enum: [...kinds] });
  return {
    oneOf: [
      {
        ...body,
        description: 'Chuyên mục trên trang thông tin điện tử: bắt buộc có url.',
        properties: {
          ...properties,
          kind: withKinds(['website_column']),
          url: Object.keys(url).length > 0 ? url : { type: 'string', format: 'uri' },
        },
        required: [...new Set([...required, 'url'])],
      },
      {
        ...body,
        properties: {
          ...properties,
          kind: withKinds(CHANNEL_KINDS.filter((kind) => kind !== 'website_column')),
        },
      },
    ],
  };
}

const UNIT_LIST_DESCRIPTION = [
  'Gửi nội dung tệp làm thân yêu cầu với Content-Type: application/octet-stream.',
  'JSON: cấu trúc danh mục quốc gia (mảng tỉnh {Code, FullName, Wards: [{Code, FullName}]}); loại đơn vị lấy từ đầu tên (Xã, Phường, Đặc khu…).',
  'CSV/XLSX: các cột code, name, type, parent_code (hoặc mã, tên, loại, mã cấp trên).',
  `Cột type nhận mã loại (${UNIT_KINDS.map((kind) => `${kind} = ${UNIT_KIND_LABELS[kind].vi}`).join('; ')}) hoặc tên loại, có dấu hoặc không dấu: ${UNIT_TYPE_WORDS.filter((word) => !(UNIT_KINDS as readonly string[]).includes(word)).join(', ')}. Để trống thì lấy từ đầu tên đơn vị.`,
  'Ngày hiệu lực (effectiveDate, mặc định hôm nay) cũng là ngày bắt đầu của đơn vị mới: đơn vị chỉ được chấm từ ngày đó.',
].join('\n\n');

/**
 * The zod transform, then: writes that need a session also need the CSRF header; the channel
 * body says when `url` is required; the unit list import lists what its `type` column accepts.
 */
export function transformRouteSchema(
  args: Parameters<typeof jsonSchemaTransform>[0] & { route: RouteOptions },
): { schema: FastifySchema; url: string } {
  const { schema, url } = jsonSchemaTransform(args);
  const out = { ...schema } as FastifySchema & JsonObject;
  const methods = [args.route.method].flat().map((method) => String(method).toUpperCase());
  const routeConfig = args.route.config as { isPublic?: boolean; isMachineRoute?: boolean } | undefined;
  // A machine route (a radio push) carries its station's bearer token instead of a session.
  if (routeConfig?.isMachineRoute) out.security = [{ radioStation: [] }];
  else if (routeConfig?.isPublic !== true && methods.some((method) => STATE_CHANGING.has(method)))
    out.security = [{ session: [], csrf: [] }];
  if (methods.includes('POST') && url === '/api/units/:unitId/channels' && isObject(out.body))
    out.body = channelBodyCases(out.body);
  if (methods.includes('POST') && url === '/api/units/import') out.description = UNIT_LIST_DESCRIPTION;
  return { schema: out, url };
}
