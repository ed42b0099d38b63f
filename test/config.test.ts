import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, testConfig } from '../src/server/config';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, '/srv/loaso');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({}, '/srv/loaso');
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: path.resolve('/srv/loaso', 'data'),
      databaseUrl: null,
      role: 'all',
      seedDemo: true,
      cookieSecure: false,
      trustProxy: false,
      loginMaxFailures: 5,
      lockoutMinutes: 15,
      loginRateLimitPerMinute: 20,
      webDir: path.resolve('/srv/loaso', 'dist/web'),
      jobs: { superviseSeconds: 60, retryDelayMaxSeconds: null },
    });
  });

  it('reads good values', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DATA_DIR: '/var/lib/loaso',
        DATABASE_URL: 'postgres://loaso@db.example:5432/loaso',
        ROLE: 'worker',
        SEED_DEMO: 'false',
        TRUST_PROXY: '1',
        LOGIN_MAX_FAILURES: '3',
      },
      '/srv/loaso',
    );
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/loaso',
      databaseUrl: 'postgres://loaso@db.example:5432/loaso',
      role: 'worker',
      seedDemo: false,
      trustProxy: true,
      loginMaxFailures: 3,
    });
    expect(loadConfig({ JOB_SUPERVISE_SECONDS: '2', JOB_RETRY_DELAY_MAX_SECONDS: '0' }).jobs).toEqual({
      superviseSeconds: 2,
      retryDelayMaxSeconds: 0,
    });
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db' }).databaseUrl).toBe('postgresql://u@h/db');
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['ROLE', 'admin'],
    ['DATABASE_URL', 'mysql://root@localhost/loaso'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'postgres://localhost:5432'],
    ['SEED_DEMO', 'maybe'],
    ['COOKIE_SECURE', 'yes please'],
    ['TRUST_PROXY', '2'],
    ['JOB_SUPERVISE_SECONDS', '0'],
    ['JOB_RETRY_DELAY_MAX_SECONDS', '-5'],
    ['LOGIN_MAX_FAILURES', '0'],
    ['LOG_LEVEL', 'loud'],
  ])('refuses %s=%s with an error naming the variable', (variable, value) => {
    const error = errorOf({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).toMatch(/^Cấu hình sai/);
  });

  it('shows the bad value in the message', () => {
    expect(errorOf({ ROLE: 'admin' }).message).toContain('"admin"');
    expect(errorOf({ ROLE: 'admin' }).message).toContain('all, web, worker');
    expect(errorOf({ DATABASE_URL: 'mysql://root@localhost/loaso' }).message).toContain('mysql:');
  });

  it('leaves e-mail off when no SMTP server is set, and reads SMTP_URL or SMTP_HOST with its parts', () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(loadConfig({ PUBLIC_URL: 'https://loaso.quangngai.gov.vn/' }).publicUrl).toBe(
      'https://loaso.quangngai.gov.vn',
    );
    expect(
      loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.vn:465', MAIL_FROM: 'Loa Số <loaso@example.vn>' })
        .mail,
    ).toEqual({ smtp: { url: 'smtps://u:p@mail.example.vn:465' }, from: 'Loa Số <loaso@example.vn>' });
    expect(loadConfig({ SMTP_HOST: 'mail.example.vn', MAIL_FROM: 'loaso@example.vn' }).mail).toEqual({
      smtp: { host: 'mail.example.vn', port: 587, secure: false, auth: null },
      from: 'loaso@example.vn',
    });
    expect(
      loadConfig({
        SMTP_HOST: '10.0.0.5',
        SMTP_SECURE: 'true',
        SMTP_USER: 'loaso',
        SMTP_PASSWORD: 'bí mật',
        MAIL_FROM: 'loaso@example.vn',
      }).mail,
    ).toEqual({
      smtp: { host: '10.0.0.5', port: 465, secure: true, auth: { user: 'loaso', pass: 'bí mật' } },
      from: 'loaso@example.vn',
    });
  });

  it.each([
    [{ SMTP_HOST: 'mail.example.vn' }, 'MAIL_FROM', /thiếu địa chỉ người gửi/],
    [{ SMTP_HOST: 'mail.example.vn', MAIL_FROM: 'not an address' }, 'MAIL_FROM', /không phải địa chỉ e-mail/],
    [{ SMTP_HOST: 'mail.example.vn', MAIL_FROM: 'a@b.vn', SMTP_PORT: '99999' }, 'SMTP_PORT', /ngoài khoảng/],
    [{ SMTP_HOST: 'mail example', MAIL_FROM: 'a@b.vn' }, 'SMTP_HOST', /tên máy chủ/],
    [
      { SMTP_HOST: 'mail.example.vn', MAIL_FROM: 'a@b.vn', SMTP_USER: 'u' },
      'SMTP_PASSWORD',
      /thiếu mật khẩu/,
    ],
    [{ SMTP_HOST: 'h', SMTP_URL: 'smtp://h', MAIL_FROM: 'a@b.vn' }, 'SMTP_URL', /không đặt cả hai/],
    [{ SMTP_URL: 'http://mail.example.vn', MAIL_FROM: 'a@b.vn' }, 'SMTP_URL', /"http:"/],
    [{ SMTP_USER: 'loaso' }, 'SMTP_USER', /thiếu SMTP_HOST/],
    [{ PUBLIC_URL: 'loaso.vn' }, 'PUBLIC_URL', /không phải URL/],
    [{ PUBLIC_URL: 'ftp://loaso.vn' }, 'PUBLIC_URL', /"ftp:"/],
  ])('refuses mail settings %j naming %s', (env, variable, message) => {
    const error = errorOf(env as Record<string, string>);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).toMatch(message);
  });

  it('gives tests a quiet configuration without the demo data or the web UI', () => {
    expect(testConfig()).toMatchObject({ logLevel: 'silent', seedDemo: false, webDir: null });
    expect(testConfig({ loginMaxFailures: 2 }).loginMaxFailures).toBe(2);
  });
});
