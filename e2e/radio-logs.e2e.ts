import { describe, expect, it } from 'vitest';
import { horizontalOverflow, openSignedIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

const BAD_CSV =
  'Mã;Thời điểm phát;Thời lượng (giây);Tiêu đề\nR1;10/09/2025 17:00;600;Bản tin chuyển đổi số\nR2;30/02/2025 17:00;600;Ngày sai\n';
const GOOD_CSV =
  'Mã;Thời điểm phát;Thời lượng (giây);Tiêu đề\nR1;10/09/2025 17:00;600;Bản tin chuyển đổi số\n';

describe('radio stations on a 360 px phone', () => {
  it('lets a commune head create a station, see its token once, and upload an as-run file', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'lanhdao.dakrve', '/radio');
    await page.getByRole('heading', { name: 'Trạm gửi nhật ký phát sóng' }).waitFor();
    await page.getByLabel('Mã trạm').fill('KT-DAKRVE-E2E');
    await page.getByLabel('Tên trạm').fill('Truyền thanh IP xã Đăk Rve');
    // The commune's only programme is chosen once its channels have arrived: wait for it, as a person would.
    await page.locator('.ant-select').filter({ hasText: 'Chuyên mục Chuyển đổi số' }).first().waitFor();
    await page.getByRole('button', { name: 'Tạo trạm' }).click();

    const tokenDialog = page.getByRole('dialog').filter({ hasText: 'Mã truy cập của trạm KT-DAKRVE-E2E' });
    await tokenDialog.waitFor();
    const token = await tokenDialog.getByTestId('radio-token').textContent();
    expect(token).toMatch(/^ls_radio_/);
    await tokenDialog.getByText('curl -X POST', { exact: false }).waitFor();
    await screenshot(page, 'phone-radio-token');
    await tokenDialog.getByRole('button', { name: 'Tôi đã sao chép mã' }).click();

    const card = page.locator('.ant-card').filter({ hasText: 'KT-DAKRVE-E2E' });
    await card.getByText('Chưa gửi lần nào', { exact: false }).waitFor();
    expect(await page.getByText(token!, { exact: true }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);

    await card.getByRole('button', { name: 'Nhập tệp nhật ký' }).click();
    const uploadDialog = page.getByRole('dialog').filter({ hasText: 'Nhập nhật ký phát sóng của trạm' });
    const chooser = uploadDialog.locator('input[type="file"]');
    await chooser.setInputFiles({ name: 'as-run.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    await uploadDialog.getByRole('button', { name: 'Nhập', exact: true }).click();
    await uploadDialog
      .getByText('Thời điểm phát "30/02/2025 17:00" không hợp lệ', { exact: false })
      .waitFor();
    await screenshot(page, 'phone-radio-upload-errors');

    await chooser.setInputFiles({ name: 'as-run.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) });
    await uploadDialog.getByRole('button', { name: 'Nhập', exact: true }).click();
    await uploadDialog.getByText('Đã nhập 1 lượt phát từ 1 dòng.').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
