import type ExcelJS from 'exceljs';
import { BROADCAST_SOURCE_LABELS, type ChannelKind, GENRE_LABELS } from '../../../shared/activities';
import type { ActivityFileKind } from '../../../shared/api/activity-files';
import { todayVn } from '../../../shared/dates';
import type { Db } from '../../db/client';
import { findChannelNames, findCurrentUnitLabels } from '../../db/repositories/activity-files';
import { findLanguages, findTopics } from '../../db/repositories/vocabulary';
import { forbidden } from '../../errors';
import { authorizeUnit, type Principal, scopeIds } from '../../policies/principal';
import { formatCount, TABLE_LIMITS } from '../../spreadsheets/limits';
import { loadExcelJs } from '../../spreadsheets/load-exceljs';
import { findCurrentProvinceId } from '../units/find-province';
import { findRollupIds } from '../units/unit-scope';
import { type ColumnKey, templateColumns } from './columns';

const LIST_SHEET = 'Danh mục';
/** Rows of the data sheet that get drop-down lists: far more than one file should hold. */
const LAST_ROW = 50_001;
const CHANNEL_KINDS: Record<ActivityFileKind, readonly ChannelKind[]> = {
  post: ['website_column', 'social_page', 'e_board'],
  broadcast: ['radio_programme'],
};

/** exceljs keeps sheet-level validations (one per range, not per cell) but leaves them out of its types. */
interface SheetValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

interface TemplateLists {
  units: Array<{ ref: string; name: string }>;
  channels: string[];
  genres: string[];
  topics: string[];
  languages: string[];
  sources: string[];
}

/**
 * The XLSX template for importing posts or broadcasts: Vietnamese headers, drop-down lists drawn from
 * a hidden "Danh mục" sheet (units and channels in the caller's scope, genres, the province's topics
 * and languages, sources), and a "Hướng dẫn" sheet explaining each column.
 */
export async function buildActivityTemplate(options: {
  db: Db;
  principal: Principal;
  kind: ActivityFileKind;
  unitId?: string;
}): Promise<{ fileName: string; content: Buffer }> {
  const lists = await loadLists(options);
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Loa Số';
  workbook.created = new Date();
  const dataSheet = workbook.addWorksheet(options.kind === 'post' ? 'Tin bài' : 'Phát sóng', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const helpSheet = workbook.addWorksheet('Hướng dẫn');
  const listSheet = workbook.addWorksheet(LIST_SHEET, { state: 'hidden' });

  const listColumns = writeLists(listSheet, lists);
  writeDataSheet(dataSheet, options.kind, listColumns);
  writeHelp(helpSheet, options.kind);
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: options.kind === 'post' ? 'mau-nhap-tin-bai.xlsx' : 'mau-nhap-phat-song.xlsx', content };
}

async function loadLists(options: {
  db: Db;
  principal: Principal;
  kind: ActivityFileKind;
  unitId?: string;
}): Promise<TemplateLists> {
  const { db, principal } = options;
  const scope = await scopeIds(db, principal, 'activity.record');
  let unitIds: string[] | null = scope;
  let provinceId: string | null = null;
  if (options.unitId) {
    await authorizeUnit(db, principal, options.unitId, 'activity.record');
    const subtree = await findRollupIds(db, [options.unitId]);
    unitIds = scope === null ? subtree : subtree.filter((id) => scope.includes(id));
    provinceId = await findCurrentProvinceId(db, options.unitId);
  } else {
    if (scope !== null && scope.length === 0)
      throw forbidden('Bạn không có quyền ghi nhận hoạt động của đơn vị nào.');
    // The province's own topics and languages when every grant lies in one province.
    const grantUnits = [
      ...new Set(principal.grants.map((grant) => grant.unitId).filter((id): id is string => id !== null)),
    ];
    const provinces = new Set(await Promise.all(grantUnits.map((id) => findCurrentProvinceId(db, id))));
    if (scope !== null && provinces.size === 1) provinceId = [...provinces][0] ?? null;
  }
  const units = await findCurrentUnitLabels(db, unitIds, todayVn());
  return {
    units: units.map((unit) => ({ ref: unit.code ?? unit.name, name: unit.name })),
    channels: await findChannelNames(db, unitIds, CHANNEL_KINDS[options.kind]),
    genres: Object.values(GENRE_LABELS).map((label) => label.vi),
    topics: (await findTopics(db, provinceId)).map((topic) => topic.name),
    languages: (await findLanguages(db, provinceId)).map((language) => language.name),
    sources:
      options.kind === 'broadcast' ? Object.values(BROADCAST_SOURCE_LABELS).map((label) => label.vi) : [],
  };
}

