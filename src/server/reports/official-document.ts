import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  type IRunOptions,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  type TableVerticalAlign,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { placeDateLine } from './vn-dates';

/**
 * The frame of an official document in the layout of NĐ 30/2020/NĐ-CP, Phụ lục I (DOMAIN.md §5):
 * A4 portrait, Times New Roman, the two-column header (agency | national motto), number and dated
 * place line, title and subject, then the body a caller supplies, then "Nơi nhận" beside the signing
 * block. Page numbers sit centred in the top margin from page 2 on. Reports reuse it with their body.
 */

export const FONT = 'Times New Roman';
/** Sizes in points. */
export const PT = {
  agency: 13,
  motto: 13,
  republic: 12,
  number: 13,
  date: 13,
  title: 14,
  body: 14,
  table: 12,
  recipientsLabel: 12,
  recipients: 11,
  signer: 14,
} as const;

/** Millimetres → twips (1/20 pt): the unit of page geometry in WordprocessingML. */
export function mm(value: number): number {
  return Math.round((value * 1440) / 25.4);
}

export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
} as const;
/** The width between the margins: 165 mm. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export interface OfficialDocumentInput {
  /** The governing agency above the issuer, e.g. "UBND TỈNH QUẢNG NGÃI"; null for a top-level issuer. */
  parentAgency: string | null;
  /** The issuing agency, e.g. "UBND XÃ ĐĂK RVE". */
  issuingAgency: string;
  /** "05/DM-UBND"; while a document has no number yet, the symbol alone ("DM-UBND") leaves the number blank. */
  documentNumber: string | null;
  documentSymbol: string;
  place: string;
  /** The signing day, yyyy-MM-dd; null leaves day and month blank, as on a draft. */
  date: string | null;
  /** The year printed when date is null. */
  year: number;
  /** Document type in caps ("DANH MỤC PHÁT SÓNG", "BÁO CÁO"). */
  title: string;
  /** The subject (trích yếu), one or more lines in bold. */
  subject: string[];
  body: Array<Paragraph | Table>;
  /** "Nơi nhận", one recipient a line; "- Lưu: VT." is added when missing. */
  recipients: string[];
  signingLines: string[];
  signerName: string | null;
  /** Prints "DỰ THẢO" at the top of the first page. */
  isDraft: boolean;
  /** Document properties. */
  creator?: string;
}

type RunStyle = Omit<IRunOptions, 'text' | 'children'> & { sizePt?: number };

/** A run in Times New Roman; sizes in points. */
export function text(value: string, style: RunStyle = {}): TextRun {
  const { sizePt, ...rest } = style;
  return new TextRun({ text: value, font: FONT, ...(sizePt ? { size: sizePt * 2 } : {}), ...rest });
}

export function centred(
  children: ParagraphChild[],
  options: { after?: number; before?: number; line?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: {
      before: options.before ?? 0,
      after: options.after ?? 0,
      ...(options.line ? { line: options.line } : {}),
    },
    children,
  });
}

/**
 * Stacked caps lines ("UBND TỈNH …" over "ỦY BAN NHÂN DÂN") need a little more than single spacing,
 * or the marks of one line touch the letters of the line above.
 */
const CAPS_LINE = 264;

/** A body paragraph: 14 pt, justified, first line indented 1.27 cm, 6 pt after, single spacing. */
export function bodyParagraph(
  value: string | ParagraphChild[],
  options: { indent?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: mm(12.7) },
    spacing: { after: 120, line: 276 },
    children: typeof value === 'string' ? [text(value, { sizePt: PT.body })] : value,
  });
}

/**
 * A horizontal rule of about the given width, centred in its column: an empty paragraph whose top
 * border is narrowed by indents. Word and LibreOffice both draw it; no drawing objects are needed.
 */
function rule(columnWidth: number, ruleWidth: number): Paragraph {
  const side = Math.max(0, Math.round((columnWidth - ruleWidth) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    // Space above keeps the rule clear of the descenders and marks of the line it sits under.
    spacing: { before: 60, after: 0, line: 240 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [text('', { sizePt: 4 })],
  });
}

/** The width Times New Roman text takes, roughly: half an em per character, a little more in bold caps. */
export function estimateWidth(value: string, sizePt: number, factor = 0.5): number {
  return Math.round(value.length * sizePt * 20 * factor);
}

const NO_BORDERS = TableBorders.NONE;
const HEADER_LEFT = 3800;
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;

function cell(
  width: number,
  children: Paragraph[],
  verticalAlign: TableVerticalAlign = VerticalAlignTable.TOP,
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    verticalAlign,
    children,
  });
}

function borderless(columnWidths: number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows,
  });
}

