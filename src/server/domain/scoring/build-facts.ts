import type { ChannelMeasureSpec, FrameworkSpec, MeasureSpec } from '../../../shared/frameworks/definition';
import type { Queryable } from '../../db/client';
import {
  type ChannelFactRow,
  channelMatches,
  DAY_CODE_BASE,
  findScoringFacts,
  type RecordDaysByUnit,
} from '../../db/repositories/scoring';
import type { ScoringWindow } from '../../scoring/buckets';
import { toEpochDay } from '../../scoring/day-numbers';
import { EMPTY_SERIES } from '../../scoring/day-series';
import { collectMeasures } from '../../scoring/evaluate';
import { measureKey } from '../../scoring/measure-key';
import type { ChannelFact, DaySeries, UnitFacts } from '../../scoring/types';

/** A unit to score and the units whose records count toward it (itself, and those merged into it). */
export interface ScoringTarget {
  unitId: string;
  sourceIds: string[];
  window: ScoringWindow;
}

export type BaseFacts = Omit<UnitFacts, 'input' | 'manualScore'>;

/** The engine asks for a measure once per criterion and unit: the key of a spec object is computed once. */
const keyOfSpec = new WeakMap<MeasureSpec, string>();
function cachedMeasureKey(spec: MeasureSpec): string {
  let key = keyOfSpec.get(spec);
  if (key === undefined) {
    key = measureKey(spec);
    keyOfSpec.set(spec, key);
  }
  return key;
}

/**
 * One series from the records of several source units, as a dense array over the counted days: a
 * national board looks up hundreds of thousands of days, and an array index is several times cheaper
 * than a Map.
 */
function seriesOf(parts: readonly string[], dayCount: number, firstDay: number): DaySeries {
  if (parts.length === 0) return EMPTY_SERIES;
  const counts = new Int32Array(dayCount);
  let total = 0;
  for (const recordDays of parts)
    for (let i = 0; i < recordDays.length; i += 1) {
      const offset = recordDays.charCodeAt(i) - DAY_CODE_BASE;
      if (offset < 0 || offset >= dayCount) continue;
      counts[offset]! += 1;
      total += 1;
    }
  if (total === 0) return EMPTY_SERIES;
  return {
    total,
    countOn: (epochDay) => {
      const offset = epochDay - firstDay;
      return offset >= 0 && offset < dayCount ? counts[offset]! : 0;
    },
  };
}

/**
 * Loads, for every target, the facts the engine needs: the records of every distinct measure of the
 * framework and the channels, in one statement over the union of all targets' source units. All targets share one
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
  const rows = await findScoringFacts(q, measures, sourceIds, from, through);
  const daysByMeasure = new Map<string, RecordDaysByUnit>();
  measures.forEach((measure, i) => {
    daysByMeasure.set(cachedMeasureKey(measure), rows.recordDays[i]!);
  });
  const channelsByUnit = new Map<string, ChannelFactRow[]>();
  for (const row of rows.channels) {
    const list = channelsByUnit.get(row.unitId);
    if (list) list.push(row);
    else channelsByUnit.set(row.unitId, [row]);
  }

  const firstDay = toEpochDay(from);
  const lastDay = toEpochDay(through);
  const facts = new Map<string, BaseFacts>();
  for (const target of targets) {
    const seriesByKey = new Map<string, DaySeries>();
    const series = (measure: MeasureSpec): DaySeries => {
      const key = cachedMeasureKey(measure);
      let found = seriesByKey.get(key);
      if (!found) {
        const perUnit = daysByMeasure.get(key);
        const parts: string[] = [];
        if (perUnit)
          for (const id of target.sourceIds) {
            const part = perUnit[id];
            if (part) parts.push(part);
          }
        found = seriesOf(parts, lastDay - firstDay + 1, firstDay);
        seriesByKey.set(key, found);
      }
      return found;
    };
    const ownChannels = target.sourceIds.flatMap((id) => channelsByUnit.get(id) ?? []);
    const channelsBySpec = new Map<ChannelMeasureSpec, ChannelFact[]>();
    const channels = (spec: ChannelMeasureSpec): ChannelFact[] => {
      let found = channelsBySpec.get(spec);
      if (!found) {
        found = ownChannels
          .filter((row) => channelMatches(row, spec))
          .map((row) => ({ name: row.name, kind: row.kind, startedOn: row.startedOn, endedOn: row.endedOn }))
          .sort((a, b) => (a.startedOn ?? '9999').localeCompare(b.startedOn ?? '9999'));
        channelsBySpec.set(spec, found);
      }
      return found;
    };
    facts.set(target.unitId, { window: target.window, series, channels });
  }
  return facts;
}
