import { z } from 'zod';
import { frameworkSchema, PERIOD_KINDS } from '../frameworks/definition';
import { UNIT_KINDS } from '../units';
import { isoDay, uuidParam } from './common';

/** A problem in a framework file, at its path in the tree and its line and column in the file. */
export const frameworkIssueSchema = z.object({
  /** "pillars[0].indices[0].criteria[2].rule.threshold"; empty for the file as a whole. */
  path: z.string(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  message: z.string(),
});
export type FrameworkIssueDto = z.infer<typeof frameworkIssueSchema>;

/** What a framework scores for one kind of unit. */
export const frameworkKindSchema = z.object({
  kind: z.enum(UNIT_KINDS),
  criteria: z.number().int(),
  codes: z.array(z.string()),
  total: z.number(),
});

/** The metadata of a framework file: what the file says about itself. */
export const frameworkHeaderSchema = z.object({
  code: z.string(),
  version: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  issuingBody: z.string(),
  validFrom: isoDay,
  validTo: isoDay.nullable(),
  periodKind: z.enum(PERIOD_KINDS),
  appliesTo: z.array(z.enum(UNIT_KINDS)),
  kinds: z.array(frameworkKindSchema),
  criteriaCount: z.number().int(),
});

/** One stored version of a framework. */
export const frameworkVersionSchema = frameworkHeaderSchema.extend({
  id: z.uuid(),
  /** Shipped with Loa Số (frameworks/ folder), imported at start-up. */
  isBuiltin: z.boolean(),
  sourceFormat: z.enum(['yaml', 'json']),
  /** SHA-256 of the file as imported. */
  sha256: z.string(),
  /** The account that imported it; null for built-ins and the command line. */
  importedBy: z.string().nullable(),
  importedAt: z.date(),
});
export type FrameworkVersionDto = z.infer<typeof frameworkVersionSchema>;

/** Every stored version, by code, newest validity first within a code (the UI groups by code). */
export const frameworkListSchema = z.object({
  items: z.array(frameworkVersionSchema),
  /** The user may import frameworks (a DX office or a system administrator). */
  canManage: z.boolean(),
});
export type FrameworkListDto = z.infer<typeof frameworkListSchema>;

export const frameworkParams = z.object({ frameworkId: uuidParam });

export const frameworkDetailSchema = frameworkVersionSchema.extend({
  /** The checked definition, defaults filled in: what the engine scores with. */
  definition: frameworkSchema,
  /** The file exactly as imported. */
  sourceText: z.string(),
});
export type FrameworkDetailDto = z.infer<typeof frameworkDetailSchema>;

export const frameworkFileQuery = z.object({
  /** The uploaded file's name: .json is read as JSON, anything else by its first character. */
  fileName: z.string().min(1).max(200).default('bo-chi-so.yaml'),
});

/** What importing would do with a valid file, given the versions already stored. */
export const frameworkImportCheckSchema = z.object({
  /** new: it would be stored; unchanged: this exact file is already stored; rejected: see message. */
  status: z.enum(['new', 'unchanged', 'rejected']),
  message: z.string(),
});

export const frameworkValidationSchema = z.object({
  valid: z.boolean(),
  format: z.enum(['yaml', 'json']),
  errors: z.array(frameworkIssueSchema),
  warnings: z.array(frameworkIssueSchema),
  /** The file's metadata and totals per unit kind, when it is valid. */
  framework: frameworkHeaderSchema.nullable(),
  importCheck: frameworkImportCheckSchema.nullable(),
});
export type FrameworkValidationDto = z.infer<typeof frameworkValidationSchema>;

export const frameworkImportResultSchema = z.object({
  /** created: a new version was stored; unchanged: the same file was already there (nothing written). */
  status: z.enum(['created', 'unchanged']),
  message: z.string(),
  framework: frameworkVersionSchema,
  warnings: z.array(frameworkIssueSchema),
});
export type FrameworkImportResultDto = z.infer<typeof frameworkImportResultSchema>;
