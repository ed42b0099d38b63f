import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import { isSaneYear, SANE_DAY_MESSAGE } from '../safe-input';

/** A calendar day, yyyy-MM-dd (the UI shows dd/MM/yyyy), in the sane range of shared/safe-input. */
export const isoDay = z.iso
  .date({ error: 'Ngày phải có dạng yyyy-MM-dd.', abort: true })
  .refine((day) => isSaneYear(Number(day.slice(0, 4))), SANE_DAY_MESSAGE);

export const errorBodySchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.array(
    z.object({
      field: z.string().optional(),
      row: z.number().optional(),
      column: z.string().optional(),
      message: z.string(),
    }),
  ),
});

/** The error responses every authenticated route may give, declared once for the OpenAPI document. */
export const commonErrors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
};

/** An id in a path: a malformed one is "not found", like an unknown one. */
export const uuidParam = z.uuid({ error: 'Mã định danh không hợp lệ.' });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
