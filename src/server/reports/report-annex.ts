import type ExcelJS from 'exceljs';
import type { ReportResults } from '../../shared/api/report-contract';
import { loadExcelJs } from '../spreadsheets/load-exceljs';
import { childStateLabel, formatScore, isWebLink, scheduleStatusLabel, scoreLabel } from './report-words';
import { dayCell, sheetName } from './table-workbook';

/**
 * The annex ("Phụ lục") of a report: every list the document shortens, whole, one per sheet —
 * totals, the count tables, every DX post with its link, broadcasts per week, schedules, criterion
 * scores and, in a parent's report, the children and the units that did not submit. Headers are bold
 * and frozen with filters; text that a spreadsheet program would run as a formula is quote-prefixed.
 */

export interface ReportAnnexInput {
  results: ReportResults;
  /** The document's title, printed on the first sheet. */
  title: string;
  /** The issuing unit's name as written on the document. */
  issuerName: string;
}

/**
 * Text starting with = + - @ (or a tab or carriage return, which some programs skip first) would be
 * read as a formula: an apostrophe in front keeps it text, as the record exports do.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Cell = string | number | Date | null | { text: string; hyperlink: string };

interface Column {
  header: string;
  width: number;
  kind?: 'text' | 'number' | 'date';
}

function safe(value: Cell): ExcelJS.CellValue {
  if (typeof value === 'string') return neutraliseFormula(value);
  if (value !== null && typeof value === 'object' && !(value instanceof Date))
    return { text: neutraliseFormula(value.text), hyperlink: value.hyperlink };
  return value;
}

function addTable(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Cell[][]) {
  const sheet = workbook.addWorksheet(sheetName(name), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width,
    style: column.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : {},
  }));
  for (const row of rows) sheet.addRow(row.map(safe));
  for (const [index, column] of columns.entries()) {
    if (column.kind !== 'number')
      sheet.getColumn(index + 1).alignment = { vertical: 'top', wrapText: column.kind !== 'date' };
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.pageSetup.printTitlesRow = '1:1';
  return sheet;
}

function countSheet(workbook: ExcelJS.Workbook, name: string, first: string, rows: ReportResults['byGenre']) {
  addTable(
    workbook,
    name,
    [
      { header: 'STT', width: 6, kind: 'number' },
      { header: 'Mã', width: 16 },
      { header: first, width: 50 },
      { header: 'Số lượng', width: 12, kind: 'number' },
    ],
    rows.map((row, i) => [i + 1, row.key, row.label, row.count]),
  );
}

/** The annex as XLSX bytes. */
export async function buildReportAnnexXlsx(input: ReportAnnexInput): Promise<Buffer> {
  const { results } = input;
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Loa Số';
  workbook.created = new Date(results.computedAt);

  const totals = results.totals;
  const summary = workbook.addWorksheet('Tổng hợp');
  summary.columns = [{ width: 44 }, { width: 70 }];
  const summaryRows: Array<[string, string | number]> = [
    ['Phụ lục của', input.title],
    ['Đơn vị', input.issuerName.replace(/\n/g, ' ')],
    ['Kỳ báo cáo', `${results.period.label} (${results.period.from} – ${results.period.to})`],
    ['Số liệu tính lúc', results.computedAt],
    ['Tin bài', totals.posts],
    ['Tin bài chuyển đổi số', totals.dxPosts],
    ['Lượt phát thanh', totals.broadcasts],
    ['Thời lượng phát thanh (phút)', totals.broadcastMinutes],
    ['Số báo, bản tin', totals.pressIssues],
    ['Tin bài, lượt phát tiếng dân tộc thiểu số', totals.ethnicLanguageItems],
    ['Danh mục phát sóng đã ban hành', totals.schedulesIssued],
  ];
  if (results.scores) {
    const { scores } = results;
    summaryRows.push(['Bộ tiêu chí', `${scores.frameworkName} — ${scores.periodLabel}`]);
    summaryRows.push(['Điểm tự động', `${formatScore(scores.live.score)}/${formatScore(scores.live.max)}`]);
    if (scores.official)
      summaryRows.push([
        'Điểm chính thức',
        `${formatScore(scores.official.score)}/${formatScore(scores.official.max)} (công bố ${scores.official.publishedAt.slice(0, 10)})`,
      ]);
  }
  for (const [label, value] of summaryRows) summary.addRow([label, safe(value)]);
  summary.getColumn(1).font = { bold: true };
  summary.getColumn(2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };

  addTable(
    workbook,
    'Theo kênh',
    [
      { header: 'STT', width: 6, kind: 'number' },
      { header: 'Kênh', width: 50 },
      { header: 'Loại kênh', width: 18 },
      { header: 'Số tin bài, lượt phát', width: 14, kind: 'number' },
      { header: 'Thời lượng (phút)', width: 14, kind: 'number' },
    ],
    results.byChannel.map((row, i) => [i + 1, row.label, row.kind, row.count, row.minutes]),
  );
  countSheet(workbook, 'Theo thể loại', 'Thể loại', results.byGenre);
  countSheet(workbook, 'Theo chủ đề', 'Chủ đề', results.byTopic);
  countSheet(workbook, 'Theo ngôn ngữ', 'Ngôn ngữ', results.byLanguage);

  addTable(
    workbook,
    'Tin bài CĐS',
    [
      { header: 'STT', width: 6, kind: 'number' },
      { header: 'Ngày', width: 12, kind: 'date' },
      { header: 'Tên tin bài', width: 60 },
      { header: 'Kênh', width: 30 },
      { header: 'Đường dẫn', width: 50 },
    ],
    results.dxPosts.map((post, i) => [
      i + 1,
      dayCell(post.date),
      post.title,
      post.channel,
      post.url ? (isWebLink(post.url) ? { text: post.url, hyperlink: post.url } : post.url) : null,
    ]),
  );
  if (results.dxPostsTotal > results.dxPosts.length) {
    const sheet = workbook.getWorksheet('Tin bài CĐS')!;
    sheet.addRow([
      null,
      null,
      `Danh sách gồm ${results.dxPosts.length} tin bài mới nhất trong tổng số ${results.dxPostsTotal} tin bài của kỳ.`,
    ]);
  }

  addTable(
    workbook,
    'Phát sóng theo tuần',
    [
      { header: 'Tuần', width: 12 },
      { header: 'Từ ngày', width: 12, kind: 'date' },
      { header: 'Đến ngày', width: 12, kind: 'date' },
      { header: 'Lượt phát', width: 12, kind: 'number' },
      { header: 'Thời lượng (phút)', width: 14, kind: 'number' },
    ],
    results.broadcastsPerWeek.map((week) => [
      week.week,
      dayCell(week.from),
      dayCell(week.to),
      week.count,
      week.minutes,
    ]),
  );

  addTable(
    workbook,
    'Danh mục phát sóng',
    [
      { header: 'Tháng', width: 12 },
      { header: 'Trạng thái', width: 16 },
      { header: 'Số, ký hiệu', width: 20 },
      { header: 'Ngày ban hành', width: 14, kind: 'date' },
    ],
    results.schedules.map((schedule) => [
      schedule.month,
      scheduleStatusLabel(schedule.status),
      schedule.documentNumber,
      dayCell(schedule.issuedOn),
    ]),
  );

  addTable(
    workbook,
    'Điểm tiêu chí',
    [
      { header: 'Mã', width: 10 },
      { header: 'Tiêu chí', width: 45 },
      { header: 'Điểm tối đa', width: 10, kind: 'number' },
      { header: 'Điểm tự động', width: 12, kind: 'number' },
      { header: 'Điểm chính thức', width: 12, kind: 'number' },
      { header: 'Điểm dùng', width: 12 },
      { header: 'Giải thích', width: 80 },
    ],
    (results.scores?.criteria ?? []).map((criterion) => {
      const used = scoreLabel(criterion);
      return [
        criterion.code,
        criterion.name,
        criterion.max,
        criterion.liveScore,
        criterion.officialScore,
        used.label,
        criterion.explanation,
      ];
    }),
  );

  if (results.children) {
    addTable(
      workbook,
      'Đơn vị trực thuộc',
      [
        { header: 'STT', width: 6, kind: 'number' },
        { header: 'Đơn vị', width: 36 },
        { header: 'Tình trạng', width: 12 },
        { header: 'Ngày nộp', width: 12, kind: 'date' },
        { header: 'Tin bài', width: 10, kind: 'number' },
        { header: 'Tin bài CĐS', width: 12, kind: 'number' },
        { header: 'Lượt phát', width: 10, kind: 'number' },
        { header: 'Phút phát', width: 10, kind: 'number' },
        { header: 'Số báo, bản tin', width: 12, kind: 'number' },
        { header: 'Tiếng DTTS', width: 10, kind: 'number' },
        { header: 'Danh mục PS', width: 10, kind: 'number' },
        { header: 'Điểm', width: 10, kind: 'number' },
        { header: 'Điểm tối đa', width: 10, kind: 'number' },
        { header: 'Loại điểm', width: 12 },
      ],
      results.children.map((child, i) => [
        i + 1,
        child.unitName,
        childStateLabel(child.state),
        dayCell(child.submittedOn),
        child.totals?.posts ?? null,
        child.totals?.dxPosts ?? null,
        child.totals?.broadcasts ?? null,
        child.totals?.broadcastMinutes ?? null,
        child.totals?.pressIssues ?? null,
        child.totals?.ethnicLanguageItems ?? null,
        child.totals?.schedulesIssued ?? null,
        child.score?.score ?? null,
        child.score?.max ?? null,
        child.score ? (child.score.official ? 'chính thức' : 'tự động') : null,
      ]),
    );
    addTable(
      workbook,
      'Chưa nộp',
      [
        { header: 'STT', width: 6, kind: 'number' },
        { header: 'Đơn vị chưa nộp báo cáo', width: 50 },
      ],
      results.children
        .filter((child) => child.state === 'missing')
        .map((child, i) => [i + 1, child.unitName]),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
