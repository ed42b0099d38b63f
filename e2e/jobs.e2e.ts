import { describe, expect, it } from 'vitest';
import { DESKTOP, horizontalOverflow, logIn, openSignedIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

describe('the background jobs page', () => {
  it('shows an administrator the queues in words with their counts, on a 360 px phone', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'admin', '/admin/jobs');
    await page.getByRole('heading', { name: 'Tác vụ nền' }).waitFor();
    const cleanup = page.locator('.ant-card').filter({ hasText: 'Xóa phiên đăng nhập hết hạn' });
    await cleanup.getByText('Chạy định kỳ: Mỗi giờ, vào phút 17 (giờ Việt Nam)', { exact: false }).waitFor();
    const emails = page.locator('.ant-card').filter({ hasText: 'Gửi thông báo qua e-mail' });
    await emails.getByText('Chạy khi có việc', { exact: false }).waitFor();
    for (const count of ['Đang chờ', 'Đang chạy', 'Thất bại', 'Thư chết']) {
      expect(await emails.getByText(count, { exact: true }).count()).toBe(1);
    }
    await page.getByText('Không có thư chết nào.').waitFor();
    await screenshot(page, 'phone-admin-jobs');
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('is in the desktop menu of an administrator', async () => {
    const desktop = await openPage(DESKTOP);
    await logIn(desktop, 'admin');
    await desktop.getByRole('link', { name: 'Tác vụ nền' }).click();
    await desktop.waitForURL((url) => url.pathname === '/admin/jobs');
    await desktop.getByRole('heading', { name: 'Tác vụ nền' }).waitFor();
    await screenshot(desktop, 'desktop-admin-jobs');
  });

  it('is not in the menu of a commune officer, and the page is refused', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'canbo.dakrve', '/');
    expect(await page.getByRole('link', { name: 'Tác vụ nền' }).count()).toBe(0);
    await page.goto('/admin/jobs');
    expect(await page.getByRole('heading', { name: 'Tác vụ nền' }).count()).toBe(0);
  });
});
