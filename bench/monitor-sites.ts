import { foldForSearch } from '../src/shared/text';

/**
 * The monitor benchmark's fixture websites (bench/monitor-operations.ts): one commune portal per
 * current commune, each under its own host name (xa-0001.bench.test …) so that the fetcher's
 * per-host queue treats them as distinct sites. Pages are built from templates on request, the same
 * for a given site and article on every run, in the markup of test/fixtures/portals (a WordPress
 * category page or a Liferay asset publisher; WordPress articles). Nothing is downloaded.
 */

export const ARTICLES_PER_SITE = 20;
/** The homepage, the DX column's listing and its articles. */
export const PAGES_PER_SITE = ARTICLES_PER_SITE + 2;
export const LISTING_PATH = '/chuyen-doi-so';
export const BENCH_DOMAIN = 'bench.test';

export interface BenchSite {
  /** xa-0001.bench.test */
  host: string;
  communeName: string;
  provinceName: string;
  /** The province portal's DX column: what the homepage's banner links to. */
  bannerTarget: string;
}

/** What the server child needs to answer every site: the sites and the day the newest post is dated. */
export interface SiteServerSetup {
  sites: BenchSite[];
  /** yyyy-mm-dd (Vietnam): article k of every site is dated k + 1 days before this day. */
  today: string;
}

export function siteHost(index: number): string {
  return `xa-${String(index + 1).padStart(4, '0')}.${BENCH_DOMAIN}`;
}

export function provincePortalColumn(provinceName: string): string {
  const slug = foldForSearch(provinceName.replace(/^(Tỉnh|Thành phố) /, '')).replace(/[^a-z0-9]+/g, '');
  return `https://${slug}.gov.vn/chuyen-doi-so`;
}

/** 16 DX titles and 4 others per site, so that the column check both records and ignores items. */
const DX_TITLES = [
  '{xa} triển khai Kế hoạch chuyển đổi số năm {nam}',
  'Tổ công nghệ số cộng đồng {xa} hỗ trợ người dân cài đặt VNeID',
  'Hội nghị tập huấn kỹ năng số cho cán bộ, công chức {xa}',
  'Đẩy mạnh thanh toán không dùng tiền mặt tại chợ {xa}',
  '{xa} ra mắt mô hình "Thôn thông minh" đợt {so}',
  'Hướng dẫn nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia tại {xa}',
  'Đoàn Thanh niên {xa} ra quân hỗ trợ chuyển đổi số, đợt {so}',
  '{xa} đạt 100% hồ sơ thủ tục hành chính được số hóa',
  'Tuyên truyền Đề án 06 về dữ liệu dân cư, định danh và xác thực điện tử tại {xa}',
  'Phổ cập kỹ năng số cho người dân {xa}: bình dân học vụ số đợt {so}',
  'Ứng dụng chữ ký số trong xử lý văn bản tại UBND {xa}',
  '{xa} đưa sản phẩm OCOP lên sàn thương mại điện tử',
  'Lắp đặt hệ thống loa truyền thanh thông minh ứng dụng công nghệ thông tin tại {xa}',
  'Sơ kết chuyển đổi số 6 tháng, {xa} đề ra nhiệm vụ năm {nam}',
  'Nâng cao an toàn thông tin mạng cho cán bộ {xa}',
  'Xây dựng chính quyền số: {xa} vận hành hệ thống họp trực tuyến',
] as const;
const OTHER_TITLES = [
  '{xa} ra quân tổng vệ sinh môi trường, đợt {so}',
  'Họp mặt kỷ niệm ngày Quốc tế Phụ nữ tại {xa}',
  'Tiêm vắc xin phòng bệnh cho đàn gia súc trên địa bàn {xa}',
  'Giải bóng đá thiếu niên {xa} năm {nam} khép lại thành công',
] as const;
const DX_LEADS = [
  'UBND {xa} tổ chức triển khai với sự tham gia của các thôn, tổ công nghệ số cộng đồng và đông đảo người dân.',
  'Trong đợt này, cán bộ đã đến từng thôn hướng dẫn người dân kích hoạt tài khoản định danh điện tử mức độ 2.',
  'Kết quả cho thấy tỷ lệ hồ sơ trực tuyến toàn trình tăng rõ rệt so với cùng kỳ năm trước.',
] as const;
const OTHER_LEADS = [
  'Đông đảo đoàn viên, hội viên và người dân các thôn đã tham gia, góp phần giữ gìn cảnh quan sạch đẹp.',
  'Buổi họp mặt diễn ra trong không khí ấm cúng, nhiều hội viên tiêu biểu được khen thưởng.',
  'Cán bộ thú y xã phối hợp với các thôn tiêm phòng cho hơn 2.000 con gia súc, gia cầm.',
  'Giải đấu thu hút 12 đội bóng của các thôn, diễn ra sôi nổi, an toàn và tiết kiệm.',
] as const;

