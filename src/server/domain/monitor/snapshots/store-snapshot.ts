import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Queryable } from '../../../db/client';
import { insertAuditEntries } from '../../../db/repositories/audit';
import { insertEvidence, insertStoredFile } from '../../../db/repositories/evidence';
import {
  findChainHead,
  insertSnapshot,
  lockSnapshotChain,
  nextSnapshotSequence,
} from '../../../db/repositories/monitor-snapshots';
import type { FetchedPage, StoredSnapshotRef } from '../../../monitor/contract';
import type { FileStore, StoredObject } from '../../../storage/file-store';
import type { Actor } from '../../actor';
import { buildManifest, manifestHash, sha256Hex } from './snapshot-manifest';
import { bodyExtension, snapshotFileStem, snapshotTitle } from './snapshot-words';

const gzipAsync = promisify(gzip);

/** Writes of the monitor, in the audit log. */
export const MONITOR_ACTOR: Actor = { userId: null, label: 'monitor' };

export interface SnapshotContext {
  unitId: string | null;
  channelId: string | null;
  /** The text extracted from the page (article text), kept and hashed beside the raw body. */
  text: string | null;
  /** A PNG of the rendered page (monitor/snapshots/screenshot.ts), when one was asked for. */
  screenshot?: Uint8Array | null;
  actor?: Actor;
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000; a hostile page may contain it. It is dropped from the
 * extracted text before hashing, so the hash is of what is stored (the raw body keeps every byte).
 */
function storableText(text: string | null): string | null {
  return text === null ? null : text.replaceAll(String.fromCharCode(0), '');
}

async function putBytes(store: FileStore, content: Uint8Array): Promise<StoredObject> {
  return store.put(Readable.from([Buffer.from(content)]), { maxBytes: content.byteLength });
}

/**
 * Keeps what the monitor received from one page as the next link of the snapshot chain: the raw body
 * gzip-compressed in the file store (its SHA-256 is of the raw bytes), status, headers, fetch time,
 * the extracted text, optionally a screenshot, and a manifest naming the previous link's hash. When
 * the snapshot belongs to a unit it is also an evidence item of that unit (kind 'snapshot', source
 * 'monitor'), ready to be linked to the records it produced (linkSnapshotToActivity).
 *
 * `q` may be the database or an open transaction (the chain's lock then lasts until that one ends).
 * The files are written first: content-addressed, a failed transaction leaves at most unreferenced
 * bytes, never a row without its file.
 */
export async function storeSnapshot(
  q: Queryable,
  fileStore: FileStore,
  page: FetchedPage,
  context: SnapshotContext,
): Promise<StoredSnapshotRef> {
  const body = Buffer.from(page.body.buffer, page.body.byteOffset, page.body.byteLength);
  const bodySha256 = sha256Hex(body);
  const gzipped = await gzipAsync(body, { level: 6 });
  const bodyObject = await putBytes(fileStore, gzipped);
  const screenshot = context.screenshot ?? null;
  const screenshotObject = screenshot ? await putBytes(fileStore, screenshot) : null;
  const text = storableText(context.text);
  const textSha256 = text === null ? null : sha256Hex(text);
  const actor = context.actor ?? MONITOR_ACTOR;

  return q.transaction(async (tx) => {
    await lockSnapshotChain(tx);
    const head = await findChainHead(tx);
    const sequence = await nextSnapshotSequence(tx);
    const stem = snapshotFileStem(page.finalUrl, page.fetchedAt, sequence);
    const bodyFile = await insertStoredFile(tx, {
      sha256: bodyObject.sha256,
      sizeBytes: bodyObject.sizeBytes,
      mimeType: 'application/gzip',
      originalName: `${stem}.${bodyExtension(page.contentType)}.gz`,
      storageKey: bodyObject.key,
      createdBy: actor.userId,
    });
    const screenshotFile = screenshotObject
      ? await insertStoredFile(tx, {
          sha256: screenshotObject.sha256,
          sizeBytes: screenshotObject.sizeBytes,
          mimeType: 'image/png',
          originalName: `${stem}.png`,
          storageKey: screenshotObject.key,
          createdBy: actor.userId,
        })
      : null;
    const manifest = buildManifest({
      sequence,
      url: page.url,
      finalUrl: page.finalUrl,
      status: page.status,
      headers: page.headers,
      fetchedAt: page.fetchedAt,
      contentType: page.contentType,
      bodySha256,
      bodyBytes: body.byteLength,
      textSha256,
      screenshotSha256: screenshotObject?.sha256 ?? null,
      previousSha256: head?.manifestSha256 ?? null,
      // '' when the socket's peer was unknown: recorded as "not known", never as an empty address.
      remoteAddress: page.remoteAddress || null,
    });
    const manifestSha256 = manifestHash(manifest);
    const row = await insertSnapshot(tx, {
      sequence,
      unitId: context.unitId,
      channelId: context.channelId,
      url: page.url,
      finalUrl: page.finalUrl,
      status: page.status,
      headers: manifest.headers,
      fetchedAt: page.fetchedAt,
      contentType: page.contentType,
      bodyFileId: bodyFile.id,
      bodySha256,
      bodyBytes: body.byteLength,
      text,
      textSha256,
      screenshotFileId: screenshotFile?.id ?? null,
      screenshotSha256: screenshotObject?.sha256 ?? null,
      manifest: { ...manifest },
      manifestSha256,
      previousSha256: manifest.previousSha256,
    });
    const audit = [
      {
        action: 'monitor.snapshot',
        entityType: 'monitor_snapshot',
        entityId: row.id,
        unitId: context.unitId,
        summary: `Lưu ảnh chụp trang ${page.url} (số ${sequence})`,
        after: { sequence, url: page.url, status: page.status, bodySha256, manifestSha256 },
      },
    ];
    if (context.unitId) {
      const evidenceId = await insertSnapshotEvidence(tx, {
        snapshotId: row.id,
        unitId: context.unitId,
        url: page.url,
        fetchedAt: page.fetchedAt,
        bodyFileId: bodyFile.id,
        createdBy: actor.userId,
      });
      audit.push({
        action: 'evidence.create',
        entityType: 'evidence',
        entityId: evidenceId,
        unitId: context.unitId,
        summary: `Thêm minh chứng: ${snapshotTitle(page.url, page.fetchedAt)}`,
        after: { sequence, url: page.url, status: page.status, bodySha256, manifestSha256 },
      });
    }
    await insertAuditEntries(tx, actor, audit);
    return { id: row.id, manifestSha256 };
  });
}

/** The evidence item presenting a snapshot: its file is the gzip body, its time the fetch time. */
export async function insertSnapshotEvidence(
  q: Queryable,
  values: {
    snapshotId: string;
    unitId: string;
    url: string;
    fetchedAt: Date;
    bodyFileId: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  return insertEvidence(q, {
    unitId: values.unitId,
    kind: 'snapshot',
    title: snapshotTitle(values.url, values.fetchedAt),
    fileId: values.bodyFileId,
    url: values.url,
    summary:
      'Nội dung máy chủ Loa Số nhận được từ địa chỉ trên (tệp nén gzip), kèm bản kê có mã SHA-256 nối chuỗi.',
    capturedAt: values.fetchedAt,
    source: 'monitor',
    snapshotId: values.snapshotId,
    createdBy: values.createdBy,
  });
}
