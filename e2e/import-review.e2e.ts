import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, countActivities, ensureChannel, ownUnitId } from './support/api';
import { horizontalOverflow, logIn, openSignedIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();
const CHANNEL = 'Trang Facebook xã – lô nhập';

let workDir: string;
beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-import-review-e2e-'));
});
afterAll(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

async function openMenuItem(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Mở menu' }).click();
  await page.getByRole('dialog').getByRole('link', { name }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

/** A posts file of the demo commune Đăk Rve (code 23479); days in September 2025, after the merger. */
async function writePosts(name: string, titles: string[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tin bài');
  sheet.addRow(['Mã đơn vị', 'Kênh', 'Ngày đăng (dd/MM/yyyy)', 'Giờ', 'Tiêu đề']);
  for (const [i, title] of titles.entries())
    sheet.addRow(['23479', CHANNEL, `${String(10 + i)}/09/2025`, '08:00', title]);
  const filePath = path.join(workDir, name);
  await workbook.xlsx.writeFile(filePath);
  return filePath;
}

describe('imports on a phone: the same file twice, then undo', () => {
  it('asks before importing a file again, stores nothing the second time, and undoes the first batch', async () => {
    const page = await openPage(PHONE);
    await logIn(page, 'canbo.dakrve');
    const unitId = await ownUnitId(page);
    await ensureChannel(page, unitId, { kind: 'social_page', platform: 'facebook', name: CHANNEL });
    const before = await countActivities(page, unitId);
    const file = await writePosts('tin-thang-9.xlsx', [
      'Hội nghị triển khai nền tảng số cho hộ kinh doanh',
      'Thanh niên hướng dẫn người cao tuổi dùng VNeID',
    ]);

    await openMenuItem(page, 'Nhập từ tệp');
    await page.getByRole('heading', { name: 'Nhập tin bài, lượt phát sóng từ tệp' }).waitFor();
    const upload = async () => {
      await page.locator('input[type=file]').setInputFiles(file);
      await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    };
    await upload();
    await page.getByText('Đã nhập 2 bản ghi từ 2 dòng.').waitFor();
    expect(await countActivities(page, unitId)).toBe(before + 2);

    // The same file again: a question naming when and by whom, not a second green message.
    await upload();
    const question = page.getByRole('dialog').filter({ hasText: 'Tệp đã được nhập' });
    await question.getByText(/Tệp này đã được nhập lúc \d\d:\d\d ngày/).waitFor();
    await screenshot(page, 'phone-import-again-question');
    await question.getByRole('button', { name: 'Vẫn nhập lại' }).click();
    await page.getByText('Không có bản ghi mới: cả 2 dòng đều đã có.').waitFor();
    const skipped = page.getByRole('list', { name: 'đã có' }).getByRole('listitem');
    await expect.poll(() => skipped.count()).toBe(2);
    expect(await skipped.nth(0).textContent()).toContain('Dòng 2: Đã có');
    expect(await skipped.nth(1).textContent()).toContain('Dòng 3: Đã có');
    expect(await countActivities(page, unitId)).toBe(before + 2);
    await screenshot(page, 'phone-import-again-skipped');
    expect(await horizontalOverflow(page)).toBe(0);

    // "Lịch sử nhập": the re-import stored nothing, so only the first batch can be undone.
    const history = page.locator('.ant-card').filter({ hasText: 'Lịch sử nhập' });
    const batches = history.locator('.ant-list-item');
    await expect.poll(() => batches.count()).toBe(2);
    expect(await batches.nth(0).getByRole('button', { name: 'Hoàn tác' }).count()).toBe(0);
    await batches.nth(1).scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-import-history');
    await batches.nth(1).getByRole('button', { name: 'Hoàn tác' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: 'Hoàn tác cả lô nhập?' });
    await confirm.getByRole('button', { name: 'Hoàn tác lô nhập' }).click();
    await confirm.getByText('Nhập lý do hoàn tác.').waitFor();
    await confirm.getByRole('textbox', { name: 'Lý do hoàn tác' }).fill('Nhập nhầm tệp của tháng trước');
    await screenshot(page, 'phone-import-undo-confirm');
    await confirm.getByRole('button', { name: 'Hoàn tác lô nhập' }).click();
    await page.getByText('Đã hoàn tác lô nhập: 2 bản ghi đã bị xoá.').waitFor();
    await history.getByText('Đã hoàn tác', { exact: true }).waitFor();
    expect(await countActivities(page, unitId)).toBe(before);
    await screenshot(page, 'phone-import-undone');
    expect(await horizontalOverflow(page)).toBe(0);
  });
});

describe('review at province scale on a phone', () => {
  it('filters records waiting for review, selects two and accepts them in one go', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'thamdinh.quangngai', '/');
    await openMenuItem(page, 'Danh sách tin bài, lượt phát');
    await page.getByRole('heading', { name: 'Danh sách tin bài, lượt phát' }).waitFor();
    await page.getByRole('button', { name: 'Bộ lọc' }).click();
    await page.getByRole('combobox', { name: 'Thẩm định' }).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .getByText('Chờ thẩm định', { exact: true })
      .click();
    await page.getByRole('button', { name: 'Bộ lọc' }).click();

    const rows = page.locator('.ant-table-row');
    await rows.first().waitFor();
    await expect
      .poll(async () => (await rows.allTextContents()).every((text) => text.includes('Chờ thẩm định')))
      .toBe(true);
    const boxes = page.getByRole('checkbox', { name: /^Chọn “/ });
    const titles: string[] = [];
    for (const index of [0, 1]) {
      const label = (await boxes.nth(index).getAttribute('aria-label')) ?? '';
      titles.push(label.slice('Chọn “'.length, -1));
      await boxes.nth(index).check();
    }
    // Selecting does not open the record.
    expect(await page.getByRole('dialog').filter({ hasText: 'Chi tiết bản ghi' }).count()).toBe(0);
    const bar = page.getByRole('region', { name: 'Đã chọn 2' });
    await bar.waitFor();
    await screenshot(page, 'phone-bulk-review-selected');
    expect(await horizontalOverflow(page)).toBe(0);

    await bar.getByRole('button', { name: /Chấp nhận$/ }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: 'Chấp nhận 2 bản ghi đã chọn?' });
    await confirm.getByRole('textbox').fill('Đủ minh chứng');
    await confirm.getByRole('button', { name: 'Chấp nhận' }).click();
    await page.getByText('Đã thẩm định 2 bản ghi (0 giữ nguyên).').waitFor();
    await bar.waitFor({ state: 'hidden' });
    await screenshot(page, 'phone-bulk-review-done');

    for (const title of titles) {
      const found = await apiAs<{ items: Array<{ title: string; reviewStatus: string }> }>(
        page,
        'GET',
        `/api/activities?reviewStatus=accepted&q=${encodeURIComponent(title)}&limit=50`,
      );
      expect(found.items.map((item) => item.title)).toContain(title);
    }
  });
});
