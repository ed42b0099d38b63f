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

  it('gives tests a quiet configuration without the demo data or the web UI', () => {
    expect(testConfig()).toMatchObject({ logLevel: 'silent', seedDemo: false, webDir: null });
    expect(testConfig({ loginMaxFailures: 2 }).loginMaxFailures).toBe(2);
  });
});
