import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSignedIn, PHONE, screenshot } from './support/browser';
import { registerBrowserSuite } from './support/suite';

const { openPage } = registerBrowserSuite();

/** Messages Chromium prints when the Content-Security-Policy blocks something. */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe('the app under its Content-Security-Policy', () => {
  it('loads, signs in and records on a phone without a single CSP violation', async () => {
    const page = await openPage(PHONE);
    const violations = collectCspViolations(page);
    await openSignedIn(page, 'canbo.dakrve', '/records/new');
    await page.getByRole('heading').first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'csp-record-form');
    const headers = (await page.request.get('/')).headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(violations).toEqual([]);
  });

  it('shows the API reference at /api/docs under the same policy', async () => {
    const page = await openPage(PHONE);
    const violations = collectCspViolations(page);
    // The reference is for signed-in users, like the API it describes.
    await openSignedIn(page, 'sokhcn.quangngai', '/api/docs');
    await page.getByText('Loa Số API').first().waitFor();
    await screenshot(page, 'csp-api-docs');
    expect(violations).toEqual([]);
  });
});
