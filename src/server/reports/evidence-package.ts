import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { ZipFile } from 'yazl';
import { loadExcelJs } from '../spreadsheets/load-exceljs';
import { neutraliseFormula } from './report-annex';
import { isWebLink } from './report-words';

/**
 * The evidence package of a report: one ZIP, readable offline, holding the report (DOCX), its annex
 * (XLSX), an index (index.html with relative links, and index.xlsx) of every evidence item with its
 * SHA-256, size, type and what it proves, and the evidence files themselves under a folder per unit.
 *
 * Bounded memory: the ZIP is a stream; each evidence file is opened from the file store only when the
 * ZIP reaches it and flows through (stored, not recompressed: photos, PDFs and audio are compressed
 * already), with back-pressure from the HTTP response. Each file's SHA-256 is computed again while it
 * flows, and the index (written last) says whether it matches the hash recorded at upload.
 */

export interface ReportEvidenceItem {
  evidenceId: string;
  unitId: string;
  unitName: string;
  /** 'file' | 'url' | 'citation' | 'schedule' */
  kind: string;
  title: string;
  /** The stored file, when the item has one. */
  file: {
    storageKey: string;
    fileName: string;
    sha256: string;
    sizeBytes: number;
    mimeType: string;
  } | null;
  url: string | null;
  /** "Số 12/BC-UBND ngày 05/01/2026 của UBND xã …: trích yếu", for a document citation. */
  citation: string | null;
  /** What the item proves, one line per record or criterion it is linked to. */
  proves: string[];
  /** Files that travel with the item's file, in the same folder: a page snapshot's manifest and screenshot. */
  companions?: EvidenceCompanion[];
}

/**
 * A file packed beside an item's own file: bytes built for the package (a snapshot's manifest.json,
 * whose SHA-256 is the snapshot's hash in the chain) or a file of the store (its screenshot).
 */
export interface EvidenceCompanion {
  fileName: string;
  mimeType: string;
  /** The index's "Loại" column. */
  label: string;
  description: string;
  sha256: string;
  sizeBytes: number;
  content: Buffer | null;
  storageKey: string | null;
}

export interface PackageDocument {
  fileName: string;
  content: Buffer;
  description: string;
}

export interface EvidencePackageInput {
  /** The report's title, the heading of the index. */
  title: string;
  generatedAt: Date;
  /** The report and its annex, at the root of the ZIP. */
  documents: PackageDocument[];
  items: ReportEvidenceItem[];
  /** Opens a stored file as a stream (the file store's get). */
  open: (storageKey: string) => Promise<Readable>;
}

export interface PackageEntry {
  /** Path inside the ZIP, '/'-separated. */
  path: string;
  sizeBytes: number;
  sha256: string;
  mimeType: string;
  description: string;
  proves: string[];
  evidence: ReportEvidenceItem | null;
  /** Set on a companion file of the evidence item (see EvidenceCompanion). */
  companion?: EvidenceCompanion;
}

const EVIDENCE_FOLDER = 'Minh chứng';
const MAX_NAME_LENGTH = 120;
// Controls (C0, C1) and format characters: the bidirectional overrides that show "gpj.exe" as
// "exe.jpg", zero-width characters, the byte-order mark.
const UNSAFE_CHARACTERS = /[\p{Cc}\p{Cf}]/gu;
const WINDOWS_FORBIDDEN = /[\\/:*?"<>|]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * One path segment that is safe on every system a reviewer unzips on: NFC (Vietnamese letters kept),
 * no controls or direction overrides, no separators or characters Windows refuses, no leading dots
 * (so no "..", no hidden files), no trailing dots or spaces, no reserved device names, at most 120
 * characters with the extension kept.
 */
export function safeSegment(name: string, fallback = 'tep'): string {
  let clean = name
    .normalize('NFC')
    .replace(UNSAFE_CHARACTERS, '')
    .replace(WINDOWS_FORBIDDEN, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+/, '')
    .replace(/[.\s]+$/, '');
  if (clean === '') clean = fallback;
  if (WINDOWS_RESERVED.test(clean)) clean = `_${clean}`;
  if ([...clean].length > MAX_NAME_LENGTH) {
    const dot = clean.lastIndexOf('.');
    const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    const stem = [...clean.slice(0, clean.length - extension.length)]
      .slice(0, MAX_NAME_LENGTH - extension.length)
      .join('')
      .trim();
    clean = `${stem}${extension}`;
  }
  return clean;
}

/** Hands out names in a folder: a second "a.pdf" becomes "a (2).pdf" (compared without case, as Windows does). */
export class NameRegistry {
  private readonly taken = new Set<string>();

  claim(folder: string, name: string): string {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const extension = dot > 0 ? name.slice(dot) : '';
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? name : `${stem} (${n})${extension}`;
      const key = `${folder}/${candidate}`.toLocaleLowerCase('vi');
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return folder ? `${folder}/${candidate}` : candidate;
      }
    }
  }
}

