import { createHash } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, ensureChannel, ownUnitId } from './support/api';
import { DESKTOP, horizontalOverflow, logIn, openSignedIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

const ITEM_TITLE = 'Bài mẫu: Lợi ích của thanh toán không dùng tiền mặt';
const ITEM_BODY =
  'Thanh toán không dùng tiền mặt giúp người dân tiết kiệm thời gian.\n\nHãy cài ứng dụng ngân hàng và VNeID.';
const RECORD_TITLE = 'Tuyên truyền thanh toán không dùng tiền mặt tại chợ Đăk Rve';
const WEB_CHANNEL = 'Chuyên mục Chuyển đổi số – trang xã';
/** A minimal but real PDF: the server recognises the type from these bytes, not from the name. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PDF_SHA256 = createHash('sha256').update(PDF).digest('hex');
const CITATION_NUMBER = '27/KH-UBND';
const CITATION_SUMMARY = 'Kế hoạch tuyên truyền chuyển đổi số và thanh toán không dùng tiền mặt năm 2026';

interface LinkedEvidence {
  id: string;
  kind: string;
  title: string;
  documentNumber: string | null;
  file: { sha256: string; mimeType: string; originalName: string } | null;
}

/** A record of the officer's unit to attach evidence to, created through the API with a unique title. */
async function createRecord(page: Page): Promise<string> {
  const unitId = await ownUnitId(page);
  const channelId = await ensureChannel(page, unitId, {
    kind: 'website_column',
    platform: 'website',
    name: WEB_CHANNEL,
    url: 'https://dakrve.example.vn/chuyen-doi-so',
  });
  const record = await apiAs<{ id: string }>(page, 'POST', '/api/activities', {
    kind: 'post',
    unitId,
    channelId,
    occurredOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()),
    title: RECORD_TITLE,
    url: 'https://dakrve.example.vn/chuyen-doi-so/thanh-toan-khong-dung-tien-mat',
  });
  return record.id;
}

/**
 * Clicks a button that sends a POST, again when no such request followed (a click that lands while
 * the dialog's layout is still moving can be lost). Never twice once a request went out.
 */
async function clickUntilPosted(page: Page, button: Locator, urlPart: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const posted = page
      .waitForRequest((request) => request.method() === 'POST' && request.url().includes(urlPart), {
        timeout: 5_000,
      })
      .then(
        () => true,
        () => false,
      );
    await button.click();
    if (await posted) return;
    if (attempt === 3) throw new Error(`No POST to ${urlPart} after clicking`);
  }
}

/**
 * Picks an item in the attach dialog's search of existing evidence. The options come from the server
 * as the text is typed; a click that lands while the list is still changing can be lost, so it is
 * retried until the chosen item shows under the field.
 */
