import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answer, type SiteServerSetup } from './monitor-sites';

/**
 * The fixture websites of the monitor benchmark, run as a child process (bench/monitor-operations.ts
 * forks it) so that serving 73,000 pages neither shares the measured process's event loop nor counts
 * in its memory. It gets the sites over IPC, listens on 127.0.0.1 on a free port, answers by Host
 * header and path, reports the port and the number of requests served, and exits on 'stop' or when
 * its parent goes away.
 */

type Message = { setup: SiteServerSetup } | 'count' | 'stop';

let served = 0;
let server: http.Server | undefined;

function start(setup: SiteServerSetup): void {
  const indexByHost = new Map(setup.sites.map((site, index) => [site.host, index]));
  server = http.createServer((req, res) => {
    served += 1;
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const page = answer(setup, indexByHost, host, (req.url ?? '/').split('?')[0]!);
    const body = Buffer.from(page.body);
    res.writeHead(page.status, { 'content-type': page.contentType, 'content-length': body.byteLength });
    res.end(body);
  });
  // Thousands of sockets at once from the fetcher's per-page clients: a deep backlog, no timeouts.
  server.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, () => {
    process.send?.({ port: (server!.address() as AddressInfo).port });
  });
}

process.on('message', (message: Message) => {
  if (message === 'count') process.send?.({ served });
  else if (message === 'stop') {
    server?.closeAllConnections();
    server?.close();
    process.exit(0);
  } else start(message.setup);
});
// The parent died or closed the channel: nothing is left to serve.
process.on('disconnect', () => process.exit(0));
