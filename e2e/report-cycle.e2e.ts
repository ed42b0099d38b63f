import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, ownUnitId } from './support/api';
import {
  DESKTOP,
  downloadedBytes,
  horizontalOverflow,
  logIn,
  openSignedIn,
  PHONE,
  screenshot,
} from './support/browser';
import { startTestSmtpServer, type TestSmtpServer } from './support/smtp';
import { registerBrowserSuite } from './support/suite';
import { readZip } from './support/zip';

/**
 * Issue 10's "done when", the whole report cycle in the browser, each step by the person who takes
 * it and on the screen they use: the DX office defines the annual report on a desktop; the commune
 * officer sees it on the home page of a 360 px phone, fills parts II–IV and tells the head; the head
 * approves and submits; the province home counts one more submission; the office downloads the
 * province's aggregated DOCX and the evidence ZIP; it urges a commune that has not submitted, the
 * e-mail arrives at a real SMTP server on 127.0.0.1 and the urging list shows it sent; logged out,
 * the public page shows the published ranking.
 *
 * Independent of the day it runs: the report's due day is 31/12, so this year's period always
 * exists, then the office moves this period's due day to today (VN), which the test therefore knows:
 * due today is on the officer's home and a submission today is on time.
 */

const TYPE_NAME = 'Báo cáo năm CĐS (chu trình kiểm thử)';
const COMMUNE = 'Xã Đăk Rve';
const URGED = 'Xã Kon Braih';
const URGED_OFFICER = 'canbo.konbraih@loaso.example';
const PUBLIC_URL = 'https://loaso.example';
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const YEAR = today().slice(0, 4);

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
});

const { openPage } = registerBrowserSuite({
  env: () => ({ SMTP_URL: smtp.url, MAIL_FROM: 'Loa Số <loaso@loaso.example>', PUBLIC_URL }),
});

/** Carried from one step to the next: each step is a different person in a fresh browser. */
let periodId = '';
let reportId = '';

/** The office home's line of the period: its completeness tags. */
async function homeSubmitted(page: Page): Promise<{ expected: string; submitted: string }> {
  await page.goto('/');
  const row = page.getByTestId('home-report-period').filter({ hasText: TYPE_NAME });
  await row.waitFor({ timeout: 60_000 });
  const tags = row.getByTestId('period-summary');
  return {
    expected: (await tags.locator('.ant-tag').first().textContent()) ?? '',
    submitted: (await row.getByTestId('summary-submitted').textContent()) ?? '',
  };
}

