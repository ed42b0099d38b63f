import {
  AlignmentType,
  ExternalHyperlink,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { ReportKind, ReportResults } from '../../shared/api/report-contract';
import { formatVnDate } from '../../shared/dates';
import type { UnitKind } from '../../shared/units';
import { signingLines } from './agency';
import { bodyParagraph, buildOfficialDocument, PT, TEXT_WIDTH, text } from './official-document';
import {
  BANNER_LABELS,
  childStateLabel,
  formatScore,
  isWebLink,
  monthlyBroadcasts,
  scheduleStatusLabel,
  scoreLabel,
} from './report-words';

/**
 * A periodic report ("báo cáo") as an NĐ 30/2020 document: the official frame (header table, number
 * and symbol, place and date, title, "Nơi nhận", signing block, page numbers from page 2) around the
 * four usual parts — I. results filled from the records and scores, II. assessment, III. tasks for the
 * next period, IV. proposals, the last three as the officer wrote them. Long lists are cut to their
 * first `listLimit` items with the total and a pointer to the annex, which holds them all.
 */

export interface ReportDocumentInput {
  results: ReportResults;
  /** Parts II–IV as the officer wrote them; one paragraph a line. */
  texts: { assessment: string; tasks: string; proposals: string };
  issuer: {
    /** Written out in full ("ỦY BAN NHÂN DÂN\nXÃ ĐĂK RVE"); a line break splits it into header lines. */
    name: string;
    /** The governing body, abbreviations allowed ("UBND TỈNH QUẢNG NGÃI"); null for a top-level issuer. */
    parentName: string | null;
    /** The place of the date line ("Quảng Ngãi"). */
    place: string;
  };
  /** "12/BC-UBND"; null leaves the number blank before the symbol ("Số:      /BC-UBND"). */
  documentNumber: string | null;
  documentSymbol: string;
  /** yyyy-MM-dd; null leaves day and month blank (the year of the period's end is printed). */
  issuedOn: string | null;
  /** "BÁO CÁO Kết quả công tác tuyên truyền về chuyển đổi số năm 2026": the type, then the subject. */
  title: string;
  /** "Nơi nhận" lines; "- Lưu: VT." is added when missing. */
  recipients: string[];
  /**
   * Who signs: the title ("Chủ tịch", "Phó Chủ tịch") gives the signing block ("TM. ỦY BAN NHÂN DÂN" /
   * "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH") for the report's unit kind; room is left for signature and seal.
   */
  signer: { title: string | null; name: string | null };
  kind: ReportKind;
  /** The year printed on a blank date (default: the year the period ends). */
  draftYear?: number;
  /** Prints "DỰ THẢO" on page 1. */
  isDraft?: boolean;
  /** How many items of a long list the body prints before pointing to the annex (default 20). */
  listLimit?: number;
}

const DEFAULT_LIST_LIMIT = 20;
/** Part III names the period it plans for, as such reports do. */
const NEXT_PERIOD: Record<ReportKind, string> = {
  annual: 'NĂM TỚI',
  semiannual: '6 THÁNG CUỐI NĂM',
  monthly_schedule: 'THÁNG TỚI',
  ad_hoc: 'THỜI GIAN TỚI',
};
/** More children than this and the body prints the first ones only; the annex has them all. */
const CHILD_ROWS_LIMIT = 200;
const TABLE_PT = PT.table;

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

interface Column {
  header: string;
  /** Twips; 0 takes what the other columns leave. */
  width: number;
  align?: Align;
}

function cellOf(
  content: string | ParagraphChild[],
  width: number,
  align: Align,
  options: { bold?: boolean; columnSpan?: number } = {},
): TableCell {
  const children =
    typeof content === 'string'
      ? content.split('\n').map(
          (line) =>
            new Paragraph({
              alignment: align,
              spacing: { before: 0, after: 0 },
              children: [text(line, { sizePt: TABLE_PT, bold: options.bold })],
            }),
        )
      : [new Paragraph({ alignment: align, spacing: { before: 0, after: 0 }, children: content })];
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.columnSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children,
  });
}

