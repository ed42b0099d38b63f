import { describe, expect, it } from 'vitest';
import { DESKTOP, horizontalOverflow, openSignedIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

/**
 * The DX office's "Đôn đốc" page: on a 360 px phone the office urges a commune with a message and
 * sees who was told; the urging list shows the urge as a card, and on a desktop as a table row with
 * the person who urged and the delivery state of each channel.
 */

const UNIT = 'Xã Đăk Rve';
const MESSAGE = 'Đề nghị cập nhật lượt phát sóng tuần này.';

describe('Đôn đốc: urge a commune and prove it', () => {
  it('urges a commune from a phone and shows the urge in the list as cards', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'sokhcn.quangngai', '/reminders');
    await page.getByRole('heading', { name: 'Danh sách đôn đốc' }).waitFor();
    await page.getByRole('button', { name: 'Đôn đốc' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const units = dialog.getByLabel('Đơn vị cần đôn đốc');
    await units.click();
    await units.fill('Đăk Rve');
    const option = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .getByText(UNIT, { exact: true });
    await option.waitFor();
    await option.click();
    await dialog.getByLabel('Lời nhắn (không bắt buộc)').fill(MESSAGE);
    await dialog.getByRole('button', { name: 'Gửi đôn đốc' }).click();
    await dialog.getByText('Kết quả đôn đốc').waitFor();
    await dialog.getByText(/người được báo/).waitFor();
    await screenshot(page, 'reminders-urge-phone');
    await dialog.getByRole('button', { name: 'OK' }).click();
    const card = page.locator('.ant-card').filter({ hasText: UNIT }).filter({ hasText: 'Đôn đốc' }).first();
    await card.waitFor();
    expect(await card.textContent()).toContain('Người đôn đốc');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'reminders-list-phone');
  });

  it('shows who urged and each channel’s delivery on a desktop, and exports the list', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'sokhcn.quangngai', '/reminders');
    const rows = page.locator('.ant-table-row').filter({ hasText: UNIT });
    await rows.first().waitFor();
    const texts = await rows.allTextContents();
    expect(texts.some((text) => text.includes('Trong ứng dụng') && text.includes('Đã hiển thị'))).toBe(true);
    expect(texts.some((text) => text.includes('E-mail'))).toBe(true);
    const href = await page.getByRole('link', { name: /Tải XLSX/ }).getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('spreadsheetml');
    await screenshot(page, 'reminders-list-desktop');
  });
});
