import type { ErrorDetail } from '../../../shared/errors';
import { foldForSearch, normalizeText } from '../../../shared/text';
import { UNIT_KINDS, type UnitKind } from '../../../shared/units';
import { validationError } from '../../errors';
import { readTable } from '../../spreadsheets/read-table';

/** One unit of an official list, whatever file it came from. */
export interface UnitListRow {
  /** Where it is in the file: the spreadsheet row, or the position in the JSON array. */
  row: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
}

const KIND_WORDS: Array<[string, UnitKind]> = [
  ['thanh pho', 'province'],
  ['tinh', 'province'],
  ['dac khu', 'special_zone'],
  ['phuong', 'ward'],
  ['xa', 'commune'],
  ['thi tran', 'commune'],
  ['huyen', 'former_district'],
  ['quan', 'former_district'],
  ['thi xa', 'former_district'],
  ['so', 'department'],
  ['ban', 'department'],
  ['nganh', 'department'],
  ['bao', 'press_agency'],
  ['dai phat thanh', 'press_agency'],
  ['co quan bao chi', 'press_agency'],
  ['trung tam van hoa', 'culture_centre'],
  ['khac', 'other'],
];

/** "Xã", "xa", "commune", "Phường", "Thành phố"… → the unit kind; null when not recognised. */
export function parseUnitKind(text: string): UnitKind | null {
  const folded = foldForSearch(text).replace(/[-\s]+/g, ' ');
  const key = folded.replace(/ /g, '_');
  if ((UNIT_KINDS as readonly string[]).includes(key)) return key as UnitKind;
  const english: Record<string, UnitKind> = {
    commune: 'commune',
    ward: 'ward',
    province: 'province',
    city: 'province',
    'special zone': 'special_zone',
    district: 'former_district',
    department: 'department',
    'press agency': 'press_agency',
    'culture centre': 'culture_centre',
    other: 'other',
  };
  if (english[folded]) return english[folded];
  return KIND_WORDS.find(([word]) => folded === word)?.[1] ?? null;
}

/** The kind from the start of an official full name: "Phường Ba Đình" → ward. */
function kindFromFullName(fullName: string): UnitKind | null {
  const folded = foldForSearch(fullName);
  return KIND_WORDS.find(([word]) => folded.startsWith(`${word} `))?.[1] ?? null;
}

interface JsonWard {
  Code?: unknown;
  FullName?: unknown;
  Name?: unknown;
  ProvinceCode?: unknown;
}
interface JsonProvince extends JsonWard {
  Wards?: unknown;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? normalizeText(String(value)) : '';
}

/** The national list's JSON: provinces, each with its Wards (xã, phường, đặc khu). */
export function parseUnitListJson(content: string): { rows: UnitListRow[]; errors: ErrorDetail[] } {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw validationError(`Tệp JSON không hợp lệ: ${(error as Error).message}`, [
      { field: 'file', message: 'JSON hỏng.' },
    ]);
  }
  if (!Array.isArray(data)) {
    throw validationError('Tệp JSON phải là một mảng các tỉnh {Code, FullName, Wards}.', [
      { field: 'file', message: 'Sai cấu trúc.' },
    ]);
  }
  const rows: UnitListRow[] = [];
  const errors: ErrorDetail[] = [];
  let position = 0;
  const add = (item: JsonWard, parentCode: string | null, where: string) => {
    position++;
    const code = text(item.Code);
    const name = text(item.FullName) || text(item.Name);
    const kind = kindFromFullName(name) ?? (parentCode ? 'commune' : 'province');
    if (!code) errors.push({ row: position, field: `${where}.Code`, message: 'Thiếu mã đơn vị (Code).' });
    if (!name)
      errors.push({ row: position, field: `${where}.FullName`, message: 'Thiếu tên đơn vị (FullName).' });
    rows.push({ row: position, code, name, kind, parentCode });
  };
  data.forEach((province: JsonProvince, i) => {
    add(province, null, `[${i}]`);
    const wards = Array.isArray(province.Wards) ? (province.Wards as JsonWard[]) : [];
    wards.forEach((ward, j) => {
      add(ward, text(ward.ProvinceCode) || text(province.Code), `[${i}].Wards[${j}]`);
    });
  });
  return { rows, errors };
}

const COLUMN_NAMES: Record<'code' | 'name' | 'kind' | 'parentCode', string[]> = {
  code: ['code', 'ma', 'ma don vi', 'ma dvhc'],
  name: ['name', 'ten', 'ten don vi', 'full name', 'fullname'],
  kind: ['type', 'kind', 'loai', 'cap', 'loai don vi'],
  parentCode: [
    'parent code',
    'parent_code',
    'parent-code',
    'parentcode',
    'ma cap tren',
    'ma tinh',
    'ma don vi cap tren',
  ],
};

/** A CSV or XLSX with columns code, name, type and parent code (Vietnamese or English headers). */
export async function parseUnitListTable(
  fileName: string,
  content: Buffer,
): Promise<{ rows: UnitListRow[]; errors: ErrorDetail[] }> {
  const table = await readTable(fileName, content);
  const headerKeys = table.headers.map((h) => foldForSearch(h).replace(/[_-]/g, ' '));
  const aliases = (key: keyof typeof COLUMN_NAMES) =>
    COLUMN_NAMES[key].map((name) => name.replace(/[_-]/g, ' '));
  const columnIndex = (key: keyof typeof COLUMN_NAMES) =>
    headerKeys.findIndex((header) => aliases(key).includes(header));
  const index = {
    code: columnIndex('code'),
    name: columnIndex('name'),
    kind: columnIndex('kind'),
    parentCode: columnIndex('parentCode'),
  };
  const missing = (Object.keys(index) as Array<keyof typeof index>).filter(
    (key) => index[key] < 0 && key !== 'parentCode',
  );
  if (missing.length) {
    throw validationError(
      `Thiếu cột: ${missing.map((key) => COLUMN_NAMES[key][0]).join(', ')}. Cần các cột code, name, type, parent_code.`,
      missing.map((key) => ({ field: key, message: 'Thiếu cột.' })),
    );
  }
  const rows: UnitListRow[] = [];
  const errors: ErrorDetail[] = [];
  for (const { rowNumber, cells } of table.rows) {
    const cell = (i: number) => (i >= 0 ? normalizeText(cells[i] ?? '') : '');
    const code = cell(index.code);
    const name = cell(index.name);
    const kindText = cell(index.kind);
    // The full name decides only when the type cell is empty: a type filled in but unknown is an error.
    const kind = kindText ? parseUnitKind(kindText) : kindFromFullName(name);
    if (!code)
      errors.push({ row: rowNumber, column: table.headers[index.code], message: 'Thiếu mã đơn vị.' });
    if (!name)
      errors.push({ row: rowNumber, column: table.headers[index.name], message: 'Thiếu tên đơn vị.' });
    if (!kind)
      errors.push({
        row: rowNumber,
        column: table.headers[index.kind],
        message: `Loại đơn vị "${kindText}" không hợp lệ.`,
      });
    rows.push({
      row: rowNumber,
      code,
      name,
      kind: kind ?? 'other',
      parentCode: cell(index.parentCode) || null,
    });
  }
  return { rows, errors };
}