export interface ArticleSpec {
  index: number;
  title: string;
  lead: string;
  path: string;
  /** yyyy-mm-dd */
  day: string;
  isDx: boolean;
}

const fill = (template: string, site: BenchSite, index: number, year: string) =>
  template
    .replaceAll('{xa}', site.communeName)
    .replaceAll('{nam}', year)
    .replaceAll('{so}', String(index + 1));

function minusDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Article k: every fifth one is not about DX; dated k + 1 days before `today`, newest first. */
export function articlesOf(site: BenchSite, today: string): ArticleSpec[] {
  const year = today.slice(0, 4);
  return Array.from({ length: ARTICLES_PER_SITE }, (_, index) => {
    const isDx = index % 5 !== 4;
    const other = Math.floor(index / 5);
    const template = isDx ? DX_TITLES[index - other]! : OTHER_TITLES[other]!;
    const lead = isDx ? DX_LEADS[index % DX_LEADS.length]! : OTHER_LEADS[other]!;
    const title = fill(template, site, index, year);
    const slug = foldForSearch(title)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80);
    return {
      index,
      title,
      lead: fill(lead, site, index, year),
      path: `${LISTING_PATH}/${slug}-${1000 + index}.html`,
      day: minusDays(today, index + 1),
      isDx,
    };
  });
}

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const vnDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

