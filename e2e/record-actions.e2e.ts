import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, ensureChannel, ownUnitId } from './support/api';
import {
  chooseOption,
  DESKTOP,
  horizontalOverflow,
  logIn,
  openSignedIn,
  PHONE,
  screenshot,
  signInThroughApi,
} from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

const WEB_CHANNEL = 'Chuyên mục Chuyển đổi số – trang xã';
const BAHNAR = 'Tiếng Ba Na';
/** "Duyệt" (with or without its icon's name before it), not "Không duyệt". */
const ACCEPT = /(^|\s)Duyệt$/;

interface Detail {
  id: string;
  title: string;
  reviewStatus: string;
  reviewedAt: string | null;
  reviewedByName: string | null;
  deletedAt: string | null;
  translations: Array<{ id: string; language: string; title: string }>;
}
interface Counts {
  totals: Array<{ language: string; total: number }>;
}

/** Shared by the steps below, which run in order: the records the officer made and what they became. */
const state = {
  unitId: '',
  originalId: '',
  editedTitle: '',
  translationTitle: '',
  duplicateId: '',
  toDeleteId: '',
  toDeleteTitle: '',
  bahnarBefore: 0,
};

/** Today in Vietnam as yyyy-MM-dd: records cannot happen in the future. */
function todayVn(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** A post on the officer's website column, made through the API (the test is about what follows). */
async function createPost(page: Page, title: string, slug: string): Promise<string> {
  const channelId = await ensureChannel(page, state.unitId, {
    kind: 'website_column',
    platform: 'website',
    name: WEB_CHANNEL,
    url: 'https://dakrve.example.vn/chuyen-doi-so',
  });
  const created = await apiAs<Detail>(page, 'POST', '/api/activities', {
    kind: 'post',
    unitId: state.unitId,
    channelId,
    occurredOn: todayVn(),
    occurredTime: '08:30',
    title,
    url: `https://dakrve.example.vn/chuyen-doi-so/${slug}`,
    genre: 'tin',
  });
  return created.id;
}

function drawerOf(page: Page): Locator {
  return page.getByRole('dialog').filter({ hasText: 'Chi tiết bản ghi' });
}

function modalTitled(page: Page, title: string): Locator {
  return page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
}

async function openMenuItem(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Mở menu' }).click();
  await page.getByRole('dialog').getByRole('link', { name }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

async function bahnarTotal(page: Page): Promise<number> {
  const counts = await apiAs<Counts>(page, 'GET', `/api/units/${state.unitId}/language-counts`);
  return counts.totals.find((row) => row.language === 'bdq')?.total ?? 0;
}

describe('record actions', () => {
  it('the officer edits a record on a phone and adds a translation in Ba Na', async () => {
    const page = await openPage(PHONE);
    await logIn(page, 'canbo.dakrve');
    state.unitId = await ownUnitId(page);
    const title = 'Xã Đăk Rve hướng dẫn thanh toán học phí trực tuyến';
    state.originalId = await createPost(page, title, 'thanh-toan-hoc-phi');
    state.bahnarBefore = await bahnarTotal(page);

    // Open it from the list.
    await openMenuItem(page, 'Danh sách tin bài, lượt phát');
    await page.getByRole('searchbox', { name: 'Tìm theo tiêu đề' }).fill('thanh toan hoc phi truc tuyen');
    await page.getByText(title, { exact: true }).click();
    const drawer = drawerOf(page);
    await drawer.getByRole('heading', { name: title }).waitFor();
    await screenshot(page, 'record-actions-phone-drawer');
    expect(await horizontalOverflow(page)).toBe(0);

    // Edit the title: back on the list with the record open, under its new title.
    await drawer.getByRole('button', { name: 'Sửa' }).click();
    await page.getByRole('heading', { name: 'Sửa bản ghi' }).waitFor();
    const titleField = page.getByLabel('Tiêu đề');
    expect(await titleField.inputValue()).toBe(title);
    await screenshot(page, 'record-actions-phone-edit');
    expect(await horizontalOverflow(page)).toBe(0);
    // The server's checks land beside their fields: a website post needs its page.
    const urlField = page.getByLabel('Đường dẫn');
    const url = await urlField.inputValue();
    await urlField.fill('');
    await page.locator('form button[type="submit"]').click();
    await page
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: 'Nhập đường dẫn tin bài trên trang web.' })
      .waitFor();
    await urlField.fill(url);
    state.editedTitle = `${title} năm học 2026–2027`;
    await titleField.fill(state.editedTitle);
    await page.locator('form button[type="submit"]').click();
    await page.getByText(`Đã lưu thay đổi của “${state.editedTitle}”.`).waitFor();
    await page.waitForURL((url) => url.pathname === '/records' && url.search.includes(state.originalId));
    await drawer.getByRole('heading', { name: state.editedTitle }).waitFor();

    // A version in Ba Na: the languages offered are the province's, the record's own left out.
    await drawer.getByRole('button', { name: 'Thêm bản dịch' }).click();
    const modal = modalTitled(page, 'Thêm bản dịch');
    await modal.getByLabel('Ngôn ngữ').waitFor();
    await chooseOption(page, modal.getByLabel('Ngôn ngữ'), BAHNAR);
    state.translationTitle = 'Hướng dẫn thanh toán học phí trực tuyến (tiếng Ba Na)';
    await modal.getByLabel('Tiêu đề bản dịch').fill(state.translationTitle);
    await modal
      .getByLabel('Đường dẫn')
      .fill('https://dakrve.example.vn/chuyen-doi-so/thanh-toan-hoc-phi-bdq');
    await screenshot(page, 'record-actions-phone-translation');
    expect(await horizontalOverflow(page)).toBe(0);
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText(`Đã thêm bản dịch “${state.translationTitle}”.`).waitFor();
    await modal.waitFor({ state: 'hidden' });
    const versionLink = drawer.getByText(state.translationTitle, { exact: true });
    await versionLink.waitFor();
    const versionItem = drawer.locator('.ant-list-item').filter({ hasText: BAHNAR });
    await versionItem.waitFor();
    await versionItem.scrollIntoViewIfNeeded();
    await screenshot(page, 'record-actions-phone-translations');
    expect(await horizontalOverflow(page)).toBe(0);

    // The link opens the version, which names its original.
    await versionLink.click();
    await drawer.getByRole('heading', { name: state.translationTitle }).waitFor();
    await drawer.getByText('Bản gốc (Tiếng Việt):').waitFor();
    await drawer.getByText(state.editedTitle, { exact: true }).click();
    await drawer.getByRole('heading', { name: state.editedTitle }).waitFor();

    // One version per language: Ba Na is no longer offered.
    await drawer.getByRole('button', { name: 'Thêm bản dịch' }).click();
    const language = modal.getByLabel('Ngôn ngữ');
    await language.click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await language.fill('Ba Na');
    await dropdown.locator('.ant-select-item-empty').waitFor();
    await language.fill('Xơ Đăng');
    await dropdown.getByText('Tiếng Xơ Đăng', { exact: true }).click();
    await dropdown.waitFor({ state: 'hidden' });
    await modal.getByRole('button', { name: 'Hủy' }).click();
    await modal.waitFor({ state: 'hidden' });

    const original = await apiAs<Detail>(page, 'GET', `/api/activities/${state.originalId}`);
    expect(original.title).toBe(state.editedTitle);
    expect(original.translations.map((version) => [version.language, version.title])).toEqual([
      ['bdq', state.translationTitle],
    ]);

    // The same page entered again, confirmed: stored flagged as a suspected duplicate, for the reviewer.
    const repeat = await apiAs<Detail>(page, 'POST', '/api/activities', {
      kind: 'post',
      unitId: state.unitId,
      channelId: (await apiAs<{ channelId: string }>(page, 'GET', `/api/activities/${state.originalId}`))
        .channelId,
      occurredOn: todayVn(),
      title: 'Hướng dẫn đóng học phí qua ứng dụng ngân hàng',
      url: 'https://dakrve.example.vn/chuyen-doi-so/thanh-toan-hoc-phi',
      confirmDuplicate: true,
    });
    state.duplicateId = repeat.id;
  });

  it('the province reviewer accepts it: the third date and the reviewer are shown', async () => {
    const page = await openPage(PHONE);
    await signInThroughApi(page, 'thamdinh.quangngai');
    const me = await apiAs<{ user: { fullName: string } }>(page, 'GET', '/api/auth/me');
    await page.goto(`/records?open=${state.originalId}`);
    const drawer = drawerOf(page);
    await drawer.getByRole('heading', { name: state.editedTitle }).waitFor();
    await drawer.getByText('Chờ thẩm định').waitFor();
    // A reviewer reviews; recording actions are not theirs.
    expect(await drawer.getByRole('button', { name: 'Sửa' }).count()).toBe(0);
    await drawer.getByRole('button', { name: ACCEPT }).click();
    const modal = modalTitled(page, 'Duyệt bản ghi');
    await modal.getByLabel('Ghi chú thẩm định').fill('Đúng chuyên mục, có đường dẫn.');
    await screenshot(page, 'record-actions-phone-review');
    expect(await horizontalOverflow(page)).toBe(0);
    await modal.getByRole('button', { name: ACCEPT }).click();
    await page.getByText('Đã duyệt bản ghi.').waitFor();
    await drawer.getByText('Đã chấp nhận').waitFor();
    const reviewedRow = drawer.locator('.ant-descriptions-row').filter({ hasText: 'Thẩm định lúc' });
    await reviewedRow.getByText(me.user.fullName, { exact: false }).waitFor();
    await screenshot(page, 'record-actions-phone-reviewed');

    const reviewed = await apiAs<Detail>(page, 'GET', `/api/activities/${state.originalId}`);
    expect(reviewed.reviewStatus).toBe('accepted');
    expect(reviewed.reviewedByName).toBe(me.user.fullName);

    // The suspected duplicate names the record it may repeat; the reviewer says it is not one.
    await page.goto(`/records?open=${state.duplicateId}`);
    await drawer.getByRole('heading', { name: 'Hướng dẫn đóng học phí qua ứng dụng ngân hàng' }).waitFor();
    const notice = drawer.locator('.ant-alert').filter({ hasText: 'Có thể trùng với bản ghi' });
    await notice.getByText(`“${state.editedTitle}”`).waitFor();
    await notice.scrollIntoViewIfNeeded();
    await screenshot(page, 'record-actions-phone-duplicate');
    expect(await horizontalOverflow(page)).toBe(0);
    await notice.getByRole('button', { name: 'Không phải trùng lặp' }).click();
    await page.getByText('Đã bỏ đánh dấu nghi trùng').waitFor();
    await notice.waitFor({ state: 'detached' });
    const cleared = await apiAs<{ duplicateOfId: string | null }>(
      page,
      'GET',
      `/api/activities/${state.duplicateId}`,
    );
    expect(cleared.duplicateOfId).toBeNull();
  });

  it('the officer deletes a record with a reason on a phone', async () => {
    const page = await openPage(PHONE);
    await signInThroughApi(page, 'canbo.dakrve');
    state.toDeleteTitle = 'Tin nhập nhầm: lịch tiếp dân tháng này';
    state.toDeleteId = await createPost(page, state.toDeleteTitle, 'lich-tiep-dan-nham');
    await page.goto(`/records?open=${state.toDeleteId}`);
    const drawer = drawerOf(page);
    await drawer.getByRole('heading', { name: state.toDeleteTitle }).waitFor();
    await drawer.getByRole('button', { name: 'Xóa' }).click();
    const confirm = modalTitled(page, 'Xóa bản ghi');
    await confirm.getByRole('textbox').fill('Nhập nhầm chuyên mục');
    await confirm.getByRole('button', { name: 'Xóa' }).click();
    await page.getByText('Đã xóa bản ghi.').waitFor();
    const deleted = await apiAs<Detail>(page, 'GET', `/api/activities/${state.toDeleteId}`);
    expect(deleted.deletedAt).not.toBeNull();
  });

  it('the administrator finds the deleted record on a desktop and restores it', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'admin', '/records');
    await page.getByRole('heading', { name: 'Danh sách tin bài, lượt phát' }).waitFor();
    await page.getByRole('checkbox', { name: 'Hiện bản ghi đã xóa' }).check();
    await page.getByRole('searchbox', { name: 'Tìm theo tiêu đề' }).fill('lich tiep dan thang nay');
    const row = page.locator('.ant-table-row').filter({ hasText: state.toDeleteTitle });
    await row.getByText('Đã xóa', { exact: true }).waitFor();
    await screenshot(page, 'record-actions-desktop-records-deleted');
    await row.getByText(state.toDeleteTitle, { exact: true }).click();
    const drawer = drawerOf(page);
    await drawer.getByText('Đã xóa: Nhập nhầm chuyên mục').waitFor();
    await screenshot(page, 'record-actions-desktop-deleted');
    await drawer.getByRole('button', { name: 'Khôi phục' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Khôi phục' }).click();
    await page.getByText('Đã khôi phục bản ghi.').waitFor();
    await drawer.getByText('Đã xóa: Nhập nhầm chuyên mục').waitFor({ state: 'detached' });
    await drawer.getByRole('button', { name: 'Sửa' }).waitFor();
    await screenshot(page, 'record-actions-desktop-restored');
    const restored = await apiAs<Detail>(page, 'GET', `/api/activities/${state.toDeleteId}`);
    expect(restored.deletedAt).toBeNull();
  });

  it('the language counts page shows the new Ba Na version, on a phone and a desktop', async () => {
    const expected = state.bahnarBefore + 1;
    const page = await openPage(PHONE);
    await openSignedIn(page, 'canbo.dakrve', '/');
    expect(await bahnarTotal(page)).toBe(expected);
    await openMenuItem(page, 'Danh sách tin bài, lượt phát');
    await page.getByRole('button', { name: 'Bộ lọc' }).click();
    await page.getByRole('checkbox', { name: 'Chỉ bản ghi nghi trùng' }).waitFor();
    await screenshot(page, 'record-actions-phone-records-filters');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('button', { name: 'Thống kê ngôn ngữ' }).click();
    await page.getByRole('heading', { name: 'Tin bài, lượt phát bằng tiếng dân tộc thiểu số' }).waitFor();
    const byLanguage = page.locator('.ant-card').filter({ hasText: 'Theo ngôn ngữ' });
    const bahnar = byLanguage.locator('.ant-list-item').filter({ hasText: BAHNAR });
    await expect
      .poll(async () => (await bahnar.locator('strong').allTextContents()).join('|'))
      .toBe(`${BAHNAR}|${expected}`);
    await screenshot(page, 'record-actions-phone-languages');
    expect(await horizontalOverflow(page)).toBe(0);

    // A range of days: from the first of January to today, the same count.
    await page.locator('.ant-segmented').getByText('Khoảng ngày').click();
    await page.getByPlaceholder('Từ ngày').waitFor();
    await page.getByText(/^Từ 01\/01\/\d{4} đến/).waitFor();
    await expect
      .poll(async () => (await bahnar.locator('strong').allTextContents()).join('|'))
      .toBe(`${BAHNAR}|${expected}`);
    await screenshot(page, 'record-actions-phone-languages-range');
    expect(await horizontalOverflow(page)).toBe(0);

    // The same page on a wide screen: a table by language and one by unit.
    await page.setViewportSize(DESKTOP);
    const table = page.locator('.ant-card').filter({ hasText: 'Theo ngôn ngữ' });
    const tableRow = table.locator('.ant-table-row').filter({ hasText: BAHNAR });
    await expect.poll(() => tableRow.locator('td').last().textContent()).toBe(String(expected));
    await screenshot(page, 'record-actions-desktop-languages');
  });
});
