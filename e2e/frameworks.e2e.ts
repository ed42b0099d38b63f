import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './support/api';
import {
  DESKTOP,
  downloadedBytes,
  horizontalOverflow,
  logIn,
  openSignedIn,
  PHONE,
  screenshot,
} from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

const CODE = 'e2e-xa-so';
const NAME = 'Bộ chỉ số thử nghiệm truyền thông số cấp xã';

/**
 * A framework file with two mistakes: criterion 2.1 has no `max` (line 16 is where it starts) and
 * criterion 2.2's rule has a type that does not exist (line 25).
 */
const BAD_FILE = `code: ${CODE}
version: "2026"
name: ${NAME}
legalBasis: Kế hoạch số 15/KH-UBND ngày 05/01/2026 của UBND tỉnh Quảng Ngãi
issuingBody: Ủy ban nhân dân tỉnh Quảng Ngãi
validFrom: 2026-01-01
period: year
appliesTo: [commune, ward]
pillars:
  - code: XH
    title: Xã hội số
    indices:
      - code: "2"
        title: Tuyên truyền trên mạng xã hội
        criteria:
          - code: "2.1"
            title: Có trang mạng xã hội của xã
            rule:
              type: boolean
              channel: { channelKinds: [social_page] }
          - code: "2.2"
            title: Đăng bài về chuyển đổi số trên mạng xã hội
            max: 10
            rule:
              type: dem_bai
              measure: { source: posts, channelKinds: [social_page], noun: bài đăng }
              threshold: 24
`;

/** The same file corrected; a province topic code outside the national list is only a warning. */
const GOOD_FILE = BAD_FILE.replace(
  '            title: Có trang mạng xã hội của xã\n',
  '            title: Có trang mạng xã hội của xã\n            max: 10\n',
)
  .replace('type: dem_bai', 'type: count')
  .replace('noun: bài đăng }', 'noun: bài đăng, topics: [van_hoa_so] }')
  .replace(
    '              threshold: 24\n',
    '              threshold: 24\n              partial: proportional\n',
  );

/** The corrected file with one word changed but the same version: the server refuses it. */
const CHANGED_FILE = GOOD_FILE.replace('Có trang mạng xã hội của xã', 'Xã có trang mạng xã hội');

async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  await page
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text, 'utf8') });
  await page.getByText(name, { exact: true }).waitFor();
}

/** The row of the issues table that names this path in the tree. */
function issueRow(page: Page, path: string): Locator {
  return page.locator('.ant-table-row').filter({ hasText: path });
}

async function storedCodes(page: Page): Promise<string[]> {
  const list = await apiAs<{ items: Array<{ code: string }> }>(page, 'GET', '/api/frameworks');
  return list.items.map((item) => item.code);
}

