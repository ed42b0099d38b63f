import { describe, expect, it } from 'vitest';
import { apiAs, ownUnitId } from './support/api';
import { DESKTOP, horizontalOverflow, logIn, openSignedIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

/**
 * The periodic report path in the browser, each step by the person who takes it: the province's DX
 * office defines an annual report due 10/12 (Kon Rẫy's day); the commune officer, on a 360 px phone,
 * opens the report of this year, writes parts II–IV and tells the unit head; the head approves and
 * submits it; the office's period page then counts it as submitted.
 */

const TYPE_NAME = 'Báo cáo kết quả tuyên truyền CĐS năm (hạn 10/12)';
const YEAR = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
  .format(new Date())
  .slice(0, 4);

interface PeriodRow {
  id: string;
  periodKey: string;
  summary: { expected: number; submitted: number };
}

/** Carried from one step to the next: each step is a different person in a fresh browser. */
let reportTypeId = '';
let periodId = '';
let reportId = '';
let submittedBefore = 0;

describe('periodic reports', () => {
  it('lets the DX office define the annual report with its own due day, the on-time rule shown', async () => {
    const page = await openPage(DESKTOP);
    await logIn(page, 'sokhcn.quangngai');
    await page.getByRole('link', { name: 'Báo cáo' }).first().click();
    await page.getByRole('heading', { name: 'Báo cáo định kỳ' }).waitFor();
    await page.getByRole('tab', { name: 'Loại báo cáo' }).click();
    await page.getByRole('button', { name: 'Thêm loại báo cáo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Định nghĩa loại báo cáo' });
    await dialog.waitFor();
    await dialog.getByLabel('Tên báo cáo').fill(TYPE_NAME);
    await dialog.getByLabel('Ngày hạn nộp').fill('10');
    await dialog
      .getByLabel('Nơi nhận (mỗi dòng một nơi)')
      .fill('Sở Khoa học và Công nghệ tỉnh Quảng Ngãi;\nLưu: VT.');
    await screenshot(page, 'desktop-report-type-form');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const item = page.getByTestId('report-type-item').filter({ hasText: TYPE_NAME });
    await item.getByText('Hạn nộp ngày 10/12 hằng năm').waitFor();
    await page
      .getByText('Đúng hạn: nộp trong ngày hạn (giờ Việt Nam) trở về trước.')
      .filter({ visible: true })
      .first()
      .waitFor();

    const province = await ownUnitId(page);
    const types = await apiAs<{ items: Array<{ id: string; name: string }> }>(
      page,
      'GET',
      `/api/units/${province}/report-types`,
    );
    reportTypeId = types.items.find((type) => type.name === TYPE_NAME)!.id;
    const periods = await apiAs<{ items: PeriodRow[] }>(
      page,
      'GET',
      `/api/units/${province}/report-periods?reportTypeId=${reportTypeId}`,
    );
    const current = periods.items.find((period) => period.periodKey === YEAR)!;
    periodId = current.id;
    submittedBefore = current.summary.submitted;
    expect(current.summary.expected).toBeGreaterThan(0);
    expect(submittedBefore).toBe(0);
  });

  it('lets the commune officer open this year’s report on a phone, write parts II–IV and tell the head', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'canbo.dakrve', '/');
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByRole('heading', { name: 'Báo cáo định kỳ' }).waitFor();
    const item = page
      .getByTestId('unit-report-item')
      .filter({ hasText: TYPE_NAME })
      .filter({ hasText: `Năm ${YEAR}` });
    await item.getByText('Chưa lập').waitFor();
    await screenshot(page, 'phone-unit-reports');
    expect(await horizontalOverflow(page)).toBe(0);
    await item.getByRole('button', { name: 'Mở báo cáo' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    reportId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('report-status').filter({ hasText: 'Đang soạn' }).first().waitFor();
    await page.getByTestId('report-part1').waitFor();

    await page
      .getByLabel('II. Đánh giá (ưu điểm, hạn chế, nguyên nhân)')
      .fill('Ưu điểm: phát thanh chuyên mục CĐS đều hằng tuần.\nHạn chế: ít tin bài tiếng Xơ Đăng.');
    await page.getByLabel('III. Nhiệm vụ kỳ tới').fill('Tăng tin bài tiếng dân tộc.');
    await page.getByLabel('IV. Đề xuất, kiến nghị').fill('Đề nghị tập huấn viết tin bài.');
    await page.getByText('Có thay đổi chưa lưu').waitFor();
    await page.getByRole('button', { name: 'Lưu nội dung' }).click();
    await page.getByText('Đã lưu.').first().waitFor();
    await page.getByRole('button', { name: 'Báo lãnh đạo: đã soạn xong' }).click();
    await page.getByText('Đã báo 1 lãnh đạo đơn vị trong ứng dụng.').first().waitFor();
    await screenshot(page, 'phone-report-draft');
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('lets the unit head approve and submit it; it is then locked', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'lanhdao.dakrve', `/reports/${reportId}`);
    await page.getByText('Ưu điểm: phát thanh chuyên mục CĐS đều hằng tuần.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Duyệt' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Đồng ý' }).click();
    await page.getByTestId('report-status').filter({ hasText: 'Đã duyệt, chờ nộp' }).first().waitFor();
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    const confirm = page.getByRole('dialog');
    await confirm
      .getByText(/Nộp báo cáo cho Sở Khoa học và Công nghệ tỉnh Quảng Ngãi/)
      .filter({ visible: true })
      .first()
      .waitFor();
    await confirm.getByRole('button', { name: 'Đồng ý' }).click();
    await page.getByTestId('report-status').filter({ hasText: 'Đã nộp' }).first().waitFor();
    await page.getByText(/và đã khóa/).waitFor();
    await page.getByRole('button', { name: 'Tạo phiên bản mới' }).waitFor();
    await screenshot(page, 'phone-report-submitted');
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('shows the office the period’s completeness changed, with the commune’s state', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'sokhcn.quangngai', `/reports/periods/${periodId}`);
    await page.getByRole('heading', { name: `${TYPE_NAME} — Năm ${YEAR}` }).waitFor();
    await page
      .getByTestId('summary-submitted')
      .filter({ hasText: `Đã nộp ${submittedBefore + 1}` })
      .waitFor();
    const row = page.getByTestId('period-unit').filter({ hasText: 'Xã Đăk Rve' });
    await row
      .getByTestId('report-state')
      .filter({ hasText: /Đúng hạn|Nộp muộn/ })
      .waitFor();
    await row.getByTestId('report-status').filter({ hasText: 'Đã nộp' }).waitFor();
    // The filter keeps only the units not submitted.
    await page.getByText(/^Chưa nộp \(\d+\)$/).click();
    expect(await page.getByTestId('period-unit').filter({ hasText: 'Xã Đăk Rve' }).count()).toBe(0);
    await screenshot(page, 'desktop-report-period');
  });

  it('fits the period page and the report types on a 360 px phone', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'sokhcn.quangngai', `/reports/periods/${periodId}`);
    await page.getByTestId('summary-submitted').first().waitFor();
    await page.getByRole('searchbox', { name: 'Tìm đơn vị theo tên' }).fill('dak rve');
    await page.getByTestId('period-unit').filter({ hasText: 'Xã Đăk Rve' }).waitFor();
    expect(await page.getByTestId('period-unit').count()).toBe(1);
    await screenshot(page, 'phone-report-period');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.goto('/reports?tab=types');
    await page.getByTestId('report-type-item').filter({ hasText: TYPE_NAME }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
