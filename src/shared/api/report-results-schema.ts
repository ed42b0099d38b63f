import { z } from 'zod';

/**
 * The response schema of part I of a report (`ReportResults` in report-contract.ts): it whitelists
 * every field of a frozen or live part I that leaves the server. Kept beside the contract's interface
 * by hand; the `satisfies` check in the server presenter keeps the two in step.
 */
const countRow = z.object({ key: z.string(), label: z.string(), count: z.number() });
const totals = z.object({
  posts: z.number(),
  dxPosts: z.number(),
  broadcasts: z.number(),
  broadcastMinutes: z.number(),
  pressIssues: z.number(),
  ethnicLanguageItems: z.number(),
  schedulesIssued: z.number(),
});

export const reportResultsSchema = z.object({
  computedAt: z.string(),
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  period: z.object({ key: z.string(), label: z.string(), from: z.string(), to: z.string() }),
  totals,
  byChannel: z.array(countRow.extend({ kind: z.string(), minutes: z.number() })),
  byGenre: z.array(countRow),
  byTopic: z.array(countRow),
  byLanguage: z.array(countRow),
  dxPosts: z.array(
    z.object({ date: z.string(), title: z.string(), url: z.string().nullable(), channel: z.string() }),
  ),
  dxPostsTotal: z.number(),
  broadcastsPerWeek: z.array(
    z.object({ week: z.string(), from: z.string(), to: z.string(), count: z.number(), minutes: z.number() }),
  ),
  schedules: z.array(
    z.object({
      month: z.string(),
      status: z.string(),
      documentNumber: z.string().nullable(),
      issuedOn: z.string().nullable(),
    }),
  ),
  banner: z.object({
    status: z.enum(['present', 'absent', 'unknown']),
    checkedOn: z.string().nullable(),
    targetUrl: z.string().nullable(),
  }),
  scores: z
    .object({
      frameworkName: z.string(),
      periodLabel: z.string(),
      live: z.object({ score: z.number(), max: z.number() }),
      official: z.object({ score: z.number(), max: z.number(), publishedAt: z.string() }).nullable(),
      criteria: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          max: z.number(),
          liveScore: z.number().nullable(),
          officialScore: z.number().nullable(),
          explanation: z.string(),
        }),
      ),
    })
    .nullable(),
  children: z
    .array(
      z.object({
        unitId: z.string(),
        unitName: z.string(),
        state: z.enum(['on_time', 'late', 'missing']),
        submittedOn: z.string().nullable(),
        totals: totals.nullable(),
        score: z.object({ score: z.number(), max: z.number(), official: z.boolean() }).nullable(),
      }),
    )
    .optional(),
});
