import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { parseByteRange } from '../src/server/storage/byte-range';
import { contentDisposition } from '../src/server/storage/content-disposition';
import { bufferReader, detectFileType, extensionOf } from '../src/server/storage/detect-file-type';
import { ContentTooLargeError, isStorageKey, storageKeyOf } from '../src/server/storage/file-store';
import { createLocalFileStore } from '../src/server/storage/local-file-store';
import { cleanFileName } from '../src/server/storage/upload-form';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const pad = (head: Buffer | string, length = 64) =>
  Buffer.concat([Buffer.from(head as string, 'latin1'), Buffer.alloc(length)]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

const samples: Record<string, Buffer> = {
  pdf: pad('%PDF-1.7\n1 0 obj <<>> endobj\n'),
  png: PNG,
  jpeg: pad(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46])),
  gif: pad('GIF89a\x01\x00\x01\x00'),
  webp: pad(Buffer.concat([Buffer.from('RIFF'), u32(40), Buffer.from('WEBPVP8 ')])),
  wav: pad(Buffer.concat([Buffer.from('RIFF'), u32(40), Buffer.from('WAVEfmt ')])),
  ogg: pad('OggS\x00\x02'),
  mp3Id3: pad(Buffer.from([0x49, 0x44, 0x33, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01, 0x7f])),
  mp3Frame: pad(Buffer.from([0xff, 0xfb, 0x90, 0x64])),
  m4a: pad(Buffer.concat([u32(0x20000000), Buffer.from('ftypM4A \x00\x00\x00\x00')])),
  mp4: pad(Buffer.concat([u32(0x20000000), Buffer.from('ftypisom\x00\x00\x02\x00')])),
};

const detect = (buffer: Buffer) => detectFileType(bufferReader(buffer), buffer.length);

async function makeDocx(): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph('Kế hoạch chuyển đổi số năm 2026')] }] }),
  );
}

async function makeXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Tin bài').addRow(['Tiêu đề', 'Ngày']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('file type from the content', () => {
  it.each([
    ['pdf', 'application/pdf'],
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['gif', 'image/gif'],
    ['webp', 'image/webp'],
    ['wav', 'audio/wav'],
    ['ogg', 'audio/ogg'],
    ['mp3Id3', 'audio/mpeg'],
    ['mp3Frame', 'audio/mpeg'],
    ['m4a', 'audio/mp4'],
    ['mp4', 'video/mp4'],
  ])('recognises %s', async (name, mime) => {
    expect((await detect(samples[name]!))?.mime).toBe(mime);
  });

  it('tells DOCX and XLSX apart by the entries of the ZIP central directory', async () => {
    expect((await detect(await makeDocx()))?.mime).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect((await detect(await makeXlsx()))?.mime).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('refuses a ZIP that is not an office document, and one that only pretends at the start', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'không phải tài liệu');
    zip.file('word/note.txt', 'thiếu [Content_Types].xml');
    expect(await detect(Buffer.from(await zip.generateAsync({ type: 'nodebuffer' })))).toBeNull();
    expect(await detect(pad('PK\x03\x04[Content_Types].xml word/document.xml'))).toBeNull();
  });

  it('refuses text, empty content, other ISO media (HEIC) and random bytes', async () => {
    expect(await detect(Buffer.from('Xin chào, đây là văn bản thường.\n'))).toBeNull();
    expect(await detect(Buffer.alloc(0))).toBeNull();
    expect(await detect(pad(Buffer.concat([u32(0x18000000), Buffer.from('ftypheic')])))).toBeNull();
    expect(await detect(pad(Buffer.from([0xff, 0xff, 0xff, 0xff])))).toBeNull();
    expect(await detect(pad('RIFF\x00\x00\x00\x00AVI '))).toBeNull();
  });

  it('reads the extension of a name', () => {
    expect(extensionOf('Công văn 114.PDF')).toBe('pdf');
    expect(extensionOf('khong-duoi')).toBe('');
  });
});