/** Agency | national motto, then number | place and date. */
export function documentHeader(
  input: Pick<
    OfficialDocumentInput,
    'parentAgency' | 'issuingAgency' | 'documentNumber' | 'documentSymbol' | 'place' | 'date' | 'year'
  >,
): Table {
  const left: Paragraph[] = [];
  if (input.parentAgency)
    left.push(centred([text(input.parentAgency, { sizePt: PT.agency })], { line: CAPS_LINE }));
  // A full name may come in lines ("ỦY BAN NHÂN DÂN" over "XÃ ĐĂK RVE"), each centred and bold.
  const issuerLines = input.issuingAgency.split('\n').filter((line) => line.trim() !== '');
  for (const line of issuerLines)
    left.push(centred([text(line, { sizePt: PT.agency, bold: true })], { line: CAPS_LINE }));
  const longestIssuerLine = issuerLines.reduce((a, b) => (b.length > a.length ? b : a), '');
  left.push(rule(HEADER_LEFT, Math.min(estimateWidth(longestIssuerLine, PT.agency, 0.6) / 2, 1400)));

  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const right: Paragraph[] = [
    centred([text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { sizePt: PT.republic, bold: true })], {
      line: CAPS_LINE,
    }),
    centred([text(motto, { sizePt: PT.motto, bold: true })], { line: CAPS_LINE }),
    rule(HEADER_RIGHT, estimateWidth(motto, PT.motto, 0.46)),
  ];

  const number =
    input.documentNumber?.replace(/^\s*số\s*:?\s*/iu, '').trim() || `      /${input.documentSymbol}`;
  return borderless(
    [HEADER_LEFT, HEADER_RIGHT],
    [
      new TableRow({ children: [cell(HEADER_LEFT, left), cell(HEADER_RIGHT, right)] }),
      new TableRow({
        children: [
          cell(HEADER_LEFT, [centred([text(`Số: ${number}`, { sizePt: PT.number })], { before: 120 })]),
          cell(HEADER_RIGHT, [
            centred(
              [text(placeDateLine(input.place, input.date, input.year), { sizePt: PT.date, italics: true })],
              { before: 120 },
            ),
          ]),
        ],
      }),
    ],
  );
}

/** Title in caps bold, the subject in bold below it, then a short rule. */
export function documentTitle(title: string, subject: string[]): Paragraph[] {
  const longest = Math.max(...subject.map((line) => line.length), title.length);
  return [
    centred([text(title.toLocaleUpperCase('vi'), { sizePt: PT.title, bold: true })], { before: 360 }),
    ...subject.map((line) => centred([text(line, { sizePt: PT.title, bold: true })])),
    rule(TEXT_WIDTH, Math.max(estimateWidth('x'.repeat(longest), PT.title, 0.5) / 3, 1200)),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

export function withArchiveLine(recipients: string[]): string[] {
  const lines = recipients.map((line) => line.normalize('NFC').trim()).filter(Boolean);
  const items = lines.map((line) => (line.startsWith('-') ? line : `- ${line}`));
  if (!items.some((line) => /^-\s*lưu\s*:/iu.test(line))) items.push('- Lưu: VT.');
  return items.map((line, i) => {
    const isLast = i === items.length - 1;
    const bare = line.replace(/[;.,]\s*$/, '');
    return isLast ? `${bare}.` : `${bare};`;
  });
}

/** "Nơi nhận" on the left, the signing block and the signer's name on the right. */
export function signatureBlock(
  input: Pick<OfficialDocumentInput, 'recipients' | 'signingLines' | 'signerName'>,
): Table {
  const leftWidth = 4300;
  const rightWidth = TEXT_WIDTH - leftWidth;
  const left: Paragraph[] = [
    new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [text('Nơi nhận:', { sizePt: PT.recipientsLabel, bold: true, italics: true })],
    }),
    ...withArchiveLine(input.recipients).map(
      (line) => new Paragraph({ spacing: { after: 0 }, children: [text(line, { sizePt: PT.recipients })] }),
    ),
  ];
  const right: Paragraph[] = [
    ...input.signingLines.map((line) => centred([text(line, { sizePt: PT.agency, bold: true })])),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => centred([text('', { sizePt: PT.body })])),
    centred([text(input.signerName ?? '', { sizePt: PT.signer, bold: true })]),
  ];
  return borderless(
    [leftWidth, rightWidth],
    [new TableRow({ cantSplit: true, children: [cell(leftWidth, left), cell(rightWidth, right)] })],
  );
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT.body * 2 })],
      }),
    ],
  });
}

function firstPageHeader(isDraft: boolean): Header {
  if (!isDraft) return new Header({ children: [new Paragraph({ children: [] })] });
  const box = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 } as const;
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        // A boxed mark at the right edge: the indent narrows the paragraph border to the word.
        indent: { left: TEXT_WIDTH - mm(30) },
        border: { top: box, bottom: box, left: box, right: box },
        children: [text('DỰ THẢO', { sizePt: PT.body, bold: true })],
      }),
    ],
  });
}

/** The whole document as DOCX bytes. */
export async function buildOfficialDocument(input: OfficialDocumentInput): Promise<Buffer> {
  const doc = new Document({
    creator: input.creator ?? 'Loa Số',
    title: [input.title, ...input.subject].join(' '),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: PT.body * 2, color: '000000' },
          paragraph: { spacing: { line: 240 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: mm(10), footer: mm(10) },
          },
        },
        headers: { default: pageNumberHeader(), first: firstPageHeader(input.isDraft) },
        children: [
          documentHeader(input),
          ...documentTitle(input.title, input.subject),
          ...input.body,
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          signatureBlock(input),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
