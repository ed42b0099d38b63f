import type { PublicRankingDto } from '../../shared/api/public-results';
import { dayOf, formatVnDate } from '../../shared/dates';
import type { PublicUnitResult, PublishedRankingEntry } from '../domain/public-results/load-public-results';
import { formatNumber } from '../scoring/explain';
import { type Html, html, safeHref } from './html';

/**
 * The public results pages, rendered on the server: plain HTML with one small stylesheet, readable
 * on a slow phone without any script. Vietnamese, as provinces announce their DX index results.
 */

export const PUBLIC_CSS_PATH = '/public/assets/ket-qua.css';

const enc = encodeURIComponent;

function page(title: string, breadcrumbs: Html | null, body: Html): string {
  return `<!doctype html>${html`<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title}</title>
<link rel="stylesheet" href="${PUBLIC_CSS_PATH}">
</head>
<body>
<header><p class="brand">Loa Số · Công khai kết quả chuyển đổi số</p>${breadcrumbs ? html`<nav>${breadcrumbs}</nav>` : ''}</header>
<main>
${body}
</main>
<footer><p>Điểm chính thức là điểm thẩm định đã được công bố. Trang này không chứa thông tin cá nhân.</p></footer>
</body>
</html>
`}`;
}

const score = (value: number | null) => (value === null ? '—' : formatNumber(value));

export function renderProvincePage(
  province: { code: string; name: string },
  rankings: PublishedRankingEntry[],
): string {
  const items = rankings.map(
    (
      entry,
    ) => html`<li><a href="/public/${enc(province.code)}/${enc(entry.frameworkCode)}/${enc(entry.periodKey)}">
<strong>${entry.frameworkName}</strong></a>
<span class="meta">${entry.periodLabel} · ${entry.units} đơn vị đã công bố${
      entry.lastPublishedAt ? html` · cập nhật ${formatVnDate(dayOf(entry.lastPublishedAt))}` : ''
    }</span></li>`,
  );
  return page(
    `Kết quả chuyển đổi số — ${province.name}`,
    null,
    html`<h1>Kết quả đánh giá chuyển đổi số — ${province.name}</h1>
${
  items.length > 0
    ? html`<p>Các bảng xếp hạng đã công bố:</p><ul class="list">${items}</ul>`
    : html`<p>Chưa có kết quả nào được công bố.</p>`
}`,
  );
}

export function renderRankingPage(ranking: PublicRankingDto): string {
  const base = `/public/${enc(ranking.province.code)}/${enc(ranking.framework.code)}/${enc(ranking.period.key)}`;
  const groups = ranking.groups.map(
    (group) => html`<section>
<h2>${group.label}</h2>
<ol class="ranking">
${group.rows.map(
  (row) => html`<li><span class="rank">${row.rank}</span>
<a href="${base}/don-vi/${enc(row.unitId)}">${row.name}</a>
<span class="score">${score(row.score)}/${score(row.max)} điểm · ${formatNumber(row.percent)}%</span></li>
`,
)}</ol>
</section>`,
  );
  return page(
    `${ranking.framework.name} — ${ranking.period.label} — ${ranking.province.name}`,
    html`<a href="/public/${enc(ranking.province.code)}">${ranking.province.name}</a>`,
    html`<h1>Xếp hạng ${ranking.period.label}</h1>
<p class="lead">${ranking.framework.name}</p>
<p class="meta">${ranking.framework.legalBasis}</p>
${groups.length > 0 ? groups : html`<p>Chưa có đơn vị nào được công bố.</p>`}`,
  );
}

export function renderUnitPage(result: PublicUnitResult, provinceCode: string): string {
  const { ranking, unit } = result;
  const base = `/public/${enc(provinceCode)}/${enc(ranking.framework.code)}/${enc(ranking.period.key)}`;
  const criteria = result.criteria.map(
    (criterion) => html`<section class="criterion">
<h2><span class="code">${criterion.code}</span> ${criterion.title}</h2>
<p class="score">${score(criterion.score)}/${score(criterion.max)} điểm</p>
${criterion.explanation ? html`<p><span class="label">Số liệu:</span> ${criterion.explanation}</p>` : ''}
${criterion.reviewerComment ? html`<p><span class="label">Nhận xét thẩm định:</span> ${criterion.reviewerComment}</p>` : ''}
${
  criterion.evidence.length > 0
    ? html`<p class="label">Minh chứng công khai:</p><ul class="evidence">${criterion.evidence.map(
        (item) =>
          html`<li>${
            item.fileName
              ? html`<a href="/public/${enc(provinceCode)}/tep/${enc(item.id)}">${item.title}</a> <span class="meta">(${item.fileName})</span>`
              : item.url
                ? html`<a href="${safeHref(item.url)}" rel="noopener noreferrer nofollow">${item.title}</a>`
                : item.title
          }${item.documentNumber ? html` <span class="meta">Số ${item.documentNumber}${item.documentDate ? html`, ngày ${formatVnDate(item.documentDate)}` : ''}</span>` : ''}</li>`,
      )}</ul>`
    : ''
}
</section>`,
  );
  return page(
    `${unit.name} — ${ranking.period.label} — ${ranking.province.name}`,
    html`<a href="/public/${enc(provinceCode)}">${ranking.province.name}</a> › <a href="${base}">Xếp hạng ${ranking.period.label}</a>`,
    html`<h1>${unit.name}</h1>
<p class="lead">${ranking.framework.name}, ${ranking.period.label}</p>
<p class="total">Điểm chính thức: <strong>${score(unit.score)}/${score(unit.max)}</strong> (${formatNumber(unit.percent)}%) · Hạng ${unit.rank}</p>
${result.publishedAt ? html`<p class="meta">Công bố ngày ${formatVnDate(dayOf(result.publishedAt))}</p>` : ''}
${criteria}`,
  );
}

/** The same page for a province that has not turned the page on and for a code that does not exist. */
export function renderNotFoundPage(): string {
  return page(
    'Không tìm thấy',
    null,
    html`<h1>Không tìm thấy</h1><p>Không có trang kết quả công khai ở địa chỉ này.</p>`,
  );
}

/** Small, no external fonts or images: a slow phone draws the page at once. */
export const PUBLIC_CSS = `*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f1f1f;background:#f7f7f5}
header,main,footer{max-width:860px;margin:0 auto;padding:12px 16px}
header{border-bottom:1px solid #ddd}
.brand{margin:0;font-weight:600;color:#a8071a}
nav{font-size:14px;margin-top:4px}
h1{font-size:22px;line-height:1.3;margin:8px 0}
h2{font-size:18px;margin:16px 0 8px}
a{color:#0958d9;overflow-wrap:anywhere}
.lead{font-size:17px;margin:4px 0}
.meta{color:#595959;font-size:14px}
.list{padding-left:20px}
.list li{margin:8px 0}
.list .meta{display:block}
.ranking{list-style:none;padding:0;margin:0}
.ranking li{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline;background:#fff;border:1px solid #e5e5e5;border-radius:6px;padding:10px 12px;margin:6px 0}
.ranking .rank{font-weight:700;min-width:2em}
.ranking a{flex:1 1 12em}
.ranking .score{color:#262626;font-variant-numeric:tabular-nums}
.criterion{background:#fff;border:1px solid #e5e5e5;border-radius:6px;padding:4px 12px;margin:10px 0}
.criterion .code{color:#595959}
.criterion .score,.total{font-weight:600}
.label{font-weight:600}
.evidence{padding-left:20px}
footer{color:#595959;font-size:13px;border-top:1px solid #ddd;margin-top:16px}
`;
