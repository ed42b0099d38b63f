import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

/**
 * The lines of a gzip'd file, read as the caller consumes them: iterating the stream pulls the next
 * chunk only when asked, so a large backup is never held in memory.
 */
export async function* readGzipLines(file: string): AsyncGenerator<string> {
  if (!fs.existsSync(file)) throw new Error(`Không có tệp ${file}.`);
  const source = fs.createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  try {
    for await (const chunk of gunzip) {
      const lines = (carry + decoder.write(chunk as Buffer)).split('\n');
      carry = lines.pop()!;
      for (const line of lines) yield line;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
      throw new Error(`Tệp ${file} không phải bản sao lưu nén gzip hoặc đã hỏng.`);
    }
    throw error;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  carry += decoder.end();
  if (carry !== '') yield carry;
}
