import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FetchedPage, ListingResult } from '../src/server/monitor/contract';
import {
  findBannerLink,
  findSources,
  parseVietnameseDate,
  readArticle,
  readListing,
  stripSiteName,
  titleFromUrl,
} from '../src/server/monitor/parse';
import { loadDocument, treeShape } from '../src/server/monitor/parse/dom';

/** Tuesday 15 March 2024, 10:00 in Vietnam: every relative date below counts from here. */
const NOW = new Date('2024-03-15T10:00:00+07:00');

function page(text: string, url: string, contentType = 'text/html; charset=utf-8'): FetchedPage {
  return {
    url,
    finalUrl: url,
    status: 200,
    headers: { 'content-type': contentType },
    contentType,
    body: new TextEncoder().encode(text.slice(0, 1000)),
    text,
    fetchedAt: NOW,
    remoteAddress: '203.162.0.10',
  };
}

function fixture(name: string, url: string, contentType?: string): FetchedPage {
  return page(readFileSync(join(__dirname, 'fixtures/portals', name), 'utf8'), url, contentType);
}

/** A Vietnam wall-clock time ("2024-03-12T08:15") as an instant. */
function vn(local: string): Date {
  return new Date(`${local}:00+07:00`);
}

function titles(result: ListingResult): string[] {
  return result.items.map((item) => item.title);
}

describe('parseVietnameseDate', () => {
  const cases: [string, string | null][] = [
    ['12/03/2024 08:15', '2024-03-12T08:15'],
    ['08:15 12/03/2024', '2024-03-12T08:15'],
    ['Thứ Ba, 12/03/2024', '2024-03-12T00:00'],
    ['Thứ ba, 12/03/2024, 08:15 (GMT+7)', '2024-03-12T08:15'],
    ['12-3-2024', '2024-03-12T00:00'],
    ['12.03.2024', '2024-03-12T00:00'],
    ['ngày 12 tháng 3 năm 2024', '2024-03-12T00:00'],
    ['Ngày 12 tháng 3 năm 2024 lúc 08:15', '2024-03-12T08:15'],
    ['12 tháng 03, 2024', '2024-03-12T00:00'],
    ['ngay 12 thang 3 nam 2024', '2024-03-12T00:00'],
    ['hôm qua', '2024-03-14T00:00'],
    ['hôm nay', '2024-03-15T00:00'],
    ['hom qua', '2024-03-14T00:00'],
    ['2 giờ trước', '2024-03-15T08:00'],
    ['2 gio truoc', '2024-03-15T08:00'],
    ['30 phút trước', '2024-03-15T09:30'],
    ['30 phut truoc', '2024-03-15T09:30'],
    ['3 ngày trước', '2024-03-12T00:00'],
    ['3 ngay truoc', '2024-03-12T00:00'],
    ['2024-03-12T08:15:00+07:00', '2024-03-12T08:15'],
    ['2024-03-12T01:15:00Z', '2024-03-12T08:15'],
    ['2024-03-12', '2024-03-12T00:00'],
    ['Tue, 12 Mar 2024 01:15:00 GMT', '2024-03-12T08:15'],
    ['Tue, 12 Mar 2024 08:15:00 +0700', '2024-03-12T08:15'],
    ['Thu, 29 Feb 2024 23:30:00 +0000', '2024-03-01T06:30'],
    ['8h15 12/03/2024', '2024-03-12T08:15'],
    ['12/03/2024 | 8h15', '2024-03-12T08:15'],
    ['lúc 14:20 ngày 12/03/2024', '2024-03-12T14:20'],
    ['Cập nhật: 12/03/2024 - 08:15', '2024-03-12T08:15'],
    ['Ngày đăng: (05/03/2024)', '2024-03-05T00:00'],
    // Day before month, always: 03/12 is the 3rd of December, never 12 March.
    ['03/12/2023', '2023-12-03T00:00'],
    ['29/02/2024', '2024-02-29T00:00'],
    ['31/02/2024', null],
    ['30/02/2024', null],
    ['29/02/2023', null],
    ['ngày 31 tháng 4 năm 2024', null],
    ['31-02-2024', null],
    ['Năm 2024', null],
    ['lúc 08:15', null],
    ['Số 12/2024/NĐ-CP', null],
    ['', null],
    ['không có ngày nào ở đây', null],
  ];
  it.each(cases)('reads %j', (text, expected) => {
    const found = parseVietnameseDate(text, NOW);
    expect(found?.toISOString() ?? null).toBe(expected ? vn(expected).toISOString() : null);
  });

  it('honours an admin format, and refuses a day that does not exist in it', () => {
    expect(parseVietnameseDate('12/03/2024 08:15', NOW, 'dd/MM/yyyy HH:mm')).toEqual(vn('2024-03-12T08:15'));
    expect(parseVietnameseDate('Đăng lúc 12-3-2024', NOW, 'd-M-yyyy')).toEqual(vn('2024-03-12T00:00'));
    // A site that writes month first says so in its format.
    expect(parseVietnameseDate('3-12-2024', NOW, 'M-d-yyyy')).toEqual(vn('2024-03-12T00:00'));
    expect(parseVietnameseDate('31-2-2024', NOW, 'd-M-yyyy')).toBeNull();
    // Text that does not match the format is still read the usual way.
    expect(parseVietnameseDate('hôm qua', NOW, 'dd/MM/yyyy')).toEqual(vn('2024-03-14T00:00'));
  });

  it('gives the same instant whatever the server time zone (the reading is always Vietnam time)', () => {
    const found = parseVietnameseDate('12/03/2024 23:30', NOW);
    expect(found?.toISOString()).toBe('2024-03-12T16:30:00.000Z');
  });
});