/** A bordered table across the text width; its header row repeats on every page it spans. */
function dataTable(
  columns: Column[],
  rows: Array<Array<string | ParagraphChild[]>>,
  closing?: { label: string; values: string[] },
): Table {
  const fixed = columns.reduce((sum, column) => sum + column.width, 0);
  const flexible = columns.filter((column) => column.width === 0).length;
  const widths = columns.map((column) =>
    column.width === 0 ? Math.floor((TEXT_WIDTH - fixed) / Math.max(1, flexible)) : column.width,
  );
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((column, i) =>
      cellOf(column.header, widths[i]!, AlignmentType.CENTER, { bold: true }),
    ),
  });
  const body = rows.map(
    (cells) =>
      new TableRow({
        cantSplit: true,
        children: cells.map((value, i) => cellOf(value, widths[i]!, columns[i]!.align ?? AlignmentType.LEFT)),
      }),
  );
  const all = [header, ...body];
  if (closing) {
    const span = columns.length - closing.values.length;
    all.push(
      new TableRow({
        cantSplit: true,
        children: [
          cellOf(
            closing.label,
            widths.slice(0, span).reduce((a, b) => a + b, 0),
            AlignmentType.CENTER,
            { bold: true, columnSpan: span },
          ),
          ...closing.values.map((value, i) =>
            cellOf(value, widths[span + i]!, columns[span + i]!.align ?? AlignmentType.CENTER, {
              bold: true,
            }),
          ),
        ],
      }),
    );
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: all,
  });
}

function heading(value: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 120, after: 120 },
    keepNext: true,
    children: [text(value, { sizePt: PT.body, bold: true })],
  });
}

function subheading(value: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 720 },
    spacing: { before: 120, after: 60 },
    keepNext: true,
    children: [text(value, { sizePt: PT.body, bold: true, italics: true })],
  });
}

function note(value: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 60, after: 120 },
    children: [text(value, { sizePt: TABLE_PT, italics: true })],
  });
}

const spacer = () => new Paragraph({ spacing: { after: 60 }, children: [] });
const number = (value: number) => value.toLocaleString('vi-VN');

/** The officer's text, one paragraph a line; an empty part says so instead of leaving a hole. */
function officerText(value: string): Paragraph[] {
  const lines = value
    .normalize('NFC')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return [note('(Chưa có nội dung.)')];
  return lines.map((line) => bodyParagraph(line));
}

const COUNT_COLUMNS = (first: string): Column[] => [
  { header: 'STT', width: 650, align: AlignmentType.CENTER },
  { header: first, width: 0 },
  { header: 'Số lượng', width: 1400, align: AlignmentType.CENTER },
];

function countTable(first: string, rows: ReportResults['byGenre']): Array<Paragraph | Table> {
  if (rows.length === 0) return [note('Không có số liệu trong kỳ.')];
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return [
    dataTable(
      COUNT_COLUMNS(first),
      rows.map((row, i) => [String(i + 1), row.label, number(row.count)]),
      { label: 'Tổng cộng', values: [number(total)] },
    ),
    spacer(),
  ];
}

function channelTable(results: ReportResults): Array<Paragraph | Table> {
  if (results.byChannel.length === 0) return [note('Đơn vị chưa có kênh nào có số liệu trong kỳ.')];
  return [
    dataTable(
      [
        { header: 'STT', width: 650, align: AlignmentType.CENTER },
        { header: 'Kênh', width: 0 },
        { header: 'Số tin bài, lượt phát', width: 1600, align: AlignmentType.CENTER },
        { header: 'Thời lượng (phút)', width: 1500, align: AlignmentType.CENTER },
      ],
      results.byChannel.map((row, i) => [
        String(i + 1),
        row.label,
        number(row.count),
        row.minutes > 0 ? number(row.minutes) : '',
      ]),
      {
        label: 'Tổng cộng',
        values: [
          number(results.byChannel.reduce((sum, row) => sum + row.count, 0)),
          number(results.byChannel.reduce((sum, row) => sum + row.minutes, 0)),
        ],
      },
    ),
    spacer(),
  ];
}

