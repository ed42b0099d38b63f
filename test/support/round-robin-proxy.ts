import http from 'node:http';
import { pipeline } from 'node:stream';

/**
 * The reverse proxy of the scale-out test: each request goes to the next backend in turn (round
 * robin, as nginx's default upstream), and the answer carries the backend's index in `x-backend`.
 * Written on node:http because no proxy library is among the dependencies (neither http-proxy nor
 * @fastify/reply-from), and round robin with streamed bodies is all the test needs.
 */
export interface RoundRobinProxy {
  url: string;
  /** Answers relayed per backend, in the order of the backends given. */
  served: number[];
  stop(): Promise<void>;
}

export async function startRoundRobinProxy(backends: readonly string[]): Promise<RoundRobinProxy> {
  const targets = backends.map((backend) => new URL(backend));
  const served = targets.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const index = next;
    next = (next + 1) % targets.length;
    const target = targets[index]!;
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
      },
      (answer) => {
        served[index] = (served[index] ?? 0) + 1;
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-backend': String(index) });
        pipeline(answer, res, () => {});
      },
    );
    upstream.on('error', () => {
      // The backend is gone (killed) or refused: a bad gateway, as a proxy answers.
      if (!res.headersSent) res.writeHead(502, { 'x-backend': String(index) });
      res.end();
    });
    pipeline(req, upstream, () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
