import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DESKTOP, horizontalOverflow, logIn, openSignedIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

/**
 * The province board on the demo data of Quảng Ngãi. The year is in the address (2025, the demo's
 * published year), never the app clock's, so the test reads the same figures whatever the day.
 */
const YEAR = 2025;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-dashboard-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

interface Board {
  root: { name: string };
  distribution: { bins: Array<{ count: number }>; units: number };
  heatmap: { units: Array<{ name: string; total: number }> };
  trends: Array<{ year: number; broadcasts: number }>;
}

/** Errors the page logs or throws: a dashboard must draw without any. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Waits until every chart of the board has drawn its SVG. */
async function waitForCharts(page: Page, ids: string[]): Promise<void> {
  for (const id of ids) {
    const chart = page.locator(`[data-testid="${id}"][data-ready="true"]`);
    await chart.waitFor();
    await chart.locator('svg').first().waitFor();
    // Named for screen readers.
    expect(await chart.getAttribute('aria-label')).toBeTruthy();
  }
}

async function boardOf(page: Page): Promise<Board> {
  const response = await page.request.get(`/api/dashboard/province?year=${YEAR}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Board;
}

describe('the province dashboard', () => {
  it('the DX office opens it on a desktop: charts draw, tables show the same numbers', async () => {
    const page = await openPage(DESKTOP);
    // The login page asks who is signed in (401) before anyone is: errors count from then on.
    await logIn(page, 'sokhcn.quangngai');
    const errors = collectErrors(page);
    await page.getByRole('link', { name: 'Tổng quan' }).first().click();
    await page.waitForURL(/\/dashboard/);
    await page.goto(`/dashboard?year=${YEAR}`);
    const board = await boardOf(page);
    await page.getByRole('heading', { name: `Tổng quan – ${board.root.name}` }).waitFor();
    await waitForCharts(page, ['chart-distribution', 'chart-heatmap', 'chart-trends']);
    // The heat-map draws a cell per unit and week.
    const cells = await page.locator('[data-testid="chart-heatmap"] svg path').count();
    expect(cells).toBeGreaterThan(board.heatmap.units.length);
    await screenshot(page, 'dashboard-desktop');

    // The table behind the distribution chart: one row per band with its count.
    const distribution = page.getByTestId('dashboard-distribution');
    await distribution.getByRole('button', { name: 'Xem dạng bảng' }).click();
    const table = page.getByTestId('table-distribution');
    await table.waitFor();
    const counts = await table.locator('tbody tr.ant-table-row td:nth-child(2)').allTextContents();
    expect(counts.map(Number)).toEqual(board.distribution.bins.map((bin) => bin.count));
    expect(board.distribution.units).toBeGreaterThan(0);

    // The heat-map's table: the weakest units first, with their broadcast totals.
    await page.getByTestId('dashboard-heatmap').getByRole('button', { name: 'Xem dạng bảng' }).click();
    const heatTable = page.getByTestId('table-heatmap');
    await heatTable.waitFor();
    const firstRow = heatTable.locator('tbody tr.ant-table-row').first();
    expect(await firstRow.locator('td').first().textContent()).toBe(board.heatmap.units[0]!.name);
    expect(await firstRow.locator('td').nth(2).textContent()).toBe(String(board.heatmap.units[0]!.total));
    expect(errors).toEqual([]);
  });

  it('works on a 360 px phone: charts full width, the heat-map scrolls inside its card, tables as lists', async () => {
    const page = await openPage(PHONE);
    // The login page asks who is signed in (401) before anyone is: errors count from then on.
    const errors = collectErrors(page);
    await openSignedIn(page, 'sokhcn.quangngai', `/dashboard?year=${YEAR}`);
    const board = await boardOf(page);
    await waitForCharts(page, ['chart-distribution', 'chart-heatmap', 'chart-trends']);
    expect(await horizontalOverflow(page)).toBe(0);
    const heat = page.locator('[data-testid="chart-heatmap"]');
    const scrolls = await heat.evaluate((element) => {
      const box = element.parentElement!;
      return box.scrollWidth > box.clientWidth;
    });
    expect(scrolls).toBe(true);
    const width = await page.getByTestId('chart-distribution').evaluate((element) => element.clientWidth);
    expect(width).toBeGreaterThan(280);
    await screenshot(page, 'dashboard-phone');

    await page.getByTestId('dashboard-trends').getByRole('button', { name: 'Xem dạng bảng' }).click();
    const list = page.getByTestId('table-trends');
    await list.waitFor();
    // A list, not a table: each year a card with its figures.
    expect(await list.locator('table').count()).toBe(0);
    const last = board.trends.at(-1)!;
    await list.getByText(String(last.year), { exact: true }).waitFor();
    expect(await list.textContent()).toContain(String(last.broadcasts));
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'dashboard-phone-table');
    expect(errors).toEqual([]);
  });

  it('a unit page links to the unit board, which draws the criteria over the months', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'canbo.dakrve', '/');
    const errors = collectErrors(page);
    const me = (await (await page.request.get('/api/auth/me')).json()) as {
      grants: Array<{ unitId: string }>;
    };
    const unitId = me.grants[0]!.unitId;
    await page.goto(`/units/${unitId}`);
    await page.getByRole('link', { name: 'Tổng quan đơn vị' }).click();
    await page.waitForURL(new RegExp(`/units/${unitId}/dashboard`));
    await page.goto(`/units/${unitId}/dashboard?year=${YEAR}`);
    await waitForCharts(page, ['chart-progress']);
    await page.getByTestId('dashboard-due').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'unit-dashboard-phone');
    // A commune officer has no province board: no menu entry.
    await page.getByRole('button', { name: 'Mở menu' }).click();
    expect(await page.getByRole('dialog').getByRole('link', { name: 'Tổng quan' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('downloads the scoreboard as a valid XLSX with official and live scores apart', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'sokhcn.quangngai', `/scores?framework=kontum-780&period=${YEAR}`);
    const button = page.getByTestId('scoreboard-export');
    await button.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(workDir, 'bang-diem.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('Bảng điểm')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toContain('Điểm chính thức (thẩm định đã công bố)');
    expect(headers).toContain('Điểm tự động (trực tiếp)');
    expect(sheet.rowCount).toBeGreaterThan(1);

    await page.goto(`/rankings?framework=kontum-780&period=${YEAR}`);
    const rankingButton = page.getByTestId('ranking-export');
    await rankingButton.waitFor();
    const [rankingDownload] = await Promise.all([page.waitForEvent('download'), rankingButton.click()]);
    const rankingFile = path.join(workDir, 'xep-hang.xlsx');
    await rankingDownload.saveAs(rankingFile);
    const rankingBook = new ExcelJS.Workbook();
    await rankingBook.xlsx.readFile(rankingFile);
    expect(rankingBook.getWorksheet('Xếp hạng')!.rowCount).toBeGreaterThan(1);
  });
});
