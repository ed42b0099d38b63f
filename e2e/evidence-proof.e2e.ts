import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, ensureChannel, ownUnitId } from './support/api';
import { chooseOption, horizontalOverflow, logIn, openSignedIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

/**
 * Evidence that fits how proof works, on a 360 px phone: a photo attached while recording (the
 * toast's link opens the record), an issued broadcast schedule chosen as a criterion's evidence, a
 * citation with its signed scan that the reviewer reads inline, and the audit log in words.
 */

const { openPage } = registerBrowserSuite();

const WEB_CHANNEL = 'Chuyên mục Chuyển đổi số';
const RECORD_TITLE = 'Xã Đăk Rve hướng dẫn người dân thanh toán học phí qua ứng dụng';
const REFUSED_TITLE = 'Phát sổ tay chuyển đổi số cộng đồng cho các thôn';
const SCAN_NUMBER = '41/KH-UBND';
const SCAN_SUMMARY = 'Kế hoạch tuyên truyền chuyển đổi số trên hệ thống truyền thanh xã';
const YEAR = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
  .format(new Date())
  .slice(0, 4);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

let workDir: string;
let photoPath: string;
let scanPath: string;
let notAPhotoPath: string;
/** The 2026-style assessment of Xã Đăk Rve made for these tests (this year's, not seeded by the demo). */
let assessmentId = '';

interface LinkedEvidence {
  kind: string;
  title: string;
  file: { mimeType: string; originalName: string; downloadUrl: string } | null;
}

interface AssessmentState {
  criteria: Array<{ code: string; evidence: LinkedEvidence[] }>;
}

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-evidence-e2e-'));
  photoPath = path.join(workDir, 'anh-hop-dan.png');
  fs.writeFileSync(photoPath, PNG);
  scanPath = path.join(workDir, 'KH 41 ban ky.pdf');
  fs.writeFileSync(scanPath, PDF);
  notAPhotoPath = path.join(workDir, 'anh-so-tay.jpg');
  fs.writeFileSync(notAPhotoPath, 'Đây là ghi chú, không phải ảnh.\n');
});