describe('readListing: HTML listings', () => {
  it('reads a Liferay government portal DX column, ignoring menus, footers and side boxes', () => {
    const result = readListing(
      fixture('liferay-dx-column.html', 'https://quangngai.gov.vn/web/portal/chuyen-doi-so'),
      {},
      NOW,
    );
    expect(result.method).toBe('liferay-asset-publisher');
    expect(titles(result)).toEqual([
      'Quảng Ngãi triển khai Kế hoạch chuyển đổi số năm 2024',
      'Tổ công nghệ số cộng đồng xã Tịnh Khê hỗ trợ người dân cài đặt VNeID',
      'Hội nghị tập huấn kỹ năng số cho cán bộ, công chức cấp xã',
      'Đẩy mạnh thanh toán không dùng tiền mặt tại chợ nông thôn',
    ]);
    const [first] = result.items;
    expect(first).toEqual({
      url: 'https://quangngai.gov.vn/web/portal/-/quang-ngai-trien-khai-ke-hoach-chuyen-doi-so-nam-2024',
      title: 'Quảng Ngãi triển khai Kế hoạch chuyển đổi số năm 2024',
      lead: expect.stringContaining('100% thủ tục hành chính'),
      publishedAt: vn('2024-03-12T08:15'),
    });
    expect(result.items[2]!.url).toBe(
      'https://www.quangngai.gov.vn/web/portal/-/hoi-nghi-tap-huan-ky-nang-so-cho-can-bo-cap-xa',
    );
    expect(result.nextPageUrl).toBe(
      'https://quangngai.gov.vn/web/portal/chuyen-doi-so?_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_xKd3_cur=2',
    );
    // The link written by a script is never seen: scripts do not run.
    expect(result.items.some((item) => item.url.includes('script-link'))).toBe(false);
  });

  it('reads a WordPress commune site with <time datetime> and "Trang sau »"', () => {
    const result = readListing(
      fixture('wordpress-commune.html', 'https://tinhkhe.quangngai.gov.vn/chuyen-muc/chuyen-doi-so/'),
      {},
      NOW,
    );
    expect(result.method).toBe('wordpress');
    expect(result.items).toHaveLength(3);
    expect(result.items[0]).toMatchObject({
      title: 'Xã Tịnh Khê ra mắt mô hình “Thôn thông minh” tại thôn Khê Ba',
      publishedAt: vn('2024-03-14T09:20'),
      lead: expect.stringContaining('camera an ninh'),
    });
    expect(result.items[2]!.url).toBe(
      'https://tinhkhe.quangngai.gov.vn/2024/03/02/doan-thanh-nien-xa-ra-quan-ho-tro-chuyen-doi-so/',
    );
    expect(titles(result)).not.toContain('Họp mặt kỷ niệm ngày Quốc tế Phụ nữ 8/3');
    expect(result.nextPageUrl).toBe('https://tinhkhe.quangngai.gov.vn/chuyen-muc/chuyen-doi-so/page/2/');
  });

  it('reads a table of posts with dates in several spellings, dropping off-site links', () => {
    const result = readListing(
      fixture('table-list.html', 'http://sontinh.quangngai.gov.vn/Default.aspx?tabid=57'),
      {},
      NOW,
    );
    expect(result.method).toBe('table-with-dates');
    expect(result.items.map((item) => [item.title, item.publishedAt])).toEqual([
      ['Huyện Sơn Tịnh ra mắt Trung tâm điều hành thông minh (IOC)', vn('2024-03-15T00:00')],
      ['Triển khai chữ ký số cá nhân cho 100% cán bộ, công chức cấp xã', vn('2024-03-13T00:00')],
      ['Kết quả thực hiện Đề án 06 của Chính phủ trong quý I năm 2024', vn('2024-03-07T00:00')],
      ['Hội thi tìm hiểu về chuyển đổi số dành cho học sinh trung học cơ sở', vn('2024-03-01T00:00')],
      ['Tuyên truyền Ngày Chuyển đổi số quốc gia 10/10 trên hệ thống loa', vn('2024-02-26T00:00')],
    ]);
    expect(result.items[0]!.url).toBe('http://sontinh.quangngai.gov.vn/Default.aspx?tabid=57&ItemID=3120');
    expect(result.nextPageUrl).toBe('http://sontinh.quangngai.gov.vn/Default.aspx?tabid=57&page=2');
  });

  it('reads a card grid across rows, with the featured post above it and relative dates', () => {
    const result = readListing(
      fixture('card-grid.html', 'https://nghiaky.quangngai.gov.vn/chuyen-doi-so'),
      {},
      NOW,
    );
    expect(result.method).toBe('cards-with-dates');
    expect(result.items.map((item) => [item.title, item.publishedAt])).toEqual([
      ['Xã Nghĩa Kỳ đạt chuẩn nông thôn mới kiểu mẫu về chuyển đổi số', vn('2024-03-15T09:30')],
      ['Hợp tác xã đưa sản phẩm OCOP lên sàn thương mại điện tử', vn('2024-03-15T08:00')],
      ['Lớp "Bình dân học vụ số" cho người cao tuổi', vn('2024-03-14T00:00')],
      ['Công an xã cập nhật dữ liệu dân cư tại các thôn', vn('2024-03-12T00:00')],
      ['Số hóa hồ sơ, kết quả giải quyết thủ tục tại Bộ phận một cửa', vn('2024-03-08T00:00')],
      ['Loa truyền thanh thông minh phủ sóng toàn xã', vn('2024-03-05T00:00')],
    ]);
    expect(result.items[0]!.lead).toContain('địa phương đầu tiên');
    expect(result.items[1]!.lead).toContain('Postmart');
    expect(result.nextPageUrl).toBe('https://nghiaky.quangngai.gov.vn/chuyen-doi-so?page=2');
  });

  it('reads a page with broken markup (unclosed blocks swallowing each other, dates without marks)', () => {
    const result = readListing(
      fixture('broken-markup.html', 'http://binhchau.quangngai.gov.vn/index.php?mod=news&cat=3'),
      {},
      NOW,
    );
    expect(result.items.map((item) => [item.title, item.publishedAt])).toEqual([
      ['Bình Châu tổ chức ngày hội chuyển đổi số cho ngư dân', vn('2024-03-14T00:00')],
      ['Lắp đặt wifi miễn phí tại khu du lịch Sa Huỳnh', vn('2024-03-12T00:00')],
      ['Hướng dẫn đăng ký tài khoản định danh điện tử mức 2', vn('2024-03-09T00:00')],
      ['Ra mắt Tổ công nghệ số cộng đồng tại 8 thôn', vn('2024-03-15T08:00')],
    ]);
    expect(result.items[0]!.lead).toContain('nhật ký khai thác');
    expect(result.method).toMatch(/with-dates$/);
    expect(result.nextPageUrl).toBe('http://binhchau.quangngai.gov.vn/index.php?mod=news&cat=3&page=2');
  });

  it('finds the "Tin khác" list of an article page when nothing else is there', () => {
    const result = readListing(
      fixture('article-vnpt.html', 'https://nghiahanh.quangngai.gov.vn/tin-tuc/dvc-215.html'),
      {},
      NOW,
    );
    expect(result.items.map((item) => [item.url, item.publishedAt])).toEqual([
      [
        'https://nghiahanh.quangngai.gov.vn/tin-tuc/tap-huan-chu-ky-so-cho-can-bo-xa-211.html',
        vn('2024-03-10T00:00'),
      ],
      [
        'https://nghiahanh.quangngai.gov.vn/tin-tuc/ra-quan-ho-tro-cai-dat-vneid-209.html',
        vn('2024-03-06T00:00'),
      ],
    ]);
  });

  it('follows the admin selectors and date format', () => {
    const html = `<html><body>
      <div class="x-row"><span class="d">2024/03/12</span><a class="t" href="/bai/1">Bài một về chuyển đổi số ở xã</a><em class="s">Tóm tắt của bài thứ nhất về chuyển đổi số</em></div>
      <div class="x-row"><span class="d">2024/03/11</span><a class="t" href="/bai/2">Bài hai về chuyển đổi số ở xã</a></div>
      <span class="next-x"><a href="/ds?trang=2">→</a></span></body></html>`;
    const result = readListing(
      page(html, 'https://xa.example.gov.vn/ds'),
      {
        itemSelector: '.x-row',
        linkSelector: 'a.t',
        titleSelector: 'a.t',
        dateSelector: '.d',
        leadSelector: '.s',
        nextSelector: '.next-x a',
        dateFormat: 'yyyy/MM/dd',
      },
      NOW,
    );
    expect(result.method).toBe('overrides');
    expect(result.items).toEqual([
      {
        url: 'https://xa.example.gov.vn/bai/1',
        title: 'Bài một về chuyển đổi số ở xã',
        lead: 'Tóm tắt của bài thứ nhất về chuyển đổi số',
        publishedAt: vn('2024-03-12T00:00'),
      },
      {
        url: 'https://xa.example.gov.vn/bai/2',
        title: 'Bài hai về chuyển đổi số ở xã',
        lead: null,
        publishedAt: vn('2024-03-11T00:00'),
      },
    ]);
    expect(result.nextPageUrl).toBe('https://xa.example.gov.vn/ds?trang=2');
  });

  it('falls back to detection, and says so, when the selectors match nothing (or are invalid)', () => {
    const listing = fixture('table-list.html', 'http://sontinh.quangngai.gov.vn/Default.aspx?tabid=57');
    const missing = readListing(listing, { itemSelector: '.khong-con-nua' }, NOW);
    expect(missing.method).toBe('overrides-matched-nothing:table-with-dates');
    expect(missing.items).toHaveLength(5);
    const invalid = readListing(listing, { itemSelector: 'div[[[', nextSelector: ':::' }, NOW);
    expect(invalid.items).toHaveLength(5);
    expect(invalid.nextPageUrl).toBe('http://sontinh.quangngai.gov.vn/Default.aspx?tabid=57&page=2');
  });

  it('finds page N+1 from ?page=N and from /trang-N', () => {
    const html = (links: string) =>
      `<html><body><ul>${[1, 2, 3].map((n) => `<li><a href="/tin/${n}">Tin số ${n} về chuyển đổi số ở xã</a> 0${n}/03/2024</li>`).join('')}</ul><div class="paging">${links}</div></body></html>`;
    const byQuery = readListing(
      page(
        html('<a href="/tin?page=2">2</a><a href="/tin?page=3">3</a><a href="/tin?page=4">4</a>'),
        'https://a.gov.vn/tin?page=3',
      ),
      {},
      NOW,
    );
    expect(byQuery.nextPageUrl).toBe('https://a.gov.vn/tin?page=4');
    const byPath = readListing(
      page(html('<a href="/tin/trang-1">1</a><a href="/tin/trang-3">3</a>'), 'https://a.gov.vn/tin/trang-2'),
      {},
      NOW,
    );
    expect(byPath.nextPageUrl).toBe('https://a.gov.vn/tin/trang-3');
    const last = readListing(
      page(html('<a href="/tin?page=1">1</a>'), 'https://a.gov.vn/tin?page=2'),
      {},
      NOW,
    );
    expect(last.nextPageUrl).toBeNull();
  });

  it('returns no items (method "none") for a page without a listing', () => {
    const result = readListing(page('<p>Trang đang bảo trì</p>', 'https://a.gov.vn/'), {}, NOW);
    expect(result).toEqual({ items: [], nextPageUrl: null, method: 'none' });
  });
});