describe('the report cycle, from the definition to the public page', () => {
  it('(a) the DX office defines the annual report on a desktop; its home shows nothing submitted', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'sokhcn.quangngai', '/reports?tab=types');
    await page.getByRole('button', { name: 'Thêm loại báo cáo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Định nghĩa loại báo cáo' });
    await dialog.getByLabel('Tên báo cáo').fill(TYPE_NAME);
    await dialog.getByLabel('Ngày hạn nộp').fill('31');
    await dialog
      .getByLabel('Nơi nhận (mỗi dòng một nơi)')
      .fill('Ủy ban nhân dân tỉnh Quảng Ngãi;\nSở Khoa học và Công nghệ tỉnh Quảng Ngãi;\nLưu: VT.');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByTestId('report-type-item')
      .filter({ hasText: TYPE_NAME })
      .getByText('Hạn nộp ngày 31/12 hằng năm')
      .waitFor();
    await screenshot(page, 'cycle-a-type-defined');

    const province = await ownUnitId(page);
    const types = await apiAs<{ items: Array<{ id: string; name: string }> }>(
      page,
      'GET',
      `/api/units/${province}/report-types`,
    );
    const typeId = types.items.find((type) => type.name === TYPE_NAME)!.id;
    const periods = await apiAs<{ items: Array<{ id: string; periodKey: string }> }>(
      page,
      'GET',
      `/api/units/${province}/report-periods?reportTypeId=${typeId}`,
    );
    periodId = periods.items.find((period) => period.periodKey === YEAR)!.id;
    // This year's period, due today: the day the test knows whatever day it runs.
    await apiAs(page, 'PATCH', `/api/report-periods/${periodId}`, {
      dueOn: today(),
      reason: 'Kiểm thử: hạn nộp là hôm nay',
    });

    const before = await homeSubmitted(page);
    expect(before.submitted).toBe('Đã nộp 0');
    expect(before.expected).toMatch(/^Phải nộp \d+$/);
    await screenshot(page, 'cycle-a-office-home-before');
  });

  it('(b) the commune officer sees it on the phone’s home page, fills parts II–IV and marks it ready', async () => {
    const page = await openPage(PHONE);
    await logIn(page, 'canbo.dakrve');
    const due = page.getByRole('link', { name: new RegExp(TYPE_NAME.replace(/[()]/g, '\\$&')) });
    await due.first().waitFor();
    await screenshot(page, 'cycle-b-officer-home');
    expect(await horizontalOverflow(page)).toBe(0);
    await due.first().click();
    const item = page
      .getByTestId('unit-report-item')
      .filter({ hasText: TYPE_NAME })
      .filter({ hasText: `Năm ${YEAR}` });
    await item.getByRole('button', { name: 'Mở báo cáo' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    reportId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('report-part1').waitFor();
    await page
      .getByLabel('II. Đánh giá (ưu điểm, hạn chế, nguyên nhân)')
      .fill('Ưu điểm: chuyên mục CĐS phát đều hằng tuần.\nHạn chế: ít tin bài tiếng Xơ Đăng.');
    await page.getByLabel('III. Nhiệm vụ kỳ tới').fill('Tăng tin bài tiếng dân tộc.');
    await page.getByLabel('IV. Đề xuất, kiến nghị').fill('Đề nghị tập huấn viết tin bài.');
    await page.getByRole('button', { name: 'Lưu nội dung' }).click();
    await page.getByText('Đã lưu.').first().waitFor();
    await page.getByRole('button', { name: 'Báo lãnh đạo: đã soạn xong' }).click();
    await page
      .getByText(/Đã báo 1 lãnh đạo đơn vị/)
      .first()
      .waitFor();
    // The documents are there on the phone too, each a full-width button.
    await page.getByTestId('report-documents').getByRole('link', { name: 'Tải DOCX' }).waitFor();
    await screenshot(page, 'cycle-b-officer-report');
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('(c) the unit head approves and submits it on the phone', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'lanhdao.dakrve', `/reports/${reportId}`);
    await page.getByText('Ưu điểm: chuyên mục CĐS phát đều hằng tuần.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Duyệt' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Đồng ý' }).click();
    await page.getByTestId('report-status').filter({ hasText: 'Đã duyệt, chờ nộp' }).first().waitFor();
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Đồng ý' }).click();
    await page.getByTestId('report-status').filter({ hasText: 'Đã nộp' }).first().waitFor();
    // Due today and submitted today: on time.
    await page.getByTestId('report-state').filter({ hasText: 'Đúng hạn' }).first().waitFor();
    await screenshot(page, 'cycle-c-head-submitted');
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('(d, e) the province home counts the submission; the office downloads the aggregated DOCX and the evidence ZIP', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'sokhcn.quangngai', '/');
    const after = await homeSubmitted(page);
    expect(after.submitted).toBe('Đã nộp 1');
    await screenshot(page, 'cycle-d-office-home-after');

    // From the home's line to the period, then the province's own report, which rolls up the communes'.
    await page.getByTestId('home-report-period').filter({ hasText: TYPE_NAME }).getByRole('link').click();
    await page.waitForURL(`**/reports/periods/${periodId}`);
    await page.getByTestId('period-unit').filter({ hasText: COMMUNE }).getByText('Đúng hạn').waitFor();
    await page.getByRole('button', { name: 'Báo cáo tổng hợp của tỉnh' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    expect(new URL(page.url()).pathname).not.toBe(`/reports/${reportId}`);
    await page.getByText('Tỉnh Quảng Ngãi', { exact: true }).first().waitFor();
    await screenshot(page, 'cycle-e-province-report');

    const download = async (name: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('report-documents').getByRole('link', { name }).click(),
      ]);
      return { name: file.suggestedFilename(), bytes: await downloadedBytes(file) };
    };
    const docx = await download('Tải DOCX');
    expect(docx.name).toMatch(/\.docx$/);
    const documentXml = (await readZip(docx.bytes)).get('word/document.xml')!.toString('utf8');
    // The children table names the commune that submitted, and the title the report.
    expect(documentXml).toContain(COMMUNE);
    expect(documentXml).toContain(URGED);

    const zip = await download('Tải hồ sơ minh chứng (ZIP)');
    expect(zip.name).toMatch(/\.zip$/);
    const files = await readZip(zip.bytes);
    const index = files.get('index.html')?.toString('utf8');
    expect(index).toBeDefined();
    expect(files.has('index.xlsx')).toBe(true);
    // Every packed file is listed in the index with the SHA-256 of its bytes.
    const packed = [...files.keys()].filter((path) => !path.startsWith('index.'));
    expect(packed.some((path) => path.endsWith('.docx'))).toBe(true);
    for (const path of packed)
      expect(index).toContain(createHash('sha256').update(files.get(path)!).digest('hex'));
  });

  it('(f) the office urges a commune that has not submitted: the e-mail arrives and the urging list shows it sent', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'sokhcn.quangngai', `/reminders?periodId=${periodId}`);
    await page.getByRole('heading', { name: 'Danh sách đôn đốc' }).waitFor();
    await page.getByRole('button', { name: 'Đôn đốc' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Đôn đốc về kỳ:/).waitFor();
    const units = dialog.getByLabel('Đơn vị cần đôn đốc');
    await units.click();
    await units.fill('Kon Braih');
    const option = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .getByText(URGED, { exact: true });
    await option.waitFor();
    await option.click();
    await dialog.getByLabel('Lời nhắn (không bắt buộc)').fill('Đề nghị nộp báo cáo năm trong hôm nay.');
    await dialog.getByRole('button', { name: 'Gửi đôn đốc' }).click();
    await dialog.getByText('Kết quả đôn đốc').waitFor();
    await dialog.getByRole('button', { name: 'OK' }).click();

    const arrived = await smtp.waitFor((mail) => mail.to.includes(URGED_OFFICER), 60_000);
    expect(arrived.mail.subject).toContain(TYPE_NAME);
    expect(arrived.mail.subject).toContain('Đôn đốc');
    expect(arrived.mail.text).toContain('Đề nghị nộp báo cáo năm trong hôm nay.');
    // The link is absolute (PUBLIC_URL) and opens the unit's own report list.
    expect(arrived.mail.text).toMatch(/https:\/\/loaso\.example\/reports\?unit=[0-9a-f-]{36}&tab=unit/);
    expect(arrived.mail.from?.text).toContain('loaso@loaso.example');

    // The urging list shows the e-mail's delivery result once the worker has sent it.
    const row = page.locator('.ant-table-row').filter({ hasText: URGED }).filter({ hasText: 'E-mail' });
    for (let attempt = 0; ; attempt++) {
      await page.reload();
      await row.first().waitFor();
      const text = (await row.allTextContents()).join(' ');
      if (/Đã gửi/i.test(text)) break;
      if (attempt === 20) throw new Error(`The urge's e-mail is not shown as sent: ${text}`);
      await page.waitForTimeout(1_000);
    }
    await screenshot(page, 'cycle-f-urging-list');
  });

  it('(g) the office publishes the province’s results (turned on if it was not)', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'sokhcn.quangngai', '/');
    await page.getByRole('navigation').getByRole('link', { name: 'Xếp hạng' }).click();
    const card = page.getByTestId('public-results');
    const toggle = card.getByRole('switch', { name: 'Công khai kết quả của Tỉnh Quảng Ngãi' });
    await toggle.waitFor();
    if ((await toggle.getAttribute('aria-checked')) !== 'true') {
      await toggle.click();
      await page.getByText('Đã bật trang công khai kết quả.').waitFor();
    }
    await card.getByTestId('public-results-link').waitFor();
  });

  it('(g) logged out, a phone sees the published ranking on the public page', async () => {
    const page = await openPage(PHONE);
    const response = await page.goto('/public/51');
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Kết quả đánh giá chuyển đổi số — Tỉnh Quảng Ngãi' }).waitFor();
    await page
      .getByRole('link', { name: /Bộ chỉ số đánh giá chuyển đổi số cấp huyện, cấp xã tỉnh Kon Tum/ })
      .click();
    await page.getByRole('heading', { name: /^Xếp hạng năm \d{4}$/ }).waitFor();
    expect(await page.locator('ol.ranking li').filter({ hasText: COMMUNE }).count()).toBe(1);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'cycle-g-public-ranking');
  });
});
