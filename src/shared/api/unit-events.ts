import { z } from 'zod';
import { UNIT_KINDS } from '../units';
import { isoDay } from './common';

const base = {
  date: isoDay,
  legalBasis: z.string().max(300).optional(),
  note: z.string().max(2000).optional(),
};

/** A reorganisation step recorded by a system administrator. */
export const unitEventBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('merge'), fromIds: z.array(z.uuid()).min(1).max(50), toId: z.uuid(), ...base }),
  z.object({ kind: z.literal('split'), fromId: z.uuid(), toIds: z.array(z.uuid()).min(1).max(50), ...base }),
  z.object({
    kind: z.literal('dissolve'),
    unitId: z.uuid(),
    successorIds: z.array(z.uuid()).max(50),
    ...base,
  }),
  z.object({ kind: z.literal('rename'), unitId: z.uuid(), newName: z.string().min(1).max(300), ...base }),
  z.object({ kind: z.literal('reparent'), unitId: z.uuid(), newParentId: z.uuid().nullable(), ...base }),
]);
export type UnitEventBody = z.infer<typeof unitEventBody>;

/** A unit added by hand: a department, press agency or culture centre under a province, or a new commune. */
export const createUnitBody = z.object({
  kind: z.enum(UNIT_KINDS),
  code: z.string().max(20).nullable().optional(),
  name: z.string().min(1, 'Nhập tên đơn vị.').max(300),
  parentId: z.uuid().nullable(),
  validFrom: isoDay,
  websiteUrl: z
    .url({ protocol: /^https?$/, error: 'Địa chỉ trang web không hợp lệ.' })
    .nullable()
    .optional(),
});
export type CreateUnitBody = z.infer<typeof createUnitBody>;