describe('readListing: feeds and sitemaps', () => {
  it('reads RSS: HTML descriptions as text, relative links resolved, duplicates and link-less items dropped', () => {
    const result = readListing(
      fixture('rss.xml', 'https://moduc.quangngai.gov.vn/rss/chuyen-doi-so.rss', 'application/rss+xml'),
      {},
      NOW,
    );
    expect(result.method).toBe('feed');
    expect(result.items).toEqual([
      {
        url: 'https://moduc.quangngai.gov.vn/chuyen-doi-so/mo-duc-100-xa-co-to-cong-nghe-so-cong-dong.html',
        title: 'Mộ Đức: 100% xã có Tổ công nghệ số cộng đồng',
        lead: 'Đến nay, 13/13 xã, thị trấn đã thành lập và kiện toàn tổ công nghệ số cộng đồng.',
        publishedAt: vn('2024-03-14T09:30'),
      },
      {
        url: 'https://moduc.quangngai.gov.vn/chuyen-doi-so/hoi-nghi-so-ket-de-an-06-quy-i-2024.html',
        title: 'Hội nghị sơ kết Đề án 06 quý I/2024',
        lead: 'Huyện Mộ Đức tổ chức hội nghị sơ kết việc thực hiện Đề án 06 & kế hoạch quý II.',
        publishedAt: vn('2024-03-12T15:00'),
      },
      {
        url: 'https://moduc.quangngai.gov.vn/chuyen-doi-so/mo-hinh-cho-4-0-tai-cho-thach-tru.html',
        title: 'Mô hình "Chợ 4.0" tại chợ Thạch Trụ',
        lead: null,
        publishedAt: vn('2024-03-08T09:00'),
      },
      {
        url: 'https://moduc.quangngai.gov.vn/chuyen-doi-so/ngay-sai.html',
        title: 'Ngày sai định dạng',
        lead: null,
        publishedAt: null,
      },
    ]);
  });

  it('reads Atom with its rel="next" page, even when served as text/xml', () => {
    const result = readListing(
      fixture('atom.xml', 'https://tinhkhe.quangngai.gov.vn/chuyen-muc/chuyen-doi-so/feed/atom/', 'text/xml'),
      {},
      NOW,
    );
    expect(result.method).toBe('feed');
    expect(result.items.map((item) => [item.title, item.publishedAt, item.lead])).toEqual([
      [
        'Xã Tịnh Khê ra mắt mô hình “Thôn thông minh”',
        vn('2024-03-14T09:20'),
        'Sáng 14/3, UBND xã Tịnh Khê tổ chức ra mắt mô hình thôn thông minh.',
      ],
      ['Hướng dẫn nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia', vn('2024-03-10T15:05'), null],
    ]);
    expect(result.nextPageUrl).toBe(
      'https://tinhkhe.quangngai.gov.vn/chuyen-muc/chuyen-doi-so/feed/atom/?paged=2',
    );
  });

  it('reads a JSON feed', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Tin xã',
      items: [
        { id: '1', url: '/tin/1', title: 'Tin chuyển đổi số', date_published: '2024-03-12T08:15:00+07:00' },
      ],
    });
    const result = readListing(page(json, 'https://a.gov.vn/feed.json', 'application/feed+json'), {}, NOW);
    expect(result.items).toEqual([
      {
        url: 'https://a.gov.vn/tin/1',
        title: 'Tin chuyển đổi số',
        lead: null,
        publishedAt: vn('2024-03-12T08:15'),
      },
    ]);
  });

  it('reads a sitemap: news/image titles when given, otherwise words of the URL (and says so)', () => {
    const result = readListing(
      fixture('sitemap.xml', 'https://nghiaky.quangngai.gov.vn/sitemap.xml', 'application/xml'),
      {},
      NOW,
    );
    expect(result.method).toBe('sitemap:titles-from-url');
    expect(result.items).toEqual([
      {
        url: 'https://nghiaky.quangngai.gov.vn/chuyen-doi-so/xa-nghia-ky-dat-chuan-nong-thon-moi-kieu-mau-ve-chuyen-doi-so-1245.html',
        title: 'Xã Nghĩa Kỳ đạt chuẩn nông thôn mới kiểu mẫu về chuyển đổi số',
        lead: null,
        publishedAt: vn('2024-03-15T09:30'),
      },
      {
        url: 'https://nghiaky.quangngai.gov.vn/chuyen-doi-so/lop-binh-dan-hoc-vu-so-cho-nguoi-cao-tuoi-1243.html',
        title: 'Lớp Bình dân học vụ số cho người cao tuổi',
        lead: null,
        publishedAt: vn('2024-03-14T00:00'),
      },
      {
        url: 'https://www.nghiaky.quangngai.gov.vn/chuyen-doi-so/so-hoa-ho-so-tai-bo-phan-mot-cua-1241.html',
        title: 'So hoa ho so tai bo phan mot cua',
        lead: null,
        publishedAt: vn('2024-03-08T08:00'),
      },
    ]);
  });

  it('lists the sitemaps of a sitemap index for the caller to read', () => {
    const result = readListing(
      fixture('sitemap-index.xml', 'https://tinhkhe.quangngai.gov.vn/sitemap_index.xml', 'text/xml'),
      {},
      NOW,
    );
    expect(result.method).toBe('sitemap-index');
    expect(result.items.map((item) => [item.url, item.publishedAt])).toEqual([
      ['https://tinhkhe.quangngai.gov.vn/post-sitemap.xml', vn('2024-03-14T09:20')],
      ['https://tinhkhe.quangngai.gov.vn/page-sitemap.xml', vn('2023-11-02T10:00')],
      ['https://tinhkhe.quangngai.gov.vn/category-sitemap.xml', null],
    ]);
  });

  it('makes titles from URL slugs', () => {
    expect(titleFromUrl('https://a.gov.vn/tin-tuc/chuyen-doi-so-xa-a-12345.html')).toBe('Chuyen doi so xa a');
    expect(titleFromUrl('https://a.gov.vn/tin/chuy%E1%BB%83n-%C4%91%E1%BB%95i-s%E1%BB%91')).toBe(
      'Chuyển đổi số',
    );
  });
});

