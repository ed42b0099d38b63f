import {
  AlignmentType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { formatVnDate } from '../../shared/dates';
import { bodyParagraph, buildOfficialDocument, TEXT_WIDTH, text } from './official-document';
import { type ScheduleDocumentData, weekdayName } from './schedule-data';
import { monthPhrase } from './vn-dates';

const TABLE_PT = 11;

const COLUMNS: Array<{
  header: string;
  width: number;
  align: (typeof AlignmentType)[keyof typeof AlignmentType];
}> = [
  { header: 'STT', width: 560, align: AlignmentType.CENTER },
  { header: 'Ngày', width: 1200, align: AlignmentType.CENTER },
  { header: 'Giờ phát', width: 900, align: AlignmentType.CENTER },
  { header: 'Tên tin bài', width: 0, align: AlignmentType.LEFT },
  { header: 'Thể loại', width: 850, align: AlignmentType.CENTER },
  { header: 'Chủ đề', width: 1250, align: AlignmentType.LEFT },
  { header: 'Ngôn ngữ', width: 900, align: AlignmentType.CENTER },
  { header: 'Thời lượng (phút)', width: 850, align: AlignmentType.CENTER },
  { header: 'Nguồn', width: 950, align: AlignmentType.CENTER },
];
// The title takes what the other columns leave of the 165 mm between the margins.
COLUMNS[3]!.width = TEXT_WIDTH - COLUMNS.reduce((sum, column) => sum + column.width, 0);

function tableCell(
  lines: string[],
  width: number,
  align: (typeof AlignmentType)[keyof typeof AlignmentType],
  options: { bold?: boolean; columnSpan?: number } = {},
) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.columnSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 40, bottom: 40 },
    children: lines.map(
      (line, i) =>
        new Paragraph({
          alignment: align,
          spacing: { before: 0, after: 0 },
          children: [
            text(line, { sizePt: i === 0 ? TABLE_PT : TABLE_PT - 1, bold: options.bold, italics: i > 0 }),
          ],
        }),
    ),
  });
}

function entriesTable(data: ScheduleDocumentData): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: COLUMNS.map((column) =>
      tableCell([column.header], column.width, AlignmentType.CENTER, { bold: true }),
    ),
  });
  const rows = data.entries.map(
    (entry, index) =>
      new TableRow({
        cantSplit: true,
        children: [
          [String(index + 1)],
          [formatVnDate(entry.airDate), weekdayName(entry.airDate)],
          [entry.timeSlot],
          [entry.title],
          [entry.genre ?? ''],
          [entry.topic ?? ''],
          [entry.language],
          [String(entry.durationMinutes)],
          [entry.source],
        ].map((lines, i) => tableCell(lines, COLUMNS[i]!.width, COLUMNS[i]!.align)),
      }),
  );
  const totalMinutes = data.entries.reduce((sum, entry) => sum + entry.durationMinutes, 0);
  const spanWidth = (from: number, to: number) =>
    COLUMNS.slice(from, to).reduce((sum, column) => sum + column.width, 0);
  const closing =
    data.entries.length === 0
      ? new TableRow({
          children: [
            tableCell(['Chưa có tin bài nào trong danh mục.'], TEXT_WIDTH, AlignmentType.CENTER, {
              columnSpan: COLUMNS.length,
            }),
          ],
        })
      : new TableRow({
          cantSplit: true,
          children: [
            tableCell([`Tổng cộng: ${data.entries.length} tin bài`], spanWidth(0, 7), AlignmentType.CENTER, {
              bold: true,
              columnSpan: 7,
            }),
            tableCell([String(totalMinutes)], COLUMNS[7]!.width, AlignmentType.CENTER, { bold: true }),
            tableCell([''], COLUMNS[8]!.width, AlignmentType.CENTER),
          ],
        });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMNS.map((column) => column.width),
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows, closing],
  });
}

/** The monthly broadcast list ("danh mục phát sóng") as an official document. */
export async function buildScheduleDocument(data: ScheduleDocumentData): Promise<Buffer> {
  const subject = [`${data.programmeName} ${monthPhrase(data.month)}`];
  if (data.stationName) subject.push(`trên ${data.stationName}`);
  const body: Array<Paragraph | Table> = [entriesTable(data)];
  if (data.note)
    body.push(new Paragraph({ spacing: { before: 120 }, children: [] }), bodyParagraph(data.note));
  return buildOfficialDocument({
    parentAgency: data.parentAgency,
    issuingAgency: data.issuingAgency,
    documentNumber: data.documentNumber,
    documentSymbol: data.documentSymbol,
    place: data.place,
    date: data.issuedOn,
    year: data.draftYear,
    title: 'Danh mục phát sóng',
    subject,
    body,
    recipients: data.recipients,
    signingLines: data.signingLines,
    signerName: data.signerName,
    isDraft: data.isDraft,
  });
}
