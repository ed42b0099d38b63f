import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanFileName } from '../src/server/storage/upload-form';
import { normalizeText } from '../src/shared/text';
import { createAppOn, createTestApp, type TestContext } from './support/app';

/** Security headers on every kind of response, and direction controls kept out of names and titles. */

let ctx: TestContext;
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-web-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Loa Số</title>');
  ctx = await createTestApp({ webDir });
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('security headers', () => {
  it('sends a CSP with frame-ancestors none, nosniff and a same-origin referrer policy on API and HTML', async () => {
    for (const url of ['/api/health', '/', '/ghi-nhan', '/api/khong-co']) {
      const response = await ctx.app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['x-frame-options']).toBe('DENY');
      // Plain HTTP: no HSTS, and no upgrade of requests to an HTTPS the server may not have.
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });

  it('adds HSTS only when cookies are secure (behind HTTPS)', async () => {
    const secure = await createAppOn(ctx.database, { cookieSecure: true });
    try {
      const response = await secure.inject({ method: 'GET', url: '/api/health' });
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await secure.close();
    }
  });
});

describe('direction controls', () => {
  it('are taken out of file names and titles, so "hoso\\u202Efdp.exe" cannot pass for a PDF', () => {
    expect(cleanFileName('hoso\u202Efdp.exe')).toBe('hosofdp.exe');
    expect(cleanFileName('C:\\fakepath\\a\u2066b\u2069.pdf')).toBe('ab.pdf');
    expect(normalizeText('Tin \u202Bmới\u202C')).toBe('Tin mới');
    expect(cleanFileName('a\ud800b.pdf')).toBe('ab.pdf');
  });
});
