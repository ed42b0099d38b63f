import { classifyItem } from '../../monitor/classify';
import type { ClassifyItem } from '../../monitor/contract';
import type { StandaloneCommand } from '../command';
import { type Input, type Output, UsageError, writeLine } from '../io';

const NAME = 'classify';

/** A longer line is refused (and skipped to its end) rather than held in memory. */
export const MAX_LINE_BYTES = 100 * 1024;

/** Lines of stdin as they come, each either its text or a note that it was too long. */
async function* readLines(
  input: Input,
  maxBytes: number,
): AsyncGenerator<{ text: string } | { tooLong: true }> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let pendingBytes = 0;
  let skipping = false;
  const emit = function* (piece: string, ended: boolean) {
    // `piece` is the part of the current line in this chunk; `ended` when a newline closed it.
    if (!skipping) {
      pendingBytes += Buffer.byteLength(piece);
      if (pendingBytes > maxBytes) {
        skipping = true;
        pending = '';
      } else pending += piece;
    }
    if (ended) {
      yield skipping ? ({ tooLong: true } as const) : { text: pending };
      pending = '';
      pendingBytes = 0;
      skipping = false;
    }
  };
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    const parts = text.split('\n');
    for (let index = 0; index < parts.length; index++) yield* emit(parts[index]!, index < parts.length - 1);
  }
  const rest = decoder.decode();
  if (rest || pending || skipping) yield* emit(rest, true);
}

/** One input line → the JSON line to write, and whether it was classified. */
export function classifyLine(
  line: string,
  lineNumber: number,
  classify: ClassifyItem,
): { ok: boolean; json: string } {
  const fail = (message: string) => ({
    ok: false,
    json: JSON.stringify({ line: lineNumber, error: `Dòng ${lineNumber}: ${message}` }),
  });
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return fail('không phải JSON hợp lệ.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('cần một đối tượng JSON {"title": …, "lead": …}.');
  const { title, lead } = value as Record<string, unknown>;
  if (typeof title !== 'string' || !title.trim()) return fail('thiếu trường "title" (chuỗi không rỗng).');
  if (lead !== undefined && lead !== null && typeof lead !== 'string')
    return fail('trường "lead" phải là chuỗi hoặc null.');
  const verdict = classify({
    title: title.normalize('NFC'),
    lead: typeof lead === 'string' ? lead.normalize('NFC') : null,
  });
  return { ok: true, json: JSON.stringify(verdict) };
}

/** Reads {title, lead} lines, writes {isDx, topic, confidence, reasons} lines, in order. */
export async function classifyStream(
  input: Input,
  output: Output,
  classify: ClassifyItem = classifyItem,
  maxLineBytes = MAX_LINE_BYTES,
): Promise<{ lines: number; failed: number }> {
  let lineNumber = 0;
  let failed = 0;
  for await (const line of readLines(input, maxLineBytes)) {
    lineNumber++;
    if ('tooLong' in line) {
      failed++;
      writeLine(
        output,
        JSON.stringify({
          line: lineNumber,
          error: `Dòng ${lineNumber}: dài quá ${maxLineBytes >= 1024 ? `${Math.round(maxLineBytes / 1024)} KB` : `${maxLineBytes} byte`}, bỏ qua.`,
        }),
      );
      continue;
    }
    if (!line.text.trim()) continue;
    const result = classifyLine(line.text, lineNumber, classify);
    if (!result.ok) failed++;
    writeLine(output, result.json);
  }
  return { lines: lineNumber, failed };
}

export const classifyCommand: StandaloneCommand = {
  name: NAME,
  standalone: true,
  summary: 'Phân loại tin: có về chuyển đổi số không, thuộc chủ đề D11 nào (JSON lines qua stdin/stdout)',
  positionals: [],
  options: {},
  notes: [
    'Mỗi dòng vào: {"title": "…", "lead": "…"} (lead có thể bỏ hoặc null).',
    'Mỗi dòng ra, cùng thứ tự: {"isDx": true|false, "topic": "mã chủ đề"|null, "confidence": 0–1, "reasons": […]}',
    `Dòng lỗi ra {"line": n, "error": "…"} và các dòng khác vẫn được xử lý; dòng dài quá ${MAX_LINE_BYTES / 1024} KB bị bỏ qua.`,
    'Không cần cơ sở dữ liệu; mô hình nằm sẵn trong mã nguồn (src/server/monitor/classify/model.json).',
    'Ví dụ: echo \'{"title":"Ra mắt Tổ công nghệ số cộng đồng"}\' | npm run cli -- classify',
  ],
  async run({ io }) {
    if (!io.stdin) throw new UsageError('Cần dữ liệu vào qua stdin.', NAME);
    const { failed } = await classifyStream(io.stdin, io.stdout);
    // The good lines are written; the exit code still tells a script that some were not.
    if (failed) throw new Error(`${failed} dòng không phân loại được (xem các dòng "error").`);
  },
};
