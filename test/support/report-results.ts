import type { ReportDocumentInput } from '../../src/server/reports/report-document';
import type { ReportResults } from '../../src/shared/api/report-contract';

/**
 * Part I of two reports, as plain objects for the document builders: a commune's annual report with
 * real-looking figures, and a province's roll-up over 130 communes with 3,000 DX posts.
 */

function weeksOf2026(): ReportResults['broadcastsPerWeek'] {
  const weeks: ReportResults['broadcastsPerWeek'] = [];
  // 2026-W01 starts on Monday 29/12/2025; the period's edge weeks are cut to the year.
  let monday = Date.UTC(2025, 11, 29);
  for (let week = 1; week <= 53; week += 1) {
    const from = new Date(Math.max(monday, Date.UTC(2026, 0, 1))).toISOString().slice(0, 10);
    const to = new Date(Math.min(monday + 6 * 86_400_000, Date.UTC(2026, 11, 31))).toISOString().slice(0, 10);
    const count = week % 9 === 0 ? 0 : 2 + (week % 3);
    weeks.push({ week: `2026-W${String(week).padStart(2, '0')}`, from, to, count, minutes: count * 15 });
    monday += 7 * 86_400_000;
  }
  return weeks;
}

export function communeResults(overrides: Partial<ReportResults> = {}): ReportResults {
  const weeks = weeksOf2026();
  const broadcasts = weeks.reduce((sum, week) => sum + week.count, 0);
  return {
    computedAt: '2026-12-04T09:30:00.000Z',
    unit: { id: '00000000-0000-4000-8000-000000000001', name: 'Xã Đăk Rve', kind: 'commune' },
    period: { key: '2026', label: 'năm 2026', from: '2026-01-01', to: '2026-12-31' },
    totals: {
      posts: 148,
      dxPosts: 64,
      broadcasts,
      broadcastMinutes: broadcasts * 15,
      pressIssues: 4,
      ethnicLanguageItems: 37,
      schedulesIssued: 12,
    },
    byChannel: [
      {
        key: 'c1',
        label: 'Chuyên mục Chuyển đổi số (cổng thông tin)',
        kind: 'website_column',
        count: 92,
        minutes: 0,
      },
      {
        key: 'c2',
        label: 'Chương trình phát thanh CĐS (đài truyền thanh)',
        kind: 'radio_programme',
        count: broadcasts,
        minutes: broadcasts * 15,
      },
      { key: 'c3', label: 'Trang Zalo UBND xã (mạng xã hội)', kind: 'social_page', count: 56, minutes: 0 },
    ],
    byGenre: [
      { key: 'news', label: 'Tin', count: 96 },
      { key: 'article', label: 'Bài', count: 31 },
      { key: 'report', label: 'Phóng sự', count: 21 },
    ],
    byTopic: [
      { key: 'digital_government', label: 'Chính quyền số, dịch vụ công trực tuyến', count: 52 },
      { key: 'digital_economy', label: 'Kinh tế số, thương mại điện tử', count: 38 },
      { key: 'digital_society', label: 'Xã hội số, kỹ năng số', count: 41 },
      { key: 'community_tech', label: 'Tổ công nghệ số cộng đồng', count: 17 },
    ],
    byLanguage: [
      { key: 'vi', label: 'Tiếng Việt', count: 111 },
      { key: 'sed', label: 'Tiếng Xơ Đăng', count: 25 },
      { key: 'bdq', label: 'Tiếng Ba Na', count: 12 },
    ],
    dxPosts: Array.from({ length: 64 }, (_, i) => ({
      date: `2026-${String(11 - Math.floor(i / 6)).padStart(2, '0')}-${String(28 - (i % 6) * 4).padStart(2, '0')}`,
      title: `Hướng dẫn người dân cài đặt và sử dụng VNeID, dịch vụ công trực tuyến — kỳ ${64 - i}`,
      url: `https://dakrve.quangngai.gov.vn/chuyen-doi-so/tin-${64 - i}`,
      channel: 'Chuyên mục Chuyển đổi số (cổng thông tin)',
    })),
    dxPostsTotal: 64,
    broadcastsPerWeek: weeks,
    schedules: Array.from({ length: 12 }, (_, i) => ({
      month: `2026-${String(i + 1).padStart(2, '0')}`,
      status: 'issued',
      documentNumber: `${String(i + 1).padStart(2, '0')}/DM-UBND`,
      issuedOn: `${i === 0 ? 2025 : 2026}-${String(i === 0 ? 12 : i).padStart(2, '0')}-25`,
    })),
    banner: { status: 'present', checkedOn: '2026-11-20', targetUrl: 'https://dichvucong.gov.vn' },
    scores: {
      frameworkName: 'Bộ tiêu chí đánh giá công tác tuyên truyền CĐS (QĐ 780/QĐ-UBND tỉnh Kon Tum)',
      periodLabel: 'năm 2026',
      live: { score: 86.5, max: 100 },
      official: { score: 84, max: 100, publishedAt: '2026-11-30T03:00:00.000Z' },
      criteria: [
        {
          code: '1.1',
          name: 'Có chuyên mục chuyển đổi số trên cổng thông tin',
          max: 10,
          liveScore: 10,
          officialScore: 10,
          explanation: 'Chuyên mục hoạt động cả năm, 64 tin bài.',
        },
        {
          code: '1.2',
          name: 'Phát thanh về chuyển đổi số hằng tuần',
          max: 20,
          liveScore: 17.5,
          officialScore: 16,
          explanation: '47/53 tuần có lượt phát; 6 tuần không có.',
        },
        {
          code: '2.1',
          name: 'Nội dung bằng tiếng dân tộc thiểu số',
          max: 10,
          liveScore: 7,
          officialScore: null,
          explanation: '37 tin bài, lượt phát bằng tiếng Xơ Đăng, Ba Na.',
        },
      ],
    },
    ...overrides,
  };
}