describe('scoring frameworks', () => {
  it('lets an administrator check a file, see every error at its line, fix it and import it', async () => {
    const page = await openPage(DESKTOP);
    await logIn(page, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Bộ chỉ số' }).click();
    await page.getByRole('heading', { name: 'Bộ chỉ số đánh giá' }).waitFor();
    await page.getByText('kontum-780', { exact: true }).waitFor();

    // The JSON Schema for editors, from the page itself.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải lược đồ JSON (framework.schema.json)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('framework.schema.json');
    const schema = JSON.parse((await downloadedBytes(download)).toString('utf8')) as { properties: object };
    expect(Object.keys(schema.properties)).toContain('pillars');

    // A file with two mistakes: each error with its line, column and path; nothing stored.
    await chooseFile(page, 'bo-chi-so-xa.yaml', BAD_FILE);
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.getByText('Tệp bo-chi-so-xa.yaml có 2 lỗi: chưa hợp lệ, chưa nhập gì.').waitFor();
    const missingMax = issueRow(page, 'pillars[0].indices[0].criteria[0].max');
    expect(await missingMax.locator('td').nth(0).textContent()).toBe('16');
    const wrongType = issueRow(page, 'pillars[0].indices[0].criteria[1].rule.type');
    expect(await wrongType.locator('td').nth(0).textContent()).toBe('25');
    expect(await wrongType.locator('td').nth(1).textContent()).toBe('15');
    await wrongType.getByText('type là một trong: boolean, count, ladder', { exact: false }).waitFor();
    await screenshot(page, 'desktop-frameworks-errors');
    expect(await storedCodes(page)).not.toContain(CODE);

    // Importing the same file is refused with the same errors, and still stores nothing.
    await page.getByRole('button', { name: 'Nhập bộ chỉ số' }).click();
    await page.getByText('Tệp bộ chỉ số bo-chi-so-xa.yaml có 2 lỗi: chưa nhập gì.').waitFor();
    await issueRow(page, 'pillars[0].indices[0].criteria[1].rule.type').waitFor();
    expect(await storedCodes(page)).not.toContain(CODE);

    // The corrected file: valid, with its totals per unit kind and the warning apart.
    await chooseFile(page, 'bo-chi-so-xa-2026.yaml', GOOD_FILE);
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.getByText('Tệp bo-chi-so-xa-2026.yaml hợp lệ (YAML).').waitFor();
    await page.getByText(`Có thể nhập: bộ chỉ số mới ${CODE}, phiên bản "2026".`).waitFor();
    const communeRow = page
      .locator('.ant-table-row')
      .filter({ has: page.getByRole('cell', { name: 'Xã', exact: true }) });
    expect(await communeRow.locator('td').allTextContents()).toEqual(['Xã', '2', '20', '2.1, 2.2']);
    await page.getByText('1 cảnh báo (không ngăn việc nhập)').waitFor();
    await issueRow(page, 'pillars[0].indices[0].criteria[1].rule.measure.topics[0]').waitFor();
    await screenshot(page, 'desktop-frameworks-valid');
    expect(await storedCodes(page)).not.toContain(CODE);

    await page.getByRole('button', { name: 'Nhập bộ chỉ số' }).click();
    await page.getByText(`Đã nhập bộ chỉ số ${CODE}, phiên bản "2026": ${NAME}.`).waitFor();
    expect(await storedCodes(page)).toContain(CODE);

    // The new framework is in the list, imported by the administrator.
    const card = page.locator('.ant-card').filter({ has: page.getByText(CODE, { exact: true }) });
    await card.getByText(NAME).waitFor();
    await card.getByText('Kế hoạch số 15/KH-UBND ngày 05/01/2026 của UBND tỉnh Quảng Ngãi').waitFor();
    await card.getByText('Xã: 2 tiêu chí, 20 điểm').waitFor();
    await card.getByText(/, bởi admin$/).waitFor();
    await screenshot(page, 'desktop-frameworks-imported');

    // The same version with other content: the server's version conflict message.
    await chooseFile(page, 'bo-chi-so-xa-sua.yaml', CHANGED_FILE);
    await page.getByRole('button', { name: 'Nhập bộ chỉ số' }).click();
    await page
      .getByText(`Bộ chỉ số ${CODE} đã có phiên bản "2026" với nội dung khác.`, { exact: false })
      .waitFor();

    // Its page: the rule of 2.2 in words, the source file as imported.
    await card.getByRole('link', { name: /Phiên bản “2026”/ }).click();
    await page.getByRole('heading', { name: NAME }).waitFor();
    const criterion = page.locator('[data-criterion="2.2"]');
    await criterion
      .getByText(
        'Đếm bài đăng trên trang mạng xã hội (chủ đề “van_hoa_so”) trong năm; đạt từ 24 trở lên: 10 điểm; dưới 24: điểm theo tỷ lệ (10 × số đạt được/24).',
      )
      .waitFor();
    await page.getByText('type: count', { exact: false }).waitFor();
    await screenshot(page, 'desktop-framework-detail');
  });

  it('lists the errors of a file line by line for a DX office on a phone', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'sokhcn.quangngai', '/frameworks');
    await chooseFile(page, 'bo-chi-so-xa.yaml', BAD_FILE);
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    // Each error on its own line: where, the path in the tree, the message.
    const errors = page.locator('.ant-list-item');
    await errors
      .filter({
        hasText:
          'dòng 25, cột 15 — pillars[0].indices[0].criteria[1].rule.type — type là một trong: boolean, count',
      })
      .waitFor();
    await errors.filter({ hasText: 'dòng 16, cột 13 — pillars[0].indices[0].criteria[0].max — ' }).waitFor();
    await screenshot(page, 'phone-frameworks-errors');
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('shows a commune officer on a phone the criteria of kontum-780 with their rules in words', async () => {
    const page = await openPage(PHONE);
    await openSignedIn(page, 'canbo.dakrve', '/');
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Bộ chỉ số' }).click();
    await page.getByRole('heading', { name: 'Bộ chỉ số đánh giá' }).waitFor();
    // Reading is for everyone; checking and importing files is not offered to a commune officer.
    expect(await page.getByRole('button', { name: 'Nhập bộ chỉ số' }).count()).toBe(0);
    await screenshot(page, 'phone-frameworks-list');
    expect(await horizontalOverflow(page)).toBe(0);

    const card = page.locator('.ant-card').filter({ has: page.getByText('kontum-780', { exact: true }) });
    await card.getByRole('link', { name: /Phiên bản “2023”/ }).click();
    await page.getByRole('heading', { name: /Bộ chỉ số đánh giá chuyển đổi số cấp huyện, cấp xã/ }).waitFor();

    await screenshot(page, 'phone-framework-detail');
    expect(await horizontalOverflow(page)).toBe(0);

    const website = page.locator('[data-criterion="1.4"]');
    await website.getByText('Tối đa 20 điểm').waitFor();
    await website
      .getByText('Đạt tất cả các điều kiện dưới đây: 20 điểm; thiếu một điều kiện: 0 điểm.')
      .waitFor();
    await website.getByText('Có chuyên mục CĐS trên trang thông tin điện tử trong kỳ').waitFor();
    await website
      .getByText('Có ít nhất 10 tin bài trong chuyên mục CĐS trên trang thông tin điện tử trong năm')
      .waitFor();
    await website.getByText('Cần cả hai điều kiện; thiếu một trong hai thì 0 điểm.').waitFor();
    await website.scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-framework-criterion');

    // The district's frequency rule, level by level.
    await page
      .locator('[data-criterion="1.7"]')
      .getByText('Hằng tuần: mọi tuần có ít nhất 1 lượt phát → 100% (10 điểm)')
      .waitFor();
    await page
      .locator('[data-criterion="1.7"]')
      .getByText('Hằng tháng: mọi tháng có ít nhất 1 lượt phát → 50% (5 điểm)')
      .waitFor();

    // The source file scrolls inside its own block.
    const source = page.getByRole('region', { name: 'Tệp gốc (YAML)' });
    await source.getByText('code: kontum-780', { exact: false }).waitFor();
    await source.scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-framework-source');
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
