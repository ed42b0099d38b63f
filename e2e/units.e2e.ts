import { describe, expect, it } from 'vitest';
import {
  chooseOption,
  DESKTOP,
  horizontalOverflow,
  logIn,
  openSignedIn,
  PHONE,
  screenshot,
} from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

describe('unit tree and history', () => {
  it('finds Kon Rẫy without accents and follows it to the new commune Xã Đăk Rve and its history', async () => {
    const page = await openPage(DESKTOP);
    await logIn(page, 'sokhcn.quangngai');

    // The landing page is the office's home; the tree of the user's province is under "Đơn vị".
    await page.getByTestId('home-block-office').waitFor();
    await page
      .getByRole('navigation', { name: 'Mở menu' })
      .getByRole('link', { name: 'Đơn vị', exact: true })
      .click();
    await page.waitForURL('**/units');
    await page.getByRole('tree').getByRole('link', { name: 'Tỉnh Quảng Ngãi', exact: true }).waitFor();
    await page.getByRole('tree').getByRole('link', { name: 'Xã Đăk Rve' }).waitFor();
    await screenshot(page, 'desktop-tree');

    await page.getByRole('searchbox', { name: 'Tìm đơn vị' }).fill('kon ray');
    const results = page.getByRole('region', { name: /Kết quả tìm kiếm/ });
    const konRay = results.getByRole('link', { name: 'Huyện Kon Rẫy', exact: true });
    await konRay.waitFor();
    await expect
      .poll(() => results.getByText('Đã giải thể/sáp nhập từ 01/07/2025').first().isVisible())
      .toBe(true);
    await screenshot(page, 'desktop-search');

    // The former district: its successors include the new commune.
    await konRay.click();
    await page.getByRole('heading', { level: 2, name: 'Huyện Kon Rẫy' }).waitFor();
    await screenshot(page, 'desktop-former-district');
    await page
      .getByRole('region', { name: 'Đơn vị kế thừa' })
      .getByRole('link', { name: 'Xã Đăk Rve' })
      .click();

    await page.getByRole('heading', { level: 2, name: 'Xã Đăk Rve' }).waitFor();
    const history = page.getByRole('region', { name: 'Lịch sử' });
    const merge = history.getByTestId('unit-event').filter({ hasText: 'Sáp nhập' });
    await merge.waitFor();
    const mergeText = await merge.textContent();
    expect(mergeText).toContain('Thị trấn Đắk Rve');
    expect(mergeText).toContain('Xã Đắk Pne');
    expect(await history.getByText('01/07/2025').first().isVisible()).toBe(true);

    const predecessors = page.getByRole('region', { name: 'Đơn vị tiền thân' });
    for (const name of ['Thị trấn Đắk Rve', 'Xã Đắk Pne', 'Huyện Kon Rẫy']) {
      expect(await predecessors.getByRole('link', { name, exact: true }).isVisible()).toBe(true);
    }
    await screenshot(page, 'desktop-unit-detail');

    // The DX office may edit the website; a bad address is refused beside the field.
    await page.getByRole('button', { name: 'Sửa trang web' }).click();
    await page.getByLabel('Trang thông tin điện tử').fill('ftp://dakrve');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Địa chỉ trang web phải bắt đầu bằng http:// hoặc https://').waitFor();
    await page.getByRole('button', { name: 'Hủy' }).click();

    // The same commune's parent before the reorganisation: the tree as of 30/06/2025.
    await page.goto('/units?date=2025-06-30');
    await page.getByText('Đang xem cây đơn vị vào ngày 30/06/2025.').waitFor();
    const tree = page.getByRole('tree');
    await tree.getByRole('link', { name: 'Tỉnh Kon Tum' }).waitFor();
    await tree
      .locator('.ant-tree-treenode', { hasText: 'Tỉnh Kon Tum' })
      .locator('.ant-tree-switcher')
      .click();
    await tree.getByRole('link', { name: 'Huyện Kon Rẫy' }).waitFor();
    await tree
      .locator('.ant-tree-treenode', { hasText: 'Huyện Kon Rẫy' })
      .locator('.ant-tree-switcher')
      .click();
    await tree.getByRole('link', { name: 'Thị trấn Đắk Rve' }).waitFor();
    await screenshot(page, 'desktop-tree-before-2025-07-01');

    // The English switch holds across a reload.
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Unit tree' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Unit tree' }).waitFor();
    await screenshot(page, 'desktop-tree-english');
    await page.getByText('VI', { exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Cây đơn vị' }).waitFor();
  });

  it('fits a 360 px phone without sideways scrolling', async () => {
    const page = await openPage(PHONE);
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByLabel('Tên đăng nhập').fill('sokhcn.quangngai');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-login-error');

    await openSignedIn(page, 'sokhcn.quangngai', '/');
    await page.getByTestId('home-block-office').waitFor();
    await page.goto('/units');
    await page.getByRole('tree').getByRole('link', { name: 'Xã Đăk Rve' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'phone-tree');

    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Đơn vị', exact: true }).waitFor();
    await screenshot(page, 'phone-menu');
    await page.keyboard.press('Escape');

    await page.getByRole('searchbox', { name: 'Tìm đơn vị' }).fill('kon ray');
    await page.getByRole('link', { name: 'Huyện Kon Rẫy', exact: true }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-search');

    await page.getByRole('searchbox', { name: 'Tìm đơn vị' }).fill('dak rve');
    await page.getByRole('link', { name: 'Xã Đăk Rve', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Xã Đăk Rve' }).waitFor();
    await page.getByTestId('unit-event').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-unit-detail');
  });
});

describe('administration', () => {
  it('creates a user with a grant, lists it, and shows the creation in the audit log', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'admin', '/');

    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { name: 'Người dùng và phân quyền' }).waitFor();
    await page
      .getByRole('cell', { name: /canbo\.dakrve/ })
      .first()
      .waitFor();
    await screenshot(page, 'desktop-users');

    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
    await dialog.getByLabel('Tên đăng nhập').fill('canbo.e2e');
    await dialog.getByLabel('Họ và tên').fill('Y Thử Nghiệm');
    await dialog.getByLabel('Email').fill('canbo.e2e@example.vn');
    await dialog.getByLabel('Mật khẩu ban đầu').fill('Thu-nghiem-2026');
    await chooseOption(page, dialog.getByLabel('Vai trò'), 'Cán bộ đơn vị');
    await chooseOption(page, dialog.getByLabel('Đơn vị'), 'Xã Đăk Rve (23479)', 'dak rve');
    await screenshot(page, 'desktop-create-user');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: /canbo\.e2e/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Cán bộ đơn vị · Xã Đăk Rve');

    await page.getByRole('link', { name: 'Nhật ký' }).click();
    await page.getByRole('heading', { name: 'Nhật ký thay đổi' }).waitFor();
    const entry = page.getByRole('row', { name: /Tạo tài khoản canbo\.e2e/ });
    await entry.waitFor();
    await entry.getByRole('button', { name: /mở rộng|expand/i }).click();
    await page.getByText('"username": "canbo.e2e"').waitFor();
    await screenshot(page, 'desktop-audit');

    // Filtering by action (chosen by its words, without accents) keeps the entry and drops the logins.
    await page.getByLabel('Thao tác').fill('tao tai khoan');
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^Tạo tài khoản$/ })
      .click();
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect.poll(() => page.getByRole('row', { name: /Đăng nhập/ }).count()).toBe(0);
    expect(await page.getByRole('row', { name: /Tạo tài khoản canbo\.e2e/ }).isVisible()).toBe(true);
  });

  it('keeps the admin pages usable on a phone', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'admin', '/admin/users');
    await page.getByRole('heading', { name: 'Người dùng và phân quyền' }).waitFor();
    await page.getByText('canbo.dakrve').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-users');

    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    await page.getByRole('dialog', { name: 'Thêm người dùng' }).getByLabel('Tên đăng nhập').waitFor();
    await screenshot(page, 'phone-create-user');
    await page.getByRole('button', { name: 'Hủy' }).click();

    await page.getByRole('button', { name: 'Y Hằng' }).click();
    const drawer = page.getByRole('dialog', { name: 'Tài khoản canbo.dakrve' });
    await drawer.getByText('Xã Đăk Rve').first().waitFor();
    await screenshot(page, 'phone-user-drawer');
    await drawer
      .getByRole('button', { name: 'Close' })
      .or(drawer.getByRole('button', { name: 'Đóng' }))
      .first()
      .click();

    await page.goto('/admin/audit');
    await page.getByRole('heading', { name: 'Nhật ký thay đổi' }).waitFor();
    await page
      .getByRole('row', { name: /Đăng nhập/ })
      .first()
      .waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-audit');

    await page.goto('/account');
    await page.getByRole('heading', { name: 'Tài khoản của tôi' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-account');
  });
});

describe('account', () => {
  it('logs out of every device after a confirmation, and the other device is signed out too', async () => {
    // Two browsers of one officer: this one asks, the other one must lose its session as well.
    const other = await openPage(DESKTOP);
    await openSignedIn(other, 'canbo.dakrve', '/');
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'canbo.dakrve', '/account');
    await page.getByRole('heading', { name: 'Tài khoản của tôi' }).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click();
    const confirm = page.getByRole('dialog', { name: 'Đăng xuất khỏi mọi thiết bị?' });
    await confirm.waitFor();
    await screenshot(page, 'desktop-logout-all-confirm');
    // Cancelling keeps the session.
    await confirm.getByRole('button', { name: 'Hủy' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(page.url()).toContain('/account');

    await page.getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click();
    await confirm.getByRole('button', { name: 'Đăng xuất tất cả' }).click();
    await page.waitForURL('**/login');

    // The other browser's cookie is still there, but its session is gone: back to the login page.
    await other.goto('/account');
    await other.waitForURL((url) => url.pathname === '/login');
    // The suite closes the context of the last page opened only.
    await other.context().close();
  });
});
