import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureWebServer, startFixtureWebServer } from '../test/support/fixture-web-server';
import { apiAs } from './support/api';
import { DESKTOP, horizontalOverflow, logIn, openSignedIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

/**
 * Issue 11's "Done when" path in a real browser: a province DX office points three communes' website
 * columns at local fixture sites, runs "Kiểm tra ngay", sees the posts with their snapshot, decides an
 * uncertain item, sees the website-post criterion count it; a pushed radio log moves the broadcast
 * criterion; verify-evidence catches a one-byte change to a stored snapshot body.
 */

let web: FixtureWebServer;
let dataDir = '';
beforeAll(async () => {
  web = await startFixtureWebServer();
});
afterAll(async () => {
  await web?.stop();
});

const { openPage, serverDataDir, stopServer } = registerBrowserSuite({
  env: () => ({ MONITOR_ALLOW_HOSTS: '127.0.0.1' }),
});

const FRAMEWORK = 'kontum-780';
const PROVINCE_USER = 'sokhcn.quangngai';

/** Today in Vietnam, from the clock of this run: the posts must fall in the scoring period the server uses now. */
function vnToday(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

interface Post {
  slug: string;
  title: string;
  lead: string;
}

/** A listing is read from its repeated pattern: one post alone does not make a list, so each site has non-DX news too. */
const OTHER_NEWS: Post[] = [
  { slug: 'bong-da', title: 'Khai mạc giải bóng đá thanh niên xã', lead: 'Khai mạc giải bóng đá.' },
  {
    slug: 'phong-dich',
    title: 'Ra quân phòng chống dịch bệnh trên đàn gia súc',
    lead: 'Tiêm phòng lở mồm long móng cho trâu bò.',
  },
];

const SITES: Array<{ prefix: string; unitText: string; unitName: string; posts: Post[] }> = [
  {
    prefix: '/dakrve',
    unitText: 'Đăk Rve',
    unitName: 'Xã Đăk Rve',
    posts: [
      {
        slug: 'vneid-thanh-toan',
        title: 'Xã Đăk Rve hướng dẫn người dân cài đặt VNeID và thanh toán không dùng tiền mặt',
        lead: 'Tổ công nghệ số cộng đồng hỗ trợ người dân sử dụng dịch vụ công trực tuyến, chữ ký số.',
      },
      {
        slug: 'tap-huan-can-bo',
        title: 'Tập huấn kỹ năng cho cán bộ',
        lead: 'Cán bộ được tập huấn sử dụng máy tính.',
      },
      {
        slug: 'giai-bong-da',
        title: 'Khai mạc giải bóng đá thanh niên xã',
        lead: 'Khai mạc giải bóng đá.',
      },
    ],
  },
  {
    prefix: '/dakkoi',
    unitText: 'Đăk Kôi',
    unitName: 'Xã Đăk Kôi',
    posts: [
      {
        slug: 'cho-4-0',
        title: 'Xã Đăk Kôi ra mắt mô hình chợ 4.0 thanh toán không dùng tiền mặt',
        lead: 'Tiểu thương được hướng dẫn thanh toán bằng mã QR.',
      },
      ...OTHER_NEWS,
    ],
  },
  {
    prefix: '/konbraih',
    unitText: 'Kon Braih',
    unitName: 'Xã Kon Braih',
    posts: [
      {
        slug: 'dich-vu-cong',
        title: 'Xã Kon Braih đẩy mạnh chuyển đổi số, dịch vụ công trực tuyến toàn trình',
        lead: 'Người dân nộp hồ sơ trực tuyến, thanh toán không dùng tiền mặt.',
      },
      ...OTHER_NEWS,
    ],
  },
];

function listingHtml(prefix: string, day: string, posts: Post[]): string {
  const articles = posts
    .map(
      (post, index) => `
<article class="post type-post hentry category-chuyen-doi-so">
  <header class="entry-header">
    <h2 class="entry-title"><a href="${web.url(`${prefix}/tin-tuc/${post.slug}/`)}" rel="bookmark">${post.title}</a></h2>
    <div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="${day}T0${index + 7}:00:00+07:00">${day}</time></span></div>
  </header>
  <div class="entry-summary"><p>${post.lead}</p></div>
</article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="UTF-8"><title>Chuyển đổi số</title></head>
<body class="archive category category-chuyen-doi-so"><main id="main" class="site-main">
<header class="page-header"><h1 class="page-title">Chuyên mục: <span>Chuyển đổi số</span></h1></header>
${articles}
</main></body></html>`;
}

function articleHtml(day: string, post: Post): string {
  return `<!doctype html><html lang="vi"><head><meta charset="UTF-8"><title>${post.title}</title>
<meta property="article:published_time" content="${day}T08:00:00+07:00"></head>
<body><main><article><h1 class="entry-title">${post.title}</h1>
<time class="entry-date published" datetime="${day}T08:00:00+07:00">${day}</time>
<div class="entry-content"><p>${post.lead}</p><p>${post.lead}</p></div></article></main></body></html>`;
}

function serveSites(day: string): void {
  const html = { 'content-type': 'text/html; charset=utf-8' };
  web.route('/robots.txt', { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nAllow: /\n' });
  for (const site of SITES) {
    web.route(`${site.prefix}/chuyen-muc/chuyen-doi-so/`, {
      headers: html,
      body: listingHtml(site.prefix, day, site.posts),
    });
    for (const post of site.posts)
      web.route(`${site.prefix}/tin-tuc/${post.slug}/`, { headers: html, body: articleHtml(day, post) });
  }
}

async function unitIdByName(page: Page, text: string, name: string): Promise<string> {
  const found = await apiAs<{ items: Array<{ id: string; name: string; validTo: string | null }> }>(
    page,
    'GET',
    `/api/units?q=${encodeURIComponent(text)}`,
  );
  const unit = found.items.find((item) => item.name === name && item.validTo === null);
  if (!unit) throw new Error(`No current unit "${name}" among ${JSON.stringify(found.items)}`);
  return unit.id;
}

interface CriterionScore {
  code: string;
  score: number | null;
  facts: Record<string, unknown>;
}

async function criterion(page: Page, unitId: string, code: string): Promise<CriterionScore> {
  const year = vnToday().slice(0, 4);
  const scores = await apiAs<{ criteria: CriterionScore[] }>(
    page,
    'GET',
    `/api/units/${unitId}/scores?framework=${FRAMEWORK}&period=${year}`,
  );
  const found = scores.criteria.find((item) => item.code === code);
  if (!found) throw new Error(`No criterion ${code}`);
  return found;
}

async function countedRecords(
  page: Page,
  unitId: string,
  code: string,
  year = vnToday().slice(0, 4),
): Promise<{ total: number; items: Array<{ title: string; url: string | null }> }> {
  return apiAs(
    page,
    'GET',
    `/api/units/${unitId}/scores/${code}/records?framework=${FRAMEWORK}&period=${year}&limit=500`,
  );
}

const unitIds = new Map<string, string>();

describe('the website monitor, from a clean start', () => {
  it('points three communes at fixture sites; "Kiểm tra ngay" finds the posts with snapshots', async () => {
    serveSites(vnToday());
    const page = await openPage(DESKTOP);
    await logIn(page, PROVINCE_USER);
    for (const site of SITES) {
      const unitId = await unitIdByName(page, site.unitText, site.unitName);
      unitIds.set(site.prefix, unitId);
      const channels = await apiAs<{ items: Array<{ id: string; kind: string; isEnded: boolean }> }>(
        page,
        'GET',
        `/api/units/${unitId}/channels`,
      );
      const column = channels.items.find((item) => item.kind === 'website_column' && !item.isEnded);
      if (!column) throw new Error(`${site.unitName} has no website column`);
      await apiAs(page, 'PATCH', `/api/channels/${column.id}`, {
        url: web.url(`${site.prefix}/chuyen-muc/chuyen-doi-so/`),
        feedUrl: null,
      });
    }

    const unitId = unitIds.get('/dakrve')!;
    await page.goto(`/monitor/units/${unitId}`);
    await page.getByRole('heading', { name: 'Giám sát trang tin' }).waitFor();
    await page.getByRole('button', { name: 'Kiểm tra ngay' }).click();
    // Three sites on one host, one page each after robots.txt: the per-host delay keeps this short.
    await page.getByText('Chuyên mục: Thành công', { exact: false }).first().waitFor({ timeout: 90_000 });
    await page.getByText('Tin tìm thấy: 3 (ghi nhận 1, chờ xem xét 1, bỏ qua 1)').waitFor();
    expect(await page.getByText(/^[0-9a-f]{8}-[0-9a-f]{4}-/).count()).toBe(0);

    const posts = page.locator('.ant-card').filter({ hasText: 'Tin CĐS đã ghi nhận (1)' });
    await posts.getByText(SITES[0]!.posts[0]!.title).waitFor();
    await posts.locator('.ant-tag-blue').first().waitFor();
    await screenshot(page, 'monitor-check-done');
    await posts.getByRole('button', { name: 'Xem bản ghi và ảnh chụp trang' }).click();
    const drawer = page.locator('.ant-drawer');
    const snapshot = drawer
      .locator('.ant-card')
      .filter({ hasText: 'Ảnh chụp trang (do hệ thống theo dõi lưu)' });
    // The listing gave the date and lead, so the page kept is the listing the post was read from.
    await snapshot.getByText(web.url('/dakrve/chuyen-muc/chuyen-doi-so/')).waitFor();
    await screenshot(page, 'monitor-record-snapshot');
    await page.keyboard.press('Escape');

    // The other two communes were checked too (the province's own "check now" per unit, by the API).
    for (const prefix of ['/dakkoi', '/konbraih']) {
      await apiAs(page, 'POST', `/api/units/${unitIds.get(prefix)}/monitor/checks`, {
        kinds: ['column'],
      });
    }
    for (const prefix of ['/dakkoi', '/konbraih']) {
      await expect
        .poll(
          async () => {
            const monitor = await apiAs<{
              channels: Array<{
                items: { recorded: number };
                lastCheck: { status: string; errorMessage: string | null } | null;
              }>;
            }>(page, 'GET', `/api/units/${unitIds.get(prefix)}/monitor`);
            const channel = monitor.channels[0];
            return `${channel?.lastCheck?.status} ${channel?.lastCheck?.errorMessage ?? ''}: ${channel?.items.recorded}`;
          },
          { timeout: 60_000, interval: 1_000 },
        )
        .toBe('succeeded : 1');
    }
  });

  it('a person decides the uncertain item as DX with a topic, and criterion 1.4 counts it', async () => {
    const page = await openPage(DESKTOP);
    await logIn(page, PROVINCE_USER);
    const unitId = unitIds.get('/dakrve')!;
    const uncertain = SITES[0]!.posts[1]!;
    const before = await countedRecords(page, unitId, '1.4');
    expect(before.items.some((item) => item.title === uncertain.title)).toBe(false);
    const scoreBefore = await criterion(page, unitId, '1.4');

    await page.goto(`/monitor/units/${unitId}`);
    await page.getByRole('tab', { name: 'Chờ xem xét' }).click();
    // Only the open tab's cards: the status tab (kept in the page, hidden) lists recorded posts too.
    const card = page.locator('.ant-card').filter({ visible: true }).filter({ hasText: uncertain.title });
    await card.waitFor();
    await screenshot(page, 'monitor-review-queue');
    await card.getByRole('combobox', { name: 'Chủ đề' }).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first()
      .click();
    await card.getByRole('button', { name: 'Là tin CĐS' }).click();
    await card.waitFor({ state: 'detached' });

    const after = await countedRecords(page, unitId, '1.4');
    expect(after.total).toBe(before.total + 1);
    expect(after.items.some((item) => item.title === uncertain.title)).toBe(true);
    const scoreAfter = await criterion(page, unitId, '1.4');
    // The demo already scores 20/20 here: the count the score is made from moves by one.
    expect(JSON.stringify(scoreAfter.facts)).not.toBe(JSON.stringify(scoreBefore.facts));

    await page.getByRole('tab', { name: 'Tình trạng' }).click();
    await page
      .locator('.ant-card')
      .filter({ hasText: 'Tin CĐS đã ghi nhận (2)' })
      .getByText(uncertain.title)
      .waitFor();
  });

  it('on a 360 px phone the monitor page and its review queue fit the screen', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, PROVINCE_USER, `/monitor/units/${unitIds.get('/dakrve')}`);
    await page.getByText('Tin tìm thấy: 3 (ghi nhận 2, chờ xem xét 0, bỏ qua 1)').waitFor();
    await screenshot(page, 'phone-monitor-status');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('tab', { name: 'Chờ xem xét' }).click();
    await page
      .getByText('Không có tin nào chờ xem xét', { exact: false })
      .or(page.locator('.ant-empty'))
      .first()
      .waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('a radio log pushed with the station token moves the broadcast criterion 1.5', async () => {
    const page = await openPage(DESKTOP);
    await logIn(page, 'lanhdao.dakrve');
    const unitId = unitIds.get('/dakrve')!;
    // An hour ago in this run's clock; the criterion is read for the year it aired in (on 01/01 at 00:30
    // that is last year: a broadcast of 01/01 falls in the last ISO week of the year before, which the
    // new year's weekly criterion does not count yet).
    const airedAt = new Date(Date.now() - 3600_000).toISOString();
    const airedYear = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
      .format(new Date(airedAt))
      .slice(0, 4);
    const before = await countedRecords(page, unitId, '1.5', airedYear);

    await page.goto('/radio');
    await page.getByRole('heading', { name: 'Trạm gửi nhật ký phát sóng' }).waitFor();
    await page.getByLabel('Mã trạm').fill('KT-DAKRVE-MON');
    await page.getByLabel('Tên trạm').fill('Truyền thanh IP xã Đăk Rve');
    // The commune's only programme is chosen once its channels have arrived: wait for it, as a person would.
    await page.locator('.ant-select').filter({ hasText: 'Chuyên mục Chuyển đổi số' }).first().waitFor();
    await page.getByRole('button', { name: 'Tạo trạm' }).click();
    const tokenDialog = page.getByRole('dialog').filter({ hasText: 'Mã truy cập của trạm KT-DAKRVE-MON' });
    const token = (await tokenDialog.getByTestId('radio-token').textContent())!;
    expect(token).toMatch(/^ls_radio_/);
    await tokenDialog.getByRole('button', { name: 'Tôi đã sao chép mã' }).click();

    const title = 'Bản tin chuyển đổi số: hướng dẫn cài đặt VNeID (giám sát)';
    const response = await fetch(`${new URL(page.url()).origin}/api/radio/as-run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        items: [{ externalId: 'MON-1', airedAt, durationSeconds: 600, title, topics: [] }],
      }),
    });
    const result = (await response.json()) as { created: number; errors: unknown[] };
    expect(response.status, JSON.stringify(result)).toBe(200);
    expect(result.errors).toEqual([]);
    expect(result.created).toBe(1);

    const after = await countedRecords(page, unitId, '1.5', airedYear);
    expect(after.total).toBe(before.total + 1);
    expect(after.items.some((item) => item.title === title)).toBe(true);
  });

  it('verify-evidence passes, then reports a one-byte change to a stored snapshot body', async () => {
    const page = await openPage(DESKTOP);
    await logIn(page, PROVINCE_USER);
    const unitId = unitIds.get('/dakrve')!;
    const items = await apiAs<{ items: Array<{ title: string; activityId: string | null }> }>(
      page,
      'GET',
      `/api/monitor/items?unitId=${unitId}&state=recorded`,
    );
    const post = items.items.find((item) => item.title === SITES[0]!.posts[0]!.title)!;
    const record = await apiAs<{ snapshotId: string | null }>(
      page,
      'GET',
      `/api/activities/${post.activityId}`,
    );
    const snapshot = await apiAs<{ id: string; sequence: number; bodySha256: string }>(
      page,
      'GET',
      `/api/snapshots/${record.snapshotId}`,
    );
    await page.context().close();

    // PGlite holds its folder while the server runs: stop it, keep the folder, run the CLI on it.
    dataDir = serverDataDir();
    await stopServer();
    const verify = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/main.ts', 'verify-evidence'], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
        encoding: 'utf8',
        timeout: 120_000,
      });
    const clean = verify();
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);

    // The body file whose content hashes to the snapshot's body hash: change one byte of the body.
    const found = findBodyFile(path.join(dataDir, 'files'), snapshot.bodySha256);
    const body = zlib.gunzipSync(fs.readFileSync(found));
    const index = body.indexOf('VNeID');
    body[index] = body[index]! ^ 0x01;
    fs.chmodSync(found, 0o644);
    fs.writeFileSync(found, zlib.gzipSync(body));

    const broken = verify();
    expect(broken.status, broken.stdout + broken.stderr).toBe(1);
    expect(broken.stdout + broken.stderr).toContain(snapshot.id);
  });
});

/** The stored file whose gunzipped bytes hash to this SHA-256. */
function findBodyFile(root: string, sha256: string): string {
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    try {
      const raw = zlib.gunzipSync(fs.readFileSync(file));
      if (crypto.createHash('sha256').update(raw).digest('hex') === sha256) return file;
    } catch {
      // Not a gzip file.
    }
  }
  throw new Error(`No stored body with SHA-256 ${sha256} under ${root}`);
}
