import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './support/api';
import { chooseOption, DESKTOP, horizontalOverflow, logIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

/** The demo's programme of Xã Đăk Rve, on which this month's schedule is drafted. */
const DEMO_PROGRAMME = 'Chuyên mục Chuyển đổi số';

interface ScheduleJson {
  id: string;
  status: string;
  canEdit: boolean;
  entries: Array<{ id: string; title: string; durationMinutes: number; timeSlot: string }>;
}

async function openMenuItem(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Mở menu' }).click();
  await page.getByRole('dialog').getByRole('link', { name }).click();
  // The closing drawer gives the focus back to the menu button: wait, or it closes a dropdown.
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

/** Signs out by dropping the session cookie, then signs in as someone else. */
async function switchUser(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await logIn(page, username);
}

/** chooseOption, once the dropdown of the previous pick has closed (else it looks still open). */
async function pick(page: Page, select: Locator, optionText: string, typeFirst?: string): Promise<void> {
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
  await chooseOption(page, select, optionText, typeFirst);
}

/** The unit field of the schedules page: outside a form, so the page's content tells the pick took. */
async function chooseUnitOutsideForm(page: Page, typed: string, optionText: string): Promise<void> {
  const unitSelect = page.getByRole('combobox', { name: 'Đơn vị' });
  await unitSelect.click();
  await unitSelect.fill(typed);
  const option = page.locator('.ant-select-dropdown:visible').getByText(optionText, { exact: true });
  await option.waitFor();
  // A click while the dropdown still animates open can be lost.
  await page.waitForTimeout(200);
  await option.click();
}

async function openSchedule(page: Page, scheduleId: string): Promise<Locator> {
  await page.goto(`/schedules/${scheduleId}`);
  await page.getByRole('heading', { name: new RegExp(`^Tháng .* – ${DEMO_PROGRAMME}$`) }).waitFor();
  return page.locator('.ant-card').filter({ hasText: 'Các mục' });
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

describe('editing a draft broadcast schedule', () => {
  it('on a phone the officer edits an entry of the draft; once the head issues it, editing is gone', async () => {
    const page = await openPage(PHONE);
    await logIn(page, 'canbo.dakrve');

    // The demo's draft of this month for Xã Đăk Rve.
    await openMenuItem(page, 'Danh mục phát sóng');
    await page.getByRole('heading', { name: 'Danh mục phát sóng' }).waitFor();
    // A commune officer is not asked for a unit.
    expect(await page.getByRole('combobox', { name: 'Đơn vị' }).count()).toBe(0);
    await page.locator('.ant-list-item').filter({ hasText: 'Dự thảo' }).first().getByRole('link').click();
    await page.waitForURL(/\/schedules\/[0-9a-f-]{36}$/);
    const scheduleId = new URL(page.url()).pathname.split('/').pop()!;
    const entries = await openSchedule(page, scheduleId);
    const before = await apiAs<ScheduleJson>(page, 'GET', `/api/schedules/${scheduleId}`);
    expect(before.status).toBe('draft');
    const target = before.entries[0]!;

    // The table lists the entries in the order of the API.
    await entries.locator('.ant-table-row').first().getByRole('button', { name: 'Sửa mục' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Sửa mục trong danh mục' });
    await dialog.getByLabel('Tiêu đề').waitFor();
    expect(await dialog.getByLabel('Tiêu đề').inputValue()).toBe(target.title);

    const newTitle = 'Hướng dẫn người dân thôn Kon Bỉ cài đặt ứng dụng VNeID';
    await dialog.getByLabel('Tiêu đề').fill(newTitle);
    await dialog.getByLabel('Thời lượng (phút)').fill('25');
    // A slot the server refuses: its message shows on the field, nothing is saved.
    await dialog.getByLabel('Giờ phát').fill('25:00');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: 'Giờ phát phải có dạng' })
      .waitFor();
    await screenshot(page, 'phone-schedule-edit-error');
    expect(await horizontalOverflow(page)).toBe(0);
    const unchanged = await apiAs<ScheduleJson>(page, 'GET', `/api/schedules/${scheduleId}`);
    expect(unchanged.entries.find((entry) => entry.id === target.id)?.title).toBe(target.title);

    await dialog.getByLabel('Giờ phát').fill('17:30-17:55');
    await screenshot(page, 'phone-schedule-edit');
    expect(await horizontalOverflow(page)).toBe(0);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const edited = entries.locator('.ant-table-row').filter({ hasText: newTitle });
    await edited.waitFor();
    await edited.getByText('25 phút', { exact: false }).waitFor();
    expect(await edited.textContent()).toContain('17:30-17:55');
    await screenshot(page, 'phone-schedule-edited');
    expect(await horizontalOverflow(page)).toBe(0);
    const after = await apiAs<ScheduleJson>(page, 'GET', `/api/schedules/${scheduleId}`);
    expect(after.entries.find((entry) => entry.id === target.id)).toMatchObject({
      title: newTitle,
      durationMinutes: 25,
      timeSlot: '17:30-17:55',
    });

    // The same draft on a desktop, for the eye: edit and delete side by side.
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'desktop-schedule-draft');
    await page.setViewportSize(PHONE);

    // The head signs and issues it.
    await switchUser(page, 'lanhdao.dakrve');
    await openSchedule(page, scheduleId);
    await page.getByLabel('Chức vụ người ký').fill('Chủ tịch');
    await page.getByLabel('Họ tên người ký').fill('A Thuở');
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'PATCH' && response.ok()),
      page.getByRole('button', { name: 'Lưu thông tin văn bản' }).click(),
    ]);
    await page.getByRole('button', { name: 'Ban hành' }).click();
    // Weeks without a DX item ask for a confirmation first.
    const confirm = page.locator('.ant-modal-confirm');
    const issued = page.getByText('Đã ban hành danh mục.');
    await Promise.race([confirm.waitFor().catch(() => undefined), issued.waitFor().catch(() => undefined)]);
    if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Ban hành' }).click();
    await issued.waitFor();
    await page.getByTestId('schedule-locked').waitFor();
    expect(await page.getByRole('button', { name: 'Sửa mục' }).count()).toBe(0);

    // The officer finds it locked, with the reason.
    await switchUser(page, 'canbo.dakrve');
    const lockedEntries = await openSchedule(page, scheduleId);
    await lockedEntries.getByText(newTitle).waitFor();
    const notice = page.getByTestId('schedule-locked');
    await notice.getByText('Danh mục đã ban hành nên không sửa được nữa.').waitFor();
    expect(await page.getByRole('button', { name: 'Sửa mục' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Xóa mục' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Thêm', exact: true }).count()).toBe(0);
    await screenshot(page, 'phone-schedule-locked');
    expect(await horizontalOverflow(page)).toBe(0);
  });
});

