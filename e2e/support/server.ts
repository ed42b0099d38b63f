import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER_ENTRY = path.join(PROJECT_ROOT, 'dist/server/main.mjs');
const READY_LINE = /Loa Số đang chạy: http:\/\/localhost:(\d+)/;

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Everything the server printed so far, for failure messages. */
  output: () => string;
  /** The server's DATA_DIR (its PGlite database and file store). */
  dataDir: string;
  /** Stops the server; its data folder is removed unless keepData (then the caller removes it). */
  stop: (options?: { keepData?: boolean }) => Promise<void>;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function waitForHealth(url: string, deadline: number, output: () => string): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`GET /api/health did not answer in time. Server output:\n${output()}`);
}

/**
 * Starts the built server (`npm run build` must have run) on a free port with a data folder of its
 * own: a copy of `seededDataDir` (the run's demo data, seeded once by global-setup.ts), or, with null,
 * a fresh folder that the server seeds as on a first start. `env` adds settings (SMTP_URL, MAIL_FROM,
 * PUBLIC_URL…); the port, data folder, database and role stay the test's own. Call stop() in afterAll.
 */
export async function startServer(
  options: { timeoutMs?: number; env?: Record<string, string>; seededDataDir?: string | null } = {},
): Promise<RunningServer> {
  if (!fs.existsSync(SERVER_ENTRY))
    throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build\` first.`);
  if (!fs.existsSync(path.join(PROJECT_ROOT, 'dist/web/index.html')))
    throw new Error('dist/web is missing: run `npm run build` first.');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-e2e-'));
  const seeded = options.seededDataDir === undefined ? inject('e2eSeededDataDir') : options.seededDataDir;
  // The same demo data as a first start, without seeding it again: the copy is a closed database.
  if (seeded) fs.cpSync(seeded, dataDir, { recursive: true });
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      ...options.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // Always the embedded database, whatever the calling shell points at.
      DATABASE_URL: '',
      ROLE: 'all',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      WEB_DIR: '',
      // Every answer the browser tier gets is also checked by zod (plugins/response-serializer.ts).
      CHECK_RESPONSES: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const output = () => printed;
  child.stdout?.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });

  const stop = async (stopOptions: { keepData?: boolean } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    if (!stopOptions.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 150_000);
  try {
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = READY_LINE.exec(printed);
        if (match) {
          clearInterval(timer);
          resolve(match[1]!);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          clearInterval(timer);
          reject(
            new Error(
              `The server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${printed}`,
            ),
          );
        } else if (Date.now() > deadline) {
          clearInterval(timer);
          reject(new Error(`The server did not print its URL in time:\n${printed}`));
        }
      }, 100);
    });
    // It listens on 127.0.0.1 only; "localhost" might resolve to ::1 first.
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, deadline, output);
    return { url, output, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
