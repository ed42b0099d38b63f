import { describe, expect, it } from 'vitest';
import { DESKTOP, horizontalOverflow, logIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

/** The demo publishes Xã Đăk Rve's appraisal of 2025 on Kon Tum QĐ 780 (src/server/demo/seed-assessments.ts). */
const UNIT_NAME = 'Xã Đăk Rve';
const PUBLIC_PATH = '/public/51';

describe('public results page', () => {
  it('is off until the DX office turns it on from the ranking page, which then links to it', async () => {
    const page = await openPage(DESKTOP);
    // Before: the address is "not found", as for any unknown province.
    const before = await page.goto(PUBLIC_PATH);
    expect(before?.status()).toBe(404);

    await logIn(page, 'sokhcn.quangngai');
    await page.getByRole('navigation').getByRole('link', { name: 'Xếp hạng' }).click();
    await page.getByRole('heading', { name: 'Xếp hạng – Tỉnh Quảng Ngãi' }).waitFor();
    const card = page.getByTestId('public-results');
    await card.getByText('Chưa công khai.', { exact: false }).waitFor();
    await card.getByRole('switch', { name: 'Công khai kết quả của Tỉnh Quảng Ngãi' }).click();
    await page.getByText('Đã bật trang công khai kết quả.').waitFor();
    const link = card.getByTestId('public-results-link');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(PUBLIC_PATH);
    await screenshot(page, 'desktop-public-results-switch');
  });

  it('shows a logged-out phone the published ranking and the unit’s official scores', async () => {
    const page = await openPage(PHONE);
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    const response = await page.goto(PUBLIC_PATH);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toBe('public, max-age=300');
    await page.getByRole('heading', { name: 'Kết quả đánh giá chuyển đổi số — Tỉnh Quảng Ngãi' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'phone-public-results-list');

    // The 2025 ranking of Kon Tum QĐ 780: only units with a published appraisal.
    await page
      .getByRole('link', { name: /Bộ chỉ số đánh giá chuyển đổi số cấp huyện, cấp xã tỉnh Kon Tum/ })
      .click();
    await page.getByRole('heading', { name: 'Xếp hạng năm 2025' }).waitFor();
    const unitLink = page.getByRole('link', { name: UNIT_NAME, exact: true });
    await unitLink.waitFor();
    expect(await page.locator('ol.ranking li').count()).toBe(1);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'phone-public-results-ranking');

    await unitLink.click();
    await page.getByRole('heading', { name: UNIT_NAME, exact: true }).waitFor();
    await page.getByText('Điểm chính thức:', { exact: false }).waitFor();
    expect(await page.locator('section.criterion').count()).toBeGreaterThan(0);
    // Nothing personal: the demo's people do not appear.
    const text = await page.locator('body').innerText();
    for (const name of ['canbo.dakrve', 'thamdinh.quangngai', 'sokhcn.quangngai', '@'])
      expect(text).not.toContain(name);
    // No script at all on the public pages.
    expect(await page.locator('script').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'phone-public-results-unit');
    // The stylesheet loads under the app's policy and nothing is blocked.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(247, 247, 245)',
    );
    expect(cspViolations).toEqual([]);
  });
});