describe('readArticle', () => {
  it('reads a Liferay article: og:title without the site name, og:description, article:published_time', () => {
    const article = readArticle(
      fixture(
        'article-liferay.html',
        'https://quangngai.gov.vn/web/portal/-/quang-ngai-trien-khai-ke-hoach-chuyen-doi-so-nam-2024',
      ),
      NOW,
    );
    expect(article.title).toBe('Quảng Ngãi triển khai Kế hoạch chuyển đổi số năm 2024');
    expect(article.lead).toContain('100% thủ tục hành chính đủ điều kiện');
    expect(article.publishedAt).toEqual(vn('2024-03-12T08:15'));
    expect(article.text).toContain('tổ công nghệ số cộng đồng');
    expect(article.text).not.toContain('Trang chủ');
    expect(article.text).not.toContain('Bị thay bởi script');
  });

  it('reads a WordPress article: <title> suffix stripped, JSON-LD date, generic description ignored', () => {
    const article = readArticle(
      fixture(
        'article-wordpress.html',
        'https://tinhkhe.quangngai.gov.vn/2024/03/14/xa-tinh-khe-ra-mat-mo-hinh-thon-thong-minh/',
      ),
      NOW,
    );
    expect(article.title).toBe('Xã Tịnh Khê ra mắt mô hình “Thôn thông minh”');
    expect(article.publishedAt).toEqual(vn('2024-03-14T09:20'));
    expect(article.lead).toMatch(/^Sáng 14\/3, UBND xã Tịnh Khê tổ chức lễ ra mắt/);
    expect(article.text).toContain('16 camera an ninh');
  });

  it('reads a VNPT-style article: headline when og:title is the site name, .sapo lead, date beside the title', () => {
    const article = readArticle(
      fixture('article-vnpt.html', 'https://nghiahanh.quangngai.gov.vn/tin-tuc/dvc-215.html'),
      NOW,
    );
    expect(article.title).toBe('Người dân Nghĩa Hành hào hứng với dịch vụ công trực tuyến toàn trình');
    expect(article.lead).toBe(
      'Sau ba tháng triển khai, hơn 60% hồ sơ thủ tục hành chính của xã được nộp trực tuyến qua Cổng Dịch vụ công quốc gia.',
    );
    expect(article.publishedAt).toEqual(vn('2024-03-12T08:15'));
    expect(article.text).toContain('Bộ phận tiếp nhận và trả kết quả');
  });

  it('strips site names from titles', () => {
    expect(stripSiteName('Xã A đẩy mạnh chuyển đổi số - Cổng TTĐT xã A', null)).toBe(
      'Xã A đẩy mạnh chuyển đổi số',
    );
    expect(stripSiteName('UBND huyện Sơn Tịnh | Họp bàn kế hoạch - năm 2024', null)).toBe(
      'Họp bàn kế hoạch - năm 2024',
    );
    expect(stripSiteName('Tin tức - Xã Bình Châu', 'Xã Bình Châu')).toBe('Tin tức');
  });

  it('gives an empty article for an empty page', () => {
    expect(readArticle(page('', 'https://a.gov.vn/x'), NOW)).toEqual({
      title: null,
      lead: null,
      text: '',
      publishedAt: null,
    });
  });
});

