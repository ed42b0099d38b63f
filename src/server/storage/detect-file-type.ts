/**
 * The type of a file read from its content (magic bytes), never from its name: a PNG called
 * "cong-van.pdf" is a PNG. Only the kinds evidence and library materials need are recognised.
 */

export type FileCategory = 'document' | 'image' | 'audio';

export interface FileType {
  mime: string;
  /** Vietnamese, for messages: "ảnh PNG". */
  label: string;
  category: FileCategory;
  /** Extensions a name of this type may have, lower case, without the dot. */
  extensions: readonly string[];
}

export const FILE_TYPES = {
  pdf: { mime: 'application/pdf', label: 'PDF', category: 'document', extensions: ['pdf'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word (DOCX)',
    category: 'document',
    extensions: ['docx'],
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel (XLSX)',
    category: 'document',
    extensions: ['xlsx'],
  },
  png: { mime: 'image/png', label: 'ảnh PNG', category: 'image', extensions: ['png'] },
  jpeg: {
    mime: 'image/jpeg',
    label: 'ảnh JPEG',
    category: 'image',
    extensions: ['jpg', 'jpeg', 'jpe', 'jfif'],
  },
  gif: { mime: 'image/gif', label: 'ảnh GIF', category: 'image', extensions: ['gif'] },
  webp: { mime: 'image/webp', label: 'ảnh WebP', category: 'image', extensions: ['webp'] },
  mp3: { mime: 'audio/mpeg', label: 'âm thanh MP3', category: 'audio', extensions: ['mp3'] },
  m4a: {
    mime: 'audio/mp4',
    label: 'âm thanh M4A',
    category: 'audio',
    extensions: ['m4a', 'm4b', 'mp4', 'aac'],
  },
  mp4: { mime: 'video/mp4', label: 'MP4', category: 'audio', extensions: ['mp4', 'm4v', 'm4a'] },
  ogg: { mime: 'audio/ogg', label: 'âm thanh OGG', category: 'audio', extensions: ['ogg', 'oga', 'opus'] },
  wav: { mime: 'audio/wav', label: 'âm thanh WAV', category: 'audio', extensions: ['wav', 'wave'] },
} as const satisfies Record<string, FileType>;

/** Reads `length` bytes at `position` (fewer at the end of the content). */
export type ByteReader = (position: number, length: number) => Promise<Buffer>;

const ascii = (buffer: Buffer, start: number, end: number) => buffer.toString('latin1', start, end);

/** ISO base media brands of audio-only files, and of general MP4 files. */
const AUDIO_MP4_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ']);
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'dash',
  'M4V ',
  'mmp4',
  'MSNV',
]);

export async function detectFileType(read: ByteReader, size: number): Promise<FileType | null> {
  if (size === 0) return null;
  const head = await read(0, 64);
  if (ascii(head, 0, 5) === '%PDF-') return FILE_TYPES.pdf;
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return FILE_TYPES.png;
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return FILE_TYPES.jpeg;
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return FILE_TYPES.gif;
  if (ascii(head, 0, 4) === 'RIFF' && head.length >= 12) {
    if (ascii(head, 8, 12) === 'WEBP') return FILE_TYPES.webp;
    if (ascii(head, 8, 12) === 'WAVE') return FILE_TYPES.wav;
    return null;
  }
  if (ascii(head, 0, 4) === 'OggS') return FILE_TYPES.ogg;
  if (ascii(head, 4, 8) === 'ftyp' && head.length >= 12) {
    const brand = ascii(head, 8, 12);
    if (AUDIO_MP4_BRANDS.has(brand)) return FILE_TYPES.m4a;
    if (MP4_BRANDS.has(brand)) return FILE_TYPES.mp4;
    return null;
  }
  if (isId3(head) || isMpegAudioFrame(head)) return FILE_TYPES.mp3;
  if (ascii(head, 0, 4) === 'PK\x03\x04') return detectOfficeZip(read, size);
  return null;
}

/** An ID3v2 tag: "ID3", a version below 0xFF and a size of four 7-bit bytes. */
function isId3(head: Buffer): boolean {
  if (head.length < 10 || ascii(head, 0, 3) !== 'ID3') return false;
  if (head[3] === 0xff || head[4] === 0xff) return false;
  return [6, 7, 8, 9].every((i) => head[i]! < 0x80);
}

/** An MPEG audio frame header (Layer I–III) with no reserved field: rules out random bytes starting 0xFFE. */
function isMpegAudioFrame(head: Buffer): boolean {
  if (head.length < 4 || head[0] !== 0xff || (head[1]! & 0xe0) !== 0xe0) return false;
  const version = (head[1]! >> 3) & 0b11;
  const layer = (head[1]! >> 1) & 0b11;
  const bitrate = head[2]! >> 4;
  const sampleRate = (head[2]! >> 2) & 0b11;
  return version !== 0b01 && layer !== 0b00 && bitrate !== 0b1111 && bitrate !== 0 && sampleRate !== 0b11;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
/** A central directory of an office document is a few kilobytes; anything far larger is not one. */
const MAX_CENTRAL_DIRECTORY = 16 * 1024 * 1024;

/**
 * DOCX and XLSX are ZIP files holding "[Content_Types].xml" and a "word/" or "xl/" folder. The
 * names are read from the central directory at the end of the file, not guessed from the start.
 */
async function detectOfficeZip(read: ByteReader, size: number): Promise<FileType | null> {
  const names = await readZipEntryNames(read, size);
  if (!names?.includes('[Content_Types].xml')) return null;
  if (names.some((name) => name.startsWith('word/'))) return FILE_TYPES.docx;
  if (names.some((name) => name.startsWith('xl/'))) return FILE_TYPES.xlsx;
  return null;
}

export async function readZipEntryNames(read: ByteReader, size: number): Promise<string[] | null> {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const tailStart = Math.max(0, size - (22 + 0xffff));
  const tail = await read(tailStart, size - tailStart);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  let directorySize = tail.readUInt32LE(at + 12);
  let directoryOffset = tail.readUInt32LE(at + 16);
  if (directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    if (at < 20 || tail.readUInt32LE(at - 20) !== ZIP64_LOCATOR) return null;
    const zip64At = Number(tail.readBigUInt64LE(at - 20 + 8));
    const zip64 = await read(zip64At, 56);
    if (zip64.length < 56 || zip64.readUInt32LE(0) !== ZIP64_EOCD) return null;
    directorySize = Number(zip64.readBigUInt64LE(40));
    directoryOffset = Number(zip64.readBigUInt64LE(48));
  }
  if (directorySize > MAX_CENTRAL_DIRECTORY || directoryOffset + directorySize > size) return null;
  const directory = await read(directoryOffset, directorySize);
  const names: string[] = [];
  let position = 0;
  while (position + 46 <= directory.length && directory.readUInt32LE(position) === CENTRAL_ENTRY) {
    const nameLength = directory.readUInt16LE(position + 28);
    const extraLength = directory.readUInt16LE(position + 30);
    const commentLength = directory.readUInt16LE(position + 32);
    names.push(directory.toString('utf8', position + 46, position + 46 + nameLength));
    position += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The extension of a file name, lower case, without the dot; '' when there is none. */
export function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return match ? match[1]!.toLowerCase() : '';
}

/** Reading from an in-memory buffer, for tests and small contents. */
export function bufferReader(buffer: Buffer): ByteReader {
  return async (position, length) => buffer.subarray(position, position + length);
}
