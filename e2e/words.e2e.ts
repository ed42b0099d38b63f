import { describe, expect, it } from 'vitest';
import { apiAs, ownUnitId } from './support/api';
import { horizontalOverflow, logIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

// A website column and a radio programme of one unit may carry the same name; only the kind tells them apart.
const SHARED_NAME = 'Chuyên mục Chuyển đổi số';
const TITLE = 'Bản tin tiếng Xơ Đăng về dịch vụ công trực tuyến';

describe('words instead of codes on a 360 px phone', () => {
  it('shows a record card with its channel kind and its language by name, not by code', async () => {
    const page = await openPage(PHONE);
    await logIn(page, 'canbo.dakrve');
    const unitId = await ownUnitId(page);
    // The demo's radio programme already has this name; the website column gets it too.
    const channels = await apiAs<{ items: Array<{ id: string; name: string; kind: string }> }>(
      page,
      'GET',
      `/api/units/${unitId}/channels`,
    );
    const column = channels.items.find((item) => item.name === SHARED_NAME && item.kind === 'website_column');
    const channelId =
      column?.id ??
      (
        await apiAs<{ id: string }>(page, 'POST', `/api/units/${unitId}/channels`, {
          kind: 'website_column',
          platform: 'website',
          name: SHARED_NAME,
          url: 'https://dakrve.example.vn/chuyen-doi-so-2',
          startedOn: '2025-07-01',
        })
      ).id;
    await apiAs(page, 'POST', '/api/activities', {
      kind: 'post',
      unitId,
      channelId,
      // A fixed past day: the test does not depend on today.
      occurredOn: '2025-09-15',
      title: TITLE,
      url: 'https://dakrve.example.vn/chuyen-doi-so/ban-tin-xo-dang',
      language: 'sed',
    });

    await page.goto('/records');
    await page.getByLabel('Tìm theo tiêu đề (không cần dấu)').fill('ban tin tieng xo dang');
    const row = page.locator('.ant-table-row', { hasText: TITLE });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain(`${SHARED_NAME} · Trang thông tin điện tử`);
    await expect.poll(() => row.innerText()).toContain('Tiếng Xơ Đăng');
    expect(await row.locator('.ant-tag', { hasText: /^sed$/ }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-records-channel-kind-language-name');

    // In English the kind and the language are English words from the vocabulary.
    await page.evaluate(() => window.localStorage.setItem('loaso.language', 'en'));
    await page.reload();
    await page.getByLabel('Search titles').fill('ban tin tieng xo dang');
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain(`${SHARED_NAME} · Website`);
    await expect.poll(() => row.innerText()).toContain('Sedang');
    expect(await row.innerText()).not.toContain('Tiếng Xơ Đăng');

    // So do the language counts of that year.
    await page.goto(`/records/languages?unit=${unitId}&year=2025`);
    const byLanguage = page.locator('.ant-card', { hasText: 'By language' });
    await byLanguage.getByText('Sedang', { exact: true }).waitFor();
    expect(await byLanguage.innerText()).not.toContain('Tiếng Xơ Đăng');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-language-counts-english');
  });
});
