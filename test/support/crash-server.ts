import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { inject } from 'vitest';

/**
 * The crash test's moving parts: the real server in a child process (started, killed with SIGKILL,
 * started again on the same data), a signed-in HTTP client, a seeded random source and a small
 * website on several loopback addresses for the monitor's checks.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed, for the failure messages. */
  output(): string;
}

/**
 * Starts the server (bundled from src/server/main.ts for this run) with these settings; resolves once
 * it listens (migrations done).
 */
export async function startServer(env: Record<string, string>, timeoutMs: number): Promise<ServerProcess> {
  return startMain(env, timeoutMs, (printed) => {
    const port = /Loa Số đang chạy: http:\/\/localhost:(\d+)/.exec(printed)?.[1];
    return port ? `http://127.0.0.1:${port}` : null;
  });
}

/**
 * Starts the server with ROLE=worker (no HTTP listener, so `url` is empty); resolves once
 * its job engine runs its queues and crons, which it logs at LOG_LEVEL=info (set here).
 */
export async function startWorker(env: Record<string, string>, timeoutMs: number): Promise<ServerProcess> {
  return startMain({ ...env, ROLE: 'worker', LOG_LEVEL: 'info' }, timeoutMs, (printed) =>
    printed.includes('"msg":"job engine started"') ? '' : null,
  );
}

/** Spawns the server; `ready` reads its output so far and answers its URL once started, else null. */
async function startMain(
  env: Record<string, string>,
  timeoutMs: number,
  ready: (printed: string) => string | null,
): Promise<ServerProcess> {
  // The run's bundle of the sources (test/support/global-setup.ts), as `npm start` runs dist/.
  const child = spawn(process.execPath, [inject('serverBundle')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEB_DIR: '',
      CHECK_RESPONSES: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const url = ready(printed);
    if (url !== null) return { child, url, output: () => printed };
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}):\n${printed}`);
    if (Date.now() > deadline) {
      await killServer({ child, url: '', output: () => printed });
      throw new Error(`The server did not start within ${timeoutMs} ms:\n${printed}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** SIGKILL, and wait until the process is gone (nothing of it may touch the data afterwards). */
export async function killServer(server: ServerProcess): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** SIGTERM (the product's clean shutdown), SIGKILL after a while. */
export async function stopServer(server: ServerProcess, timeoutMs = 20_000): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const stopped = await Promise.race([
    exited.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
  ]);
  if (!stopped) await killServer(server);
}

export interface HttpAnswer<T> {
  status: number;
  body: T;
}

/** A signed-in user of the server under test; cookies and CSRF token as the web UI sends them. */
export class CrashClient {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  /** The same session sent to another address (another instance, or the proxy). */
  at(baseUrl: string): CrashClient {
    return new CrashClient(baseUrl, this.cookie, this.csrfToken);
  }

  static async logIn(baseUrl: string, username: string, password: string): Promise<CrashClient> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`login of ${username}: ${response.status} ${text}`);
    const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
    const { csrfToken } = JSON.parse(text) as { csrfToken: string };
    return new CrashClient(baseUrl, cookie, csrfToken);
  }

  /** Throws when no answer came (the server died or the request timed out): not acknowledged. */
  async send<T>(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = { cookie: this.cookie, 'x-csrf-token': this.csrfToken };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (Buffer.isBuffer(body)) {
      headers['content-type'] = contentType;
      payload = new Uint8Array(body);
    } else if (body !== undefined) {
      headers['content-type'] = contentType;
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers,
      body: payload,
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }
}

/** The bench's seeded generator (mulberry32), so a failing round can be replayed with CRASH_SEED. */
export { createRandom as seededRandom } from '../../bench/names';

/**
 * A DX column site served on several loopback addresses (127.0.0.2, .3, …) on one port. The monitor
 * keeps one active check per host name, and a check whose worker was killed stays active until
 * pg-boss expires it (30 minutes): each round checks its own address so that it is not held up by
 * the previous round's orphan.
 */
export interface CrashSite {
  port: number;
  columnUrl(host: string): string;
  stop(): Promise<void>;
}

function page(title: string, main: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${main}</main></body></html>`;
}

/** `delayMs`: each answer waits this long, so that a check lasts long enough to be killed mid-way. */
export async function startCrashSite(
  hosts: readonly string[],
  options: { delayMs?: number } = {},
): Promise<CrashSite> {
  const answer: http.RequestListener = (req, res) => {
    const url = req.url ?? '/';
    if (url === '/chuyen-doi-so') {
      const links = [1, 2, 3]
        .map(
          (n) =>
            `<article><h3><a href="/chuyen-doi-so/tin-${n}">Triển khai chuyển đổi số tại xã, bài ${n}</a></h3><span>0${n}/03/2026</span></article>`,
        )
        .join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Chuyển đổi số', `<h1>Chuyển đổi số</h1>${links}`));
      return;
    }
    const article = /^\/chuyen-doi-so\/tin-(\d+)$/.exec(url);
    if (article) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        page(
          `Bài ${article[1]}`,
          `<h1>Triển khai chuyển đổi số tại xã, bài ${article[1]}</h1><p>Ngày 0${article[1]}/03/2026. Xã tuyên truyền về chuyển đổi số, dịch vụ công trực tuyến và nền tảng số cho người dân.</p>`,
        ),
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('không có');
  };
  const delayMs = options.delayMs ?? 0;
  const listener: http.RequestListener = delayMs
    ? (req, res) => {
        setTimeout(() => answer(req, res), delayMs);
      }
    : answer;
  const servers: http.Server[] = [];
  let port = 0;
  for (const host of hosts) {
    const server = http.createServer(listener);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    port = (server.address() as { port: number }).port;
    servers.push(server);
  }
  return {
    port,
    columnUrl: (host) => `http://${host}:${port}/chuyen-doi-so`,
    async stop() {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
