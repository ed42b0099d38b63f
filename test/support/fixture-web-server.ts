import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A small web server for the monitor's tests: listens on 127.0.0.1 on a free port, answers the routes
 * a test registers (status, headers, body, a delay before answering, a streamed body) and records
 * every request, how many ran at once (overall and per Host) and how much of a stream was sent.
 * Unknown paths answer 404, so robots.txt is "missing" (everything allowed) unless a test sets it.
 *
 *   const web = await startFixtureWebServer();
 *   web.route('/tin-tuc', { headers: { 'content-type': 'text/html' }, body: '<h1>Tin</h1>' });
 *   await fetcher.fetch(web.url('/tin-tuc'));                 // http://127.0.0.1:PORT/tin-tuc
 *   await fetcher.fetch(web.url('/tin-tuc', 'portal.test'));  // the same server under another name
 *   await web.stop();
 */

export interface FixtureResponse {
  status?: number;
  headers?: Record<string, string | number | readonly string[]>;
  body?: string | Uint8Array;
  /** Wait this long before sending anything (a slow server). Cut short when the client goes away. */
  delayMs?: number;
  /** A body sent chunk by chunk after the headers, respecting back-pressure; stops when the client goes. */
  stream?: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
  /** Pause before each streamed chunk (a trickling server). */
  chunkDelayMs?: number;
}

export interface FixtureRequest {
  method: string;
  /** Path and query, as requested. */
  path: string;
  /** The Host header without the port ("127.0.0.1", "portal.test"). */
  host: string;
  headers: http.IncomingHttpHeaders;
  /** Body bytes written so far (updated while a stream is sent). */
  bytesSent: number;
  /** True when the client closed the connection before the response was complete. */
  closedEarly: boolean;
}

export type FixtureHandler =
  | FixtureResponse
  | ((request: FixtureRequest) => FixtureResponse | Promise<FixtureResponse>);

export interface FixtureWebServer {
  port: number;
  /** http://127.0.0.1:PORT (https:// when started with tls) */
  origin: string;
  /** An address on this server, under another host name if given (to be resolved by an injected lookup). */
  url(path: string, host?: string): string;
  /** Registers (or replaces) the answer for a path; "path?query" is matched before "path". */
  route(path: string, handler: FixtureHandler): void;
  readonly requests: FixtureRequest[];
  /** The requests to one path (query included when given). */
  requestsTo(path: string): FixtureRequest[];
  /** Most requests in progress at the same time, overall. */
  maxInFlight(): number;
  /** Most requests in progress at the same time with this Host. */
  maxInFlightFor(host: string): number;
  stop(): Promise<void>;
}

export interface FixtureServerOptions {
  /** Serve HTTPS with this key and certificate (test/fixtures/tls holds one for portal.test). */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export async function startFixtureWebServer(options: FixtureServerOptions = {}): Promise<FixtureWebServer> {
  const routes = new Map<string, FixtureHandler>();
  const requests: FixtureRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const inFlightByHost = new Map<string, number>();
  const maxByHost = new Map<string, number>();

  const listener: http.RequestListener = (req, res) => {
    const path = req.url ?? '/';
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    const record: FixtureRequest = {
      method: req.method ?? 'GET',
      path,
      host,
      headers: req.headers,
      bytesSent: 0,
      closedEarly: false,
    };
    requests.push(record);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const hostCount = (inFlightByHost.get(host) ?? 0) + 1;
    inFlightByHost.set(host, hostCount);
    maxByHost.set(host, Math.max(maxByHost.get(host) ?? 0, hostCount));
    res.once('close', () => {
      inFlight -= 1;
      inFlightByHost.set(host, (inFlightByHost.get(host) ?? 1) - 1);
      if (!res.writableFinished) record.closedEarly = true;
    });
    const handler = routes.get(path) ?? routes.get(path.split('?')[0] ?? path);
    respond(handler, record, res).catch(() => res.destroy());
  };
  const server = options.tls ? https.createServer(options.tls, listener) : http.createServer(listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const scheme = options.tls ? 'https' : 'http';
  const origin = `${scheme}://127.0.0.1:${port}`;

  return {
    port,
    origin,
    url: (path, host) => (host ? `${scheme}://${host}:${port}${path}` : `${origin}${path}`),
    route: (path, handler) => {
      routes.set(path, handler);
    },
    requests,
    requestsTo: (path) => requests.filter((request) => request.path === path),
    maxInFlight: () => maxInFlight,
    maxInFlightFor: (host) => maxByHost.get(host) ?? 0,
    stop: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

async function respond(
  handler: FixtureHandler | undefined,
  record: FixtureRequest,
  res: http.ServerResponse,
): Promise<void> {
  const answer: FixtureResponse = !handler
    ? { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Không có trang này' }
    : typeof handler === 'function'
      ? await handler(record)
      : handler;
  if (answer.delayMs) await pause(answer.delayMs, res);
  if (res.destroyed) return;
  res.writeHead(answer.status ?? 200, answer.headers as http.OutgoingHttpHeaders);
  if (answer.stream) {
    for await (const chunk of answer.stream) {
      if (answer.chunkDelayMs) await pause(answer.chunkDelayMs, res);
      if (res.destroyed) return;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      const hasRoom = res.write(bytes);
      record.bytesSent += bytes.byteLength;
      if (!hasRoom) await drainedOrClosed(res);
    }
  } else if (answer.body !== undefined) {
    const bytes = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
    res.write(bytes);
    record.bytesSent += bytes.byteLength;
  }
  if (!res.destroyed) res.end();
}

/** Waits for room in the socket or for the client to leave, leaving no listeners behind. */
function drainedOrClosed(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    res.once('drain', done);
    res.once('close', done);
    function done() {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    }
  });
}

/** Waits, but no longer than the client stays. */
function pause(ms: number, res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    res.once('close', done);
    function done() {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
  });
}
