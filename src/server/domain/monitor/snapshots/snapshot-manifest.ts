import { createHash } from 'node:crypto';

/**
 * The manifest of a monitor snapshot: what was received (address, status, headers, time, the hashes
 * of the body, the extracted text and the screenshot) and the hash of the snapshot before it. Its
 * canonical JSON (keys sorted at every level, no spaces) is what is hashed, so anyone can recompute
 * the hash from the stored row — or from the `manifest.json` of an evidence package — with any JSON
 * tool. The format is described in docs/snapshots.md; `version` changes when a field is added:
 *   1  the first format;
 *   2  adds `remoteAddress`, the IP address the connection really went to (checked and pinned by
 *      the fetcher), so a snapshot also says which server answered, not only which name was asked.
 * Older snapshots keep their version: a manifest is rebuilt in its own version (see manifestExtras).
 */
export const MANIFEST_VERSION = 2;

export interface SnapshotManifest {
  version: number;
  sequence: number;
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  /** ISO 8601 in UTC with milliseconds ("2026-03-05T02:00:00.000Z"). */
  fetchedAt: string;
  contentType: string | null;
  bodySha256: string;
  bodyBytes: number;
  textSha256: string | null;
  screenshotSha256: string | null;
  /** The manifest hash of the snapshot before this one; null for the first of the chain. */
  previousSha256: string | null;
  /** Version 2 on: the peer's IP address (null when the fetcher could not tell); absent in version 1. */
  remoteAddress?: string | null;
}

/** The fields of a stored snapshot row the manifest is built from. */
export interface ManifestSource {
  sequence: number;
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  fetchedAt: Date;
  contentType: string | null;
  bodySha256: string;
  bodyBytes: number;
  textSha256: string | null;
  screenshotSha256: string | null;
  previousSha256: string | null;
  /**
   * The connected IP address. `undefined` builds a version 1 manifest (a snapshot stored before
   * version 2, rebuilt for verification); a string or null builds the current version.
   */
  remoteAddress?: string | null;
}

export function buildManifest(source: ManifestSource): SnapshotManifest {
  const hasRemote = source.remoteAddress !== undefined;
  return {
    version: hasRemote ? MANIFEST_VERSION : 1,
    sequence: Number(source.sequence),
    url: source.url,
    finalUrl: source.finalUrl,
    status: source.status,
    headers: { ...source.headers },
    fetchedAt: source.fetchedAt.toISOString(),
    contentType: source.contentType,
    bodySha256: source.bodySha256,
    bodyBytes: source.bodyBytes,
    textSha256: source.textSha256,
    screenshotSha256: source.screenshotSha256,
    previousSha256: source.previousSha256,
    ...(hasRemote ? { remoteAddress: source.remoteAddress } : {}),
  };
}

/**
 * The manifest fields that have no column of their own (only `remoteAddress`, kept in the hashed
 * manifest to avoid a migration), read back from a stored manifest to rebuild it: a version 1
 * manifest has none. Changing the stored value still changes the manifest's hash, which then no
 * longer matches `manifest_sha256` — or, if that is recomputed too, the next link's `previous_sha256`.
 */
export function manifestExtras(stored: Record<string, unknown>): Pick<ManifestSource, 'remoteAddress'> {
  if (!('remoteAddress' in stored)) return {};
  const value = stored.remoteAddress;
  return { remoteAddress: typeof value === 'string' ? value : null };
}

/** JSON with object keys sorted (by UTF-16 code unit, as Array.sort does) at every level. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

export function sha256Hex(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The SHA-256 of the manifest's canonical JSON (UTF-8). */
export function manifestHash(manifest: SnapshotManifest | Record<string, unknown>): string {
  return sha256Hex(canonicalJson(manifest));
}