export function homepageHtml(site: BenchSite, today: string, siteIndex: number): string {
  const [latest] = articlesOf(site, today);
  // One site in ten has no banner: the check then records an unverified banner, as in real life.
  const banner =
    siteIndex % 10 === 9
      ? ''
      : `<a href="${escapeHtml(site.bannerTarget)}/" target="_blank"><img src="/uploads/banner/banner-cds-tinh.png" alt="Chuyên mục Chuyển đổi số ${escapeHtml(site.provinceName)}"></a>`;
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Trang chủ - Cổng TTĐT ${escapeHtml(site.communeName)}</title>
<link rel="sitemap" type="application/xml" href="/sitemap.xml">
</head>
<body>
<header class="site-header">
  <ul class="main-menu">
    <li><a href="/">Trang chủ</a></li>
    <li><a href="/gioi-thieu">Giới thiệu</a></li>
    <li><a href="${LISTING_PATH}">CHUYỂN ĐỔI SỐ</a></li>
    <li><a href="/tin-tuc">Tin tức</a></li>
  </ul>
</header>
<main>
  <div class="box-cds"><h2 class="box-title"><a href="${LISTING_PATH}">Tin CĐS</a></h2>
    <ul><li><a href="${latest!.path}">${escapeHtml(latest!.title)}</a></li></ul>
  </div>
  <div class="banner-right">
    ${banner}
    <a href="https://dichvucong.gov.vn/"><img src="/uploads/banner/dvc.png" alt="Cổng Dịch vụ công quốc gia"></a>
  </div>
</main>
<footer><a href="/so-do-trang.html">Sơ đồ trang</a> Cơ quan chủ quản: UBND ${escapeHtml(site.communeName)}, ${escapeHtml(site.provinceName)}.</footer>
</body>
</html>
`;
}

/**
 * The DX column: titles and dates but no summaries (as many commune portals show it), so that the
 * check reads every article for its lead, the 20 article fetches the benchmark counts on.
 */
export function listingHtml(site: BenchSite, today: string, siteIndex: number): string {
  const articles = articlesOf(site, today);
  const name = escapeHtml(site.communeName);
  if (siteIndex % 2 === 0) {
    const posts = articles
      .map(
        (
          article,
        ) => `      <article id="post-${1000 + article.index}" class="post type-post status-publish hentry category-chuyen-doi-so">
        <header class="entry-header">
          <h2 class="entry-title"><a href="${article.path}" rel="bookmark">${escapeHtml(article.title)}</a></h2>
          <div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="${article.day}T08:00:00+07:00">${vnDate(article.day)}</time></span></div>
        </header>
      </article>`,
      )
      .join('\n');
    return `<!doctype html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<title>Chuyển đổi số &#8211; Trang thông tin điện tử ${name}</title>
</head>
<body class="archive category category-chuyen-doi-so">
<div id="page" class="site">
  <header id="masthead" class="site-header">
    <div class="site-branding"><p class="site-title"><a href="/" rel="home">Trang thông tin điện tử ${name}</a></p></div>
    <nav id="site-navigation" class="main-navigation">
      <ul id="primary-menu" class="menu">
        <li class="menu-item"><a href="/gioi-thieu/">Giới thiệu</a></li>
        <li class="menu-item current-menu-item"><a href="${LISTING_PATH}">Chuyển đổi số</a></li>
        <li class="menu-item"><a href="/tin-tuc/">Tin tức hoạt động của xã</a></li>
      </ul>
    </nav>
  </header>
  <div id="content" class="site-content">
    <main id="main" class="site-main">
      <header class="page-header"><h1 class="page-title">Chuyên mục: <span>Chuyển đổi số</span></h1></header>
${posts}
    </main>
    <aside id="secondary" class="widget-area">
      <section class="widget widget_recent_entries"><h2 class="widget-title">Bài viết mới</h2>
        <ul><li><a href="/tin-tuc/hop-mat-dau-nam.html">Họp mặt đầu năm</a></li><li><a href="/tin-tuc/ve-sinh-moi-truong.html">Ra quân vệ sinh môi trường</a></li></ul>
      </section>
    </aside>
  </div>
  <footer id="colophon" class="site-footer"><div class="site-info"><a href="https://wordpress.org/">Vận hành bởi WordPress và đội ngũ kỹ thuật</a></div></footer>
</div>
</body>
</html>
`;
  }
  const assets = articles
    .map(
      (article) => `          <div class="asset-abstract">
            <h3 class="asset-title"><a href="${article.path}">${escapeHtml(article.title)}</a></h3>
            <div class="asset-metadata"><span class="metadata-entry metadata-publish-date">${vnDate(article.day)} 08:00</span></div>
          </div>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="vi-VN">
<head>
<title>Chuyển đổi số - Cổng thông tin điện tử ${name}</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<style>.portlet-asset-publisher .asset-title a { color: #0b4a8b; }</style>
</head>
<body class="controls-visible signed-out public-page site">
<div id="wrapper">
  <header id="banner" role="banner">
    <div id="heading"><h1 class="site-title"><a href="/" title="Cổng thông tin điện tử ${name}">${name}</a></h1></div>
    <nav class="sort-pages modify-pages" id="navigation" role="navigation">
      <ul aria-label="Trang web" role="menubar">
        <li><a href="/">Trang chủ</a></li>
        <li><a href="/gioi-thieu-chung">Giới thiệu chung</a></li>
        <li class="selected"><a href="${LISTING_PATH}">Chuyển đổi số</a></li>
        <li><a href="/thu-tuc-hanh-chinh">Thủ tục hành chính</a></li>
      </ul>
    </nav>
  </header>
  <div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="${LISTING_PATH}">Chuyển đổi số</a></div>
  <section id="content">
    <div class="columns-2-r" id="main-content" role="main">
      <div class="portlet-column portlet-column-first" id="column-1">
        <div class="portlet-boundary portlet-asset-publisher" id="p_p_id_AssetPublisherPortlet_INSTANCE_xKd3_">
          <h2 class="portlet-title-text">Chuyển đổi số</h2>
${assets}
        </div>
      </div>
      <div class="portlet-column portlet-column-last" id="column-2">
        <div class="portlet-boundary tin-noi-bat">
          <h2 class="portlet-title-text">Tin nổi bật</h2>
          <ul class="list-unstyled"><li><a href="/tin-tuc/ky-hop-hdnd-xa.html">Kỳ họp HĐND xã thành công tốt đẹp</a></li></ul>
        </div>
      </div>
    </div>
  </section>
  <footer id="footer" role="contentinfo"><p>Cơ quan chủ quản: Ủy ban nhân dân ${name}, ${escapeHtml(site.provinceName)}.</p></footer>
</div>
</body>
</html>
`;
}

export function articleHtml(site: BenchSite, article: ArticleSpec): string {
  const name = escapeHtml(site.communeName);
  const title = escapeHtml(article.title);
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<title>${title} &#8211; Trang thông tin điện tử ${name}</title>
<meta name="description" content="Cổng thông tin điện tử ${name}, ${escapeHtml(site.provinceName)}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":${JSON.stringify(article.title)},"datePublished":"${article.day}T08:00:00+07:00"}</script>
</head>
<body class="post-template-default single single-post">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Trang thông tin điện tử ${name}</a></p></header>
<main id="main" class="site-main">
<article id="post-${1000 + article.index}" class="post type-post status-publish hentry">
  <header class="entry-header">
    <h1 class="entry-title">${title}</h1>
    <div class="entry-meta"><span class="posted-on">Đăng ngày <time class="entry-date published" datetime="${article.day}T08:00:00+07:00">${vnDate(article.day)}</time></span></div>
  </header>
  <div class="entry-content">
    <p>${escapeHtml(article.lead)}</p>
    <p>Theo kế hoạch, ${name} tiếp tục phối hợp với các tổ công nghệ số cộng đồng, đoàn thanh niên và hội phụ nữ đến từng thôn, hướng dẫn người dân sử dụng dịch vụ công trực tuyến, thanh toán điện tử và các nền tảng số thiết yếu.</p>
    <p>Lãnh đạo UBND xã cho biết, kết quả này góp phần hoàn thành các chỉ tiêu chuyển đổi số của ${escapeHtml(site.provinceName)} năm ${article.day.slice(0, 4)}.</p>
  </div>
</article>
</main>
</body>
</html>
`;
}

export interface SiteAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** The answer for one request: the site by its Host header, the page by its path. */
export function answer(
  setup: SiteServerSetup,
  indexByHost: Map<string, number>,
  host: string,
  path: string,
): SiteAnswer {
  const notFound = { status: 404, contentType: 'text/plain; charset=utf-8', body: 'Không có trang này' };
  const siteIndex = indexByHost.get(host);
  if (siteIndex === undefined) return notFound;
  const site = setup.sites[siteIndex]!;
  const html = 'text/html; charset=utf-8';
  if (path === '/robots.txt')
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: 'User-agent: *\nAllow: /\n' };
  if (path === '/')
    return { status: 200, contentType: html, body: homepageHtml(site, setup.today, siteIndex) };
  if (path === LISTING_PATH)
    return { status: 200, contentType: html, body: listingHtml(site, setup.today, siteIndex) };
  const article = articlesOf(site, setup.today).find((candidate) => candidate.path === path);
  return article ? { status: 200, contentType: html, body: articleHtml(site, article) } : notFound;
}

/** Every page of a site in the order a check reads them: homepage, listing, articles. */
export function pageUrlsOf(site: BenchSite, origin: (host: string) => string, today: string): string[] {
  const base = origin(site.host);
  return [`${base}/`, `${base}${LISTING_PATH}`, ...articlesOf(site, today).map((a) => `${base}${a.path}`)];
}
