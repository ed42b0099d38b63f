import type { UnitKind } from '../../shared/units';

/** Units governed by a people's committee (UBND): documents are issued in its name. */
const ADMINISTRATIVE_KINDS: readonly UnitKind[] = [
  'province',
  'commune',
  'ward',
  'special_zone',
  'former_district',
];

export function isAdministrative(kind: UnitKind): boolean {
  return ADMINISTRATIVE_KINDS.includes(kind);
}

function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/** The agency as the header names it: "UBND XÃ ĐĂK RVE" for a commune, the name in caps otherwise. */
export function agencyHeading(unit: { kind: UnitKind; name: string }): string {
  return isAdministrative(unit.kind) ? `UBND ${upper(unit.name)}` : upper(unit.name);
}

/**
 * The issuing agency written out in full, as NĐ 30/2020 asks of the issuer's own line (only the
 * governing agency above it may be abbreviated): "ỦY BAN NHÂN DÂN\nXÃ ĐĂK RVE". The line break
 * keeps the two halves on their own lines in the narrow header column.
 */
export function fullAgencyName(unit: { kind: UnitKind; name: string }): string {
  return isAdministrative(unit.kind) ? `ỦY BAN NHÂN DÂN\n${upper(unit.name)}` : upper(unit.name);
}

const PLACE_PREFIX = /^(tỉnh|thành phố|xã|phường|đặc khu|huyện|quận|thị xã|thị trấn)\s+/iu;

/** The place in the date line: the administrative unit's name without its kind ("Xã Đăk Rve" → "Đăk Rve"). */
export function placeName(name: string): string {
  return name.normalize('NFC').replace(PLACE_PREFIX, '');
}

/** The "Số" symbol of a list (DM) issued by the agency, e.g. "DM-UBND", used while no number is given. */
export function defaultSymbol(kind: UnitKind, typeCode: string): string {
  return isAdministrative(kind) ? `${typeCode}-UBND` : typeCode;
}

/**
 * The signing block above the signer's name. A people's committee signs collectively ("TM. ỦY BAN NHÂN
 * DÂN"); a deputy signs on behalf of the head ("KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH").
 */
export function signingLines(kind: UnitKind, signerTitle: string | null): string[] {
  const lines: string[] = [];
  if (isAdministrative(kind)) lines.push('TM. ỦY BAN NHÂN DÂN');
  const title = signerTitle?.normalize('NFC').trim() || (isAdministrative(kind) ? 'Chủ tịch' : '');
  if (!title) return lines;
  const deputy = /^phó\s+/iu.exec(title);
  if (deputy) lines.push(`KT. ${upper(title.slice(deputy[0].length))}`);
  lines.push(upper(title));
  return lines;
}
