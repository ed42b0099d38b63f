import { type AsRunItem, asRunItemSchema } from '../../../shared/api/radio';
import { findUnsafeInput } from '../../../shared/safe-input';
import { normalizeText } from '../../../shared/text';
import type { RadioStationRow } from '../../db/repositories/radio-stations';
import type { AsRunEntry, AsRunField, AsRunProblem } from './as-run-entry';
import { parseAiredAt } from './parse-aired-at';

const ITEM_FIELDS = new Set<string>(Object.keys(asRunItemSchema.shape));

/**
 * One item of a push, checked alone: its problems are its own and do not stop the other items. The
 * shared text rule (no NUL, no lone surrogate, sane years) is applied here, per item, since the route
 * leaves it to the items (a NUL in one title must not refuse the whole batch).
 */
export function readPushItem(
  raw: unknown,
  index: number,
  station: RadioStationRow,
): { entry: AsRunEntry | null; problems: AsRunProblem[] } {
  const rawId =
    typeof raw === 'object' &&
    raw !== null &&
    typeof (raw as { externalId?: unknown }).externalId === 'string'
      ? (raw as { externalId: string }).externalId.trim().slice(0, 200)
      : null;
  const problems: AsRunProblem[] = [];
  const fail = (field: AsRunField, message: string) =>
    problems.push({ position: index, externalId: rawId, field, message });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail('item', 'Mỗi mục phải là một đối tượng JSON.');
    return { entry: null, problems };
  }
  const unsafe = findUnsafeInput(raw);
  if (unsafe) {
    // The id itself may hold the NUL: it is not echoed back then.
    const field = fieldOf(unsafe.path.split('.')[0]);
    if (field === 'externalId')
      problems.push({ position: index, externalId: null, field, message: unsafe.message });
    else fail(field, unsafe.message);
    return { entry: null, problems };
  }
  const parsed = asRunItemSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fail(fieldOf(String(issue.path[0] ?? '')), issue.message);
    return { entry: null, problems };
  }
  const item: AsRunItem = parsed.data;
  const airedAt = parseAiredAt(item.airedAt);
  if ('error' in airedAt) fail('airedAt', airedAt.error);
  if (item.stationCode && item.stationCode.toUpperCase() !== station.code)
    fail(
      'stationCode',
      `Mã trạm "${item.stationCode}" không khớp với mã truy cập đang dùng (trạm ${station.code}).`,
    );
  if (problems.length || 'error' in airedAt) return { entry: null, problems };
  return {
    entry: {
      position: index,
      externalId: normalizeText(item.externalId),
      airedAt: airedAt.instant,
      durationSeconds: item.durationSeconds,
      title: item.title,
      programme: item.programme ? normalizeText(item.programme) || null : null,
      source: item.source ?? null,
      language: item.language ? item.language.trim() : null,
      topics: item.topics ?? [],
    },
    problems,
  };
}

function fieldOf(key: string | undefined): AsRunField {
  return key && ITEM_FIELDS.has(key) ? (key as AsRunField) : 'item';
}
