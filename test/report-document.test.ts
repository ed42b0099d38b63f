import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildEvidencePackage,
  NameRegistry,
  type ReportEvidenceItem,
  safeSegment,
} from '../src/server/reports/evidence-package';
import { buildReportAnnexXlsx, neutraliseFormula } from '../src/server/reports/report-annex';
import { buildReportDocx } from '../src/server/reports/report-document';
import { createLocalFileStore } from '../src/server/storage/local-file-store';
import { communeDocument, communeResults, provinceDocument } from './support/report-results';

/** The report's documents as pure builders: DOCX structure, annex cells, the evidence ZIP. */

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

async function docxParts(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  // Which header part is the default one and which the first page's, through the relationships.
  const headerOf = async (type: 'default' | 'first') => {
    const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`).exec(document)?.[1];
    const target = id ? new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] : undefined;
    return target ? read(`word/${target}`) : '';
  };
  return {
    document,
    styles: await read('word/styles.xml'),
    defaultHeader: await headerOf('default'),
    firstHeader: await headerOf('first'),
  };
}

/** Visible text of WordprocessingML, runs joined, XML entities decoded. */
function plainText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((match) => match[1]!)
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The paragraphs (w:p) holding a text, to look at their run properties. */
function paragraphWith(xml: string, text: string): string {
  const paragraph = xml.split('</w:p>').find((chunk) => plainText(chunk).includes(text));
  if (!paragraph) throw new Error(`no paragraph with "${text}"`);
  return paragraph;
}

describe('report DOCX (NĐ 30/2020)', () => {
  it('lays out a commune report: header table, number, place and date, title, four parts, Nơi nhận, signature', async () => {
    const parts = await docxParts(await buildReportDocx(communeDocument()));
    const xml = parts.document;
    const text = plainText(xml);
    // The header is the first table: governing body (abbreviated), the issuer in full and bold, the motto.
    const header = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    const headerText = plainText(header);
    for (const expected of [
      'UBND TỈNH QUẢNG NGÃI',
      'ỦY BAN NHÂN DÂN',
      'XÃ ĐĂK RVE',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 125/BC-UBND',
      'Đăk Rve, ngày 05 tháng 12 năm 2026',
    ])
      expect(headerText).toContain(expected);
    expect(headerText.indexOf('UBND TỈNH QUẢNG NGÃI')).toBeLessThan(headerText.indexOf('ỦY BAN NHÂN DÂN'));
    expect(paragraphWith(header, 'XÃ ĐĂK RVE')).toContain('<w:b/>');
    expect(paragraphWith(header, 'ỦY BAN NHÂN DÂN')).toContain('<w:b/>');
    expect(paragraphWith(header, 'UBND TỈNH QUẢNG NGÃI')).not.toContain('<w:b/>');
    expect(paragraphWith(header, 'Đăk Rve, ngày 05 tháng 12 năm 2026')).toContain('<w:i/>');
    // The motto has its rule line: a paragraph with a top border right after it.
    expect(header.split('Độc lập - Tự do - Hạnh phúc')[1]).toMatch(/<w:pBdr><w:top w:val="single"/);

    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả công tác tuyên truyền về chuyển đổi số năm 2026');
    const headings = [
      'I. KẾT QUẢ THỰC HIỆN',
      'II. ĐÁNH GIÁ CHUNG',
      'III. NHIỆM VỤ TRỌNG TÂM NĂM TỚI',
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
    ];
    const positions = headings.map((heading) => text.indexOf(heading));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Part I from the results: tables by channel, genre, topic, language; DX posts with links; scores labelled.
    for (const expected of [
      'Theo kênh thông tin',
      'Chuyên mục Chuyển đổi số (cổng thông tin)',
      'Phóng sự',
      'Kinh tế số, thương mại điện tử',
      'Tiếng Xơ Đăng',
      'Tháng 01/2026',
      '01/DM-UBND',
      'có đặt, hoạt động',
      'Điểm chính thức: ',
      '84/100 điểm',
      'chính thức',
      'tự động',
      '47/53 tuần có lượt phát; 6 tuần không có.',
      'Hạn chế: một số tuần chưa có lượt phát do mất điện.',
      'Đề nghị tỉnh hỗ trợ thay cụm loa tại thôn Kon Rlong.',
    ])
      expect(text).toContain(expected);
    expect(xml).toContain('<w:hyperlink');
    expect(xml).toContain('<w:tblHeader/>');
    // The closing table: "Nơi nhận" with the archive line on the left, the signing block on the right.
    const closing = xml.slice(xml.lastIndexOf('<w:tbl>'));
    const closingText = plainText(closing);
    expect(closingText).toMatch(
      /^Nơi nhận:- Sở Khoa học và Công nghệ tỉnh Quảng Ngãi;- Thường trực Đảng ủy xã;- Lưu: VT\./,
    );
    expect(closingText).toContain('TM. ỦY BAN NHÂN DÂNCHỦ TỊCHNguyễn Văn An');
    // Room for signature and seal: four empty paragraphs between the title and the name.
    const signature = closing.split('CHỦ TỊCH')[1]!.split('Nguyễn Văn An')[0]!;
    expect(signature.match(/<w:p>|<w:p /g)?.length).toBeGreaterThanOrEqual(4);

    // A4, NĐ 30 margins (top/bottom 20–25 mm, left 30–35, right 15–20), Times New Roman 13–14 pt.
    const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
    const size = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(xml)!;
    expect([Number(size[1]), Number(size[2])]).toEqual([11906, 16838]);
    const margin = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(xml)!;
    const [top, right, bottom, left] = margin.slice(1).map(Number) as [number, number, number, number];
    expect(top).toBeGreaterThanOrEqual(twips(20) - 1);
    expect(top).toBeLessThanOrEqual(twips(25));
    expect(bottom).toBeGreaterThanOrEqual(twips(20) - 1);
    expect(bottom).toBeLessThanOrEqual(twips(25));
    expect(left).toBeGreaterThanOrEqual(twips(30) - 1);
    expect(left).toBeLessThanOrEqual(twips(35));
    expect(right).toBeGreaterThanOrEqual(twips(15) - 1);
    expect(right).toBeLessThanOrEqual(twips(20));
    expect(parts.styles).toContain('w:ascii="Times New Roman"');
    const bodySize = /<w:docDefaults>.*?<w:sz w:val="(\d+)"/s.exec(parts.styles)!;
    expect(Number(bodySize[1]) / 2).toBeGreaterThanOrEqual(13);
    expect(Number(bodySize[1]) / 2).toBeLessThanOrEqual(14);

    // Page numbers from page 2: a different first page, the PAGE field only in the default header.
    expect(xml).toContain('<w:titlePg/>');
    expect(parts.defaultHeader).toMatch(/PAGE/);
    expect(parts.firstHeader).not.toMatch(/PAGE/);
    expect(parts.defaultHeader).toContain('w:jc w:val="center"');
  });

  it('leaves the number blank before the symbol and marks a draft', async () => {
    const parts = await docxParts(
      await buildReportDocx(communeDocument({ documentNumber: null, issuedOn: null, isDraft: true })),
    );
    const text = plainText(parts.document);
    expect(text).toMatch(/Số: {2,}\/BC-UBND/);
    expect(text).toMatch(/Đăk Rve, ngày {6}tháng {6}năm 2026/);
    expect(plainText(parts.firstHeader)).toBe('DỰ THẢO');
    const adHoc = plainText(
      (await docxParts(await buildReportDocx(communeDocument({ kind: 'ad_hoc' })))).document,
    );
    expect(adHoc).toContain('III. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI');
  });

  it('gives a parent a row per child, the units that did not submit, and the first DX posts only', async () => {
    const input = provinceDocument();
    const buffer = await buildReportDocx(input);
    const parts = await docxParts(buffer);
    const text = plainText(parts.document);
    expect(text).toContain('Tình hình báo cáo của các đơn vị trực thuộc');
    expect(text).toContain(
      'Số đơn vị phải báo cáo: 130; đã nộp 117 (đúng hạn 104, trễ hạn 13); chưa nộp 13.',
    );
    for (const child of input.results.children!) expect(text).toContain(child.unitName);
    expect(text).toContain('Đúng hạn');
    expect(text).toContain('Trễ hạn');
    expect(text).toContain('Chưa nộp');
    const missing = input.results.children!.filter((child) => child.state === 'missing');
    const missingList = text.split('Các đơn vị chưa nộp báo cáo')[1]!;
    for (const child of missing) expect(missingList).toContain(child.unitName);
    // 3,000 DX posts: the body lists the first 20 and points to the annex.
    expect(text).toContain('Tin chuyển đổi số số 20 của');
    expect(text).not.toContain('Tin chuyển đổi số số 21 của');
    expect(text).toContain('… và 2.980 tin bài khác');
    expect(text).toContain('ỦY BAN NHÂN DÂNTỈNH QUẢNG NGÃI');
    expect(text).toContain('KT. CHỦ TỊCHPHÓ CHỦ TỊCH');
    expect(buffer.length).toBeLessThan(400_000);
  });

  it('escapes markup and formula-like text in the title, the lists and the officer texts', async () => {
    const hostile = '<script>alert(1)</script> =cmd|\' /C calc\'!A0 & "x"';
    const results = communeResults();
    results.dxPosts[0] = { ...results.dxPosts[0]!, title: hostile, url: 'javascript:alert(1)' };
    const parts = await docxParts(
      await buildReportDocx(
        communeDocument({
          results,
          title: `BÁO CÁO ${hostile}`,
          texts: { assessment: hostile, tasks: '</w:t><w:t>x', proposals: '' },
        }),
      ),
    );
    expect(parts.document).not.toContain('<script>');
    expect(parts.document).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(plainText(parts.document)).toContain(hostile);
    expect(plainText(parts.document)).toContain('</w:t><w:t>x');
    // A javascript: address never becomes a link.
    expect(parts.document).not.toContain('javascript:');
    expect(plainText(parts.document)).toContain('(Chưa có nội dung.)');
  });
});

describe('report annex (XLSX)', () => {
  it('has every table, the whole DX post list with links, frozen headers and no formulas', async () => {
    const results = communeResults();
    results.dxPosts[0] = { ...results.dxPosts[0]!, title: "=cmd|' /C calc'!A0" };
    results.byTopic.push({ key: '+x', label: '@SUM(A1:A2)', count: 1 });
    results.byChannel[0]!.label = '-2+3';
    const buffer = await buildReportAnnexXlsx({
      results,
      title: 'BÁO CÁO Kết quả năm 2026',
      issuerName: 'ỦY BAN NHÂN DÂN\nXÃ ĐĂK RVE',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Tổng hợp',
      'Theo kênh',
      'Theo thể loại',
      'Theo chủ đề',
      'Theo ngôn ngữ',
      'Tin bài CĐS',
      'Phát sóng theo tuần',
      'Danh mục phát sóng',
      'Điểm tiêu chí',
    ]);
    const posts = workbook.getWorksheet('Tin bài CĐS')!;
    expect(posts.rowCount).toBe(1 + results.dxPosts.length);
    expect(posts.getCell('C2').value).toBe("'=cmd|' /C calc'!A0");
    expect(posts.getCell('E3').value).toMatchObject({ hyperlink: results.dxPosts[1]!.url });
    expect(posts.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(posts.getColumn(3).width).toBe(60);
    expect(workbook.getWorksheet('Theo chủ đề')!.getCell('C6').value).toBe("'@SUM(A1:A2)");
    expect(workbook.getWorksheet('Theo chủ đề')!.getCell('B6').value).toBe("'+x");
    expect(workbook.getWorksheet('Theo kênh')!.getCell('B2').value).toBe("'-2+3");
    expect(workbook.getWorksheet('Phát sóng theo tuần')!.rowCount).toBe(54);
    // No cell anywhere is a formula.
    const xml = await (await JSZip.loadAsync(buffer)).file(/xl\/worksheets\/sheet\d+\.xml/);
    for (const sheet of xml) expect(await sheet.async('string')).not.toContain('<f>');
    expect(neutraliseFormula('Tin thường')).toBe('Tin thường');
  });

  it('adds the children and the missing units for a parent', async () => {
    const input = provinceDocument();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await buildReportAnnexXlsx({
        results: input.results,
        title: input.title,
        issuerName: 'UBND',
      })) as unknown as ArrayBuffer,
    );
    expect(workbook.getWorksheet('Tin bài CĐS')!.rowCount).toBe(3001);
    expect(workbook.getWorksheet('Đơn vị trực thuộc')!.rowCount).toBe(131);
    expect(workbook.getWorksheet('Chưa nộp')!.rowCount).toBe(14);
    expect(workbook.getWorksheet('Đơn vị trực thuộc')!.getCell('C9').value).toBe('Chưa nộp');
  });
});

describe('evidence package names', () => {
  it('keeps Vietnamese, drops traversal, controls and direction overrides, numbers duplicates', () => {
    expect(safeSegment('Biên bản kiểm tra loa.pdf')).toBe('Biên bản kiểm tra loa.pdf');
    expect(safeSegment('../../etc/passwd')).toBe('etc-passwd');
    expect(safeSegment('a/../b')).toBe('a-..-b');
    expect(safeSegment('..')).toBe('tep');
    expect(safeSegment('ảnh\u202Egpj.exe')).toBe('ảnhgpj.exe');
    expect(safeSegment('a\u0000b\u200Bc.txt')).toBe('abc.txt');
    expect(safeSegment('CON.txt')).toBe('_CON.txt');
    expect(safeSegment('  tên . ')).toBe('tên');
    expect(safeSegment('C:\\Windows\\x.pdf')).toBe('C--Windows-x.pdf');
    // NFD input comes out NFC.
    expect(safeSegment('Xã Đăk Rve'.normalize('NFD'))).toBe('Xã Đăk Rve');
    const long = safeSegment(`${'Tên rất dài '.repeat(20)}.pdf`);
    expect([...long].length).toBeLessThanOrEqual(120);
    expect(long.endsWith('.pdf')).toBe(true);
    const names = new NameRegistry();
    expect(names.claim('A', 'Biên bản.pdf')).toBe('A/Biên bản.pdf');
    expect(names.claim('A', 'biên bản.pdf')).toBe('A/biên bản (2).pdf');
    expect(names.claim('A', 'Biên bản.pdf')).toBe('A/Biên bản (3).pdf');
    expect(names.claim('B', 'Biên bản.pdf')).toBe('B/Biên bản.pdf');
  });
});

function item(overrides: Partial<ReportEvidenceItem> & { content?: Buffer }): ReportEvidenceItem {
  const { content, ...rest } = overrides;
  return {
    evidenceId: `e-${Math.random().toString(16).slice(2)}`,
    unitId: 'u1',
    unitName: 'Xã Đăk Rve',
    kind: 'file',
    title: 'Minh chứng',
    file: content
      ? {
          storageKey: sha256(content),
          fileName: 'tep.pdf',
          sha256: sha256(content),
          sizeBytes: content.length,
          mimeType: 'application/pdf',
        }
      : null,
    url: null,
    citation: null,
    proves: ['Tin bài “Hướng dẫn cài VNeID” ngày 05/03/2026'],
    ...rest,
  };
}

async function unzip(stream: Readable): Promise<JSZip> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return JSZip.loadAsync(Buffer.concat(chunks));
}

describe('evidence package (ZIP)', () => {
  it('holds the report, the annex, an offline index with each file and its SHA-256, and the files', async () => {
    const pdf = Buffer.from('%PDF-1.7\n% biên bản\n%%EOF\n');
    const photo = Buffer.from('\x89PNG ảnh chụp loa');
    const tampered = Buffer.from('nội dung đã bị sửa');
    const contents = new Map<string, Buffer>([
      [sha256(pdf), pdf],
      [sha256(photo), photo],
      ['recorded-hash-of-the-original', tampered],
    ]);
    const items: ReportEvidenceItem[] = [
      item({
        title: 'Biên bản kiểm tra',
        content: pdf,
        file: {
          storageKey: sha256(pdf),
          fileName: '../../Biên bản.pdf',
          sha256: sha256(pdf),
          sizeBytes: pdf.length,
          mimeType: 'application/pdf',
        },
      }),
      item({
        title: 'Ảnh loa',
        file: {
          storageKey: sha256(photo),
          fileName: 'Biên bản.pdf',
          sha256: sha256(photo),
          sizeBytes: photo.length,
          mimeType: 'image/png',
        },
        proves: ['Tiêu chí 1.2 — Phát thanh hằng tuần'],
      }),
      // The same bytes as the first item, proving something else: packed once, listed twice.
      item({ title: 'Biên bản (bản dùng cho tiêu chí)', content: pdf, proves: ['Tiêu chí 1.1'] }),
      item({
        title: 'Tệp bị sửa',
        unitName: 'Xã Kon\u202Egnp.exe',
        file: {
          storageKey: 'recorded-hash-of-the-original',
          fileName: 'sua.txt',
          sha256: 'a'.repeat(64),
          sizeBytes: tampered.length,
          mimeType: 'text/plain',
        },
      }),
      item({ kind: 'url', title: 'Trang chuyên mục', url: 'https://dakrve.gov.vn/cds' }),
      item({
        kind: 'citation',
        title: 'Kế hoạch',
        citation: 'Số 12/KH-UBND ngày 05/01/2026 của UBND xã Đăk Rve',
      }),
    ];
    const docx = await buildReportDocx(communeDocument());
    const xlsx = Buffer.from('xlsx bytes');
    const { stream, entries } = buildEvidencePackage({
      title: 'BÁO CÁO Kết quả năm 2026 <b>',
      generatedAt: new Date('2026-12-05T02:00:00Z'),
      documents: [
        { fileName: 'Báo cáo năm 2026 - Xã Đăk Rve.docx', content: docx, description: 'Báo cáo' },
        { fileName: 'Phụ lục.xlsx', content: xlsx, description: 'Phụ lục' },
      ],
      items,
      open: async (key) => Readable.from([contents.get(key)!]),
    });
    const zip = await unzip(stream);
    const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
    expect(names.sort()).toEqual(
      [
        'Báo cáo năm 2026 - Xã Đăk Rve.docx',
        'Phụ lục.xlsx',
        'Minh chứng/Xã Đăk Rve/Biên bản.pdf',
        'Minh chứng/Xã Đăk Rve/Biên bản (2).pdf',
        'Minh chứng/Xã Kongnp.exe/sua.txt',
        'index.html',
        'index.xlsx',
      ].sort(),
    );
    for (const name of names) {
      expect(name.split('/')).not.toContain('..');
      expect(name).not.toMatch(/[\u202a-\u202e]/);
    }
    expect(await zip.file('Báo cáo năm 2026 - Xã Đăk Rve.docx')!.async('nodebuffer')).toEqual(docx);
    expect(await zip.file('Minh chứng/Xã Đăk Rve/Biên bản.pdf')!.async('nodebuffer')).toEqual(pdf);
    expect(await zip.file('Minh chứng/Xã Đăk Rve/Biên bản (2).pdf')!.async('nodebuffer')).toEqual(photo);
    const html = await zip.file('index.html')!.async('string');
    expect(html).toContain('&lt;b&gt;');
    // Every file is linked relatively, with the SHA-256 of what is in the ZIP.
    for (const name of names.filter((n) => !n.startsWith('index.'))) {
      const href = name.split('/').map(encodeURIComponent).join('/');
      expect(html).toContain(`href="${href}"`);
      if (name.includes('sua.txt')) continue;
      expect(html).toContain(sha256(await zip.file(name)!.async('nodebuffer')));
    }
    expect(html).toContain('Tiêu chí 1.2 — Phát thanh hằng tuần');
    expect(html).toContain('Tiêu chí 1.1');
    expect(html).toContain('https://dakrve.gov.vn/cds');
    expect(html).toContain('Số 12/KH-UBND ngày 05/01/2026');
    // The tampered file: its recorded hash is listed, and the check says what its bytes hash to.
    expect(html).toContain(`KHÔNG KHỚP (tệp trong gói: ${sha256(tampered)})`);
    expect(html.match(/<td>khớp<\/td>/g)?.length).toBe(2 + 3);
    expect(entries.filter((entry) => entry.evidence).length).toBe(4);

    const index = new ExcelJS.Workbook();
    await index.xlsx.load((await zip.file('index.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer);
    const sheet = index.getWorksheet('Mục lục')!;
    expect(sheet.rowCount).toBe(1 + 2 + items.length);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const bySha = new Map(rows.map((row) => [String(row[8]), row]));
    expect(bySha.get(sha256(pdf))?.[5]).toMatchObject({ text: 'Minh chứng/Xã Đăk Rve/Biên bản.pdf' });
    expect(bySha.get(sha256(docx))?.[5]).toMatchObject({ text: 'Báo cáo năm 2026 - Xã Đăk Rve.docx' });
  });

  it('fails the stream, instead of packing a hole, when a file cannot be read from the store', async () => {
    const content = Buffer.from('ảnh');
    const { stream } = buildEvidencePackage({
      title: 'Báo cáo',
      generatedAt: new Date('2026-12-05T02:00:00Z'),
      documents: [],
      items: [item({ content })],
      open: async () => {
        throw new Error('tệp không còn trong kho');
      },
    });
    await expect(unzip(stream)).rejects.toThrow('tệp không còn trong kho');
  });

  describe('memory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-evidence-zip-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('streams 200 files of 1 MB from the file store with a bounded peak memory', async () => {
      const store = createLocalFileStore(dir);
      const base = Buffer.alloc(1024 * 1024, 0x5a);
      const items: ReportEvidenceItem[] = [];
      for (let i = 0; i < 200; i += 1) {
        base.write(`tệp số ${i} `.padEnd(24, '.'), 0);
        const stored = await store.put(Readable.from([base]), { maxBytes: 2 * 1024 * 1024 });
        items.push(
          item({
            title: `Ảnh ${i}`,
            file: {
              storageKey: stored.key,
              fileName: `Ảnh buổi phát ${i % 50}.jpg`,
              sha256: stored.sha256,
              sizeBytes: stored.sizeBytes,
              mimeType: 'image/jpeg',
            },
          }),
        );
      }
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const timer = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 10);
      let bytes = 0;
      const { stream, entries } = buildEvidencePackage({
        title: 'Báo cáo',
        generatedAt: new Date('2026-12-05T02:00:00Z'),
        documents: [{ fileName: 'Báo cáo.docx', content: Buffer.from('docx'), description: 'Báo cáo' }],
        items,
        open: (key) => store.get(key),
      });
      // A slow-ish reader, as a network client is: the ZIP must wait for it rather than buffer.
      await pipeline(
        stream,
        new Writable({
          highWaterMark: 64 * 1024,
          write(chunk: Buffer, _encoding, callback) {
            bytes += chunk.length;
            setImmediate(callback);
          },
        }),
      );
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(bytes).toBeGreaterThan(200 * 1024 * 1024);
      expect(new Set(entries.map((entry) => entry.path)).size).toBe(201);
      // 200 MB went through; far less may stay in memory at once.
      console.info(`evidence ZIP of 200 × 1 MB: peak RSS +${Math.round((peak - before) / 1024 / 1024)} MB`);
      expect(peak - before).toBeLessThan(120 * 1024 * 1024);
    }, 120_000);
  });
});
