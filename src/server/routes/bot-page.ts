import type { FastifyInstance } from 'fastify';
import { BOT_PAGE_PATH, defaultFetchPolicy, MONITOR_PRODUCT, monitorVersion } from '../monitor/fetch';
import { html } from '../public-pages/html';
import { PUBLIC_CSS_PATH } from '../public-pages/render-public-pages';
import type { RouteDeps } from './deps';

/**
 * The page the monitor's user agent points to (`LoaSo-monitor/<version> (+<PUBLIC_URL>/bot)`): what
 * the bot is and how a site limits it, for the webmaster who finds it in their logs. Public, static,
 * Vietnamese first and English below; the figures come from the fetcher's defaults.
 */
export function renderBotPage(): string {
  const policy = defaultFetchPolicy();
  const agent = `${MONITOR_PRODUCT}/${monitorVersion()}`;
  const delay = policy.defaultDelayMs / 1000;
  const maxDelay = policy.maxDelayMs / 1000;
  const example = `User-agent: ${MONITOR_PRODUCT}\nCrawl-delay: 10\nDisallow: /quan-tri/`;
  const block = `User-agent: ${MONITOR_PRODUCT}\nDisallow: /`;
  return `<!doctype html>${html`<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Máy theo dõi trang tin ${MONITOR_PRODUCT}</title>
<link rel="stylesheet" href="${PUBLIC_CSS_PATH}">
</head>
<body>
<header><p class="brand">Loa Số · Máy theo dõi trang tin</p></header>
<main>
<h1>${agent}</h1>
<p class="lead">Máy theo dõi của Loa Số đọc chuyên mục "Chuyển đổi số" và trang chủ của các trang thông tin
điện tử mà cơ quan, đơn vị đã khai báo, để tự ghi nhận tin bài và banner chuyển đổi số của đơn vị đó.</p>
<ul class="list">
<li>Chỉ đọc trang (GET): không đăng nhập, không gửi biểu mẫu, không chạy JavaScript.</li>
<li>Tuân theo robots.txt: nhóm <code>User-agent: ${MONITOR_PRODUCT}</code>, nếu không có thì nhóm <code>*</code>.</li>
<li>Mỗi lúc chỉ một yêu cầu tới một máy chủ, cách nhau ít nhất ${delay} giây, hoặc theo <code>Crawl-delay</code>
(tối đa ${maxDelay} giây); thường chỉ vài trang mỗi ngày cho mỗi trang web.</li>
</ul>
<h2>Giới hạn hoặc chặn máy theo dõi</h2>
<p>Thêm vào tệp <code>/robots.txt</code> của trang web, ví dụ đọc chậm hơn và bỏ qua một thư mục:</p>
<pre>${example}</pre>
<p>Chặn hoàn toàn (khi đó tin bài của đơn vị phải được cán bộ nhập tay):</p>
<pre>${block}</pre>
<h2 lang="en">In English</h2>
<p lang="en">${MONITOR_PRODUCT} is the website monitor of Loa Số, a platform that follows the digital
transformation communication of Vietnamese public bodies. It reads the "Chuyển đổi số" column and the
homepage of websites that units registered, with plain GET requests, one at a time per host, at least
${delay} s apart. It obeys robots.txt (group <code>${MONITOR_PRODUCT}</code>, else <code>*</code>),
including <code>Disallow</code> and <code>Crawl-delay</code> (up to ${maxDelay} s).</p>
</main>
<footer><p>Địa chỉ trang này có trong chuỗi User-Agent của máy theo dõi.</p></footer>
</body>
</html>
`}`;
}

export function botPageRoutes(app: FastifyInstance, _deps: RouteDeps) {
  const page = renderBotPage();
  app.get(BOT_PAGE_PATH, { config: { isPublic: true }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=86400').send(page),
  );
}
