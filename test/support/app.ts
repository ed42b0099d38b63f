import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { type Config, testConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/client';
import { createTestDatabase } from './database';
import { TEST_PASSWORD } from './factories';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  /** The app's DATA_DIR: its file store is `<dataDir>/files`. */
  dataDir: string;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  // Uploaded files go to a folder of this test's own, never to the project's ./data.
  const dataDir = overrides.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-app-'));
  const app = await buildApp({ config: testConfig({ dataDir, ...overrides }), database });
  await app.ready();
  return {
    app,
    database,
    dataDir,
    async close() {
      await app.close();
      await database.close();
      if (!overrides.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A second app with its own configuration (a lower login limit, say) on a database a test already
 * has: cheaper than a new database. Close it with app.close(); the database stays open.
 */
export async function createAppOn(
  database: Database,
  overrides: Partial<Config> = {},
): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig(overrides), database });
  await app.ready();
  return app;
}

/** A signed-in client: sends the session cookie, and the CSRF header on state changes. */
export interface Session {
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export async function logIn(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login of ${username} failed: ${response.statusCode} ${response.body}`);
  const setCookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('loaso_session='));
  const cookie = setCookie!.split(';')[0]!;
  const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) } });
  return {
    cookie,
    csrfToken,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}