function dxPostList(results: ReportResults, limit: number): Array<Paragraph | Table> {
  const total = Math.max(results.dxPostsTotal, results.dxPosts.length);
  if (total === 0) return [note('Trong kỳ chưa có tin bài chuyển đổi số nào được ghi nhận.')];
  const shown = results.dxPosts.slice(0, limit);
  const out: Array<Paragraph | Table> = [
    bodyParagraph(
      `Trong kỳ, đơn vị đăng ${number(total)} tin bài về chuyển đổi số${
        shown.length < total
          ? `; dưới đây là ${number(shown.length)} tin bài mới nhất, danh sách đầy đủ tại Phụ lục kèm theo`
          : ''
      }.`,
    ),
    dataTable(
      [
        { header: 'STT', width: 650, align: AlignmentType.CENTER },
        { header: 'Ngày', width: 1300, align: AlignmentType.CENTER },
        { header: 'Tên tin bài và đường dẫn', width: 0 },
        { header: 'Kênh', width: 2400 },
      ],
      shown.map((post, i) => [
        String(i + 1),
        formatVnDate(post.date),
        post.url && isWebLink(post.url)
          ? [
              text(post.title, { sizePt: TABLE_PT }),
              text(' — ', { sizePt: TABLE_PT }),
              new ExternalHyperlink({
                link: post.url,
                children: [
                  text(post.url, {
                    sizePt: TABLE_PT - 1,
                    style: 'Hyperlink',
                    color: '0563C1',
                    underline: {},
                  }),
                ],
              }),
            ]
          : post.title,
        post.channel,
      ]),
    ),
  ];
  if (shown.length < total)
    out.push(note(`… và ${number(total - shown.length)} tin bài khác (xem Phụ lục, trang "Tin bài CĐS").`));
  else out.push(spacer());
  return out;
}

function broadcastSection(results: ReportResults): Array<Paragraph | Table> {
  const weeks = results.broadcastsPerWeek;
  const { broadcasts, broadcastMinutes } = results.totals;
  const silent = weeks.filter((week) => week.count === 0);
  const out: Array<Paragraph | Table> = [
    bodyParagraph(
      `Tổng số lượt phát: ${number(broadcasts)} lượt, thời lượng ${number(broadcastMinutes)} phút; ${number(
        weeks.length - silent.length,
      )}/${number(weeks.length)} tuần có lượt phát chuyển đổi số.`,
    ),
  ];
  if (silent.length > 0) {
    const listed = silent
      .slice(0, 12)
      .map((week) => `${week.week} (${formatVnDate(week.from)} – ${formatVnDate(week.to)})`);
    out.push(
      bodyParagraph(
        `Các tuần chưa có lượt phát: ${listed.join('; ')}${silent.length > listed.length ? `; và ${silent.length - listed.length} tuần khác` : ''}.`,
      ),
    );
  }
  const months = monthlyBroadcasts(weeks);
  if (months.length > 0) {
    out.push(
      dataTable(
        [
          { header: 'Tháng', width: 0, align: AlignmentType.CENTER },
          { header: 'Số tuần', width: 1500, align: AlignmentType.CENTER },
          { header: 'Tuần chưa có lượt phát', width: 2100, align: AlignmentType.CENTER },
          { header: 'Lượt phát', width: 1500, align: AlignmentType.CENTER },
          { header: 'Thời lượng (phút)', width: 1700, align: AlignmentType.CENTER },
        ],
        months.map((month) => [
          month.label,
          number(month.weeks),
          number(month.silentWeeks),
          number(month.count),
          number(month.minutes),
        ]),
      ),
      note('Số liệu từng tuần tại Phụ lục, trang "Phát sóng theo tuần".'),
    );
  }
  return out;
}

