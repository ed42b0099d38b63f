import { z } from 'zod';
import { ACTIVITY_KINDS, CHANNEL_KINDS, CHANNEL_PLATFORMS } from '../activities';
import { isoDay } from './common';

export const calendarQuery = z.object({
  /** The ISO year (weeks 1–52 or 53, Monday first); default: the ISO year of today in Vietnam. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const calendarWeekSchema = z.object({
  week: z.number().int(),
  monday: isoDay,
  sunday: isoDay,
  /**
   * The days of the week whose records count for the year's scores: the whole week, except at the
   * year's edges (week 1 of 2026 runs 29/12/2025–04/01/2026 and counts 01–04/01/2026 only).
   */
  countedFrom: isoDay,
  countedTo: isoDay,
  isCurrent: z.boolean(),
  isFuture: z.boolean(),
});

export const calendarCellSchema = z.object({
  week: z.number().int(),
  count: z.number().int(),
  /** Records of the week dated outside the year (an edge week): shown, but no score of the year counts them. */
  notCounted: z.number().int(),
  /** A radio DX programme that existed that week and aired nothing in it that the score counts. */
  missingBroadcast: z.boolean(),
});

export const calendarSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  year: z.number().int(),
  weekCount: z.number().int(),
  today: isoDay,
  weeks: z.array(calendarWeekSchema),
  channels: z.array(
    z.object({
      channelId: z.uuid(),
      name: z.string(),
      kind: z.enum(CHANNEL_KINDS),
      platform: z.enum(CHANNEL_PLATFORMS),
      startedOn: isoDay.nullable(),
      endedOn: isoDay.nullable(),
      cells: z.array(calendarCellSchema),
      total: z.number().int(),
      missingWeeks: z.number().int(),
    }),
  ),
  /** Per record kind, every record of the unit (also those without a channel). */
  kinds: z.array(
    z.object({
      kind: z.enum(ACTIVITY_KINDS),
      cells: z.array(z.object({ week: z.number().int(), count: z.number().int() })),
      total: z.number().int(),
    }),
  ),
});
export type CalendarDto = z.infer<typeof calendarSchema>;
