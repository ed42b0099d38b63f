import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RunningServer, startServer } from './server';

/**
 * The browser tier's servers, kept by the run's main process (global-setup.ts) and handed to the test
 * files over a small HTTP interface on 127.0.0.1.
 *
 * Why: each file needs a server of its own on a fresh copy of the demo data, and starting one takes
 * about 5 s of a two-core machine (PGlite opening its copy, the job engine). Started in turn, 26 files
 * waited over two minutes for them. The pool keeps one spare server starting while a file runs, so the
 * next file finds it ready, and stops a file's server after the file has gone on. A file asking for
 * settings of its own (`env`) gets a server started for it, as before.
 *
 * The main process owns every server, so the run's teardown stops them all, whatever a worker did.
 */
export interface TakenServer {
  id: string;
  url: string;
  dataDir: string;
}

const MAX_BODY_BYTES = 64 * 1024;

export class ServerPool {
  private spare: Promise<RunningServer> | null = null;
  private readonly servers = new Map<string, RunningServer>();
  private readonly stopping = new Set<Promise<void>>();
  private lastId = 0;
  private http: http.Server | null = null;

  constructor(private readonly seededDataDir: string) {}

  /** Starts the control interface and the first spare server; answers the interface's base URL. */
  async open(): Promise<string> {
    this.warmSpare();
    this.http = http.createServer((request, response) => {
      this.handle(request, response).catch((error: Error) => {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(error.stack ?? error.message);
      });
    });
    await new Promise<void>((resolve) => this.http!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  /** Stops the interface, the spare and every server still running. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.http ? this.http.close(() => resolve()) : resolve()));
    const spare = this.spare;
    this.spare = null;
    await Promise.allSettled([
      spare?.then((server) => server.stop()),
      ...[...this.servers.keys()].map((id) => this.stop(id, {})),
      ...this.stopping,
    ]);
  }

  private warmSpare(): void {
    this.spare = startServer({ seededDataDir: this.seededDataDir });
    // Its failure is reported to the file that takes it.
    this.spare.catch(() => undefined);
  }

  private async take(env: Record<string, string> | undefined): Promise<TakenServer> {
    let server: RunningServer;
    if (env && Object.keys(env).length > 0) {
      server = await startServer({ seededDataDir: this.seededDataDir, env });
    } else {
      const spare = this.spare ?? startServer({ seededDataDir: this.seededDataDir });
      this.spare = null;
      this.warmSpare();
      server = await spare;
    }
    const id = String(++this.lastId);
    this.servers.set(id, server);
    return { id, url: server.url, dataDir: server.dataDir };
  }

  private stop(id: string, options: { keepData?: boolean }): Promise<void> {
    const server = this.servers.get(id);
    if (!server) return Promise.resolve();
    this.servers.delete(id);
    const stopped = server.stop(options);
    this.stopping.add(stopped);
    void stopped.finally(() => this.stopping.delete(stopped));
    return stopped;
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://pool');
    const body = request.method === 'POST' ? await readJson(request) : {};
    const send = (value: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value ?? null));
    };
    if (request.method === 'POST' && url.pathname === '/take') {
      send(await this.take(body.env as Record<string, string> | undefined));
    } else if (request.method === 'POST' && url.pathname === '/stop') {
      const stopped = this.stop(String(body.id), { keepData: body.keepData === true });
      // A file going on to the next does not wait for its server's clean shutdown.
      if (body.wait === true) await stopped;
      send(null);
    } else if (request.method === 'GET' && url.pathname === '/output') {
      send({ output: this.servers.get(url.searchParams.get('id') ?? '')?.output() ?? '' });
    } else {
      response.writeHead(404).end();
    }
  }
}

async function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > MAX_BODY_BYTES) throw new Error('request body too large');
  }
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** A pool server as a test file sees it. */
export interface PooledServer {
  url: string;
  dataDir: string;
  /** What the server printed so far, for a failed test's log. */
  output(): Promise<string>;
  /** Stops it; `wait` waits for the shutdown (then `keepData` leaves the data folder to the caller). */
  stop(options?: { keepData?: boolean; wait?: boolean }): Promise<void>;
}

async function call<T>(poolUrl: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${poolUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`server pool ${path}: HTTP ${response.status}\n${await response.text()}`);
  return (await response.json()) as T;
}

/** Takes a server from the pool: the warm spare, or one started with `env` when it is given. */
export async function takeServer(poolUrl: string, env?: Record<string, string>): Promise<PooledServer> {
  const taken = await call<TakenServer>(poolUrl, '/take', { env });
  return {
    url: taken.url,
    dataDir: taken.dataDir,
    output: async () =>
      (await call<{ output: string }>(poolUrl, `/output?id=${encodeURIComponent(taken.id)}`)).output,
    stop: (options = {}) => call(poolUrl, '/stop', { id: taken.id, ...options }),
  };
}