async function pickExisting(page: Page, dialog: Locator, search: string, shownWhenChosen: string) {
  const select = dialog.getByRole('combobox', { name: 'Minh chứng có sẵn' });
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 1; ; attempt++) {
    if (!(await dropdown.isVisible())) await select.click();
    await select.fill(search);
    const option = dropdown.getByText(search, { exact: false }).first();
    await option.waitFor();
    await page.waitForTimeout(300);
    await option.click();
    const chosen = await dialog
      .getByText(shownWhenChosen)
      .waitFor({ timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (chosen) return;
    if (attempt === 3) throw new Error(`Could not pick the evidence "${search}"`);
  }
}

describe('library and evidence on a phone', () => {
  it('lets the DX office publish a text item to the province', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'sokhcn.quangngai', '/library');
    await page.getByRole('heading', { name: 'Thư viện tài liệu' }).waitFor();
    await page.getByRole('button', { name: 'Phát hành tài liệu' }).click();
    const form = page.getByRole('dialog', { name: /Phát hành tài liệu/ });
    await form.getByLabel('Tiêu đề').fill(ITEM_TITLE);
    await form.getByLabel('Tóm tắt').fill('Bài viết mẫu cho trang thông tin điện tử cấp xã.');
    await form.getByLabel('Nội dung').fill(ITEM_BODY);
    await screenshot(page, 'phone-library-publish');
    expect(await horizontalOverflow(page)).toBe(0);
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText(`Đã phát hành “${ITEM_TITLE}”.`).waitFor();

    // The new item opens in its drawer, published, with its text.
    const drawer = page.getByRole('dialog', { name: 'Chi tiết tài liệu' });
    await drawer.getByRole('heading', { name: ITEM_TITLE }).waitFor();
    await drawer.getByText(/^Phát hành \d{2}\/\d{2}\/\d{4}$/).waitFor();
    await drawer.getByText('Hãy cài ứng dụng ngân hàng và VNeID.', { exact: false }).waitFor();
    await screenshot(page, 'phone-library-item');
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('shows the item to a commune officer, who attaches a PDF and a document citation to a record', async () => {
    const page = await openPage(PHONE);
    await logIn(page, 'canbo.dakrve');

    // The province's item reaches the commune's library; the officer may not publish.
    await page.goto('/library');
    await page.getByRole('searchbox', { name: /Tìm tài liệu/ }).fill('thanh toan khong dung tien mat');
    const row = page.locator('.ant-table-row').filter({ hasText: ITEM_TITLE });
    await row.waitFor();
    expect(await row.getByText('Tỉnh Quảng Ngãi', { exact: false }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Phát hành tài liệu' }).count()).toBe(0);
    await screenshot(page, 'phone-library-list');
    expect(await horizontalOverflow(page)).toBe(0);
    await row.getByText(ITEM_TITLE).click();
    const itemDrawer = page.getByRole('dialog', { name: 'Chi tiết tài liệu' });
    await itemDrawer.getByText('Thanh toán không dùng tiền mặt giúp', { exact: false }).waitFor();
    expect(await itemDrawer.getByRole('button', { name: 'Thêm bản dịch' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await itemDrawer.waitFor({ state: 'hidden' });

    // A record of the commune, opened from the records list.
    const recordId = await createRecord(page);
    await page.goto('/records');
    await page
      .getByRole('searchbox', { name: 'Tìm theo tiêu đề' })
      .fill('thanh toan khong dung tien mat tai cho');
    await page.locator('.ant-table-row').filter({ hasText: RECORD_TITLE }).getByText(RECORD_TITLE).click();
    const recordDrawer = page.getByRole('dialog', { name: 'Chi tiết bản ghi' });
    await recordDrawer.getByText('Chưa có minh chứng.').waitFor();

    // A text file named .pdf: the server looks at the content and says what is wrong.
    await recordDrawer.getByRole('button', { name: 'Gắn minh chứng' }).click();
    let attach = page.getByRole('dialog', { name: 'Gắn minh chứng' });
    await attach.locator('input[type=file]').setInputFiles({
      name: 'ke-hoach.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('Chỉ là ghi chú, không phải văn bản PDF.'),
    });
    await attach.getByRole('button', { name: 'Lưu và gắn vào bản ghi' }).click();
    await attach.getByText('Tệp "ke-hoach.pdf" không phải PDF, DOCX, XLSX, ảnh hoặc âm thanh.').waitFor();
    await screenshot(page, 'phone-evidence-wrong-type');
    expect(await horizontalOverflow(page)).toBe(0);

    // The real PDF. Choosing it clears the error above, which moves the button: wait for that, and
    // make sure the click sent the file.
    await attach.locator('input[type=file]').setInputFiles({
      name: 'ke-hoach-tuyen-truyen.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await attach
      .getByText('Tệp "ke-hoach.pdf" không phải PDF, DOCX, XLSX, ảnh hoặc âm thanh.')
      .waitFor({ state: 'hidden' });
    await attach.getByLabel('Tiêu đề').fill('Kế hoạch tuyên truyền thanh toán không dùng tiền mặt');
    await clickUntilPosted(page, attach.getByRole('button', { name: 'Lưu và gắn vào bản ghi' }), '/evidence');
    await page
      .getByText('Đã gắn “Kế hoạch tuyên truyền thanh toán không dùng tiền mặt” vào bản ghi.')
      .waitFor();
    await recordDrawer.getByRole('link', { name: /ke-hoach-tuyen-truyen\.pdf/ }).waitFor();

    // A document citation: số/ký hiệu, ngày ban hành, cơ quan ban hành, trích yếu.
    await recordDrawer.getByRole('button', { name: 'Gắn minh chứng' }).click();
    attach = page.getByRole('dialog', { name: 'Gắn minh chứng' });
    await attach.locator('.ant-segmented').getByText('Văn bản').click();
    await attach.getByLabel('Số, ký hiệu văn bản').fill(CITATION_NUMBER);
    await attach.getByLabel('Ngày ban hành').fill('15/01/2026');
    await attach.getByLabel('Ngày ban hành').press('Enter');
    await attach.getByLabel('Cơ quan ban hành').fill('UBND xã Đăk Rve');
    await attach.getByLabel('Trích yếu').fill(CITATION_SUMMARY);
    await screenshot(page, 'phone-evidence-citation');
    expect(await horizontalOverflow(page)).toBe(0);
    await attach.getByRole('button', { name: 'Lưu và gắn vào bản ghi' }).click();
    await attach.waitFor({ state: 'hidden' });
    await recordDrawer.getByText(CITATION_SUMMARY).waitFor();
    await recordDrawer.getByText(CITATION_NUMBER, { exact: false }).first().waitFor();
    await recordDrawer.getByRole('link', { name: /ke-hoach-tuyen-truyen\.pdf/ }).waitFor();
    await screenshot(page, 'phone-record-evidence');
    expect(await horizontalOverflow(page)).toBe(0);

    const linked = await apiAs<{ items: LinkedEvidence[] }>(
      page,
      'GET',
      `/api/activities/${recordId}/evidence`,
    );
    expect(linked.items).toHaveLength(2);
    const file = linked.items.find((item) => item.kind === 'file');
    expect(file?.file).toMatchObject({
      sha256: PDF_SHA256,
      mimeType: 'application/pdf',
      originalName: 'ke-hoach-tuyen-truyen.pdf',
    });
    const citation = linked.items.find((item) => item.kind === 'citation');
    expect(citation?.documentNumber).toBe(CITATION_NUMBER);

    // The evidence page lists both, the file with its SHA-256.
    await page.goto('/evidence');
    await page.getByRole('heading', { name: 'Minh chứng' }).waitFor();
    const list = page.locator('.ant-table-tbody');
    await list.getByText('Kế hoạch tuyên truyền thanh toán không dùng tiền mặt').first().waitFor();
    await list.getByText(CITATION_SUMMARY).waitFor();
    await list.locator(`code[data-sha256="${PDF_SHA256}"]`).waitFor();
    expect(await list.locator(`code[data-sha256="${PDF_SHA256}"]`).textContent()).toBe(
      `${PDF_SHA256.slice(0, 12)}…`,
    );
    await screenshot(page, 'phone-evidence-page');
    expect(await horizontalOverflow(page)).toBe(0);
  });
});

describe('library and evidence on a desktop', () => {
  it('shows the library with its drawer and the evidence page with its drawer', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'sokhcn.quangngai', '/library');
    await page.locator('.ant-table-row').filter({ hasText: ITEM_TITLE }).waitFor();
    await screenshot(page, 'desktop-library');
    await page.getByText(ITEM_TITLE).click();
    await page
      .getByRole('dialog', { name: 'Chi tiết tài liệu' })
      .getByRole('button', { name: 'Thêm bản dịch' })
      .waitFor();
    await screenshot(page, 'desktop-library-item');

    await page.goto('/evidence');
    await page.getByRole('heading', { name: 'Minh chứng' }).waitFor();
    await page.getByText('Gồm đơn vị trực thuộc').click();
    await page.locator(`code[data-sha256="${PDF_SHA256}"]`).waitFor();
    await screenshot(page, 'desktop-evidence');
    await page
      .getByText('Kế hoạch tuyên truyền thanh toán không dùng tiền mặt', { exact: true })
      .first()
      .click();
    const drawer = page.getByRole('dialog', { name: 'Chi tiết minh chứng' });
    await drawer.getByText(RECORD_TITLE, { exact: false }).waitFor();
    await screenshot(page, 'desktop-evidence-drawer');

    // Detaching asks first, and leaves the evidence itself in place.
    await page.goto('/records');
    await page
      .getByRole('searchbox', { name: 'Tìm theo tiêu đề' })
      .fill('thanh toan khong dung tien mat tai cho');
    await page.locator('.ant-table-row').filter({ hasText: RECORD_TITLE }).getByText(RECORD_TITLE).click();
    const recordDrawer = page.getByRole('dialog', { name: 'Chi tiết bản ghi' });
    const citationBox = recordDrawer.locator('[data-evidence-id]').filter({ hasText: CITATION_SUMMARY });
    await citationBox.getByRole('button', { name: 'Bỏ gắn' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Bỏ gắn' }).click();
    await page.getByText('Đã bỏ gắn minh chứng.').waitFor();
    await citationBox.waitFor({ state: 'detached' });
    await screenshot(page, 'desktop-record-evidence');
    const records = await apiAs<{ items: Array<{ id: string; title: string }> }>(
      page,
      'GET',
      '/api/activities?q=thanh toan khong dung tien mat tai cho',
    );
    const recordId = records.items.find((item) => item.title === RECORD_TITLE)?.id;
    let linked = await apiAs<{ items: LinkedEvidence[] }>(
      page,
      'GET',
      `/api/activities/${recordId}/evidence`,
    );
    expect(linked.items.map((item) => item.kind)).toEqual(['file']);

    // Attached again, this time picked among the unit's existing evidence.
    await recordDrawer.getByRole('button', { name: 'Gắn minh chứng' }).click();
    const attach = page.getByRole('dialog', { name: 'Gắn minh chứng' });
    // The dialog of the first attachment may still be fading out when this one opens: click until
    // the tab is really the chosen one.
    const existingTab = attach.getByRole('tab', { name: 'Chọn minh chứng có sẵn' });
    await expect
      .poll(async () => {
        await existingTab.click();
        return existingTab.getAttribute('aria-selected');
      })
      .toBe('true');
    await pickExisting(page, attach, '27/KH-UBND', CITATION_SUMMARY);
    await screenshot(page, 'desktop-evidence-pick-existing');
    await attach.getByRole('button', { name: 'Gắn vào bản ghi' }).click();
    await citationBox.waitFor();
    linked = await apiAs<{ items: LinkedEvidence[] }>(page, 'GET', `/api/activities/${recordId}/evidence`);
    expect(linked.items.map((item) => item.kind).sort()).toEqual(['citation', 'file']);
  });
});
