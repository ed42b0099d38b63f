import { z } from 'zod';

/** The public results page of a province (issue 10 item 8): the setting, and the page's JSON. */

export const publicResultsSettingSchema = z.object({
  provinceId: z.uuid(),
  provinceName: z.string(),
  isEnabled: z.boolean(),
  /** The user may turn it on or off (the province's DX office). */
  canManage: z.boolean(),
  /** Where the public page is, when it is on. */
  publicPath: z.string().nullable(),
});
export type PublicResultsSettingDto = z.infer<typeof publicResultsSettingSchema>;

export const publicResultsInput = z.object({ isEnabled: z.boolean() });

export const publicRankingRowSchema = z.object({
  unitId: z.uuid(),
  name: z.string(),
  rank: z.number().int(),
  score: z.number(),
  max: z.number(),
  percent: z.number(),
});

export const publicRankingSchema = z.object({
  province: z.object({ code: z.string(), name: z.string() }),
  framework: z.object({ code: z.string(), name: z.string(), legalBasis: z.string() }),
  period: z.object({ key: z.string(), label: z.string() }),
  groups: z.array(z.object({ key: z.string(), label: z.string(), rows: z.array(publicRankingRowSchema) })),
});
export type PublicRankingDto = z.infer<typeof publicRankingSchema>;
