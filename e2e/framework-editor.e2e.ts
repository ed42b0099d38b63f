import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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

/**
 * A fixed version and first day, whatever today is: the versioning rules only ask that a new version
 * starts after the stored ones (kontum-780 "2023" from 01/01/2023), not after today.
 */
const VERSION = '2030';
const VALID_FROM = '01/01/2030';
const DISTRICT_TOTAL_ERROR = (sum: number) =>
  `Tổng điểm của Huyện (cũ) (former_district) ghi 30 nhưng điểm tối đa của các tiêu chí áp dụng cho loại này cộng lại là ${sum}.`;

interface FrameworkList {
  items: Array<{ id: string; code: string; version: string }>;
}

async function kontumVersion(page: Page, version: string): Promise<string | undefined> {
  const list = await apiAs<FrameworkList>(page, 'GET', '/api/frameworks');
  return list.items.find((item) => item.code === 'kontum-780' && item.version === version)?.id;
}

/** The card of a criterion in the editor; codes repeat across unit kinds, so the nth of that code. */
function criterionCard(page: Page, code: string, nth = 0): Locator {
  return page.locator(`[data-criterion-editor="${code}"]`).nth(nth);
}

/** The side panel's verdict, once the server has checked the latest text. */
async function waitForVerdict(page: Page, text: string): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

/**
 * Types a day into a date picker and checks that it took: a key press that lands while the calendar
 * is still opening can be lost, and the picker then puts the old day back when it loses the focus.
 */
async function typeDay(page: Page, input: Locator, day: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await input.click();
    await page.waitForTimeout(200);
    await input.fill(day);
    await input.press('Enter');
    await input.press('Tab');
    if ((await input.inputValue()) === day) return;
    if (attempt === 3) throw new Error(`Could not type ${day}`);
  }
}

async function openEditor(page: Page, viewport: 'desktop' | 'phone'): Promise<void> {
  await page.goto('/frameworks');
  const card = page.locator('.ant-card').filter({ has: page.getByText('kontum-780', { exact: true }) });
  await card.getByRole('link', { name: /Phiên bản “2023”/ }).click();
  await page.getByRole('heading', { name: /Bộ chỉ số đánh giá chuyển đổi số cấp huyện, cấp xã/ }).waitFor();
  const newVersion = page.getByRole('button', { name: 'Tạo phiên bản mới từ bản này' });
  await newVersion.scrollIntoViewIfNeeded();
  await screenshot(page, `${viewport}-framework-editor-link`);
  expect(await horizontalOverflow(page)).toBe(0);
  await newVersion.click();
  await page.getByRole('heading', { name: 'Tạo phiên bản mới của bộ chỉ số' }).waitFor();
  await page.getByText('Bản sao của kontum-780, phiên bản “2023”', { exact: false }).waitFor();
}

