export const UNIT_KINDS = [
  'province',
  'commune',
  'ward',
  'special_zone',
  'former_district',
  'department',
  'press_agency',
  'culture_centre',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, { vi: string; en: string }> = {
  province: { vi: 'Tỉnh/Thành phố', en: 'Province' },
  commune: { vi: 'Xã', en: 'Commune' },
  ward: { vi: 'Phường', en: 'Ward' },
  special_zone: { vi: 'Đặc khu', en: 'Special zone' },
  former_district: { vi: 'Huyện (cũ)', en: 'Former district' },
  department: { vi: 'Sở, ban, ngành', en: 'Department' },
  press_agency: { vi: 'Cơ quan báo chí', en: 'Press agency' },
  culture_centre: { vi: 'Trung tâm văn hóa', en: 'Culture centre' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Kinds that are administrative units at commune level after 01/07/2025. */
export const COMMUNE_LEVEL_KINDS: readonly UnitKind[] = ['commune', 'ward', 'special_zone'];

export const UNIT_EVENT_KINDS = ['establish', 'merge', 'split', 'rename', 'reparent', 'dissolve'] as const;
export type UnitEventKind = (typeof UNIT_EVENT_KINDS)[number];

export const UNIT_EVENT_LABELS: Record<UnitEventKind, { vi: string; en: string }> = {
  establish: { vi: 'Thành lập', en: 'Established' },
  merge: { vi: 'Sáp nhập', en: 'Merged' },
  split: { vi: 'Chia tách', en: 'Split' },
  rename: { vi: 'Đổi tên', en: 'Renamed' },
  reparent: { vi: 'Chuyển trực thuộc', en: 'Re-parented' },
  dissolve: { vi: 'Giải thể', en: 'Dissolved' },
};

/** Role of a unit in an event: merged/split units are "from", the resulting units are "to". */
export const UNIT_EVENT_ROLES = ['from', 'to', 'subject'] as const;
export type UnitEventRole = (typeof UNIT_EVENT_ROLES)[number];

/** The day the two-level local government took effect (NQ 202/2025/QH15). */
export const REORGANISATION_DATE = '2025-07-01';
