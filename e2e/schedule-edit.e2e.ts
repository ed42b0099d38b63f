import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, formatVnDate, monthBounds, todayVn } from '../src/shared/dates';
import { apiAs } from './support/api';
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

/** The demo's programme of Xã Đăk Rve, on which this month's schedule is drafted. */
const DEMO_PROGRAMME = 'Chuyên mục Chuyển đổi số';

interface ScheduleJson {
  id: string;
  status: string;
  canEdit: boolean;
  entries: Array<{ id: string; title: string; durationMinutes: number; timeSlot: string }>;
}

/** 'yyyy-MM-dd' or 'yyyy-MM' → 'MM/yyyy', as the pages show a month. */
function formatMonth(day: string): string {
  return `${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** The first day of the month after the one holding `day` (December → January of the next year). */
function nextMonthStart(day: string): string {
  return addDays(monthBounds(day).last, 1);
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
  await page.getByRole('heading', { name: new RegExp(`^Tháng .* – ${DEMO_PROGRAMME}( · .*)?$`) }).waitFor();
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
    // The demo's draft of this month: the list tells it waits for the head's signature.
    await page
      .locator('.ant-list-item')
      .filter({ hasText: 'Chờ ban hành' })
      .filter({ hasText: `Tháng ${formatMonth(todayVn())}` })
      .getByRole('link')
      .click();
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

describe('drafting ahead and date fields on a phone', () => {
  it('drafts next month (listed as awaiting issue), deletes an entry after asking, filters records by a preset range', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'canbo.dakrve', '/');
    // Next month from today, whatever today is: in December it lies in the next year.
    const next = nextMonthStart(todayVn());
    const nextLabel = formatMonth(next);

    await openMenuItem(page, 'Danh mục phát sóng');
    await page.getByRole('heading', { name: 'Danh mục phát sóng' }).waitFor();
    await pick(page, page.getByLabel('Chương trình phát thanh'), DEMO_PROGRAMME);
    // The month field offers next month: lists are drafted ahead.
    expect(await page.getByLabel('Tháng', { exact: true }).inputValue()).toBe(nextLabel);
    await page.getByRole('button', { name: 'Lập danh mục' }).click();
    await page.getByRole('heading', { name: `Tháng ${nextLabel} – ${DEMO_PROGRAMME}` }).waitFor();
    await page.waitForURL(/\/schedules\/[0-9a-f-]{36}$/);
    const scheduleId = new URL(page.url()).pathname.split('/').pop()!;

    // One entry on the month's first day, picked in the panel (a phone's field is read-only).
    const dayField = page.getByLabel('Ngày phát');
    await dayField.click();
    const panel = page.locator('.ant-picker-dropdown:visible');
    await panel.locator(`td[title="${next}"]`).click();
    await panel.waitFor({ state: 'hidden' });
    const title = 'Hướng dẫn người dân đăng ký tài khoản dịch vụ công trực tuyến';
    await page.getByLabel('Tiêu đề').fill(title);
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    const entries = page.locator('.ant-card').filter({ hasText: 'Các mục' });
    const row = entries.locator('.ant-table-row').filter({ hasText: title });
    await row.waitFor();

    // Deleting asks first, naming the entry; "Hủy" keeps it.
    await row.getByRole('button', { name: 'Xóa mục' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm
      .locator('.ant-modal-confirm-title')
      .getByText(`Xóa mục “${title}” khỏi danh mục?`)
      .waitFor();
    await confirm.getByText(`Ngày phát ${formatVnDate(next)}`, { exact: false }).waitFor();
    await screenshot(page, 'phone-schedule-delete-confirm');
    expect(await horizontalOverflow(page)).toBe(0);
    await confirm.getByRole('button', { name: 'Hủy' }).click();
    await confirm.waitFor({ state: 'hidden' });
    const kept = await apiAs<ScheduleJson>(page, 'GET', `/api/schedules/${scheduleId}`);
    expect(kept.entries.map((entry) => entry.title)).toEqual([title]);
    await row.getByRole('button', { name: 'Xóa mục' }).click();
    await confirm.getByRole('button', { name: 'Xóa' }).click();
    await page.getByText('Đã xóa mục.').waitFor();
    await row.waitFor({ state: 'detached' });
    const emptied = await apiAs<ScheduleJson>(page, 'GET', `/api/schedules/${scheduleId}`);
    expect(emptied.entries).toEqual([]);

    // Back to the list of this year: next month's draft is there (in December too), awaiting issue.
    await page
      .getByRole('link', { name: /Danh mục phát sóng/ })
      .first()
      .click();
    const listed = page
      .locator('.ant-list-item')
      .filter({ hasText: `Tháng ${nextLabel} – ${DEMO_PROGRAMME}` });
    await listed.waitFor();
    await listed.getByText('Chờ ban hành').waitFor();
    await screenshot(page, 'phone-schedules-next-month');
    expect(await horizontalOverflow(page)).toBe(0);

    // The records list's period on a 360 px phone: two day fields and the presets, nothing wider.
    await openMenuItem(page, 'Danh sách tin bài, lượt phát');
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: 'Bộ lọc' }).click();
    const period = page.getByRole('group', { name: 'Khoảng thời gian' });
    for (const preset of ['Tháng này', 'Quý này', /^6 tháng (đầu|cuối) năm$/, 'Năm nay'])
      await period.getByText(preset).waitFor();
    const today = todayVn();
    const quarterStart = `${today.slice(0, 5)}${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    const quarterEnd = monthBounds(nextMonthStart(nextMonthStart(quarterStart))).last;
    const listRequest = page.waitForRequest(
      (request) =>
        request.url().includes('/api/activities?') &&
        request.url().includes(`from=${quarterStart}`) &&
        request.url().includes(`to=${quarterEnd}`),
    );
    await period.getByText('Quý này').click();
    await listRequest;
    expect(await period.getByPlaceholder('Từ ngày').inputValue()).toBe(formatVnDate(quarterStart));
    expect(await period.getByPlaceholder('Đến ngày').inputValue()).toBe(formatVnDate(quarterEnd));
    await period.getByPlaceholder('Từ ngày').click();
    const dayPanel = page.locator('.ant-picker-dropdown:visible .ant-picker-panel-container');
    await dayPanel.waitFor();
    const box = await dayPanel.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'phone-records-period-presets');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('on a desktop a day is typed dd/MM/yyyy: an entry of the draft and a period of the records list', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'canbo.dakrve', '/');
    // A list for the month after next (its own, whatever the other tests drafted), month typed MM/yyyy.
    const month = nextMonthStart(nextMonthStart(todayVn())).slice(0, 7);
    const nav = page.getByRole('navigation', { name: 'Mở menu' });
    await nav.getByRole('link', { name: 'Danh mục phát sóng' }).click();
    await page.getByRole('heading', { name: 'Danh mục phát sóng' }).waitFor();
    await pick(page, page.getByLabel('Chương trình phát thanh'), DEMO_PROGRAMME);
    const monthField = page.getByLabel('Tháng', { exact: true });
    await monthField.click();
    await monthField.fill(formatMonth(month));
    // Leaving the field keeps what was typed (Enter would also submit the form).
    await monthField.press('Tab');
    await page.getByRole('button', { name: 'Lập danh mục' }).click();
    await page.getByRole('heading', { name: `Tháng ${formatMonth(month)} – ${DEMO_PROGRAMME}` }).waitFor();
    const entries = page.locator('.ant-card').filter({ hasText: 'Các mục' });
    // Its second day, typed dd/MM/yyyy.
    const day = `${month}-02`;
    const dayField = page.getByLabel('Ngày phát');
    await dayField.click();
    await dayField.fill(formatVnDate(day));
    await dayField.press('Tab');
    const title = 'Bản tin chuyển đổi số gõ ngày trên máy tính';
    await page.getByLabel('Tiêu đề').fill(title);
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    const row = entries.locator('.ant-table-row').filter({ hasText: title });
    await row.waitFor();
    expect(await row.textContent()).toContain(formatVnDate(day));
    await screenshot(page, 'desktop-schedule-typed-day');

    // The records list's period, typed, with the presets in the panel.
    await nav.getByRole('link', { name: 'Danh sách tin bài, lượt phát' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    const listRequest = page.waitForRequest(
      (request) =>
        request.url().includes('/api/activities?') &&
        request.url().includes('from=2026-03-01') &&
        request.url().includes('to=2026-03-31'),
    );
    const from = page.getByPlaceholder('Từ ngày');
    await from.click();
    await page.locator('.ant-picker-dropdown:visible').getByText('Quý này').waitFor();
    await from.fill('01/03/2026');
    await from.press('Enter');
    const to = page.getByPlaceholder('Đến ngày');
    await to.fill('31/03/2026');
    await to.press('Enter');
    await listRequest;
    await screenshot(page, 'desktop-records-typed-period');
  });
});

describe('recording for any unit of a province', () => {
  it('on a desktop the DX office finds Xã Đăk Rve without accents and records a post for it', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'sokhcn.quangngai', '/');
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
    await openSignedIn(page, 'sokhcn.quangngai', '/');

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