function scheduleSection(results: ReportResults): Array<Paragraph | Table> {
  if (results.schedules.length === 0)
    return [bodyParagraph('Trong kỳ chưa ban hành danh mục phát sóng nào.')];
  return [
    bodyParagraph(`Số danh mục phát sóng đã ban hành: ${number(results.totals.schedulesIssued)}.`),
    dataTable(
      [
        { header: 'STT', width: 650, align: AlignmentType.CENTER },
        { header: 'Tháng', width: 0, align: AlignmentType.CENTER },
        { header: 'Trạng thái', width: 2000, align: AlignmentType.CENTER },
        { header: 'Số, ký hiệu', width: 2200, align: AlignmentType.CENTER },
        { header: 'Ngày ban hành', width: 1700, align: AlignmentType.CENTER },
      ],
      results.schedules.map((schedule, i) => [
        String(i + 1),
        schedule.month,
        scheduleStatusLabel(schedule.status),
        schedule.documentNumber ?? '',
        schedule.issuedOn ? formatVnDate(schedule.issuedOn) : '',
      ]),
    ),
    spacer(),
  ];
}

function bannerSentence(results: ReportResults): Paragraph {
  const { banner } = results;
  const checked = banner.checkedOn ? ` (kiểm tra ngày ${formatVnDate(banner.checkedOn)})` : '';
  const target = banner.targetUrl ? `, liên kết tới ${banner.targetUrl}` : '';
  return bodyParagraph(
    `Banner tuyên truyền chuyển đổi số trên cổng thông tin: ${BANNER_LABELS[banner.status]}${checked}${target}.`,
  );
}

function ethnicSection(results: ReportResults): Paragraph[] {
  const others = results.byLanguage.filter((row) => row.key !== 'vi' && row.count > 0);
  const count = results.totals.ethnicLanguageItems;
  if (count === 0) return [bodyParagraph('Trong kỳ chưa có tin bài, lượt phát bằng tiếng dân tộc thiểu số.')];
  return [
    bodyParagraph(
      `Số tin bài, lượt phát bằng tiếng dân tộc thiểu số: ${number(count)}${
        others.length > 0 ? ` (${others.map((row) => `${row.label}: ${number(row.count)}`).join('; ')})` : ''
      }.`,
    ),
  ];
}

function scoreSection(results: ReportResults): Array<Paragraph | Table> {
  const { scores } = results;
  if (!scores) return [bodyParagraph('Chưa có bộ tiêu chí đánh giá áp dụng cho kỳ báo cáo.')];
  const out: Array<Paragraph | Table> = [
    bodyParagraph(`Bộ tiêu chí: ${scores.frameworkName}; kỳ đánh giá: ${scores.periodLabel}.`),
  ];
  if (scores.official) {
    out.push(
      bodyParagraph([
        text('Điểm chính thức: ', { sizePt: PT.body }),
        text(`${formatScore(scores.official.score)}/${formatScore(scores.official.max)} điểm`, {
          sizePt: PT.body,
          bold: true,
        }),
        text(
          ` (kết quả thẩm định công bố ngày ${formatVnDate(scores.official.publishedAt.slice(0, 10))}); điểm tự động hiện tại: ${formatScore(scores.live.score)}/${formatScore(scores.live.max)}.`,
          { sizePt: PT.body },
        ),
      ]),
    );
  } else {
    out.push(
      bodyParagraph([
        text('Điểm tự động (chưa có điểm chính thức): ', { sizePt: PT.body }),
        text(`${formatScore(scores.live.score)}/${formatScore(scores.live.max)} điểm`, {
          sizePt: PT.body,
          bold: true,
        }),
        text(', tính từ các bản ghi tại thời điểm lập báo cáo.', { sizePt: PT.body }),
      ]),
    );
  }
  if (scores.criteria.length > 0) {
    out.push(
      dataTable(
        [
          { header: 'Mã', width: 900, align: AlignmentType.CENTER },
          { header: 'Tiêu chí', width: 2600 },
          { header: 'Điểm tối đa', width: 950, align: AlignmentType.CENTER },
          { header: 'Điểm', width: 950, align: AlignmentType.CENTER },
          { header: 'Loại điểm', width: 1150, align: AlignmentType.CENTER },
          { header: 'Giải thích', width: 0 },
        ],
        scores.criteria.map((criterion) => {
          const { value, label } = scoreLabel(criterion);
          return [
            criterion.code,
            criterion.name,
            formatScore(criterion.max),
            value,
            label,
            criterion.explanation,
          ];
        }),
      ),
      spacer(),
    );
  }
  return out;
}

