import { z } from 'zod';

/**
 * A page snapshot of the website monitor as the API shows it: what was received, the manifest that is
 * hashed and chained, the links to the body and the screenshot, and — said with it every time — what
 * a snapshot proves and what it does not (docs/snapshots.md).
 */
export const snapshotSchema = z.object({
  id: z.uuid(),
  sequence: z.number().int(),
  unitId: z.uuid().nullable(),
  channelId: z.uuid().nullable(),
  url: z.string(),
  finalUrl: z.string(),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  fetchedAt: z.date(),
  contentType: z.string().nullable(),
  bodySha256: z.string(),
  bodyBytes: z.number().int(),
  textSha256: z.string().nullable(),
  screenshotSha256: z.string().nullable(),
  /** The manifest exactly as hashed: its canonical JSON (sorted keys) gives manifestSha256. */
  manifest: z.record(z.string(), z.unknown()),
  manifestSha256: z.string(),
  previousSha256: z.string().nullable(),
  /** The raw body, decompressed, as text/plain (never rendered as HTML). */
  bodyUrl: z.string(),
  screenshotUrl: z.string().nullable(),
  statement: z.object({
    /** "Ảnh chụp này chứng minh máy chủ Loa Số đã nhận được nội dung này …" */
    proves: z.string(),
    doesNotProve: z.string(),
  }),
});
export type SnapshotDto = z.infer<typeof snapshotSchema>;
