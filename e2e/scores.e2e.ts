import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, ownUnitId } from './support/api';
import { DESKTOP, horizontalOverflow, logIn, openSignedIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

/**
 * The built-in frameworks are imported at start-up; should a build not do it yet, the system admin
 * imports the file here (a file already stored is answered "unchanged").
 */
beforeAll(async () => {
  const page = await openPage(DESKTOP);
  await logIn(page, 'admin');
  const list = await apiAs<{ items: Array<{ code: string }> }>(page, 'GET', '/api/frameworks');
  if (!list.items.some((item) => item.code === FRAMEWORK)) {
    const me = await apiAs<{ csrfToken: string }>(page, 'GET', '/api/auth/me');
    const response = await page.request.post(`/api/frameworks?fileName=${FRAMEWORK}.yaml`, {
      headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/octet-stream' },
      data: fs.readFileSync(path.join(PROJECT_ROOT, 'frameworks', `${FRAMEWORK}.yaml`)),
    });
    if (!response.ok()) throw new Error(`Importing ${FRAMEWORK}: ${await response.text()}`);
  }
  await page.context().close();
});

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FRAMEWORK = 'kontum-780';
const UNIT_NAME = 'Xã Đăk Rve';
const STATUS = /^(Đạt|Đạt một phần|Chưa đạt|Chờ nhập số liệu)$/;

interface CriterionScores {
  code: string;
  title: string;
  explanation: string;
  countsRecords: boolean;
  ruleType: string;
}

function vietnameseToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

const YEAR = vietnameseToday().slice(0, 4);
/** The year of the 2025 reorganisation: its scores can show the merged communes together or apart. */
const MERGE_YEAR = 2025;

/** The unit's criterion that counts posts ("tin bài"), as the API scores it now. */
async function postsCriterion(page: Page, unitId: string): Promise<CriterionScores> {
  const scores = await apiAs<{ criteria: CriterionScores[] }>(
    page,
    'GET',
    `/api/units/${unitId}/scores?framework=${FRAMEWORK}&period=${YEAR}`,
  );
  const criterion = scores.criteria.find(
    (item) => item.countsRecords && item.explanation.includes('tin bài'),
  );
  if (!criterion) throw new Error(`No criterion counts posts: ${JSON.stringify(scores.criteria)}`);
  return criterion;
}

/** The posts an explanation counts: "…; 24 tin bài trong năm 2026 (cần 10) …" → 24. */
function postsCounted(explanation: string): number {
  const match = /(\d+) tin bài/.exec(explanation);
  if (!match) throw new Error(`No post count in "${explanation}"`);
  return Number(match[1]);
}

/** Records a post dated today in the unit's website DX column, through the API. */
async function recordPost(
  page: Page,
  unitId: string,
  post = {
    title: 'Xã Đăk Rve ra mắt tổ công nghệ số cộng đồng thôn Kon Rlong',
    slug: 'to-cong-nghe-so-cong-dong-kon-rlong',
  },
): Promise<void> {
  const channels = await apiAs<{ items: Array<{ id: string; kind: string; endedOn: string | null }> }>(
    page,
    'GET',
    `/api/units/${unitId}/channels`,
  );
  const column = channels.items.find((channel) => channel.kind === 'website_column' && !channel.endedOn);
  if (!column) throw new Error('The unit has no website DX column');
  await apiAs(page, 'POST', '/api/activities', {
    kind: 'post',
    unitId,
    channelId: column.id,
    occurredOn: vietnameseToday(),
    title: post.title,
    url: `https://dakrve.example.vn/chuyen-doi-so/${post.slug}`,
    genre: 'tin',
  });
}

async function openMenuItem(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Mở menu' }).click();
  await page.getByRole('dialog').getByRole('link', { name }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

describe('live scores on a phone', () => {
  it('writes the explanations in the language the officer switches to, counts in words', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'canbo.dakrve', '/');
    const unitId = await ownUnitId(page);
    const vietnamese = await postsCriterion(page, unitId);
    // "24 tin bài trong năm 2026 (cần 10)", never "24/10 tin bài", which reads as a date.
    expect(vietnamese.explanation).toMatch(/\d+ tin bài trong năm \d{4} \(cần \d+\)/);
    const english = await apiAs<{ criteria: CriterionScores[] }>(
      page,
      'GET',
      `/api/units/${unitId}/scores?framework=${FRAMEWORK}&period=${YEAR}&lang=en`,
    );
    const posts = english.criteria.find((item) => item.code === vietnamese.code)!;
    expect(posts.explanation).toMatch(/\d+ posts in \d{4} \(\d+ needed\).* points$/);

    await page.goto(`/units/${unitId}/scores?framework=${FRAMEWORK}&period=${YEAR}`);
    await page.getByRole('heading', { name: `Điểm của ${UNIT_NAME}` }).waitFor();
    await page.getByText(vietnamese.explanation, { exact: true }).waitFor();
    await page.getByText('EN', { exact: true }).click();
    await page.getByText(posts.explanation, { exact: true }).waitFor();
    expect(await page.getByText(vietnamese.explanation, { exact: true }).count()).toBe(0);
    await screenshot(page, 'phone-scores-unit-english');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByText('VI', { exact: true }).click();
    await page.getByText(vietnamese.explanation, { exact: true }).waitFor();
  });

  it('shows a commune officer the explained scores, the gaps, the counted records and a new post', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'canbo.dakrve', '/');
    const unitId = await ownUnitId(page);
    // A post of today, so that the period scored now counts at least one record on any day of the
    // year (on 01/01 the demo's new year is still empty).
    await recordPost(page, unitId, {
      title: 'Xã Đăk Rve hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng dịch vụ công',
      slug: 'huong-dan-nop-ho-so-truc-tuyen',
    });
    const before = await postsCriterion(page, unitId);

    // The board of the officer's own commune: every criterion with its explanation and status.
    await openMenuItem(page, 'Bảng điểm');
    await page.getByRole('heading', { name: `Bảng điểm – ${UNIT_NAME}` }).waitFor();
    // The unit's card (the filter card names the unit too, but holds no link to it).
    const card = page.locator('.ant-card').filter({ has: page.getByRole('link', { name: UNIT_NAME }) });
    await card.getByText(before.explanation, { exact: true }).waitFor();
    await card.locator('.ant-tag').filter({ hasText: STATUS }).first().waitFor();
    await page.getByText(`Năm ${YEAR}`).first().waitFor();
    await screenshot(page, 'phone-scores-board');
    expect(await horizontalOverflow(page)).toBe(0);

    // The unit's page: the gaps (or a full score) per criterion.
    await card.getByRole('link', { name: UNIT_NAME }).click();
    await page.getByRole('heading', { name: `Điểm của ${UNIT_NAME}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/units/${unitId}/scores`);
    await page
      .getByText(/^(Còn thiếu|Đã đủ điểm tối đa)$/)
      .first()
      .waitFor();
    await screenshot(page, 'phone-scores-unit');
    expect(await horizontalOverflow(page)).toBe(0);

    // The records behind the posts criterion, one click away; each opens in the record drawer.
    const criterionCard = page.locator('.ant-card').filter({ hasText: `${before.code} · ${before.title}` });
    const recordsButton = criterionCard.getByRole('button', { name: /Xem \d+ bản ghi được tính$/ });
    const countedBefore = Number(/\d+/.exec((await recordsButton.textContent()) ?? '')?.[0]);
    expect(countedBefore).toBeGreaterThan(0);
    await recordsButton.click();
    const drawer = page.getByRole('dialog', { name: `Tiêu chí ${before.code} – ${UNIT_NAME}` });
    await drawer.getByText(`${countedBefore} bản ghi được tính`).waitFor();
    expect(await drawer.locator('.ant-list-item').count()).toBeGreaterThan(0);
    await screenshot(page, 'phone-scores-records');
    expect(await horizontalOverflow(page)).toBe(0);
    await drawer.locator('.ant-list-item a').first().click();
    await page.getByRole('dialog', { name: 'Chi tiết bản ghi' }).waitFor();

    // A new post shows on the next read: one more record counted, and the explanation says so.
    await recordPost(page, unitId);
    const after = await postsCriterion(page, unitId);
    expect(postsCounted(after.explanation)).toBe(postsCounted(before.explanation) + 1);
    await page.reload();
    await page.getByRole('heading', { name: `Điểm của ${UNIT_NAME}` }).waitFor();
    await criterionCard.getByText(after.explanation, { exact: true }).waitFor();
    await criterionCard.getByRole('button', { name: `Xem ${countedBefore + 1} bản ghi được tính` }).waitFor();
    await screenshot(page, 'phone-scores-unit-after');

    // A link keeps the choices: 2025, the year the communes merged into Xã Đăk Rve (whose records count
    // too) — a fixed year of the demo's history, not "last year", which moves with the calendar.
    await page.goto(`/units/${unitId}/scores?framework=${FRAMEWORK}&period=${MERGE_YEAR}`);
    await page.getByText(/^Tính bản ghi của: Xã Đăk Rve, /).waitFor();
    await page.getByText('Gộp đơn vị đã sáp nhập').waitFor();
    await page.getByText(`Năm ${MERGE_YEAR}: từ 01/01/${MERGE_YEAR} đến 31/12/${MERGE_YEAR}`).waitFor();
    await screenshot(page, 'phone-scores-unit-last-year');
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('shows the province board as unit cards that open the unit', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'sokhcn.quangngai', '/scores?sort=percent');
    await page.getByRole('heading', { name: 'Bảng điểm – Tỉnh Quảng Ngãi' }).waitFor();
    const cards = page.locator('.ant-list-item .ant-card');
    await cards.nth(5).waitFor();
    await page.getByText(/^\d+ đơn vị$/).waitFor();
    await screenshot(page, 'phone-scores-province');
    expect(await horizontalOverflow(page)).toBe(0);
    const first = cards.first().getByRole('link').first();
    const name = (await first.textContent()) ?? '';
    await cards.first().click();
    await page.getByRole('heading', { name: `Điểm của ${name}` }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('shows a province board longer than a page 50 cards at a time, the next page under them', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'sokhcn.quangngai', '/scores');
    await page.getByRole('heading', { name: 'Bảng điểm – Tỉnh Quảng Ngãi' }).waitFor();
    const units = Number((await page.getByText(/^\d+ đơn vị$/).textContent())?.split(' ')[0]);
    // The demo's Quảng Ngãi has 96 communes and wards since 01/07/2025.
    expect(units).toBeGreaterThan(50);
    const cards = page.locator('.ant-list-item .ant-card');
    await expect.poll(() => cards.count()).toBe(50);
    const firstName = await cards.first().getByRole('link').first().textContent();
    const pages = page.getByTestId('scoreboard-pages');
    await pages.locator('.ant-pagination-next').click();
    await page.waitForURL(/page=2/);
    await expect.poll(() => cards.count()).toBe(Math.min(units - 50, 50));
    expect(await cards.first().getByRole('link').first().textContent()).not.toBe(firstName);
    await screenshot(page, 'phone-scores-province-page-2');
    expect(await horizontalOverflow(page)).toBe(0);
  });
});

describe('live scores on a desktop', () => {
  it('shows the province DX office every unit with percentages, explanations and records', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'sokhcn.quangngai', '/');
    await page.getByRole('navigation').getByRole('link', { name: 'Bảng điểm' }).click();
    await page.getByRole('heading', { name: /^Bảng điểm – / }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(10);
    await page.getByRole('columnheader', { name: 'Tỷ lệ' }).waitFor();
    await page.getByText(/^\d+ đơn vị$/).waitFor();
    await screenshot(page, 'desktop-scores-board');

    // Sorted by percentage, the order is in the address, so the link can be shared.
    await page.getByRole('columnheader', { name: 'Tỷ lệ' }).click();
    await page.waitForURL(/sort=percent/);
    // Highest first (on 01/01 every unit may still be at 0 %, so the order is what is checked).
    await expect
      .poll(async () => {
        const shown = await rows.locator('.ant-progress-indicator').allTextContents();
        const percents = shown.map((text) => Number.parseFloat(text));
        return percents.length > 1 && percents.every((value, i) => i === 0 || value <= percents[i - 1]!);
      })
      .toBe(true);

    // A board longer than a page: 50 rows, the next page from the server; the page is in the address,
    // and another order starts again at the first page.
    const total = Number((await page.getByText(/^\d+ đơn vị$/).textContent())?.split(' ')[0]);
    expect(total).toBeGreaterThan(50);
    await expect.poll(() => rows.count()).toBe(50);
    const firstOfPageOne = await rows.first().getByRole('link').first().textContent();
    await page.locator('.ant-pagination').getByTitle('2', { exact: true }).click();
    await page.waitForURL(/page=2/);
    await expect.poll(() => rows.count()).toBe(Math.min(total - 50, 50));
    expect(await rows.first().getByRole('link').first().textContent()).not.toBe(firstOfPageOne);
    await page.getByText(`51–${Math.min(total, 100)} trong ${total} đơn vị`).waitFor();
    await screenshot(page, 'desktop-scores-page-2');
    await page.getByRole('columnheader', { name: 'Tỷ lệ' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBeNull();

    // A cell explains itself on hover, and opens the records it counted on a click.
    const cell = rows
      .first()
      .getByRole('button', { name: /^Tiêu chí / })
      .first();
    await cell.hover();
    await page.locator('.ant-popover').getByText('Bấm để xem các bản ghi được tính.').waitFor();
    await screenshot(page, 'desktop-scores-explanation');
    await cell.click();
    const drawer = page.getByRole('dialog', { name: /^Tiêu chí / });
    await drawer
      .getByText(/bản ghi được tính$/)
      .first()
      .waitFor();
    await screenshot(page, 'desktop-scores-records');

    // 2025 seen as it was: the former town until 30/06, under its district, and the new commune of
    // the same place from 01/07, each on its own row.
    await page.goto('/scores?framework=kontum-780&period=2025&view=as_they_were&sort=name');
    const town = rows.filter({ has: page.getByRole('link', { name: 'Thị trấn Đắk Rve', exact: true }) });
    await town.getByText('Huyện Kon Rẫy · đến 30/06/2025').waitFor();
    const commune = rows.filter({ has: page.getByRole('link', { name: 'Xã Đăk Rve', exact: true }) });
    await commune.getByText('từ 01/07/2025').waitFor();
    await screenshot(page, 'desktop-scores-as-they-were');
  });
});