describe('findSources', () => {
  it('finds declared feeds, sitemaps and the "Chuyển đổi số" column (accent-insensitive, CĐS)', () => {
    const sources = findSources(fixture('homepage-with-banner.html', 'https://nghiaky.quangngai.gov.vn/'));
    expect(sources.feeds).toEqual([
      'https://nghiaky.quangngai.gov.vn/rss/tin-moi.rss',
      'https://nghiaky.quangngai.gov.vn/feed/atom.xml',
    ]);
    expect(sources.sitemaps).toEqual([
      'https://nghiaky.quangngai.gov.vn/sitemap.xml',
      'https://nghiaky.quangngai.gov.vn/sitemap-news.xml',
    ]);
    expect(sources.dxColumns).toEqual([
      'https://nghiaky.quangngai.gov.vn/chuyen-doi-so',
      'https://nghiaky.quangngai.gov.vn/chuyen-muc/cds',
    ]);
  });

  it('finds nothing on a homepage without them (a post about DX is not a column)', () => {
    expect(
      findSources(fixture('homepage-without-banner.html', 'https://binhchau.quangngai.gov.vn/')),
    ).toEqual({
      feeds: [],
      sitemaps: [],
      dxColumns: [],
    });
  });
});

describe('findBannerLink', () => {
  const target = 'https://www.quangngai.gov.vn/web/portal/chuyen-doi-so';

  it('finds an image banner linking to the DX column (http, no www, trailing slash)', () => {
    const result = findBannerLink(
      fixture('homepage-with-banner.html', 'https://nghiaky.quangngai.gov.vn/'),
      target,
    );
    expect(result).toEqual({
      found: true,
      href: 'http://quangngai.gov.vn/web/portal/chuyen-doi-so/',
      text: 'Chuyên mục Chuyển đổi số tỉnh Quảng Ngãi',
    });
  });

  it('does not take the portal homepage, a look-alike path or another host for the column', () => {
    const result = findBannerLink(
      fixture('homepage-without-banner.html', 'https://binhchau.quangngai.gov.vn/'),
      target,
    );
    expect(result).toEqual({ found: false, href: null, text: null });
  });

  it('matches percent-encoded paths, deeper pages of the column and image-map areas', () => {
    const encoded = findBannerLink(
      page(
        '<a href="https://quangngai.gov.vn/chuy%E1%BB%83n-%C4%91%E1%BB%95i-s%E1%BB%91">CĐS</a>',
        'https://x.gov.vn/',
      ),
      'https://quangngai.gov.vn/chuyển-đổi-số/',
    );
    expect(encoded.found).toBe(true);
    const deeper = findBannerLink(
      page(
        '<a href="//quangngai.gov.vn/web/portal/chuyen-doi-so/-/tin-moi">Tin mới</a>',
        'https://x.gov.vn/',
      ),
      target,
    );
    expect(deeper).toMatchObject({ found: true, text: 'Tin mới' });
    const area = findBannerLink(
      page(
        '<img usemap="#m" src="/b.png"><map name="m"><area shape="rect" coords="0,0,10,10" href="https://quangngai.gov.vn/web/portal/chuyen-doi-so" alt="Chuyển đổi số Quảng Ngãi"></map>',
        'https://x.gov.vn/',
      ),
      target,
    );
    expect(area).toEqual({
      found: true,
      href: 'https://quangngai.gov.vn/web/portal/chuyen-doi-so',
      text: 'Chuyển đổi số Quảng Ngãi',
    });
  });
});

