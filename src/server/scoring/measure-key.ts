import { type MeasureSpec, measureSources } from '../../shared/frameworks/definition';

/**
 * A stable key for "the same records": the facts loader reads each distinct key once and the
 * engine looks series up by it, so two criteria that count the same records share one read.
 *
 * - keys are sorted and every list is sorted (they are sets: `[sed, bdq]` = `[bdq, sed]`);
 * - flags that are false are dropped (false is their default);
 * - `noun` is dropped: it only changes the wording of explanations, not which records count;
 * - `source: posts` and `source: [posts]` are the same records.
 */
export function measureKey(spec: MeasureSpec): string {
  const { noun: _noun, source: _source, ...counted } = spec;
  const sources = measureSources(spec);
  return stableJson({ ...counted, source: sources.length === 1 ? sources[0] : sources });
}

function stableJson(value: Record<string, unknown>): string {
  const normal: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const entry = value[key];
    if (entry === undefined || entry === false) continue;
    normal[key] = Array.isArray(entry) ? [...new Set(entry.map(String))].sort() : entry;
  }
  return JSON.stringify(normal);
}