describe('local file store', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-files-'));
  const store = createLocalFileStore(dataDir);
  afterAll(() => {
    // Stored files are read-only: make them writable again so the folder can go.
    for (const file of fs.readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
      if (file.isFile()) fs.chmodSync(path.join(file.parentPath, file.name), 0o644);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const stagingFiles = () => fs.readdirSync(path.join(dataDir, 'files', '.staging'));

  it('stores content under its SHA-256 in two folder levels, read-only, and reads it back', async () => {
    const content = Buffer.from('Báo cáo chuyển đổi số tháng 3');
    const sha = createHash('sha256').update(content).digest('hex');
    const stored = await store.put(Readable.from([content]), { maxBytes: 1024 });
    expect(stored).toEqual({
      key: `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`,
      sha256: sha,
      sizeBytes: content.length,
    });
    const onDisk = path.join(dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);
    expect(fs.readFileSync(onDisk)).toEqual(content);
    expect(fs.statSync(onDisk).mode & 0o222).toBe(0);
    expect(await store.exists(stored.key)).toBe(true);
    const chunks: Buffer[] = [];
    for await (const chunk of await store.get(stored.key)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(content);
    expect(stagingFiles()).toEqual([]);
  });

  it('keeps the same bytes once, however often they are stored', async () => {
    const content = Buffer.from('cùng một nội dung');
    const first = await store.put(Readable.from([content]), { maxBytes: 1024 });
    const second = await store.put(Readable.from([Buffer.from('cùng một '), Buffer.from('nội dung')]), {
      maxBytes: 1024,
    });
    expect(second.key).toBe(first.key);
    const folder = path.join(dataDir, 'files', first.sha256.slice(0, 2), first.sha256.slice(2, 4));
    expect(fs.readdirSync(folder)).toEqual([first.sha256]);
  });

  it('lets the caller look at staged content before committing or discarding it', async () => {
    const staged = await store.stage(Readable.from([PNG]), { maxBytes: 1024 });
    expect((await staged.read(0, 8)).toString('latin1', 1, 4)).toBe('PNG');
    expect(await store.exists(storageKeyOf(staged.sha256))).toBe(false);
    await staged.discard();
    expect(stagingFiles()).toEqual([]);
    expect(await store.exists(storageKeyOf(staged.sha256))).toBe(false);
  });

  it('streams large content without holding it, and refuses content over the limit leaving nothing behind', async () => {
    const mb = Buffer.alloc(1024 * 1024, 7);
    const chunks = function* (count: number) {
      for (let i = 0; i < count; i++) yield mb;
    };
    const big = await store.put(Readable.from(chunks(30)), { maxBytes: 30 * 1024 * 1024 });
    expect(big.sizeBytes).toBe(30 * 1024 * 1024);
    await expect(store.stage(Readable.from(chunks(3)), { maxBytes: 2 * 1024 * 1024 })).rejects.toBeInstanceOf(
      ContentTooLargeError,
    );
    expect(stagingFiles()).toEqual([]);
  });

  it('accepts only keys of its own shape', async () => {
    expect(isStorageKey(storageKeyOf('a'.repeat(64)))).toBe(true);
    expect(isStorageKey(`../../${'a'.repeat(64)}`)).toBe(false);
    expect(isStorageKey(`ab/cd/${'a'.repeat(64)}`)).toBe(false);
    await expect(store.get('../../etc/passwd')).rejects.toThrow();
  });
});

describe('download names', () => {
  it('keeps the Vietnamese name for modern clients and an ASCII one for old ones', () => {
    expect(contentDisposition('Công văn số 114 "gấp".pdf', false)).toBe(
      `attachment; filename="Cong van so 114 _gap_.pdf"; filename*=UTF-8''C%C3%B4ng%20v%C4%83n%20s%E1%BB%91%20114%20%22g%E1%BA%A5p%22.pdf`,
    );
    expect(contentDisposition('Đài.mp3', true)).toMatch(/^inline; filename="Dai.mp3"/);
  });

  it('takes the last part of a client path and drops control characters', () => {
    expect(cleanFileName('C:\\fakepath\\Báo cáo.pdf')).toBe('Báo cáo.pdf');
    expect(cleanFileName('a/b/\u0000x\n.png')).toBe('x.png');
    expect(cleanFileName('')).toBe('tep-dinh-kem');
  });
});

describe('byte ranges', () => {
  it('reads one range, open-ended or from the end, and ignores what it does not understand', () => {
    expect(parseByteRange(undefined, 100)).toBeNull();
    expect(parseByteRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=95-200', 100)).toEqual({ start: 95, end: 99 });
    expect(parseByteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseByteRange('items=0-1', 100)).toBeNull();
    expect(parseByteRange('bytes=9-3', 100)).toBeNull();
  });
});
