import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, ownUnitId } from './support/api';
import { DESKTOP, horizontalOverflow, logIn, openSignedIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

const FRAMEWORK = 'kontum-780';
const UNIT_NAME = 'Xã Đăk Rve';
/** The demo publishes Xã Đăk Rve's appraised assessment of 2025 (see src/server/demo/seed-assessments.ts). */
const PUBLISHED_YEAR = '2025';
const COMMUNE_LEAGUE = 'Cấp xã (xã, phường, đặc khu)';

interface PublishedAssessment {
  unit: { id: string; name: string };
  totals: { appraised: number; max: number };
}

/** "72,5%" as the Vietnamese UI writes a percentage rounded to one decimal, as the server rounds it. */
function vietnamesePercent(score: number, max: number): string {
  const percent = max > 0 ? Math.round((score / max) * 1000) / 10 : 0;
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(percent)}%`;
}

/** Xã Đăk Rve's published 2025 appraisal, as the assessments API lists it. */
async function publishedAssessment(page: Page): Promise<PublishedAssessment> {
  const list = await apiAs<{ items: PublishedAssessment[] }>(
    page,
    'GET',
    `/api/assessments?framework=${FRAMEWORK}&period=${PUBLISHED_YEAR}&status=published`,
  );
  const found = list.items.find((item) => item.unit.name === UNIT_NAME);
  if (!found) throw new Error(`No published ${PUBLISHED_YEAR} assessment of ${UNIT_NAME}`);
  return found;
}

/** Picks a filter's option (outside a form): the address tells that the pick took. */
async function chooseFilter(page: Page, select: Locator, optionText: string, inUrl: RegExp): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 1; ; attempt++) {
    if (!(await dropdown.isVisible())) await select.click();
    const option = dropdown.getByText(optionText, { exact: true });
    await option.waitFor();
    // A click while the dropdown still animates open can be lost.
    await page.waitForTimeout(200);
    await option.click();
    const chosen = await page
      .waitForURL(inUrl, { timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (chosen) return;
    if (attempt === 3) throw new Error(`Could not choose "${optionText}"`);
  }
}

async function openMenuItem(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Mở menu' }).click();
  await page.getByRole('dialog').getByRole('link', { name }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

/** The ranks a league shows, top to bottom. */
async function ranksOf(league: Locator): Promise<number[]> {
  const badges = await league.getByRole('img', { name: /^Hạng \d+$/ }).allTextContents();
  return badges.map(Number);
}

/** Competition ranking: starts at 1, never goes down, and a rank after a tie skips the tied places. */
function expectCompetitionRanks(ranks: number[]): void {
  expect(ranks[0]).toBe(1);
  ranks.forEach((rank, index) => {
    if (index === 0) return;
    const before = ranks[index - 1]!;
    expect(rank === before || rank === index + 1).toBe(true);
  });
}

describe('rankings on a desktop', () => {
  it('ranks the province communes for 2025 with Xã Đăk Rve on its published appraisal', async () => {
    const page = await openPage(DESKTOP);
    await logIn(page, 'sokhcn.quangngai');
    const published = await publishedAssessment(page);
    const appraisedPercent = vietnamesePercent(published.totals.appraised, published.totals.max);

    await page.getByRole('navigation').getByRole('link', { name: 'Xếp hạng' }).click();
    await page.getByRole('heading', { name: 'Xếp hạng – Tỉnh Quảng Ngãi' }).waitFor();
    await chooseFilter(
      page,
      page.getByRole('combobox', { name: 'Kỳ đánh giá' }),
      `Năm ${PUBLISHED_YEAR}`,
      new RegExp(`period=${PUBLISHED_YEAR}(&|$)`),
    );
    await page
      .getByText(`Năm ${PUBLISHED_YEAR}: từ 01/01/${PUBLISHED_YEAR} đến 31/12/${PUBLISHED_YEAR}`)
      .waitFor();
    // A period before the 2025 merge offers both ways of showing the merged units.
    await page.getByText('Gộp đơn vị đã sáp nhập').waitFor();

    // The commune-level league: communes, wards and the special zone together, ranked by percentage.
    const league = page.getByTestId('league-commune_level');
    await league.getByText(COMMUNE_LEAGUE, { exact: true }).waitFor();
    const rows = league.locator('.ant-table-tbody tr.ant-table-row');
    const row = rows.filter({ has: page.getByRole('link', { name: UNIT_NAME, exact: true }) });
    await row.getByTestId('score-source').filter({ hasText: 'Đã công bố' }).waitFor();
    expect(await rows.count()).toBeGreaterThan(10);
    expectCompetitionRanks(await ranksOf(league));
    await row.getByText(appraisedPercent, { exact: true }).waitFor();
    // Units without a published appraisal rank on their live score.
    expect(await league.getByTestId('score-source').filter({ hasText: 'Tự động' }).count()).toBeGreaterThan(
      0,
    );
    await league.getByRole('columnheader', { name: 'Kỳ trước (Năm 2024)' }).waitFor();

    // The tag explains why live scores move.
    await league.getByTestId('score-source').filter({ hasText: 'Tự động' }).first().hover();
    await page
      .locator('.ant-tooltip')
      .getByText(/còn thay đổi khi bản ghi mới được nhập/)
      .waitFor();
    await screenshot(page, 'desktop-rankings');
    expect(await horizontalOverflow(page)).toBe(0);

    // A row opens the unit's scores for the same period, with its history below the criteria.
    await row.getByRole('link', { name: UNIT_NAME, exact: true }).click();
    await page.getByRole('heading', { name: `Điểm của ${UNIT_NAME}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/units/${published.unit.id}/scores`);
    expect(new URL(page.url()).searchParams.get('period')).toBe(PUBLISHED_YEAR);
    const history = page.getByTestId('score-history');
    const year = history.locator('tr.ant-table-row').filter({ hasText: `Năm ${PUBLISHED_YEAR}` });
    await year.getByTestId('score-source').filter({ hasText: 'Đã công bố' }).waitFor();
    await year.getByText(appraisedPercent, { exact: true }).waitFor();
    await screenshot(page, 'desktop-rankings-unit-history');
  });
});

interface RankingJson {
  groups: Array<{
    key: string;
    rows: Array<{
      rank: number;
      name: string;
      percent: number;
      score: number;
      max: number;
      previous: { rank: number; percent: number } | null;
      movement: { direction: 'up' | 'down' | 'same'; places: number } | null;
    }>;
  }>;
}

describe('rank moves on a desktop', () => {
  it('shows no decline arrow for a unit that shares a rank and stays within its places', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'sokhcn.quangngai', '/');
    // Which demo units tie, and whether they held their places, depends on the day the demo was
    // seeded; the server's rule is tested on fixed data (test/scoring-ranking.test.ts). Here the
    // page gets a ranking in which the first two communes share first place, as both did in the
    // previous period: the second is listed second, yet has not gone down.
    await page.route(
      (url) => url.pathname === '/api/rankings' && url.searchParams.get('period') === PUBLISHED_YEAR,
      async (route) => {
        const response = await route.fetch();
        const ranking = (await response.json()) as RankingJson;
        const league = ranking.groups.find((item) => item.key === 'commune_level');
        const [first, second] = league?.rows ?? [];
        if (first && second) {
          for (const row of [first, second]) {
            Object.assign(row, { rank: 1, percent: first.percent, score: first.score, max: first.max });
            row.previous = { rank: 1, percent: 0 };
            row.movement = { direction: 'same', places: 0 };
          }
        }
        await route.fulfill({ response, json: ranking });
      },
    );
    await page.getByRole('navigation').getByRole('link', { name: 'Xếp hạng' }).click();
    await page.getByRole('heading', { name: 'Xếp hạng – Tỉnh Quảng Ngãi' }).waitFor();
    const answered = page.waitForResponse(
      (response) =>
        response.url().includes('/api/rankings') &&
        response.url().includes(`period=${PUBLISHED_YEAR}`) &&
        response.ok(),
    );
    await chooseFilter(
      page,
      page.getByRole('combobox', { name: 'Kỳ đánh giá' }),
      `Năm ${PUBLISHED_YEAR}`,
      new RegExp(`period=${PUBLISHED_YEAR}(&|$)`),
    );
    const ranking = (await (await answered).json()) as RankingJson;
    const group = ranking.groups.find((item) => item.key === 'commune_level')!;
    const sharing = new Map<number, number>();
    for (const row of group.rows) sharing.set(row.rank, (sharing.get(row.rank) ?? 0) + 1);
    // Tied units judged unmoved: a count of places would have shown the second of them falling.
    const tiedAndHeld = group.rows.filter(
      (row) => sharing.get(row.rank)! > 1 && row.previous !== null && row.movement?.direction === 'same',
    );
    expect(tiedAndHeld.length).toBeGreaterThanOrEqual(2);

    const league = page.getByTestId('league-commune_level');
    await league.getByText(COMMUNE_LEAGUE, { exact: true }).waitFor();
    for (const tied of tiedAndHeld.slice(0, 8)) {
      const row = league
        .locator('.ant-table-tbody tr.ant-table-row')
        .filter({ has: page.getByRole('link', { name: tied.name, exact: true }) });
      const change = row.getByTestId('rank-change');
      await change.waitFor();
      expect(await change.getAttribute('aria-label')).toBe('Giữ nguyên thứ hạng so với kỳ trước');
      expect(await row.getByLabel(/^Giảm \d+ bậc/).count()).toBe(0);
    }
    // Every decline arrow on the page is one the server reported as a decline.
    const declines = group.rows.filter((row) => row.movement?.direction === 'down').length;
    expect(await league.getByLabel(/^Giảm \d+ bậc so với kỳ trước$/).count()).toBe(declines);
  });
});

describe('rankings on a phone', () => {
  it('shows a commune officer their own commune ranked, and its history with the published 2025', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'canbo.dakrve', '/');
    const unitId = await ownUnitId(page);

    await openMenuItem(page, 'Xếp hạng');
    await page.getByRole('heading', { name: `Xếp hạng – ${UNIT_NAME}` }).waitFor();
    // The officer's scope is their commune: a league of one.
    const league = page.getByTestId('league-commune_level');
    const items = league.locator('.ant-list-item');
    await items.first().getByRole('link', { name: UNIT_NAME, exact: true }).waitFor();
    expect(await items.count()).toBe(1);
    expect(await ranksOf(league)).toEqual([1]);
    await items.first().locator('.ant-progress').waitFor();
    await items.first().getByTestId('score-source').waitFor();
    await screenshot(page, 'phone-rankings');
    expect(await horizontalOverflow(page)).toBe(0);

    // The published year on the phone list.
    await chooseFilter(
      page,
      page.getByRole('combobox', { name: 'Kỳ đánh giá' }),
      `Năm ${PUBLISHED_YEAR}`,
      new RegExp(`period=${PUBLISHED_YEAR}(&|$)`),
    );
    await items.first().getByTestId('score-source').filter({ hasText: 'Đã công bố' }).waitFor();
    await screenshot(page, 'phone-rankings-2025');
    expect(await horizontalOverflow(page)).toBe(0);

    // A tap opens the unit's scores; the history card lists 2025 as published.
    await items.first().click();
    await page.getByRole('heading', { name: `Điểm của ${UNIT_NAME}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/units/${unitId}/scores`);
    const history = page.getByTestId('score-history');
    await history.getByText('Điểm qua các năm').waitFor();
    const year = history.locator('tr.ant-table-row').filter({ hasText: `Năm ${PUBLISHED_YEAR}` });
    await year.getByTestId('score-source').filter({ hasText: 'Đã công bố' }).waitFor();
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-rankings-unit-history');
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