describe('framework editor', () => {
  it('lets the DX office copy Kon Tum 780, change it, fix a totals error and save a new version', async () => {
    const page = await openPage(DESKTOP);
    await logIn(page, 'sokhcn.quangngai');
    await openEditor(page, 'desktop');

    // The copy starts valid, with a proposed version after the stored one; set a fixed one instead.
    await waitForVerdict(page, 'Hợp lệ: có thể lưu thành phiên bản mới.');
    await page.getByLabel('Phiên bản', { exact: true }).fill(VERSION);
    await typeDay(page, page.getByLabel('Hiệu lực từ ngày'), VALID_FROM);
    await page
      .getByText(`Có thể nhập: phiên bản "${VERSION}" thay phiên bản "2023" từ ${VALID_FROM}.`)
      .waitFor();
    await screenshot(page, 'desktop-framework-editor-start');

    // A threshold: the district's 1.5 asks for 25 posts instead of 20 (a condition of its all_of rule).
    const district15 = criterionCard(page, '1.5', 0);
    await district15.getByLabel('Ngưỡng (đạt từ … trở lên)').fill('25');
    await district15.getByText('Có ít nhất 25 tin bài trong chuyên mục CĐS', { exact: false }).waitFor();

    // Removing 1.6 leaves the district's maxima at 20 against the written total of 30: the server says so.
    await page.getByRole('button', { name: 'Xóa tiêu chí 1.6' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa', exact: true }).click();
    await criterionCard(page, '1.6').waitFor({ state: 'detached' });
    await waitForVerdict(page, 'Có 1 lỗi: sửa xong mới lưu được.');
    const totalField = page
      .locator('.ant-form-item')
      .filter({ has: page.locator('[id="fw-totals.former_district"]') });
    await totalField.getByText(DISTRICT_TOTAL_ERROR(20)).waitFor();
    expect(await page.getByRole('button', { name: 'Lưu phiên bản mới' }).isDisabled()).toBe(true);
    // The problem in the panel leads to its field.
    await page.getByRole('button', { name: 'Tổng điểm theo loại đơn vị › Huyện (cũ)' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'fw-totals.former_district');
    await screenshot(page, 'desktop-framework-editor-totals-error');

    // A new criterion: empty fields are named at their place until filled in.
    await page.getByRole('button', { name: 'Thêm tiêu chí vào chỉ số 1' }).click();
    const added = page.locator('[data-criterion-editor]').last();
    const titleField = added.locator('.ant-form-item').filter({ has: page.getByLabel('Nội dung tiêu chí') });
    await titleField.getByText('Thiếu trường bắt buộc.').waitFor();
    await added.getByLabel('Mã tiêu chí').fill('1.8');
    await added
      .getByLabel('Nội dung tiêu chí')
      .fill('Phát sóng chuyên mục chuyển đổi số bằng tiếng dân tộc thiểu số');
    await added.getByLabel('Điểm tối đa').fill('5');
    await chooseOption(page, added.getByLabel('Áp dụng cho'), 'Huyện (cũ)');
    // A multiple choice stays open after a pick.
    await page.keyboard.press('Escape');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    // The kinds counted: one or several added together; this one counts broadcasts only.
    const kinds = added.getByLabel('Đếm (một hoặc nhiều loại, cộng chung)', { exact: true });
    // Backspace in the empty search box takes off the last kind chosen (the default, posts); the
    // rule's preview below says that only broadcasts are counted.
    await kinds.click();
    await kinds.press('Backspace');
    await chooseOption(page, kinds, 'lượt phát (broadcasts)');
    await page.keyboard.press('Escape');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await added.getByText('Lọc bản ghi (0 điều kiện lọc)').click();
    await added.getByLabel('Chỉ bản tiếng dân tộc thiểu số').check();
    expect(await added.getByLabel(/^Đếm riêng từng bản ngôn ngữ/).count()).toBe(1);
    expect(await added.getByLabel('Thuộc chỉ số').count()).toBe(1);
    await added.getByLabel('Ngưỡng (đạt từ … trở lên)').fill('12');
    await added
      .getByText(
        'Đếm lượt phát trong chương trình CĐS trên đài truyền thanh (chỉ bản tiếng dân tộc thiểu số) trong năm; đạt từ 12 trở lên: 5 điểm; dưới 12: 0 điểm.',
      )
      .waitFor();
    await totalField.getByText(DISTRICT_TOTAL_ERROR(25)).waitFor();

    // A maximum: 1.7 worth 15 brings the district back to 30, and the file is valid again.
    await criterionCard(page, '1.7').getByLabel('Điểm tối đa').fill('15');
    await waitForVerdict(page, 'Hợp lệ: có thể lưu thành phiên bản mới.');
    const totals = page.getByRole('table', { name: 'Tổng điểm theo loại đơn vị' });
    const districtRow = totals.locator('.ant-table-row').filter({ hasText: 'Huyện (cũ)' });
    expect(await districtRow.locator('td').allTextContents()).toEqual(['Huyện (cũ)', '3', '30', '30 ✓']);
    await screenshot(page, 'desktop-framework-editor-valid');

    // Saved through the file import: the new version's page, with its tree.
    await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await page.getByText(`Đã nhập bộ chỉ số kontum-780, phiên bản "${VERSION}"`, { exact: false }).waitFor();
    await page.waitForURL((url) => /^\/frameworks\/[0-9a-f-]{36}$/.test(url.pathname));
    const id = await kontumVersion(page, VERSION);
    expect(page.url()).toContain(`/frameworks/${id}`);
    await page.getByText(`Phiên bản “${VERSION}”`).first().waitFor();
    await page.locator('[data-criterion="1.8"]').getByText('Tối đa 5 điểm').waitFor();
    await page.locator('[data-criterion="1.7"]').getByText('Tối đa 15 điểm').waitFor();
    await page
      .locator('[data-criterion="1.5"]')
      .first()
      .getByText('Có ít nhất 25 tin bài trong chuyên mục CĐS trên trang thông tin điện tử trong năm')
      .waitFor();
    expect(await page.locator('[data-criterion="1.6"]').count()).toBe(0);
    await page.getByText('Soạn bằng trình soạn thảo bộ chỉ số của Loa Số', { exact: false }).waitFor();
    await screenshot(page, 'desktop-framework-editor-saved');

    // In the list beside the version it came from, imported by the DX office.
    await page.goto('/frameworks');
    const card = page.locator('.ant-card').filter({ has: page.getByText('kontum-780', { exact: true }) });
    await card.getByRole('link', { name: new RegExp(`Phiên bản “${VERSION}”`) }).waitFor();
    await card.getByText(/, bởi sokhcn\.quangngai$/).waitFor();

    // The same version code again with other content: refused in words before any save.
    await openEditor(page, 'desktop');
    await page.getByLabel('Phiên bản', { exact: true }).fill(VERSION);
    await page
      .getByText(`Bộ chỉ số kontum-780 đã có phiên bản "${VERSION}" với nội dung khác.`, { exact: false })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Lưu phiên bản mới' }).isDisabled()).toBe(true);
  });

  it('fits a 360 px phone, and is not offered to a commune officer', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'sokhcn.quangngai', '/');
    await openEditor(page, 'phone');
    await waitForVerdict(page, 'Hợp lệ: có thể lưu thành phiên bản mới.');
    // The verdict stays in sight at the bottom of the screen while the tree scrolls.
    const bar = page.locator('[data-editor-status-bar]');
    await bar.getByText('Hợp lệ: có thể lưu thành phiên bản mới.').waitFor();
    await page.getByLabel('Phiên bản', { exact: true }).fill('');
    await bar.getByText('Có 1 lỗi: sửa xong mới lưu được.').waitFor();
    await page.getByLabel('Phiên bản', { exact: true }).fill('2031');
    await bar.getByText('Hợp lệ: có thể lưu thành phiên bản mới.').waitFor();
    await screenshot(page, 'phone-framework-editor');
    expect(await horizontalOverflow(page)).toBe(0);
    await criterionCard(page, '1.7').scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-framework-editor-criterion');
    expect(await horizontalOverflow(page)).toBe(0);
    const editorUrl = new URL(page.url()).pathname;

    const officer = await openPage(PHONE);
    await openSignedIn(officer, 'canbo.dakrve', editorUrl.replace('/new-version', ''));
    await officer
      .getByRole('heading', { name: /Bộ chỉ số đánh giá chuyển đổi số cấp huyện, cấp xã/ })
      .waitFor();
    expect(await officer.getByRole('button', { name: 'Tạo phiên bản mới từ bản này' }).count()).toBe(0);
    await officer.goto(editorUrl);
    await officer.getByText('Bạn không có quyền xem trang này').waitFor();
    await screenshot(officer, 'phone-framework-editor-forbidden');
  });
});