/** Passes bytes through while hashing and counting them. */
class HashingPass extends Transform {
  bytes = 0;
  private readonly hash = createHash('sha256');

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('hex');

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Types that gain nothing from deflate (already compressed): stored as they are. */
const STORED_TYPES =
  /^(image\/(png|jpeg|gif|webp)|audio\/|video\/|application\/(pdf|zip|vnd\.openxmlformats))/;

/**
 * Plans every entry (paths and names are fixed before a byte is written) and returns the ZIP as a
 * stream. `entries` is the plan; a file's `sha256` there is the hash recorded at upload until the
 * ZIP has passed it, when `verified` says what its bytes hashed to.
 */
export function buildEvidencePackage(input: EvidencePackageInput): {
  stream: Readable;
  entries: PackageEntry[];
  verified: Map<string, { sha256: string; sizeBytes: number }>;
} {
  const names = new NameRegistry();
  // Names the index files use are reserved before anything else can take them.
  names.claim('', 'index.html');
  names.claim('', 'index.xlsx');
  const entries: PackageEntry[] = [];
  for (const document of input.documents) {
    entries.push({
      path: names.claim('', safeSegment(document.fileName, 'bao-cao')),
      sizeBytes: document.content.length,
      sha256: sha256Of(document.content),
      mimeType: document.fileName.endsWith('.xlsx') ? XLSX_TYPE : DOCX_TYPE,
      description: document.description,
      proves: [],
      evidence: null,
    });
  }
  // The same bytes proving several things are packed once; every item still has its line in the index.
  const pathBySha = new Map<string, string>();
  const fileEntries: Array<{ path: string; item: ReportEvidenceItem }> = [];
  for (const item of input.items) {
    if (!item.file) continue;
    let path = pathBySha.get(item.file.sha256);
    if (!path) {
      const folder = `${EVIDENCE_FOLDER}/${safeSegment(item.unitName, 'don-vi')}`;
      path = names.claim(
        folder,
        safeSegment(item.file.fileName, `minh-chung-${item.evidenceId.slice(0, 8)}`),
      );
      pathBySha.set(item.file.sha256, path);
      fileEntries.push({ path, item });
    }
    entries.push({
      path,
      sizeBytes: item.file.sizeBytes,
      sha256: item.file.sha256,
      mimeType: item.file.mimeType,
      description: item.title,
      proves: item.proves,
      evidence: item,
    });
  }

  const companionEntries: Array<{ path: string; companion: EvidenceCompanion }> = [];
  for (const item of input.items) {
    if (!item.companions?.length) continue;
    const itemPath = item.file ? pathBySha.get(item.file.sha256) : undefined;
    const folder = itemPath
      ? itemPath.slice(0, itemPath.lastIndexOf('/'))
      : `${EVIDENCE_FOLDER}/${safeSegment(item.unitName, 'don-vi')}`;
    for (const companion of item.companions) {
      const path = names.claim(folder, safeSegment(companion.fileName, `kem-${item.evidenceId.slice(0, 8)}`));
      companionEntries.push({ path, companion });
      entries.push({
        path,
        sizeBytes: companion.sizeBytes,
        sha256: companion.sha256,
        mimeType: companion.mimeType,
        description: companion.description,
        proves: item.proves,
        evidence: item,
        companion,
      });
    }
  }

  const verified = new Map<string, { sha256: string; sizeBytes: number }>();
  const zip = new ZipFile();
  const mtime = input.generatedAt;
  const documentEntries = entries.filter((entry) => entry.evidence === null);
  input.documents.forEach((document, i) => {
    zip.addBuffer(document.content, documentEntries[i]!.path, { mtime, compress: false });
  });
  for (const { path, item } of fileEntries) {
    const file = item.file!;
    zip.addReadStreamLazy(path, { mtime, compress: !STORED_TYPES.test(file.mimeType) }, (callback) => {
      input.open(file.storageKey).then(
        (source) => {
          const meter = new HashingPass();
          meter.on('end', () => verified.set(path, { sha256: meter.digest(), sizeBytes: meter.bytes }));
          source.on('error', (error) => meter.destroy(error));
          callback(null, source.pipe(meter));
        },
        (error: Error) => callback(error, undefined as unknown as Readable),
      );
    });
  }
  for (const { path, companion } of companionEntries) {
    if (companion.content) {
      zip.addBuffer(companion.content, path, { mtime, compress: !STORED_TYPES.test(companion.mimeType) });
      verified.set(path, { sha256: sha256Of(companion.content), sizeBytes: companion.content.length });
    } else if (companion.storageKey) {
      const key = companion.storageKey;
      zip.addReadStreamLazy(path, { mtime, compress: !STORED_TYPES.test(companion.mimeType) }, (callback) => {
        input.open(key).then(
          (source) => {
            const meter = new HashingPass();
            meter.on('end', () => verified.set(path, { sha256: meter.digest(), sizeBytes: meter.bytes }));
            source.on('error', (error) => meter.destroy(error));
            callback(null, source.pipe(meter));
          },
          (error: Error) => callback(error, undefined as unknown as Readable),
        );
      });
    }
  }
  const indexInput = {
    title: input.title,
    generatedAt: input.generatedAt,
    entries,
    items: input.items,
    verified,
  };
  // The index comes last: by then every file has been hashed on its way into the ZIP.
  zip.addReadStreamLazy('index.html', { mtime }, (callback) => {
    callback(null, streamOf(Buffer.from(indexHtml(indexInput), 'utf8')));
  });
  zip.addReadStreamLazy('index.xlsx', { mtime, compress: false }, (callback) => {
    indexWorkbook(indexInput).then(
      (content) => callback(null, streamOf(content)),
      (error: Error) => callback(error, undefined as unknown as Readable),
    );
  });
  zip.end();
  const output = zip.outputStream as Readable;
  zip.on('error', (error: Error) => output.destroy(error));
  return { stream: output, entries, verified };
}

function streamOf(content: Buffer): Readable {
  return Readable.from([content]);
}

interface IndexInput {
  title: string;
  generatedAt: Date;
  entries: PackageEntry[];
  items: ReportEvidenceItem[];
  verified: Map<string, { sha256: string; sizeBytes: number }>;
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}

/** A relative link to a path in the ZIP: each segment percent-encoded, so spaces and diacritics work offline. */
export function relativeHref(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024)
    return `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

function checkText(entry: PackageEntry, verified: IndexInput['verified']): string {
  if (entry.evidence === null) return 'khớp';
  const actual = verified.get(entry.path);
  if (!actual) return 'chưa kiểm';
  return actual.sha256 === entry.sha256 ? 'khớp' : `KHÔNG KHỚP (tệp trong gói: ${actual.sha256})`;
}

interface IndexRow {
  number: number;
  unit: string;
  title: string;
  kind: string;
  path: string | null;
  link: string | null;
  mimeType: string;
  sizeBytes: number | null;
  sha256: string;
  check: string;
  proves: string;
}

function indexRows(input: IndexInput): IndexRow[] {
  const rows: IndexRow[] = [];
  let n = 0;
  for (const entry of input.entries) {
    if (entry.evidence !== null) continue;
    rows.push({
      number: ++n,
      unit: '',
      title: entry.description,
      kind: 'báo cáo',
      path: entry.path,
      link: null,
      mimeType: entry.mimeType,
      sizeBytes: entry.sizeBytes,
      sha256: entry.sha256,
      check: 'khớp',
      proves: '',
    });
  }
  const byEvidence = new Map(
    input.entries
      .filter((entry) => entry.evidence && !entry.companion)
      .map((entry) => [entry.evidence!.evidenceId, entry]),
  );
  for (const item of input.items) {
    const entry = byEvidence.get(item.evidenceId);
    rows.push({
      number: ++n,
      unit: item.unitName,
      title: item.title,
      kind: KIND_LABELS[item.kind] ?? item.kind,
      path: entry?.path ?? null,
      link: item.url,
      mimeType: item.file?.mimeType ?? '',
      sizeBytes: item.file?.sizeBytes ?? null,
      sha256: item.file?.sha256 ?? '',
      check: entry ? checkText(entry, input.verified) : '',
      proves: [item.citation, ...item.proves].filter(Boolean).join('\n'),
    });
    for (const companion of input.entries.filter((e) => e.companion && e.evidence === item)) {
      rows.push({
        number: ++n,
        unit: item.unitName,
        title: companion.description,
        kind: companion.companion!.label,
        path: companion.path,
        link: null,
        mimeType: companion.mimeType,
        sizeBytes: companion.sizeBytes,
        sha256: companion.sha256,
        check: checkText(companion, input.verified),
        proves: item.title,
      });
    }
  }
  return rows;
}

const KIND_LABELS: Record<string, string> = {
  file: 'tệp',
  url: 'đường dẫn',
  citation: 'văn bản',
  schedule: 'danh mục phát sóng',
  snapshot: 'ảnh chụp trang',
};

/**
 * Said in the index when the package holds page snapshots: what they prove, what they do not, and how
 * a reader checks them with common tools (docs/snapshots.md).
 */
function snapshotNote(items: ReportEvidenceItem[]): string {
  if (!items.some((item) => item.kind === 'snapshot')) return '';
  return `<p><strong>Ảnh chụp trang</strong> (do hệ thống theo dõi trang tin lưu): chứng minh máy chủ Loa Số đã nhận được
nội dung đó từ địa chỉ ghi kèm vào thời điểm ghi; không chứng minh ai là tác giả, nội dung có đúng hay trang có hiển thị
như vậy với mọi người đọc. Mỗi ảnh chụp gồm tệp nội dung nén gzip (giải nén ra đúng các byte đã nhận; tệp HTML không
được mở sẵn để tránh chạy mã của trang), tệp bản kê <code>.manifest.json</code> (mã SHA-256 của tệp này là mã của ảnh
chụp trong chuỗi; trường <code>bodySha256</code> là mã của nội dung sau khi giải nén; <code>previousSha256</code> là mã
của ảnh chụp liền trước) và ảnh màn hình nếu có.</p>`;
}

function indexHtml(input: IndexInput): string {
  const rows = indexRows(input)
    .map((row) => {
      const name = row.path
        ? `<a href="${escapeHtml(relativeHref(row.path))}">${escapeHtml(row.path)}</a>`
        : row.link && isWebLink(row.link)
          ? `<a href="${escapeHtml(row.link)}" rel="noopener noreferrer">${escapeHtml(row.link)}</a>`
          : escapeHtml(row.link ?? '');
      return `<tr><td>${row.number}</td><td>${escapeHtml(row.unit)}</td><td>${escapeHtml(row.title)}</td><td>${escapeHtml(row.kind)}</td><td>${name}</td><td>${escapeHtml(row.mimeType)}</td><td class="n">${row.sizeBytes === null ? '' : escapeHtml(sizeText(row.sizeBytes))}</td><td class="h">${escapeHtml(row.sha256)}</td><td>${escapeHtml(row.check)}</td><td>${escapeHtml(row.proves).replace(/\n/g, '<br>')}</td></tr>`;
    })
    .join('\n');
  const files = input.entries.filter((entry) => entry.evidence).length;
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mục lục minh chứng — ${escapeHtml(input.title)}</title>
<style>
body{font-family:"Times New Roman",serif;margin:1.5em;color:#000}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eee}
td.n{text-align:right;white-space:nowrap}
td.h{font-family:monospace;font-size:11px;word-break:break-all}
</style>
</head>
<body>
<h1>Mục lục minh chứng</h1>
<p><strong>${escapeHtml(input.title)}</strong></p>
<p>Lập lúc ${escapeHtml(input.generatedAt.toISOString())}. Gói gồm báo cáo, phụ lục, ${files} tệp minh chứng và ${input.items.length} mục minh chứng.
Mã SHA-256 là dấu vân tay của nội dung tệp, ghi lại khi tệp được tải lên Loa Số: tính lại mã của tệp trong gói
(ví dụ <code>sha256sum</code> hoặc <code>certutil -hashfile tệp SHA256</code>) và so sánh — trùng khớp nghĩa là tệp
chưa bị thay đổi kể từ khi tải lên. Cột "Kiểm tra" cho biết mã tính lại khi đóng gói.</p>
${snapshotNote(input.items)}
<table>
<thead><tr><th>STT</th><th>Đơn vị</th><th>Minh chứng</th><th>Loại</th><th>Tệp / đường dẫn</th><th>Kiểu tệp</th><th>Dung lượng</th><th>SHA-256</th><th>Kiểm tra</th><th>Chứng minh cho</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}

async function indexWorkbook(input: IndexInput): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Loa Số';
  workbook.created = input.generatedAt;
  const sheet = workbook.addWorksheet('Mục lục', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = [
    { header: 'STT', width: 6 },
    { header: 'Đơn vị', width: 24 },
    { header: 'Minh chứng', width: 40 },
    { header: 'Loại', width: 14 },
    { header: 'Tệp trong gói / đường dẫn', width: 50 },
    { header: 'Kiểu tệp', width: 22 },
    { header: 'Dung lượng (byte)', width: 14 },
    { header: 'SHA-256', width: 66 },
    { header: 'Kiểm tra', width: 12 },
    { header: 'Chứng minh cho', width: 60 },
  ];
  for (const row of indexRows(input)) {
    const target = row.path ?? row.link ?? '';
    const link = row.path ? relativeHref(row.path) : row.link && isWebLink(row.link) ? row.link : null;
    sheet.addRow([
      row.number,
      neutraliseFormula(row.unit),
      neutraliseFormula(row.title),
      row.kind,
      link ? { text: neutraliseFormula(target), hyperlink: link } : neutraliseFormula(target),
      row.mimeType,
      row.sizeBytes,
      row.sha256,
      row.check,
      neutraliseFormula(row.proves),
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  for (const column of [2, 3, 5, 10]) sheet.getColumn(column).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 10 } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