afterAll(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

const criterionCard = (page: Page, code: string) => page.locator(`[data-criterion="${code}"]`);

async function criterionEvidence(page: Page, code: string): Promise<LinkedEvidence[]> {
  const state = await apiAs<AssessmentState>(page, 'GET', `/api/assessments/${assessmentId}`);
  return state.criteria.find((criterion) => criterion.code === code)?.evidence ?? [];
}

describe('evidence as proof, on a phone', () => {
  it('records a post with a photo attached, and the toast link opens the record with it', async () => {
    const page = await openPage(PHONE);
    await logIn(page, 'canbo.dakrve');
    const unitId = await ownUnitId(page);
    // A website column and a radio programme of the same name: the kind tells them apart.
    await ensureChannel(page, unitId, { kind: 'website_column', platform: 'website', name: WEB_CHANNEL });
    await ensureChannel(page, unitId, { kind: 'radio_programme', platform: 'radio', name: WEB_CHANNEL });

    await page.goto('/records/new');
    await page.getByRole('heading', { name: 'Ghi nhận tin bài, lượt phát sóng' }).waitFor();
    await chooseOption(page, page.getByLabel('Kênh'), `${WEB_CHANNEL} · Trang thông tin điện tử`);
    await page.getByLabel('Tiêu đề').fill(RECORD_TITLE);
    await page.getByLabel('Đường dẫn').fill('https://dakrve.example.vn/chuyen-doi-so/hoc-phi');

    // The camera option opens the back camera; the other takes photos and PDFs.
    const camera = page.getByTestId('record-attach-camera');
    expect(await camera.getAttribute('capture')).toBe('environment');
    expect(await camera.getAttribute('accept')).toBe('image/*');
    const chooser = page.getByTestId('record-attach-file');
    expect(await chooser.getAttribute('accept')).toBe('image/*,application/pdf');
    await chooser.setInputFiles(photoPath);
    await page.getByTestId('record-attachment').getByText('anh-hop-dan.png').waitFor();
    await screenshot(page, 'phone-record-with-photo');
    expect(await horizontalOverflow(page)).toBe(0);

    await page.locator('form button[type="submit"]').first().click();
    const toast = page.getByTestId('record-saved');
    await toast.getByText('Đã đính kèm “anh-hop-dan.png” vào bản ghi.', { exact: false }).waitFor();
    await screenshot(page, 'phone-record-saved-toast');
    await toast.getByText('Xem bản ghi').click();
    await page.waitForURL(/\/records\?open=[0-9a-f-]{36}/);
    const activityId = new URL(page.url()).searchParams.get('open')!;

    const drawer = page.getByRole('dialog').filter({ hasText: 'Chi tiết bản ghi' });
    await drawer.getByRole('heading', { name: RECORD_TITLE }).waitFor();
    await drawer.getByText('Trang thông tin điện tử').first().waitFor();
    await drawer.getByText('anh-hop-dan.png').first().waitFor();
    await screenshot(page, 'phone-record-opened-from-toast');
    expect(await horizontalOverflow(page)).toBe(0);

    const linked = await apiAs<{ items: LinkedEvidence[] }>(
      page,
      'GET',
      `/api/activities/${activityId}/evidence`,
    );
    expect(linked.items).toMatchObject([
      { kind: 'file', title: RECORD_TITLE, file: { mimeType: 'image/png', originalName: 'anh-hop-dan.png' } },
    ]);
  });

  it('keeps the record when its file is refused, says why, and lets the officer retry or skip', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'canbo.dakrve', '/records/new');
    await page.getByRole('heading', { name: 'Ghi nhận tin bài, lượt phát sóng' }).waitFor();
    await chooseOption(page, page.getByLabel('Kênh'), `${WEB_CHANNEL} · Trang thông tin điện tử`);
    await page.getByLabel('Tiêu đề').fill(REFUSED_TITLE);
    await page.getByLabel('Đường dẫn').fill('https://dakrve.example.vn/chuyen-doi-so/so-tay');
    // A text file named like a photo: the server reads the content and refuses it.
    await page.getByTestId('record-attach-file').setInputFiles(notAPhotoPath);
    await page.locator('form button[type="submit"]').first().click();
    const alert = page.getByRole('alert').filter({ hasText: 'chưa tải được tệp' });
    await alert.getByText(/không phải PDF, DOCX, XLSX, ảnh hoặc âm thanh/).waitFor();
    await alert.getByText(REFUSED_TITLE, { exact: false }).waitFor();
    await alert.getByRole('button', { name: 'Tải lại tệp' }).waitFor();
    await screenshot(page, 'phone-record-upload-refused');
    expect(await horizontalOverflow(page)).toBe(0);
    // The record itself was saved; skipping still offers the link to it.
    await alert.getByRole('button', { name: 'Bỏ qua' }).click();
    await page.getByTestId('record-saved').getByText('Xem bản ghi').waitFor();
    const found = await apiAs<{ items: Array<{ title: string }> }>(
      page,
      'GET',
      `/api/activities?q=${encodeURIComponent('so tay chuyen doi so cong dong')}`,
    );
    expect(found.items.map((item) => item.title)).toContain(REFUSED_TITLE);
  });

  it('gives a criterion an issued broadcast schedule as evidence, without a download', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'canbo.dakrve', '/');
    const unitId = await ownUnitId(page);
    const created = await apiAs<{ id: string }>(page, 'POST', `/api/units/${unitId}/assessments`, {
      framework: 'kontum-780',
      period: YEAR,
    });
    assessmentId = created.id;
    const schedules = await apiAs<{ items: Array<{ month: string; channelName: string }> }>(
      page,
      'GET',
      `/api/units/${unitId}/evidence/schedules`,
    );
    // The demo issued last month's schedule of the commune's radio programme.
    expect(schedules.items.length).toBeGreaterThan(0);
    const schedule = schedules.items[0]!;
    const month = `${schedule.month.slice(5, 7)}/${schedule.month.slice(0, 4)}`;

    await page.goto(`/assessments/${assessmentId}`);
    const card = criterionCard(page, '1.5');
    await card.getByRole('button', { name: 'Gắn minh chứng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gắn minh chứng cho tiêu chí 1.5' });
    const tab = dialog.getByRole('tab', { name: 'Danh mục phát sóng' });
    await expect
      .poll(async () => {
        await tab.click();
        return tab.getAttribute('aria-selected');
      })
      .toBe('true');
    const optionText = `Tháng ${month} – ${schedule.channelName} · Đài truyền thanh`;
    const select = dialog.getByLabel('Danh mục phát sóng đã ban hành');
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await expect
      .poll(async () => {
        if (!(await dropdown.isVisible())) await select.click();
        await dropdown
          .getByText(optionText, { exact: true })
          .click({ timeout: 3_000 })
          .catch(() => undefined);
        // The dropdown lives outside the dialog: the text inside it is the chosen value.
        return dialog.getByText(optionText, { exact: true }).count();
      })
      .toBeGreaterThan(0);
    await screenshot(page, 'phone-criterion-schedule-pick');
    expect(await horizontalOverflow(page)).toBe(0);
    await dialog.getByRole('button', { name: 'Gắn danh mục với tiêu chí' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByText(`Danh mục phát sóng tháng ${month}`, { exact: false }).first().waitFor();
    await screenshot(page, 'phone-criterion-schedule-attached');

    const evidence = await criterionEvidence(page, '1.5');
    expect(evidence).toMatchObject([
      {
        kind: 'schedule',
        file: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      },
    ]);
    const download = await page.request.get(evidence[0]!.file!.downloadUrl);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment; /);
  });

  it('lets the officer cite a document with its signed scan on a criterion', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'canbo.dakrve', `/assessments/${assessmentId}`);
    const card = criterionCard(page, '1.4');
    await card.getByRole('button', { name: 'Gắn minh chứng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gắn minh chứng cho tiêu chí 1.4' });
    await dialog.locator('.ant-segmented').getByText('Văn bản').click();
    await dialog.getByLabel('Số, ký hiệu văn bản').fill(SCAN_NUMBER);
    await dialog.getByLabel('Ngày ban hành').fill(`01/01/${YEAR}`);
    await dialog.getByLabel('Ngày ban hành').press('Enter');
    await dialog.getByLabel('Cơ quan ban hành').fill('UBND xã Đăk Rve');
    await dialog.getByLabel('Trích yếu').fill(SCAN_SUMMARY);
    await dialog.locator('input[type="file"]').setInputFiles(scanPath);
    await dialog.getByText('KH 41 ban ky.pdf').waitFor();
    await screenshot(page, 'phone-citation-with-scan');
    expect(await horizontalOverflow(page)).toBe(0);
    await dialog.getByRole('button', { name: 'Lưu và gắn vào tiêu chí' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByText(SCAN_SUMMARY).first().waitFor();
    expect(await criterionEvidence(page, '1.4')).toMatchObject([
      { kind: 'citation', file: { mimeType: 'application/pdf', originalName: 'KH 41 ban ky.pdf' } },
    ]);
  });

  it('shows the reviewer the signed scan inline in the evidence drawer', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'thamdinh.quangngai', `/assessments/${assessmentId}`);
    const card = criterionCard(page, '1.4');
    await card.getByText(SCAN_SUMMARY).first().waitFor();
    await card.getByRole('button', { name: 'Xem trước' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: 'Chi tiết minh chứng' });
    const preview = drawer.locator('iframe[data-preview="pdf"]');
    await preview.waitFor();
    const source = await preview.getAttribute('src');
    expect(source).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);
    const served = await page.request.get(source!);
    expect(served.headers()['content-type']).toBe('application/pdf');
    expect(served.headers()['content-disposition']).toMatch(/^inline; /);
    expect(served.headers()['x-content-type-options']).toBe('nosniff');
    await page.waitForTimeout(500);
    await screenshot(page, 'phone-reviewer-pdf-preview');
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('shows the audit log in words, not codes', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'admin', '/admin/audit');
    await page.getByRole('heading', { name: 'Nhật ký thay đổi' }).waitFor();
    const table = page.locator('.ant-table');
    await table.getByText('Thêm minh chứng', { exact: true }).first().waitFor();
    await table.getByText('Gắn minh chứng với tiêu chí', { exact: true }).first().waitFor();
    const text = await table.innerText();
    for (const code of ['evidence.create', 'activity.create', 'assessment.evidence_link', 'auth.login'])
      expect(text).not.toContain(code);
    await screenshot(page, 'phone-audit-in-words');
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
