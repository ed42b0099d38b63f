import { z } from 'zod';
import { ACTIONS } from '../roles';
import { UNIT_EVENT_KINDS, UNIT_EVENT_ROLES, UNIT_KINDS } from '../units';
import { isoDay } from './common';

export const unitSchema = z.object({
  id: z.uuid(),
  kind: z.enum(UNIT_KINDS),
  code: z.string().nullable(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  validFrom: isoDay,
  validTo: isoDay.nullable(),
  websiteUrl: z.string().nullable(),
  childCount: z.number().int(),
});
export type UnitDto = z.infer<typeof unitSchema>;

export const unitDetailSchema = unitSchema.extend({
  asOf: isoDay,
  existedOnDate: z.boolean(),
  actions: z.array(z.enum(ACTIONS)),
});
export type UnitDetailDto = z.infer<typeof unitDetailSchema>;

export const subtreeRowSchema = unitSchema.extend({ depth: z.number().int() });
export type SubtreeRowDto = z.infer<typeof subtreeRowSchema>;

export const unitSearchQuery = z.object({
  q: z.string().max(200).optional(),
  kind: z
    .union([z.enum(UNIT_KINDS), z.array(z.enum(UNIT_KINDS))])
    .optional()
    .transform((value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value])),
  date: isoDay.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const asOfQuery = z.object({ date: isoDay.optional() });

const lineageSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  validFrom: isoDay,
  validTo: isoDay.nullable(),
  distance: z.number().int(),
  viaEventDate: isoDay,
});
export type LineageDto = z.infer<typeof lineageSchema>;

export const unitHistorySchema = z.object({
  versions: z.array(
    z.object({
      name: z.string(),
      parentId: z.uuid().nullable(),
      parentName: z.string().nullable(),
      validFrom: isoDay,
      validTo: isoDay.nullable(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(UNIT_EVENT_KINDS),
      effectiveDate: isoDay,
      legalBasis: z.string().nullable(),
      note: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
      units: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          code: z.string().nullable(),
          kind: z.enum(UNIT_KINDS),
          role: z.enum(UNIT_EVENT_ROLES),
        }),
      ),
    }),
  ),
  successors: z.array(lineageSchema),
  predecessors: z.array(lineageSchema),
});
export type UnitHistoryDto = z.infer<typeof unitHistorySchema>;

export const unitUpdateBody = z.object({
  websiteUrl: z
    .url({ error: 'Địa chỉ trang web không hợp lệ (cần http:// hoặc https://).', protocol: /^https?$/ })
    .nullable()
    .optional(),
});

export const importQuery = z.object({
  fileName: z.string().min(1).max(200),
  effectiveDate: isoDay.optional(),
});

export const importResultSchema = z.object({
  total: z.number().int(),
  created: z.number().int(),
  renamed: z.number().int(),
  reparented: z.number().int(),
  kindChanged: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportResultDto = z.infer<typeof importResultSchema>;