const COMMUNE_NAMES = [
  'Đăk Rve',
  'Kon Braih',
  'Đăk Kôi',
  'Đăk Pne',
  'Măng Đen',
  'Sa Thầy',
  'Ngọc Hồi',
  'Đăk Tô',
];

export function provinceResults(): ReportResults {
  const base = communeResults();
  const children: NonNullable<ReportResults['children']> = Array.from({ length: 130 }, (_, i) => {
    const state = i % 10 === 7 ? 'missing' : i % 10 === 3 ? 'late' : 'on_time';
    return {
      unitId: `00000000-0000-4000-8000-${String(1000 + i).padStart(12, '0')}`,
      unitName: `Xã ${COMMUNE_NAMES[i % COMMUNE_NAMES.length]} ${Math.floor(i / COMMUNE_NAMES.length) + 1}`,
      state,
      submittedOn: state === 'missing' ? null : state === 'late' ? '2026-12-09' : '2026-12-03',
      totals: state === 'missing' ? null : { ...base.totals, posts: 100 + i, dxPosts: 20 + (i % 30) },
      score: state === 'missing' ? null : { score: 60 + (i % 40), max: 100, official: i % 2 === 0 },
    };
  });
  return {
    ...base,
    unit: { id: '00000000-0000-4000-8000-000000000099', name: 'Tỉnh Quảng Ngãi', kind: 'province' },
    totals: { ...base.totals, posts: 24_310, dxPosts: 3000 },
    dxPosts: Array.from({ length: 3000 }, (_, i) => ({
      date: '2026-06-15',
      title: `Tin chuyển đổi số số ${i + 1} của ${children[i % 130]!.unitName}`,
      url: `https://quangngai.gov.vn/cds/${i + 1}`,
      channel: `Cổng thông tin ${children[i % 130]!.unitName}`,
    })),
    dxPostsTotal: 3000,
    children,
  };
}

export function communeDocument(overrides: Partial<ReportDocumentInput> = {}): ReportDocumentInput {
  return {
    results: communeResults(),
    texts: {
      assessment:
        'Ưu điểm: chuyên mục chuyển đổi số được cập nhật đều đặn.\nHạn chế: một số tuần chưa có lượt phát do mất điện.\nNguyên nhân: thiết bị truyền thanh xuống cấp.',
      tasks: 'Duy trì chuyên mục hằng tuần.\nTăng tin bài bằng tiếng Xơ Đăng.',
      proposals: 'Đề nghị tỉnh hỗ trợ thay cụm loa tại thôn Kon Rlong.',
    },
    issuer: { name: 'ỦY BAN NHÂN DÂN\nXÃ ĐĂK RVE', parentName: 'UBND TỈNH QUẢNG NGÃI', place: 'Đăk Rve' },
    documentNumber: '125/BC-UBND',
    documentSymbol: 'BC-UBND',
    issuedOn: '2026-12-05',
    title: 'BÁO CÁO Kết quả công tác tuyên truyền về chuyển đổi số năm 2026',
    recipients: ['Sở Khoa học và Công nghệ tỉnh Quảng Ngãi', 'Thường trực Đảng ủy xã'],
    signer: { title: 'Chủ tịch', name: 'Nguyễn Văn An' },
    kind: 'annual',
    ...overrides,
  };
}

export function provinceDocument(): ReportDocumentInput {
  return communeDocument({
    results: provinceResults(),
    issuer: { name: 'ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI', parentName: null, place: 'Quảng Ngãi' },
    documentNumber: null,
    documentSymbol: 'BC-UBND',
    recipients: ['Bộ Khoa học và Công nghệ', 'Thường trực Tỉnh ủy', 'Sở Khoa học và Công nghệ'],
    signer: { title: 'Phó Chủ tịch', name: 'Trần Thị Bình' },
  });
}