/** Writes each list in its own column; returns the absolute range of each non-empty list. */
function writeLists(sheet: ExcelJS.Worksheet, lists: TemplateLists): Partial<Record<ColumnKey, string>> {
  const columns: Array<{ key: ColumnKey | null; header: string; values: string[] }> = [
    { key: 'unit', header: 'Mã đơn vị', values: lists.units.map((unit) => unit.ref) },
    { key: null, header: 'Tên đơn vị', values: lists.units.map((unit) => unit.name) },
    { key: 'channel', header: 'Kênh', values: lists.channels },
    { key: 'genre', header: 'Thể loại', values: lists.genres },
    { key: 'topics', header: 'Chủ đề', values: lists.topics },
    { key: 'language', header: 'Ngôn ngữ', values: lists.languages },
    { key: 'source', header: 'Nguồn', values: lists.sources },
  ];
  const ranges: Partial<Record<ColumnKey, string>> = {};
  columns.forEach((column, i) => {
    const letter = String.fromCharCode(65 + i);
    sheet.getCell(`${letter}1`).value = column.header;
    sheet.getCell(`${letter}1`).font = { bold: true };
    column.values.forEach((value, row) => {
      sheet.getCell(`${letter}${row + 2}`).value = value;
    });
    sheet.getColumn(i + 1).width = Math.min(
      60,
      Math.max(14, ...column.values.map((value) => value.length + 2)),
    );
    if (column.key && column.values.length) {
      ranges[column.key] = `'${LIST_SHEET}'!$${letter}$2:$${letter}$${column.values.length + 1}`;
    }
  });
  return ranges;
}

/** Lists that may hold values outside the drop-down (several topics, a code instead of a name) only warn. */
const STRICT_LISTS: ReadonlySet<ColumnKey> = new Set(['genre', 'source']);

function writeDataSheet(
  sheet: ExcelJS.Worksheet,
  kind: ActivityFileKind,
  lists: Partial<Record<ColumnKey, string>>,
) {
  const columns = templateColumns(kind);
  sheet.columns = columns.map((column) => ({ header: column.header, key: column.key, width: column.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 30;
  const validations = (sheet as unknown as SheetValidations).dataValidations;
  columns.forEach((column, i) => {
    const letter = String.fromCharCode(65 + i);
    const range = `${letter}2:${letter}${LAST_ROW}`;
    if (column.key === 'date') sheet.getColumn(i + 1).numFmt = 'dd/mm/yyyy';
    // Text, so that "08:30" stays what was typed.
    if (column.key === 'time') sheet.getColumn(i + 1).numFmt = '@';
    if (column.key === 'duration') {
      validations.add(range, {
        type: 'decimal',
        operator: 'between',
        formulae: [0.01, 1440],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: column.header,
        error: 'Nhập số phút, lớn hơn 0 và không quá 1.440.',
      });
    }
    const list = lists[column.key];
    if (!list) return;
    const isStrict = STRICT_LISTS.has(column.key);
    validations.add(range, {
      type: 'list',
      formulae: [list],
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: isStrict ? 'stop' : 'warning',
      errorTitle: column.header,
      error: isStrict
        ? 'Chọn một giá trị trong danh sách.'
        : 'Giá trị không có trong danh sách; kiểm tra lại trước khi nhập.',
      showInputMessage: true,
      promptTitle: column.header,
      prompt: column.help.slice(0, 255),
    });
  });
}

function writeHelp(sheet: ExcelJS.Worksheet, kind: ActivityFileKind) {
  const what = kind === 'post' ? 'tin bài' : 'lượt phát sóng';
  sheet.columns = [
    { key: 'column', width: 26 },
    { key: 'required', width: 12 },
    { key: 'help', width: 100 },
  ];
  const lines = [
    `Mẫu nhập ${what} vào Loa Số`,
    '',
    `Mỗi dòng của trang đầu là một ${what}; giữ nguyên dòng tiêu đề. Các ô có danh sách thả xuống lấy từ danh mục của bạn.`,
    'Tệp được nhập trọn vẹn hoặc không nhập gì: nếu có dòng sai, hệ thống liệt kê mọi dòng sai (dòng, cột, lý do) để sửa rồi nhập lại.',
    // The same limits the reader enforces, so nobody learns them from a refused file.
    `Mỗi tệp tối đa ${formatCount(TABLE_LIMITS.maxRows)} dòng dữ liệu (không kể dòng tiêu đề) và ${formatCount(TABLE_LIMITS.maxCellChars)} ký tự mỗi ô; tệp lớn hơn hãy chia thành nhiều tệp.`,
    'Ngày ghi dạng dd/MM/yyyy (ví dụ 05/03/2025); ô định dạng ngày của Excel cũng được chấp nhận.',
    'Nếu Excel đảo ngày và tháng (máy đặt định dạng ngày kiểu Mỹ), định dạng cột ngày là Văn bản (Text) rồi gõ lại theo dd/MM/yyyy.',
    'Bản ghi trùng (cùng đường dẫn, hoặc cùng tiêu đề, cùng ngày, cùng kênh) vẫn được lưu nhưng được đánh dấu nghi trùng để người thẩm định quyết định.',
    '',
  ];
  for (const line of lines) sheet.addRow([line]);
  sheet.getRow(1).font = { bold: true, size: 14 };
  const header = sheet.addRow(['Cột', 'Bắt buộc', 'Cách ghi']);
  header.font = { bold: true };
  for (const column of templateColumns(kind)) {
    const row = sheet.addRow([column.header, column.isRequired ? 'Có' : 'Không', column.help]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
}
