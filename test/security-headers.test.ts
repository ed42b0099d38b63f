import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../src/server/config';
import { radioStations } from '../src/server/db/schema-monitor';
import { generateStationToken, hashStationToken } from '../src/server/domain/radio/station-token';
import { baseLoggerOptions } from '../src/server/logging/options';
import { createAppOn, createTestApp, type TestContext } from './support/app';

/**
 * Issue 12, security review: headers on the three kinds of answers (API, the single-page app, the
 * public results pages), HTML without inline script or style attributes that the CSP would have to
 * allow, HSTS only over HTTPS, and secrets kept out of logs and out of the database in clear.
 */

const PROJECT = path.resolve(import.meta.dirname, '..');
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-web-'));
/** The built page when there is a build, else the source page Vite builds it from. */
const builtIndex = path.join(PROJECT, 'dist', 'web', 'index.html');
const indexHtml = fs.readFileSync(
  fs.existsSync(builtIndex) ? builtIndex : path.join(PROJECT, 'src', 'web', 'index.html'),
  'utf8',
);

let ctx: TestContext;

beforeAll(async () => {
  fs.writeFileSync(path.join(webDir, 'index.html'), indexHtml);
  ctx = await createTestApp({ webDir });
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

/** What a CSP without 'unsafe-inline' would block in a page: inline scripts, handlers, style attributes. */
function inlineCode(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc=/.test(match[1]!) || match[2]!.trim() !== '') found.push(match[0].slice(0, 80));
  }
  for (const match of html.matchAll(/<[^>]+\s(on[a-z]+|style)\s*=/gi)) found.push(match[0].slice(0, 80));
  for (const match of html.matchAll(/<style\b/gi)) found.push(match[0]);
  if (/href\s*=\s*["']?\s*javascript:/i.test(html)) found.push('javascript: URL');
  return found;
}

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name!, values.join(' ')];
      }),
  );
}

describe('headers on every kind of answer', () => {
  const kinds = {
    api: '/api/health',
    'api error': '/api/khong-co',
    'single-page app': '/',
    'client-side route': '/ghi-nhan',
    'public page': '/public/khong-co-tinh-nay',
  };

  for (const [kind, url] of Object.entries(kinds)) {
    it(`${kind} (${url}): CSP without inline scripts, frame-ancestors none, nosniff, Referrer-Policy`, async () => {
      const response = await ctx.app.inject({ method: 'GET', url });
      const csp = directives(String(response.headers['content-security-policy']));
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(csp.get('script-src') ?? csp.get('default-src')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(csp.get('object-src') ?? csp.get('default-src')).toBe("'none'");
      expect(csp.get('base-uri')).toMatch(/'self'|'none'/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    });
  }

  it('gives the public pages a policy without any inline style either, and no script at all', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/public/khong-co-tinh-nay' });
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const csp = directives(String(page.headers['content-security-policy']));
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.has('script-src')).toBe(false);
    expect(inlineCode(page.body)).toEqual([]);
    // Its stylesheet is served from the origin the policy allows.
    const css = await ctx.app.inject({ method: 'GET', url: '/public/assets/ket-qua.css' });
    expect(css.statusCode).toBe(200);
  });

  it('serves an index.html with no inline script, event handler or style attribute', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/' });
    expect(page.body).toContain('<div id="root">');
    expect(inlineCode(page.body)).toEqual([]);
    expect(inlineCode(indexHtml)).toEqual([]);
  });
});

describe('HSTS', () => {
  async function hstsOf(app: FastifyInstance, headers: Record<string, string> = {}) {
    const response = await app.inject({ method: 'GET', url: '/api/health', headers });
    return response.headers['strict-transport-security'];
  }

  it('is sent behind a trusted TLS proxy (TRUST_PROXY=true, X-Forwarded-Proto: https), and only then', async () => {
    const behindProxy = await createAppOn(ctx.database, { trustProxy: true });
    try {
      expect(await hstsOf(behindProxy, { 'x-forwarded-proto': 'https' })).toMatch(/^max-age=31536000/);
      expect(await hstsOf(behindProxy, { 'x-forwarded-proto': 'http' })).toBeUndefined();
      expect(await hstsOf(behindProxy)).toBeUndefined();
    } finally {
      await behindProxy.close();
    }
    // Without a trusted proxy a client cannot claim HTTPS for itself.
    expect(await hstsOf(ctx.app, { 'x-forwarded-proto': 'https' })).toBeUndefined();
  });

  it('is sent on every answer when the installation is HTTPS-only (COOKIE_SECURE=true)', async () => {
    const secure = await createAppOn(ctx.database, { cookieSecure: true });
    try {
      expect(await hstsOf(secure)).toMatch(/max-age=\d+; includeSubDomains/);
    } finally {
      await secure.close();
    }
  });
});

describe('secrets', () => {
  it('keeps cookies, bearer and CSRF tokens and passwords out of the logs', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino(baseLoggerOptions(testConfig({ logLevel: 'info' })), sink);
    logger.info(
      {
        req: {
          method: 'POST',
          url: '/api/auth/password',
          headers: {
            cookie: 'loaso_session=BI-MAT-1',
            authorization: 'Bearer ls_radio_BI-MAT-2',
            'x-csrf-token': 'BI-MAT-3',
            'user-agent': 'thu',
          },
        },
        body: { currentPassword: 'BI-MAT-4', newPassword: 'BI-MAT-5' },
        user: { password: 'BI-MAT-6', passwordHash: 'BI-MAT-7' },
        res: { headers: { 'set-cookie': 'loaso_session=BI-MAT-8' } },
      },
      'request',
    );
    const output = lines.join('');
    expect(output).toContain('/api/auth/password');
    expect(output).toContain('"user-agent":"thu"');
    expect(output).not.toMatch(/BI-MAT/);
  });

  it('stores radio station tokens hashed only', () => {
    const { token, tokenHash, tokenPrefix } = generateStationToken();
    expect(tokenHash).toBe(hashStationToken(token));
    expect(tokenHash).not.toContain(token);
    expect(token.startsWith(tokenPrefix)).toBe(true);
    expect(tokenPrefix.length).toBeLessThan(token.length / 2);
    const columns = getTableConfig(radioStations).columns.map((column) => column.name);
    expect(columns).toContain('token_hash');
    expect(columns.filter((name) => /token/.test(name) && !/hash|prefix/.test(name))).toEqual([]);
  });

  it('reads no secret from anywhere but the configuration, and has no session secret to leak', () => {
    // Sessions are random tokens stored as SHA-256 (no signing key); config.ts is the only reader of
    // process.env in the server.
    const readers = fs
      .readdirSync(path.join(PROJECT, 'src', 'server'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .filter((file) =>
        /process\.env/.test(fs.readFileSync(path.join(PROJECT, 'src', 'server', file), 'utf8')),
      );
    expect(readers.filter((file) => !/^(config|main)\.ts$|^cli\//.test(file))).toEqual([]);
  });
});