function childrenSection(results: ReportResults, limit: number): Array<Paragraph | Table> {
  const children = results.children ?? [];
  const onTime = children.filter((child) => child.state === 'on_time').length;
  const late = children.filter((child) => child.state === 'late').length;
  const missing = children.filter((child) => child.state === 'missing');
  const out: Array<Paragraph | Table> = [
    bodyParagraph(
      `Số đơn vị phải báo cáo: ${number(children.length)}; đã nộp ${number(onTime + late)} (đúng hạn ${number(onTime)}, trễ hạn ${number(late)}); chưa nộp ${number(missing.length)}.`,
    ),
  ];
  if (children.length === 0) return out;
  const shown = children.slice(0, Math.max(limit, CHILD_ROWS_LIMIT));
  const sum = (pick: (totals: ReportResults['totals']) => number) =>
    children.reduce((total, child) => total + (child.totals ? pick(child.totals) : 0), 0);
  out.push(
    dataTable(
      [
        { header: 'STT', width: 600, align: AlignmentType.CENTER },
        { header: 'Đơn vị', width: 0 },
        { header: 'Tình trạng', width: 1350, align: AlignmentType.CENTER },
        { header: 'Tin bài', width: 850, align: AlignmentType.CENTER },
        { header: 'Tin bài CĐS', width: 950, align: AlignmentType.CENTER },
        { header: 'Lượt phát', width: 900, align: AlignmentType.CENTER },
        { header: 'Phút phát', width: 900, align: AlignmentType.CENTER },
        { header: 'Điểm', width: 1350, align: AlignmentType.CENTER },
      ],
      shown.map((child, i) => [
        String(i + 1),
        child.unitName,
        `${childStateLabel(child.state)}${child.submittedOn ? `\n${formatVnDate(child.submittedOn)}` : ''}`,
        child.totals ? number(child.totals.posts) : '',
        child.totals ? number(child.totals.dxPosts) : '',
        child.totals ? number(child.totals.broadcasts) : '',
        child.totals ? number(child.totals.broadcastMinutes) : '',
        child.score
          ? `${formatScore(child.score.score)}/${formatScore(child.score.max)}\n${child.score.official ? 'chính thức' : 'tự động'}`
          : '',
      ]),
      {
        label: 'Tổng cộng',
        values: [
          number(sum((t) => t.posts)),
          number(sum((t) => t.dxPosts)),
          number(sum((t) => t.broadcasts)),
          number(sum((t) => t.broadcastMinutes)),
          '',
        ],
      },
    ),
  );
  if (shown.length < children.length)
    out.push(
      note(
        `… và ${number(children.length - shown.length)} đơn vị khác (xem Phụ lục, trang "Đơn vị trực thuộc").`,
      ),
    );
  out.push(subheading('Các đơn vị chưa nộp báo cáo'));
  out.push(
    missing.length === 0
      ? bodyParagraph('Tất cả các đơn vị đã nộp báo cáo.')
      : bodyParagraph(`${missing.map((child) => child.unitName).join('; ')}.`),
  );
  return out;
}

