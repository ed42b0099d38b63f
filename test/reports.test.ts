import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { agencyHeading, defaultSymbol, placeName, signingLines } from '../src/server/reports/agency';
import { attachmentDisposition } from '../src/server/reports/file-name';
import { withArchiveLine } from '../src/server/reports/official-document';
import type { ScheduleDocumentData } from '../src/server/reports/schedule-data';
import { buildScheduleDocument } from '../src/server/reports/schedule-document';
import { buildScheduleWorkbook } from '../src/server/reports/schedule-workbook';
import { monthPhrase, placeDateLine } from '../src/server/reports/vn-dates';

/** Pure report builders: data in, DOCX/XLSX bytes out, checked without LibreOffice. */

function scheduleData(overrides: Partial<ScheduleDocumentData> = {}): ScheduleDocumentData {
  return {
    parentAgency: 'UBND TỈNH QUẢNG NGÃI',
    issuingAgency: 'UBND XÃ ĐĂK RVE',
    documentNumber: '05/DM-UBND',
    documentSymbol: 'DM-UBND',
    place: 'Đăk Rve',
    issuedOn: '2026-01-05',
    draftYear: 2026,
    unitName: 'Xã Đăk Rve',
    programmeName: 'Chuyên mục Chuyển đổi số',
    stationName: 'Đài truyền thanh xã Đăk Rve',
    month: '2026-01',
    entries: [
      {
        airDate: '2026-01-06',
        timeSlot: '05:00-05:15',
        title: 'Tổ công nghệ số cộng đồng hướng dẫn cài VNeID',
        genre: 'Tin',
        topic: 'Mô hình hay, tổ công nghệ số cộng đồng',
        language: 'Tiếng Việt',
        durationMinutes: 15,
        source: 'Tự sản xuất',
        isAired: true,
      },
      {
        airDate: '2026-01-13',
        timeSlot: '17:00',
        title: 'Bán cà phê qua sàn thương mại điện tử',
        genre: 'Phóng sự',
        topic: 'Thương mại điện tử',
        language: 'Tiếng Xơ Đăng',
        durationMinutes: 10,
        source: 'Hệ thống thông tin nguồn tỉnh',
        isAired: false,
      },
    ],
    warnings: [],
    note: null,
    recipients: ['Phòng Văn hóa - Xã hội', 'Thường trực Đảng ủy xã'],
    signingLines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    signerName: 'Nguyễn Văn An',
    isDraft: false,
    ...overrides,
  };
}

async function docxParts(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const headerNames = Object.keys(zip.files).filter((name) => /^word\/header\d+\.xml$/.test(name));
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    headers: await Promise.all(headerNames.map(read)),
  };
}

/** The visible text of WordprocessingML, runs joined. */
function plainText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
}

describe('dates and names in official documents', () => {
  it('writes the place and date line with leading zeros for days below 10 and months 1–2 only', () => {
    expect(placeDateLine('Đăk Rve', '2026-01-05')).toBe('Đăk Rve, ngày 05 tháng 01 năm 2026');
    expect(placeDateLine('Quảng Ngãi', '2026-02-28')).toBe('Quảng Ngãi, ngày 28 tháng 02 năm 2026');
    expect(placeDateLine('Quảng Ngãi', '2026-03-09')).toBe('Quảng Ngãi, ngày 09 tháng 3 năm 2026');
    expect(placeDateLine('Quảng Ngãi', '2025-12-15')).toBe('Quảng Ngãi, ngày 15 tháng 12 năm 2025');
    expect(placeDateLine('Đăk Rve', null, 2026)).toMatch(/^Đăk Rve, ngày\s+tháng\s+năm 2026$/);
    expect(monthPhrase('2026-01')).toBe('tháng 01 năm 2026');
    expect(monthPhrase('2026-11')).toBe('tháng 11 năm 2026');
  });

  it('names agencies, places and signing blocks as the decree shows them', () => {
    expect(agencyHeading({ kind: 'province', name: 'Tỉnh Quảng Ngãi' })).toBe('UBND TỈNH QUẢNG NGÃI');
    expect(agencyHeading({ kind: 'commune', name: 'Xã Đăk Rve' })).toBe('UBND XÃ ĐĂK RVE');
    expect(agencyHeading({ kind: 'culture_centre', name: 'Trung tâm Văn hóa xã Đăk Rve' })).toBe(
      'TRUNG TÂM VĂN HÓA XÃ ĐĂK RVE',
    );
    expect(placeName('Xã Đăk Rve')).toBe('Đăk Rve');
    expect(placeName('Phường Cẩm Thành')).toBe('Cẩm Thành');
    expect(placeName('Tỉnh Quảng Ngãi')).toBe('Quảng Ngãi');
    expect(defaultSymbol('commune', 'DM')).toBe('DM-UBND');
    expect(signingLines('commune', 'Chủ tịch')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(signingLines('commune', 'Phó Chủ tịch')).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
    ]);
    expect(signingLines('culture_centre', 'Phó Giám đốc')).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
  });

  it('ends "Nơi nhận" with the archive line, semicolons between and a full stop at the end', () => {
    expect(withArchiveLine(['Như trên', '- UBND tỉnh;'])).toEqual([
      '- Như trên;',
      '- UBND tỉnh;',
      '- Lưu: VT.',
    ]);
    expect(withArchiveLine(['UBND tỉnh', 'Lưu: VT, VHXH'])).toEqual(['- UBND tỉnh;', '- Lưu: VT, VHXH.']);
  });

  it('offers an ASCII file name and the Vietnamese one for downloads', () => {
    expect(attachmentDisposition('Danh mục phát sóng 01-2026.docx')).toBe(
      `attachment; filename="danh-muc-phat-song-01-2026.docx"; filename*=UTF-8''Danh%20m%E1%BB%A5c%20ph%C3%A1t%20s%C3%B3ng%2001-2026.docx`,
    );
  });
});