describe('recording for any unit of a province', () => {
  it('on a desktop the DX office finds Xã Đăk Rve without accents and records a post for it', async () => {
    const page = await openPage(DESKTOP);
    await logIn(page, 'sokhcn.quangngai');
    const nav = page.getByRole('navigation', { name: 'Mở menu' });
    await nav.getByRole('link', { name: 'Ghi nhận' }).click();
    await page.getByRole('heading', { name: 'Ghi nhận tin bài, lượt phát sóng' }).waitFor();

    await pick(page, page.getByLabel('Đơn vị'), 'Xã Đăk Rve (23479)', 'dak rve');
    // The channels are those of the unit chosen.
    await pick(page, page.getByLabel('Kênh'), DEMO_PROGRAMME);
    const title = 'Sở KH&CN hỗ trợ Xã Đăk Rve chuyển đổi số trong thanh toán học phí';
    await page.getByLabel('Tiêu đề').fill(title);
    await page
      .getByLabel('Đường dẫn')
      .fill('https://dakrve.example.vn/tin-tuc/so-khcn-ho-tro-thanh-toan-hoc-phi');
    await screenshot(page, 'desktop-record-for-unit');
    await page.locator('form button[type="submit"]').first().click();
    await page.getByText(`Đã lưu “${title}”`).waitFor();

    const dakRve = await unitIdByName(page, 'dak rve', 'Xã Đăk Rve');
    const list = await apiAs<{ items: Array<{ title: string; unitId: string; kind: string }> }>(
      page,
      'GET',
      `/api/activities?unitId=${dakRve}&q=${encodeURIComponent('thanh toan hoc phi')}`,
    );
    expect(list.items.find((item) => item.title === title)).toMatchObject({ unitId: dakRve, kind: 'post' });

    // A system admin (a grant over everything) has no default unit: they choose one first.
    await switchUser(page, 'admin');
    await nav.getByRole('link', { name: 'Danh mục phát sóng' }).click();
    await page.getByText('Chọn đơn vị để xem và lập danh mục phát sóng.').waitFor();
    await chooseUnitOutsideForm(page, 'dak rve', 'Xã Đăk Rve (23479)');
    await page.locator('.ant-list-item').filter({ hasText: DEMO_PROGRAMME }).first().waitFor();
    await screenshot(page, 'desktop-admin-schedules');
  });

  it('on a phone the DX office chooses the unit of the schedules and of the record form', async () => {
    const page = await openPage(PHONE);
    await logIn(page, 'sokhcn.quangngai');

    await openMenuItem(page, 'Danh mục phát sóng');
    await page.getByRole('heading', { name: 'Danh mục phát sóng' }).waitFor();
    await chooseUnitOutsideForm(page, 'dak rve', 'Xã Đăk Rve (23479)');
    await page.locator('.ant-list-item').filter({ hasText: DEMO_PROGRAMME }).first().waitFor();
    await pick(page, page.getByLabel('Chương trình phát thanh'), DEMO_PROGRAMME);
    await screenshot(page, 'phone-schedules-for-unit');
    expect(await horizontalOverflow(page)).toBe(0);

    await openMenuItem(page, 'Ghi nhận');
    await page.getByRole('heading', { name: 'Ghi nhận tin bài, lượt phát sóng' }).waitFor();
    const unitField = page.getByLabel('Đơn vị');
    await unitField.click();
    await unitField.fill('kon braih');
    await page
      .locator('.ant-select-dropdown:visible')
      .getByText('Xã Kon Braih', { exact: false })
      .first()
      .waitFor();
    await screenshot(page, 'phone-record-unit-search');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.keyboard.press('Escape');

    // The import page: the template's lists narrow to the unit chosen.
    await openMenuItem(page, 'Nhập từ tệp');
    await page.getByRole('heading', { name: 'Nhập tin bài, lượt phát sóng từ tệp' }).waitFor();
    await pick(page, page.getByRole('combobox', { name: 'Đơn vị' }), 'Xã Đăk Rve (23479)', 'dak rve');
    const dakRve = await unitIdByName(page, 'dak rve', 'Xã Đăk Rve');
    await expect
      .poll(() => page.getByRole('link', { name: /Tải mẫu/ }).getAttribute('href'))
      .toContain(`unitId=${dakRve}`);
    await screenshot(page, 'phone-import-for-unit');
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
