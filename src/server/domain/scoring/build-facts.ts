import { addDays, mondayOf } from '../../../shared/dates';
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
function seriesOf(
  parts: readonly string[],
  loaded: { first: number; dayCount: number },
  window: { first: number; last: number },
): DaySeries {
  if (parts.length === 0) return EMPTY_SERIES;
  const counts = new Int32Array(loaded.dayCount);
  let total = 0;
  let outside = 0;
  for (const recordDays of parts)
    for (let i = 0; i < recordDays.length; i += 1) {
      const offset = recordDays.charCodeAt(i) - DAY_CODE_BASE;
      if (offset < 0 || offset >= loaded.dayCount) continue;
      counts[offset]! += 1;
      const day = loaded.first + offset;
      if (day >= window.first && day <= window.last) total += 1;
      else outside += 1;
    }
  if (total === 0 && outside === 0) return EMPTY_SERIES;
  const inLoaded = (epochDay: number) => {
    const offset = epochDay - loaded.first;
    return offset >= 0 && offset < loaded.dayCount ? counts[offset]! : 0;
  };
  return {
    total,
    countOn: (epochDay) => (epochDay >= window.first && epochDay <= window.last ? inLoaded(epochDay) : 0),
    // The edge weeks' days outside the window: for the gaps' "chỉ có lượt phát trước ngày 01/01".
    countOutsideOn: (epochDay) =>
      epochDay < window.first || epochDay > window.last ? inLoaded(epochDay) : 0,
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
  // The records of the whole edge weeks are loaded (from the Monday before `from` to the Sunday after
  // `through`): those outside [from, through] never count, but the gaps name them.
  const loadFrom = mondayOf(from);
  const loadThrough = addDays(mondayOf(through), 6);
  const rows = await findScoringFacts(q, measures, sourceIds, loadFrom, loadThrough);
  const daysByMeasure = new Map<string, RecordDaysByUnit>();
  measures.forEach((measure, i) => {
    daysByMeasure.set(cachedMeasureKey(measure), rows.recordDays[i]!);
  });
  const channelsByUnit = new Map<string, ChannelFactRow[]>();
  // The channels live in [from, through] only, as if the edge weeks had not been loaded.
  const liveChannels = rows.channels.filter(
    (row) =>
      (row.startedOn === null || row.startedOn <= through) && (row.endedOn === null || row.endedOn >= from),
  );
  for (const row of liveChannels) {
    const list = channelsByUnit.get(row.unitId);
    if (list) list.push(row);
    else channelsByUnit.set(row.unitId, [row]);
  }

  const window = { first: toEpochDay(from), last: toEpochDay(through) };
  const loaded = {
    first: toEpochDay(loadFrom),
    dayCount: toEpochDay(loadThrough) - toEpochDay(loadFrom) + 1,
  };
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
        found = seriesOf(parts, loaded, window);
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
