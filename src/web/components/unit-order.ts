import type { UnitKind } from '../../shared/units';

// Provincial bodies first, then the communes and wards, each group in Vietnamese alphabetical order
// (Đ after D, tones after the base letter), which the database's byte order does not give.
const KIND_ORDER: Record<UnitKind, number> = {
  province: 0,
  department: 1,
  press_agency: 2,
  culture_centre: 3,
  former_district: 4,
  ward: 5,
  commune: 6,
  special_zone: 7,
  other: 8,
};

const collator = new Intl.Collator('vi', { numeric: true });

export function compareUnitsForTree(
  a: { kind: UnitKind; name: string },
  b: { kind: UnitKind; name: string },
): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || collator.compare(a.name, b.name);
}
