import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { buildEvidencePackage, type ReportEvidenceItem } from '../src/server/reports/evidence-package';
import { buildReportAnnexXlsx } from '../src/server/reports/report-annex';
import { buildReportDocx } from '../src/server/reports/report-document';
import { createLocalFileStore } from '../src/server/storage/local-file-store';
import { provinceDocument } from '../test/support/report-results';
import { type Timing, timePair } from './measure';

/**
 * The report documents at province size (issue 10, item 9): the annual DOCX and the XLSX annex of a
 * province over 130 communes with 3,000 listed DX posts, and an evidence ZIP of 1,000 files, each
 * against the raw work of the same bytes — deflating the document's own XML parts (the least a DOCX
 * or XLSX of that content costs), and reading the same files from the store into a sink (the least
 * a ZIP of them costs, since they are stored without recompression). Peak memory of the ZIP is the
 * largest RSS growth seen while it streams.
 *
 * `npx tsx bench/report-documents.ts [--files=1000] [--file-kb=256]`
 */

export interface ReportDocumentsBench {
  docx: { product: Timing; raw: Timing; bytes: number };
  annex: { product: Timing; raw: Timing; bytes: number };
  zip: {
    files: number;
    totalMb: number;
    product: Timing;
    raw: Timing;
    peakRssMb: number;
    rawPeakRssMb: number;
  };
}

/** Deflates every part of an OOXML package again: the raw cost of writing those bytes zipped. */
async function rezip(buffer: Buffer): Promise<() => Promise<void>> {
  const zip = await JSZip.loadAsync(buffer);
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((file) => !file.dir)
      .map((file) => file.async('nodebuffer')),
  );
  return async () => {
    for (const part of parts) deflateRawSync(part, { level: 6 });
  };
}

function sink(): Writable {
  return new Writable({
    highWaterMark: 64 * 1024,
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}

async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMb: (peak - before) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

export async function benchReportDocuments(
  options: { files?: number; fileKb?: number; runs?: number } = {},
): Promise<ReportDocumentsBench> {
  const files = options.files ?? 1000;
  const fileBytes = (options.fileKb ?? 256) * 1024;
  const pair = { warmup: 1, runs: options.runs ?? 5, maxSeconds: 60 };
  const input = provinceDocument();

  const docx = await buildReportDocx(input);
  const docxTimes = await timePair(() => buildReportDocx(input), await rezip(docx), pair);
  const annexInput = { results: input.results, title: input.title, issuerName: input.issuer.name };
  const annex = await buildReportAnnexXlsx(annexInput);
  const annexTimes = await timePair(() => buildReportAnnexXlsx(annexInput), await rezip(annex), pair);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loaso-bench-zip-'));
  try {
    const store = createLocalFileStore(dir);
    const content = Buffer.alloc(fileBytes, 0x41);
    const items: ReportEvidenceItem[] = [];
    for (let i = 0; i < files; i += 1) {
      content.write(`evidence ${i} `.padEnd(32, '.'), 0);
      const stored = await store.put(Readable.from([content]), { maxBytes: fileBytes * 2 });
      items.push({
        evidenceId: `e${i}`,
        unitId: `u${i % 130}`,
        unitName: input.results.children![i % 130]!.unitName,
        kind: 'file',
        title: `Ảnh minh chứng ${i}`,
        file: {
          storageKey: stored.key,
          fileName: `Ảnh buổi phát ${i}.jpg`,
          sha256: stored.sha256,
          sizeBytes: stored.sizeBytes,
          mimeType: 'image/jpeg',
        },
        url: null,
        citation: null,
        proves: [`Tin bài “Tin ${i}” ngày 05/03/2026`],
      });
    }
    const product = () =>
      pipeline(
        buildEvidencePackage({
          title: input.title,
          generatedAt: new Date(),
          documents: [
            { fileName: 'Báo cáo.docx', content: docx, description: 'Báo cáo' },
            { fileName: 'Phụ lục.xlsx', content: annex, description: 'Phụ lục' },
          ],
          items,
          open: (key) => store.get(key),
        }).stream,
        sink(),
      );
    const raw = async () => {
      for (const item of items) await pipeline(await store.get(item.file!.storageKey), sink());
    };
    const zipPeak = await withPeakRss(product);
    const rawPeak = await withPeakRss(raw);
    const zipTimes = await timePair(product, raw, { warmup: 0, runs: 3, maxSeconds: 120 });
    return {
      docx: { ...docxTimes, bytes: docx.length },
      annex: { ...annexTimes, bytes: annex.length },
      zip: {
        files,
        totalMb: (files * fileBytes) / 1024 / 1024,
        ...zipTimes,
        peakRssMb: zipPeak.peakMb,
        rawPeakRssMb: rawPeak.peakMb,
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function line(name: string, result: { product: Timing; raw: Timing }, extra = ''): string {
  const ratio = result.product.medianMs / result.raw.medianMs;
  return `${name}: ${result.product.medianMs.toFixed(0)} ms (raw ${result.raw.medianMs.toFixed(0)} ms, ×${ratio.toFixed(1)})${extra}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const result = await benchReportDocuments({
    files: arg('files') ? Number(arg('files')) : undefined,
    fileKb: arg('file-kb') ? Number(arg('file-kb')) : undefined,
  });
  console.log(
    line(
      'annual DOCX, province (130 units, 3,000 DX posts)',
      result.docx,
      `, ${Math.round(result.docx.bytes / 1024)} KB`,
    ),
  );
  console.log(line('XLSX annex, same report', result.annex, `, ${Math.round(result.annex.bytes / 1024)} KB`));
  console.log(
    line(
      `evidence ZIP, ${result.zip.files} files (${result.zip.totalMb.toFixed(0)} MB)`,
      result.zip,
      `, peak RSS +${result.zip.peakRssMb.toFixed(0)} MB (raw read +${result.zip.rawPeakRssMb.toFixed(0)} MB)`,
    ),
  );
}
