import type { LookupAddress, LookupOptions } from 'node:dns';
import { rootCertificates } from 'node:tls';
import { buildConnector, Client } from 'undici';
import { type CheckedTarget, normaliseHost } from './address-guard';

/**
 * An undici client for one checked origin whose sockets can only go to the addresses the guard
 * checked: net.connect's `lookup` is replaced by one that answers from that list (no second DNS
 * query), and every socket's peer is compared with the list again before a byte is sent.
 */
export interface PinnedClient {
  client: Client;
  origin: string;
  /** The peer of the last socket opened, for FetchedPage.remoteAddress. */
  remoteAddress(): string | null;
  close(): Promise<void>;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

export interface PinnedClientOptions {
  timeoutMs: number;
  /** PEM certificates trusted besides Node's roots (a missing intermediate of a portal, a test CA). */
  extraCa: readonly string[];
}

export function openPinnedClient(target: CheckedTarget, options: PinnedClientOptions): PinnedClient {
  const { timeoutMs, extraCa } = options;
  const checked = new Set(target.addresses.map((entry) => entry.address));
  let lastRemote: string | null = null;

  const pinnedLookup = (_hostname: string, lookup: LookupOptions, callback: LookupCallback): void => {
    const wanted = lookup.family === 4 || lookup.family === 6 ? lookup.family : 0;
    const usable = target.addresses.filter((entry) => wanted === 0 || entry.family === wanted);
    const first = usable[0];
    if (!first) {
      const error: NodeJS.ErrnoException = new Error(`no checked address of family ${wanted}`);
      error.code = 'ENOTFOUND';
      callback(error, []);
      return;
    }
    // With autoSelectFamily (Node's default) net asks for all addresses and tries each in turn.
    if (lookup.all) callback(null, usable);
    else callback(null, first.address, first.family);
  };

  const connector = buildConnector({
    lookup: pinnedLookup,
    timeout: timeoutMs,
    // `ca` replaces the roots, so Node's own are kept; TLS still checks the certificate against the name.
    ...(extraCa.length > 0 ? { ca: [...rootCertificates, ...extraCa] } : {}),
  });
  const connect: buildConnector.connector = (connectOptions, callback) => {
    connector(connectOptions, (...args) => {
      if (args[0] !== null) {
        callback(args[0], null);
        return;
      }
      const socket = args[1];
      const remote = normaliseHost(socket.remoteAddress ?? '');
      if (!checked.has(remote)) {
        socket.destroy();
        const error: NodeJS.ErrnoException = new Error(`connected to unchecked address ${remote}`);
        error.code = 'ERR_UNCHECKED_ADDRESS';
        callback(error, null);
        return;
      }
      lastRemote = remote;
      callback(null, socket);
    });
  };

  const client = new Client(target.url.origin, {
    connect,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 1_000,
  });
  return {
    client,
    origin: target.url.origin,
    remoteAddress: () => lastRemote,
    close: async () => {
      // destroy, not close: the one or two requests are done, and a half-read body must not keep a socket
      await client.destroy().catch(() => undefined);
    },
  };
}
