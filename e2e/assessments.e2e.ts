import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './support/api';
import { DESKTOP, horizontalOverflow, logIn, openSignedIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

/**
 * The whole assessment workflow in the browser, each step by the person who takes it: the commune
 * officer fills the 2026 self-assessment on a phone (one score taken from the automatic one, one
 * typed, explanations, a document cited as evidence), the unit head submits it (first refused
 * while a criterion has no self score), the province's reviewer returns it with a request on one
 * criterion, the officer fixes it, the head resubmits, the reviewer scores and appraises it, the
 * DX office publishes it; the page is then locked with the whole history, and the scoreboard
 * still explains the scores.
 */

const UNIT_NAME = 'Xã Đăk Rve';
const YEAR = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
  .format(new Date())
  .slice(0, 4);
const LIST_LINK = `${UNIT_NAME} – Năm ${YEAR}`;
const CITATION_NUMBER = '05/DM-UBND';
const CITATION_SUMMARY = `Danh mục phát sóng chuyên mục Chuyển đổi số tháng 10/${YEAR} của Đài truyền thanh xã`;
const REQUEST = 'Bổ sung nhật ký phát sóng các tuần còn thiếu; điểm tự chấm cao hơn số lượt phát thực tế.';
const RETURN_NOTE = 'Đề nghị rà soát lại tiêu chí 1.5.';

interface CriterionState {
  code: string;
  auto: { score: number | null; isLive: boolean };
  selfScore: number | null;
  selfExplanation: string | null;
  reviewerScore: number | null;
  reviewerRequest: string | null;
  evidence: Array<{ documentNumber: string | null }>;
}

interface AssessmentState {
  id: string;
  status: string;
  criteria: CriterionState[];
  transitions: Array<{ fromStatus: string | null; toStatus: string; note: string | null }>;
}

/** Carried from one step to the next: each step is a different person in a fresh browser. */
let assessmentId = '';

const criterionCard = (page: Page, code: string): Locator => page.locator(`[data-criterion="${code}"]`);

async function readAssessment(page: Page): Promise<AssessmentState> {
  return apiAs<AssessmentState>(page, 'GET', `/api/assessments/${assessmentId}`);
}

/** Opens the assessment from the list, as a person coming back to it would. */
async function openFromList(page: Page, status?: string): Promise<void> {
  await page.goto(status ? `/assessments?status=${status}` : '/assessments');
  await page.getByRole('heading', { name: 'Đánh giá, chấm điểm' }).waitFor();
  await page.getByRole('link', { name: LIST_LINK }).click();
  await page.waitForURL(`**/assessments/${assessmentId}`);
  await page.getByRole('heading', { name: `Bản đánh giá của ${UNIT_NAME}` }).waitFor();
}

async function expectStatus(page: Page, label: string): Promise<void> {
  await page.getByTestId('assessment-status').first().filter({ hasText: label }).waitFor();
}

/** Confirms a step in its dialog (the dialog's button has the same name as the page's). */
async function confirmStep(page: Page, button: string, note?: string): Promise<void> {
  await page.getByRole('button', { name: button }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (note) await dialog.getByRole('textbox').fill(note);
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function saveCriterion(page: Page, code: string): Promise<void> {
  await criterionCard(page, code)
    .getByRole('button', { name: `Lưu tiêu chí ${code}` })
    .click();
  await page.getByText(`Đã lưu tiêu chí ${code}.`).first().waitFor();
}

describe('assessment workflow', () => {
  it('lets the commune officer start the self-assessment on a phone and take an automatic score', async () => {
    const page = await openPage(PHONE);
    await logIn(page, 'canbo.dakrve');
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Đánh giá' }).click();
    await page.getByRole('heading', { name: 'Đánh giá, chấm điểm' }).waitFor();
    await screenshot(page, 'phone-assessments-list');
    expect(await horizontalOverflow(page)).toBe(0);

    // Kon Tum QĐ 780 and this year are the defaults; the unit is the officer's commune.
    await page.getByRole('button', { name: 'Lập bản tự đánh giá' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lập bản tự đánh giá' });
    await dialog.getByText(UNIT_NAME).waitFor();
    await dialog.getByText(`Năm ${YEAR}`).waitFor();
    await screenshot(page, 'phone-assessment-create');
    await dialog.getByRole('button', { name: 'Lập bản đánh giá' }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    assessmentId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('heading', { name: `Bản đánh giá của ${UNIT_NAME}` }).waitFor();
    await expectStatus(page, 'Đang tự chấm');
    await page
      .getByText(/Quyết định số 780\/QĐ-UBND/)
      .first()
      .waitFor();

    // The automatic score of 1.4 is live, explained, and becomes the self score in one tap.
    const card = criterionCard(page, '1.4');
    await card.getByText('Tính trực tiếp từ bản ghi').waitFor();
    await card
      .getByText(/tin bài/)
      .first()
      .waitFor();
    await card.getByRole('button', { name: 'Dùng điểm tự động' }).click();
    await card.getByText('Có thay đổi chưa lưu').waitFor();
    await card
      .getByLabel('Giải trình')
      .fill('Chuyên mục Chuyển đổi số trên trang thông tin điện tử của xã đăng đủ tin bài trong năm.');
    await saveCriterion(page, '1.4');
    await screenshot(page, 'phone-assessment-draft');
    expect(await horizontalOverflow(page)).toBe(0);

    const saved = (await readAssessment(page)).criteria.find((item) => item.code === '1.4');
    expect(saved?.auto.isLive).toBe(true);
    expect(saved?.selfScore).toBe(saved?.auto.score);
    expect(saved?.selfExplanation).toContain('Chuyên mục Chuyển đổi số');
  });

  it('refuses the unit head’s submission while a criterion has no self score, naming it', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'lanhdao.dakrve', '/');
    await openFromList(page);
    await confirmStep(page, 'Gửi thẩm định');
    await page
      .getByText(/Chưa gửi thẩm định được: chưa tự chấm tiêu chí 1\.5/)
      .first()
      .waitFor();
    await criterionCard(page, '1.5').getByTestId('criterion-problem').getByText(/1\.5/).waitFor();
    await expectStatus(page, 'Đang tự chấm');
    await screenshot(page, 'phone-assessment-submit-refused');
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('lets the officer type a score, explain it and cite a document as evidence', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'canbo.dakrve', '/');
    await openFromList(page);
    const card = criterionCard(page, '1.5');
    await card.getByLabel('Điểm tự chấm', { exact: true }).fill('15');
    await card
      .getByLabel('Giải trình')
      .fill('Đài truyền thanh xã phát chuyên mục Chuyển đổi số hằng tuần theo danh mục của UBND xã.');
    await saveCriterion(page, '1.5');

    await card.getByRole('button', { name: 'Gắn minh chứng' }).click();
    const attach = page.getByRole('dialog', { name: 'Gắn minh chứng cho tiêu chí 1.5' });
    await attach.locator('.ant-segmented').getByText('Văn bản').click();
    await attach.getByLabel('Số, ký hiệu văn bản').fill(CITATION_NUMBER);
    await attach.getByLabel('Ngày ban hành').fill(`01/01/${YEAR}`);
    await attach.getByLabel('Ngày ban hành').press('Enter');
    await attach.getByLabel('Cơ quan ban hành').fill('UBND xã Đăk Rve');
    await attach.getByLabel('Trích yếu').fill(CITATION_SUMMARY);
    await screenshot(page, 'phone-assessment-evidence-form');
    expect(await horizontalOverflow(page)).toBe(0);
    await attach.getByRole('button', { name: 'Lưu và gắn vào tiêu chí' }).click();
    await attach.waitFor({ state: 'hidden' });
    await card.getByText(CITATION_SUMMARY).first().waitFor();
    await card.getByText('Minh chứng (1)').waitFor();
    await screenshot(page, 'phone-assessment-evidence');
    expect(await horizontalOverflow(page)).toBe(0);

    const state = (await readAssessment(page)).criteria.find((item) => item.code === '1.5');
    expect(state).toMatchObject({ selfScore: 15, evidence: [{ documentNumber: CITATION_NUMBER }] });
  });

  it('lets the unit head submit it, freezing the automatic scores', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'lanhdao.dakrve', '/');
    await openFromList(page);
    await confirmStep(page, 'Gửi thẩm định', 'Đề nghị Sở thẩm định.');
    await expectStatus(page, 'Đã gửi thẩm định');
    await criterionCard(page, '1.4').getByText('Đã chốt khi gửi thẩm định').waitFor();
    // Nothing of the unit's part can be changed now.
    expect(await page.getByRole('button', { name: /^Lưu tiêu chí/ }).count()).toBe(0);
    await screenshot(page, 'phone-assessment-submitted');
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('puts it in the reviewer’s queue, who returns it with a request on criterion 1.5', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'thamdinh.quangngai', '/');
    await page.getByRole('navigation').getByRole('link', { name: 'Đánh giá' }).click();
    // The reviewer's list opens on what waits for them: the submitted assessments.
    await page.getByRole('heading', { name: 'Đánh giá, chấm điểm' }).waitFor();
    await page.getByRole('link', { name: LIST_LINK }).waitFor();
    await screenshot(page, 'desktop-assessments-queue');
    await page.getByRole('link', { name: LIST_LINK }).click();
    await page.getByRole('heading', { name: `Bản đánh giá của ${UNIT_NAME}` }).waitFor();

    await page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trả lại bản đánh giá' });
    await dialog.getByLabel('Lý do trả lại').fill(RETURN_NOTE);
    await dialog.getByLabel('Yêu cầu với tiêu chí 1.5').fill(REQUEST);
    await screenshot(page, 'desktop-assessment-return');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectStatus(page, 'Bị trả lại');
    expect((await readAssessment(page)).criteria.find((item) => item.code === '1.5')?.reviewerRequest).toBe(
      REQUEST,
    );
  });

  it('shows the officer the request on the criterion, who fixes the score and explanation', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'canbo.dakrve', '/');
    await openFromList(page);
    await expectStatus(page, 'Bị trả lại');
    await page.getByTestId('review-note').getByText(RETURN_NOTE).waitFor();
    const card = criterionCard(page, '1.5');
    await card.getByTestId('reviewer-request').getByText(REQUEST).waitFor();
    await screenshot(page, 'phone-assessment-returned');
    expect(await horizontalOverflow(page)).toBe(0);

    await card.getByLabel('Điểm tự chấm', { exact: true }).fill('10');
    await card
      .getByLabel('Giải trình')
      .fill('Đã bổ sung nhật ký phát sóng; 3 tuần tháng 8 không phát nên tự chấm lại 10 điểm.');
    await saveCriterion(page, '1.5');
    const state = (await readAssessment(page)).criteria.find((item) => item.code === '1.5');
    expect(state).toMatchObject({ selfScore: 10 });
    expect(state?.selfExplanation).toContain('Đã bổ sung nhật ký phát sóng');
  });

  it('lets the unit head resubmit it', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'lanhdao.dakrve', '/');
    await openFromList(page);
    await confirmStep(page, 'Gửi thẩm định');
    await expectStatus(page, 'Đã gửi thẩm định');
  });

  it('lets the reviewer score each criterion with a comment and finish the appraisal', async () => {
    const page = await openPage(DESKTOP);
    await openSignedIn(page, 'thamdinh.quangngai', '/');
    await openFromList(page, 'submitted');

    // 1.4: the self score stands; 1.5: a point less than claimed.
    const first = criterionCard(page, '1.4');
    await first.getByRole('button', { name: 'Dùng điểm tự chấm' }).click();
    await first.getByLabel('Nhận xét thẩm định').fill('Đúng số liệu chuyên mục.');
    await first.getByRole('button', { name: 'Lưu thẩm định 1.4' }).click();
    await page.getByText('Đã lưu điểm thẩm định tiêu chí 1.4.').first().waitFor();
    const second = criterionCard(page, '1.5');
    await second.getByLabel('Điểm thẩm định', { exact: true }).fill('9');
    await second.getByLabel('Nhận xét thẩm định').fill('Một tuần tháng 9 không có nhật ký phát sóng.');
    await second.getByRole('button', { name: 'Lưu thẩm định 1.5' }).click();
    await page.getByText('Đã lưu điểm thẩm định tiêu chí 1.5.').first().waitFor();
    await second.getByText('Thẩm định 9/20').waitFor();
    await screenshot(page, 'desktop-assessment-appraisal');

    await confirmStep(page, 'Thẩm định xong', 'Kết quả tự chấm cơ bản đúng.');
    await expectStatus(page, 'Đã thẩm định');
    // Read-only now: both scores shown side by side.
    await second.getByText('Tự chấm 10/20').waitFor();
    await second.getByText('Thẩm định 9/20').waitFor();
    expect(await page.getByRole('button', { name: /^Lưu thẩm định/ }).count()).toBe(0);
  });

  it('lets the DX office publish it; the page is locked and lists every step', async () => {
    const page = await openPage(DESKTOP);
    // The DX office's list opens on the appraised assessments, waiting to be published.
    await openSignedIn(page, 'sokhcn.quangngai', '/assessments');
    await page.getByRole('link', { name: LIST_LINK }).click();
    await page.getByRole('heading', { name: `Bản đánh giá của ${UNIT_NAME}` }).waitFor();
    await confirmStep(page, 'Công bố');
    await expectStatus(page, 'Đã công bố');
    await page.getByTestId('assessment-locked').waitFor();
    await page.getByRole('button', { name: 'Lập phiên bản mới' }).waitFor();
    await screenshot(page, 'desktop-assessment-published');

    const state = await readAssessment(page);
    expect(state.status).toBe('published');
    expect(state.transitions.map((step) => step.toStatus)).toEqual([
      'draft',
      'submitted',
      'returned',
      'submitted',
      'appraised',
      'published',
    ]);
    expect(await page.getByTestId('assessment-transition').count()).toBe(6);
  });

  it('shows the officer the locked assessment and its history on a phone, and the explained scoreboard', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'canbo.dakrve', '/');
    await openFromList(page);
    await expectStatus(page, 'Đã công bố');
    await page.getByTestId('assessment-locked').waitFor();
    expect(
      await page.getByRole('button', { name: /^(Lưu tiêu chí|Gắn minh chứng|Gửi thẩm định)/ }).count(),
    ).toBe(0);
    const history = page.getByTestId('assessment-transition');
    expect(await history.count()).toBe(6);
    for (const [index, step] of [
      'Lập bản đánh giá',
      'Gửi thẩm định',
      'Trả lại',
      'Gửi thẩm định',
      'Thẩm định xong',
      'Công bố',
    ].entries())
      await history.nth(index).getByText(step, { exact: true }).waitFor();
    await history.nth(2).getByText(RETURN_NOTE).waitFor();
    await screenshot(page, 'phone-assessment-published');
    expect(await horizontalOverflow(page)).toBe(0);

    // In English the automatic explanation frozen at submission reads in English too.
    const autoBlock = criterionCard(page, '1.4').getByTestId('auto-score');
    // (The framework's own hint and data source are shown as the file wrote them.)
    await expect.poll(() => autoBlock.innerText()).toMatch(/\d+ tin bài trong năm \d{4} \(cần 10\)/);
    await page.evaluate(() => window.localStorage.setItem('loaso.language', 'en'));
    await page.reload();
    await expect.poll(() => autoBlock.innerText()).toMatch(/\d+ posts in \d{4} \(10 needed\)/);
    expect(await autoBlock.innerText()).not.toMatch(/tin bài trong năm|\(cần 10\)/);
    await screenshot(page, 'phone-assessment-published-english');
    await page.evaluate(() => window.localStorage.setItem('loaso.language', 'vi'));

    // The scoreboard of the commune explains its scores.
    await page.goto(`/scores?framework=kontum-780&period=${YEAR}`);
    await page.getByRole('heading', { name: `Bảng điểm – ${UNIT_NAME}` }).waitFor();
    const card = page.locator('.ant-card').filter({ has: page.getByRole('link', { name: UNIT_NAME }) });
    await card
      .getByText(/tin bài/)
      .first()
      .waitFor();
    await screenshot(page, 'phone-assessment-scoreboard');
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
