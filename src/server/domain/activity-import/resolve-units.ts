import { foldForSearch } from '../../../shared/text';
import type { Queryable } from '../../db/client';
import { findUnitCandidates, type UnitCandidate } from '../../db/repositories/activity-files';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type UnitResolution = { unit: UnitCandidate } | { error: string };

function existsOn(unit: UnitCandidate, day: string): boolean {
  return unit.validFrom <= day && (unit.validTo === null || unit.validTo > day);
}

/**
 * Finds the units a file names, in one query. Codes are reused after the 2025 reorganisation (Xã Đăk
 * Rve holds the code of the former Thị trấn Đắk Rve), so a code means the holder on the row's day.
 * Units outside the caller's scope are never candidates: "not found" and "not yours" read the same.
 */
export async function loadUnitResolver(
  q: Queryable,
  references: string[],
  scope: ReadonlySet<string> | null,
) {
  const distinct = [...new Set(references.filter(Boolean))];
  const ids = distinct.filter((ref) => UUID.test(ref)).map((ref) => ref.toLowerCase());
  const others = distinct.filter((ref) => !UUID.test(ref));
  const candidates = (
    await findUnitCandidates(q, { ids, codes: others, names: others, foldedNames: others.map(foldForSearch) })
  ).filter((unit) => scope === null || scope.has(unit.id));

  const cache = new Map<string, UnitCandidate[]>();
  function candidatesFor(reference: string): UnitCandidate[] {
    let found = cache.get(reference);
    if (found) return found;
    if (UUID.test(reference)) found = candidates.filter((unit) => unit.id === reference.toLowerCase());
    else {
      found = candidates.filter((unit) => unit.code === reference);
      if (found.length === 0) {
        const folded = foldForSearch(reference);
        found = candidates.filter(
          (unit) => unit.names.includes(reference) || foldForSearch(unit.name) === folded,
        );
      }
    }
    cache.set(reference, found);
    return found;
  }

  return {
    resolve(reference: string, day: string | null): UnitResolution {
      const found = candidatesFor(reference);
      if (found.length === 0)
        return { error: `Không tìm thấy đơn vị "${reference}" trong phạm vi bạn được ghi nhận hoạt động.` };
      if (day) {
        const onDay = found.filter((unit) => existsOn(unit, day));
        if (onDay.length === 1) return { unit: onDay[0]! };
        if (onDay.length > 1)
          return { error: `"${reference}" trùng với nhiều đơn vị; ghi mã đơn vị thay cho tên.` };
      }
      // None existed that day: the current or latest one, whose dates the record check then reports.
      const latest = [...found].sort((a, b) => (b.validTo ?? '9999').localeCompare(a.validTo ?? '9999'))[0]!;
      return { unit: latest };
    },
  };
}