describe('the broadcast schedule as a DOCX in the NĐ 30/2020 layout', () => {
  it('sets A4 portrait, the decree margins and Times New Roman', async () => {
    const { document, styles } = await docxParts(await buildScheduleDocument(scheduleData()));
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).not.toMatch(/w:orient="landscape"/);
    // 20 mm top and bottom, 30 mm left, 15 mm right, in twips.
    expect(document).toMatch(
      /<w:pgMar [^>]*w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/,
    );
    expect(document).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('Times New Roman');
    // A different first page: page numbers from page 2 on.
    expect(document).toContain('<w:titlePg/>');
  });

  it('prints the header, title, table, recipients and signing block', async () => {
    const { document, headers } = await docxParts(await buildScheduleDocument(scheduleData()));
    const text = plainText(document);
    for (const expected of [
      'UBND TỈNH QUẢNG NGÃI',
      'UBND XÃ ĐĂK RVE',
      'Số: 05/DM-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Đăk Rve, ngày 05 tháng 01 năm 2026',
      'DANH MỤC PHÁT SÓNG',
      'Chuyên mục Chuyển đổi số tháng 01 năm 2026',
      'STTNgàyGiờ phátTên tin bàiThể loạiChủ đềNgôn ngữThời lượng (phút)Nguồn',
      '06/01/2026',
      '05:00-05:15',
      'Bán cà phê qua sàn thương mại điện tử',
      'Tiếng Xơ Đăng',
      'Hệ thống thông tin nguồn tỉnh',
      'Tổng cộng: 2 tin bài',
      'Nơi nhận:',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Văn An',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // The agency line comes before the issuer, the issuer before the number.
    expect(text.indexOf('UBND TỈNH QUẢNG NGÃI')).toBeLessThan(text.indexOf('UBND XÃ ĐĂK RVE'));
    // The date line is italic; "Nơi nhận" is 12 pt bold italic; the recipients 11 pt.
    expect(document).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*<w:t[^>]*>Đăk Rve, ngày 05 tháng 01 năm 2026<\/w:t>/s);
    expect(document).toMatch(
      /<w:b\/>(?:(?!<\/w:r>).)*<w:i\/>(?:(?!<\/w:r>).)*<w:sz w:val="24"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>Nơi nhận:<\/w:t>/s,
    );
    expect(document).toMatch(/<w:sz w:val="22"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>- Lưu: VT.<\/w:t>/s);
    // The header row repeats on every page.
    expect(document).toContain('<w:tblHeader/>');
    // Page numbers in the default header, the first page's header without one and without a draft mark.
    const withNumber = headers.filter((xml) => xml.includes('PAGE'));
    expect(withNumber).toHaveLength(1);
    expect(headers.map(plainText)).not.toContain('DỰ THẢO');
  });

  it('marks a draft and leaves its number and date blank', async () => {
    const { document, headers } = await docxParts(
      await buildScheduleDocument(scheduleData({ isDraft: true, issuedOn: null, documentNumber: null })),
    );
    const text = plainText(document);
    expect(headers.map(plainText)).toContain('DỰ THẢO');
    expect(text).toMatch(/Số:\s+\/DM-UBND/);
    expect(text).toMatch(/Đăk Rve, ngày\s+tháng\s+năm 2026/);
  });

  it('says so when the list is empty', async () => {
    const { document } = await docxParts(await buildScheduleDocument(scheduleData({ entries: [] })));
    expect(plainText(document)).toContain('Chưa có tin bài nào trong danh mục.');
  });
});

describe('the broadcast schedule as XLSX', () => {
  it('reads back with Vietnamese headers, a frozen header row and date cells in dd/mm/yyyy', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildScheduleWorkbook(scheduleData())) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Danh mục 01-2026');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Ngày',
      'Thứ',
      'Giờ phát',
      'Tên tin bài',
      'Thể loại',
      'Chủ đề',
      'Ngôn ngữ',
      'Thời lượng (phút)',
      'Nguồn',
      'Đã phát',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(3);
    const date = sheet.getCell('B2');
    expect(date.value).toEqual(new Date('2026-01-06T00:00:00Z'));
    expect(date.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('C2').value).toBe('Thứ Ba');
    expect(sheet.getCell('E3').value).toBe('Bán cà phê qua sàn thương mại điện tử');
    expect(sheet.getCell('I3').value).toBe(10);
    expect(sheet.getCell('K2').value).toBe('Có');
    const info = workbook.getWorksheet('Thông tin')!;
    const infoRows = new Map<string, unknown>();
    info.eachRow((row) => infoRows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(infoRows.get('Tháng')).toBe('tháng 01 năm 2026');
    expect(infoRows.get('Số văn bản')).toBe('05/DM-UBND');
    expect(infoRows.get('Trạng thái')).toBe('Đã ban hành ngày 05/01/2026');
  });
});
