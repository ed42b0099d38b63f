import fs from 'node:fs';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import yazl from 'yazl';

const SHEET = 'xl/worksheets/sheet1.xml';
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/**
 * A valid XLSX made by exceljs whose first sheet is replaced by the given XML chunks (compressed by
 * yazl as they come, so a sheet of a gigabyte never sits in the test's memory).
 */
export async function xlsxWithSheet(rows: () => Iterable<string | Buffer>): Promise<Buffer> {
  return buffer(await xlsxStream(rows));
}

/**
 * The same file written to `filePath` as it is compressed: a bomb of a gigabyte is made in a few
 * seconds with a few MB of memory, once per test run.
 */
export async function writeXlsxWithSheet(
  filePath: string,
  rows: () => Iterable<string | Buffer>,
): Promise<number> {
  await pipeline(await xlsxStream(rows), fs.createWriteStream(filePath));
  return fs.statSync(filePath).size;
}

async function xlsxStream(rows: () => Iterable<string | Buffer>): Promise<NodeJS.ReadableStream> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Tin bài').addRow(['Tiêu đề']);
  const base = await yauzl.fromBufferPromise(Buffer.from(await workbook.xlsx.writeBuffer()));
  const out = new yazl.ZipFile();
  for await (const entry of base.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue; // folder entries carry nothing
    if (entry.fileName === SHEET) {
      out.addReadStream(
        Readable.from(
          (function* () {
            yield Buffer.from(SHEET_HEAD);
            for (const chunk of rows()) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
            yield Buffer.from(SHEET_TAIL);
          })(),
        ),
        SHEET,
        // Level 9 packs a repeated row about 300 times, and is not slower than 6 on such input.
        { compressionLevel: 9 },
      );
    } else out.addBuffer(await buffer(await base.openReadStreamPromise(entry)), entry.fileName);
  }
  out.end();
  return out.outputStream;
}

/** The same row (row 1, one text cell) again and again until the sheet holds `bytes`: deflate loves it. */
export function repeatedRows(bytes: number): () => Iterable<Buffer> {
  const row = '<row r="1"><c r="A1" t="inlineStr"><is><t>Tiêu đề</t></is></c></row>';
  const chunk = Buffer.from(row.repeat(Math.floor((4 * 1024 * 1024) / row.length)));
  return function* () {
    for (let written = 0; written < bytes; written += chunk.length) yield chunk;
  };
}

/** `count` distinct small rows: a file within every size limit that only the row limit stops. */
export function manyRows(count: number): () => Iterable<string> {
  return function* () {
    let chunk = '<row r="1"><c r="A1" t="inlineStr"><is><t>Tiêu đề</t></is></c></row>';
    for (let i = 2; i <= count + 1; i++) {
      chunk += `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>Tin số ${i}</t></is></c></row>`;
      if (chunk.length > 64 * 1024) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk;
  };
}

/**
 * The same zip with the sheet's uncompressed size in the central directory changed to `declared`:
 * a bomb that lies about its size to pass the checks made before inflating.
 */
export function withDeclaredSheetSize(zip: Buffer, declared: number): Buffer {
  const patched = Buffer.from(zip);
  for (let at = patched.indexOf('PK\x01\x02'); at >= 0; at = patched.indexOf('PK\x01\x02', at + 4)) {
    const nameLength = patched.readUInt16LE(at + 28);
    if (patched.toString('utf8', at + 46, at + 46 + nameLength) === SHEET) {
      patched.writeUInt32LE(declared, at + 24);
      return patched;
    }
  }
  throw new Error(`${SHEET} is not in the zip`);
}

/** The sizes the zip's central directory declares for the sheet. */
export async function declaredSheetSizes(zip: Buffer): Promise<{ compressed: number; uncompressed: number }> {
  const file = await yauzl.fromBufferPromise(zip);
  for await (const entry of file.eachEntry())
    if (entry.fileName === SHEET)
      return { compressed: entry.compressedSize, uncompressed: entry.uncompressedSize };
  throw new Error(`${SHEET} is not in the zip`);
}