function resultsPart(results: ReportResults, limit: number): Array<Paragraph | Table> {
  const { totals } = results;
  const hasChildren = results.children !== undefined;
  const parts: Array<Paragraph | Table> = [
    heading('I. KẾT QUẢ THỰC HIỆN'),
    subheading('1. Số liệu chung'),
    bodyParagraph(
      `Trong kỳ báo cáo (từ ngày ${formatVnDate(results.period.from)} đến ngày ${formatVnDate(results.period.to)}), ${results.unit.name} đã đăng ${number(totals.posts)} tin bài (trong đó ${number(totals.dxPosts)} tin bài về chuyển đổi số), thực hiện ${number(totals.broadcasts)} lượt phát thanh với tổng thời lượng ${number(totals.broadcastMinutes)} phút, ${number(totals.pressIssues)} số báo, bản tin; ${number(totals.ethnicLanguageItems)} tin bài, lượt phát bằng tiếng dân tộc thiểu số; ban hành ${number(totals.schedulesIssued)} danh mục phát sóng.`,
    ),
    subheading('2. Theo kênh thông tin'),
    ...channelTable(results),
    subheading('3. Theo thể loại'),
    ...countTable('Thể loại', results.byGenre),
    subheading('4. Theo chủ đề'),
    ...countTable('Chủ đề', results.byTopic),
    subheading('5. Theo ngôn ngữ'),
    ...countTable('Ngôn ngữ', results.byLanguage),
    subheading('6. Tin bài về chuyển đổi số'),
    ...dxPostList(results, limit),
    subheading('7. Phát thanh theo tuần'),
    ...broadcastSection(results),
    subheading('8. Danh mục phát sóng'),
    ...scheduleSection(results),
    subheading('9. Banner tuyên truyền'),
    bannerSentence(results),
    subheading('10. Nội dung bằng tiếng dân tộc thiểu số'),
    ...ethnicSection(results),
    subheading('11. Kết quả chấm điểm theo bộ tiêu chí'),
    ...scoreSection(results),
  ];
  if (hasChildren) {
    parts.push(
      subheading('12. Tình hình báo cáo của các đơn vị trực thuộc'),
      ...childrenSection(results, limit),
    );
  }
  return parts;
}

/** Splits "BÁO CÁO Kết quả …" into the document type in caps and the subject below it. */
export function splitTitle(title: string): { type: string; subject: string[] } {
  const clean = title.normalize('NFC').replace(/\s+/g, ' ').trim();
  const match = /^(báo cáo)\s*(.*)$/iu.exec(clean);
  if (match) return { type: 'BÁO CÁO', subject: match[2] ? [match[2]] : [] };
  return { type: 'BÁO CÁO', subject: clean ? [clean] : [] };
}

/** The report as DOCX bytes. */
export async function buildReportDocx(input: ReportDocumentInput): Promise<Buffer> {
  const limit = Math.max(1, input.listLimit ?? DEFAULT_LIST_LIMIT);
  const { type, subject } = splitTitle(input.title);
  const body: Array<Paragraph | Table> = [
    ...resultsPart(input.results, limit),
    heading('II. ĐÁNH GIÁ CHUNG'),
    ...officerText(input.texts.assessment),
    heading(`III. NHIỆM VỤ TRỌNG TÂM ${NEXT_PERIOD[input.kind]}`),
    ...officerText(input.texts.tasks),
    heading('IV. ĐỀ XUẤT, KIẾN NGHỊ'),
    ...officerText(input.texts.proposals),
  ];
  return buildOfficialDocument({
    parentAgency: input.issuer.parentName,
    issuingAgency: input.issuer.name,
    documentNumber: input.documentNumber,
    documentSymbol: input.documentSymbol,
    place: input.issuer.place,
    date: input.issuedOn,
    year: input.draftYear ?? Number(input.results.period.to.slice(0, 4)),
    title: type,
    subject,
    body,
    recipients: input.recipients,
    signingLines: signingLines(input.results.unit.kind as UnitKind, input.signer.title),
    signerName: input.signer.name,
    isDraft: input.isDraft ?? false,
  });
}
