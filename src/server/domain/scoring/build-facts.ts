import type { ChannelMeasureSpec, FrameworkSpec, MeasureSpec } from '../../../shared/frameworks/definition';
import type { Queryable } from '../../db/client';
import {
  type ChannelFactRow,
  channelMatches,
  countMeasureByDay,
  findLiveChannels,
} from '../../db/repositories/scoring';
import type { ScoringWindow } from '../../scoring/buckets';
import { createDaySeries, EMPTY_SERIES } from '../../scoring/day-series';
import { collectMeasures } from '../../scoring/evaluate';
import { measureKey } from '../../scoring/measure-key';
import type { DaySeries, UnitFacts } from '../../scoring/types';

/** A unit to score and the units whose records count toward it (itself, and those merged into it). */
export interface ScoringTarget {
  unitId: string;
  sourceIds: string[];
  window: ScoringWindow;
}

export type BaseFacts = Omit<UnitFacts, 'input' | 'manualScore'>;

/** Sums the day counts of several source units into one sorted series. */
function mergeDayCounts(parts: Array<{ days: number[]; counts: number[] }>): DaySeries {
  if (parts.length === 0) return EMPTY_SERIES;
  if (parts.length === 1) return createDaySeries(parts[0]!.days, parts[0]!.counts);
  const byDay = new Map<number, number>();
  for (const part of parts)
    for (let i = 0; i < part.days.length; i += 1) {
      const day = part.days[i]!;
      byDay.set(day, (byDay.get(day) ?? 0) + part.counts[i]!);
    }
  const days = [...byDay.keys()].sort((a, b) => a - b);
  return createDaySeries(
    days,
    days.map((day) => byDay.get(day)!),
  );
}

/**
 * Loads, for every target, the facts the engine needs: one query per distinct measure of the
 * framework and one for channels, over the union of all targets' source units. All targets share one
 * period; each has its own window (units created mid-period start later).
 */
export async function buildFacts(
  q: Queryable,
  framework: FrameworkSpec,
  targets: readonly ScoringTarget[],
  from: string,
  through: string,
): Promise<Map<string, BaseFacts>> {
  const sourceIds = [...new Set(targets.flatMap((target) => target.sourceIds))];
  const measures = collectMeasures(framework);
  const seriesBySource = new Map<string, Map<string, { days: number[]; counts: number[] }>>();
  for (const measure of measures) {
    const key = measureKey(measure);
    const rows = await countMeasureByDay(q, measure, sourceIds, from, through);
    const perUnit = new Map(rows.map((row) => [row.unitId, { days: row.days, counts: row.counts }]));
    seriesBySource.set(key, perUnit);
  }
  const channelRows = await findLiveChannels(q, sourceIds, from, through);
  const channelsByUnit = new Map<string, ChannelFactRow[]>();
  for (const row of channelRows)
    channelsByUnit.set(row.unitId, [...(channelsByUnit.get(row.unitId) ?? []), row]);

  const facts = new Map<string, BaseFacts>();
  for (const target of targets) {
    const seriesCache = new Map<string, DaySeries>();
    const series = (measure: MeasureSpec): DaySeries => {
      const key = measureKey(measure);
      let found = seriesCache.get(key);
      if (!found) {
        const perUnit = seriesBySource.get(key);
        const parts = perUnit
          ? target.sourceIds.flatMap((id) => (perUnit.has(id) ? [perUnit.get(id)!] : []))
          : [];
        found = mergeDayCounts(parts);
        seriesCache.set(key, found);
      }
      return found;
    };
    const channels = (spec: ChannelMeasureSpec) =>
      target.sourceIds
        .flatMap((id) => channelsByUnit.get(id) ?? [])
        .filter((row) => channelMatches(row, spec))
        .map((row) => ({ name: row.name, kind: row.kind, startedOn: row.startedOn, endedOn: row.endedOn }))
        .sort((a, b) => (a.startedOn ?? '9999').localeCompare(b.startedOn ?? '9999'));
    facts.set(target.unitId, { window: target.window, series, channels });
  }
  return facts;
}