describe('hostile input', () => {
  const url = 'https://xa.example.gov.vn/tin';

  function timed<T>(run: () => T): { value: T; ms: number } {
    const start = performance.now();
    const value = run();
    return { value, ms: performance.now() - start };
  }

  it('survives 50,000 nested divs', () => {
    const html = `<html><body>${'<div>'.repeat(50_000)}<a href="/a">Tin sâu trong cây rất sâu</a>${'</div>'.repeat(10)}</body></html>`;
    const listing = readListing(page(html, url), {}, NOW);
    expect(listing.items.length).toBeLessThanOrEqual(1);
    const article = readArticle(page(html, url), NOW);
    expect(typeof article.text).toBe('string');
    // Not a timing (those flake on shared machines): the tree the parsers walk is cut at 200 levels
    // before linkedom builds it, which is what keeps such a page cheap; the text deep down stays.
    const document = loadDocument(html);
    expect(treeShape(document.body, 100_000).depth).toBeLessThanOrEqual(200);
    expect(document.body.textContent).toContain('Tin sâu trong cây rất sâu');
  });

  it('survives 10 MB of text and caps every field', () => {
    const words = 'Chuyển đổi số ở cơ sở '.repeat(500_000);
    const html = `<html><head><title>${words.slice(0, 100_000)}</title><meta name="description" content="${words.slice(0, 100_000)}"></head><body><h1>${words.slice(0, 50_000)}</h1><p>${words}</p></body></html>`;
    expect(html.length).toBeGreaterThan(10_000_000);
    const article = timed(() => readArticle(page(html, url), NOW));
    expect(article.value.title!.length).toBeLessThanOrEqual(500);
    expect(article.value.lead!.length).toBeLessThanOrEqual(2_000);
    expect(article.value.text.length).toBeLessThanOrEqual(200_000);
    const listing = timed(() => readListing(page(html, url), {}, NOW));
    expect(listing.value.items).toEqual([]);
  });

  it('keeps at most 500 items of a huge listing, each title and lead capped', () => {
    const long = 'Tiêu đề rất dài về chuyển đổi số '.repeat(40);
    const rows = Array.from(
      { length: 3_000 },
      (_, i) =>
        `<li><a href="/tin/${i}">${long} ${i}</a><p>${long.repeat(3)}</p><span>12/03/2024</span></li>`,
    ).join('');
    const { value } = timed(() =>
      readListing(page(`<html><body><ul>${rows}</ul></body></html>`, url), {}, NOW),
    );
    expect(value.items.length).toBeLessThanOrEqual(500);
    expect(value.items.length).toBeGreaterThan(100);
    expect(Math.max(...value.items.map((item) => item.title.length))).toBeLessThanOrEqual(500);
    expect(Math.max(...value.items.map((item) => item.lead?.length ?? 0))).toBeLessThanOrEqual(2_000);
  });

  it('strips NUL and lone surrogates and gives NFC text', () => {
    const decomposed = 'Chuyển đổi số'.normalize('NFD');
    const html = `<html><body><ul>
      <li><a href="/a">${decomposed} tại xã\u0000 A \ud800 hôm nay</a> 12/03/2024</li>
      <li><a href="/b">${decomposed} tại xã B thứ hai</a> 11/03/2024</li></ul></body></html>`;
    const result = readListing(page(html, url), {}, NOW);
    expect(result.items[0]!.title).toBe('Chuyển đổi số tại xã A hôm nay');
    expect(result.items[0]!.title).toBe(result.items[0]!.title.normalize('NFC'));
    expect(result.items[1]!.title).toBe('Chuyển đổi số tại xã B thứ hai');
  });

  it('does not expand entities of a hostile feed, and survives a broken one', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]><rss version="2.0"><channel><title>x</title><item><title>&e;&e;&e;&e;&e;&e;</title><link>https://a.gov.vn/1</link></item></channel></rss>`;
    const { value } = timed(() =>
      readListing(page(bomb, 'https://a.gov.vn/rss', 'application/rss+xml'), {}, NOW),
    );
    for (const item of value.items) expect(item.title.length).toBeLessThanOrEqual(500);
    const broken = readListing(
      page('<rss><channel><item><title>Tin', 'https://a.gov.vn/rss', 'application/rss+xml'),
      {},
      NOW,
    );
    expect(broken.items).toEqual([]);
    const badJson = readListing(
      page('{"version":"https://jsonfeed.org/version/1", "items": [', 'https://a.gov.vn/f.json'),
      {},
      NOW,
    );
    expect(badJson).toEqual({ items: [], nextPageUrl: null, method: 'feed-unreadable' });
  });

  it('ignores javascript:, data: and mailto: links', () => {
    const html = `<html><body><ul>
      <li><a href="javascript:alert(1)">Tin giả chạy mã độc hại trên trang</a> 12/03/2024</li>
      <li><a href="data:text/html,x">Tin giả dạng dữ liệu nhúng trong trang</a> 12/03/2024</li>
      <li><a href="mailto:a@b.vn">Gửi thư cho ban biên tập trang tin</a> 12/03/2024</li></ul></body></html>`;
    expect(readListing(page(html, url), {}, NOW).items).toEqual([]);
  });
});
