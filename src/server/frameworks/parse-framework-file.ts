import { type Document, LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { type FrameworkSpec, frameworkSchema } from '../../shared/frameworks/definition';
import { type FrameworkIssue, formatPath, type TreeIssue } from './issues';
import { positionOf } from './source-positions';
import { validateFramework } from './validate';
import { frameworkErrorMap } from './zod-messages';

/**
 * Reads a framework file (YAML or JSON) into a checked definition, or into the list of everything
 * wrong with it, each problem placed at its path and line. JSON is read by the YAML parser too (JSON
 * is YAML), so both formats get the same positions and the same messages.
 */

export type FrameworkFormat = 'yaml' | 'json';

export interface ParsedFrameworkFile {
  format: FrameworkFormat;
  /** The file as text: UTF-8, without a byte-order mark. */
  text: string;
  /** The checked definition (defaults filled in); null when the file has errors. */
  framework: FrameworkSpec | null;
  errors: FrameworkIssue[];
  warnings: FrameworkIssue[];
}

/** A framework of a few hundred criteria is far below this; anything bigger is not a framework file. */
export const MAX_FRAMEWORK_FILE_BYTES = 1024 * 1024;

/** By the file name when it says, otherwise by the first character. */
export function detectFormat(fileName: string | undefined, text: string): FrameworkFormat {
  if (fileName && /\.json$/i.test(fileName)) return 'json';
  if (fileName && /\.ya?ml$/i.test(fileName)) return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

const YAML_MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  DUPLICATE_KEY: 'Khóa này đã có trong cùng nhóm: mỗi khóa chỉ ghi một lần.',
  TAB_AS_INDENT: 'Không thụt lề bằng phím Tab: dùng dấu cách.',
  BAD_INDENT: 'Thụt lề không đúng: các khóa cùng cấp phải thẳng cột với nhau.',
  MULTILINE_IMPLICIT_KEY: 'Khóa không được kéo dài nhiều dòng: có thể thiếu dấu hai chấm hoặc thụt lề sai.',
  BLOCK_AS_IMPLICIT_KEY: 'Cấu trúc không hợp lệ: có thể thiếu dấu hai chấm sau một khóa, hoặc thụt lề sai.',
  MISSING_CHAR: 'Thiếu ký tự đóng (dấu nháy, dấu ngoặc] hoặc }).',
  MULTIPLE_DOCS: 'Tệp chỉ được chứa một bộ chỉ số (bỏ dòng --- thứ hai).',
  BAD_DQ_ESCAPE: 'Ký tự thoát (\\) không hợp lệ trong chuỗi đặt trong nháy kép.',
  RESOURCE_EXHAUSTION: 'Tệp dùng quá nhiều bí danh (alias *).',
};

function fileIssue(message: string): FrameworkIssue {
  return { path: '', line: null, column: null, message };
}

function decode(content: Buffer | string): string | null {
  if (typeof content === 'string') return content.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

export function parseFrameworkFile(
  content: Buffer | string,
  options: { fileName?: string } = {},
): ParsedFrameworkFile {
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  const decoded = decode(content);
  const text = decoded ?? '';
  const format = detectFormat(options.fileName, text);
  const failed = (errors: FrameworkIssue[]): ParsedFrameworkFile => ({
    format,
    text,
    framework: null,
    errors,
    warnings: [],
  });
  if (size > MAX_FRAMEWORK_FILE_BYTES)
    return failed([
      fileIssue(`Tệp lớn hơn ${MAX_FRAMEWORK_FILE_BYTES / 1024 / 1024} MB: không phải tệp bộ chỉ số.`),
    ]);
  if (decoded === null) return failed([fileIssue('Tệp không phải văn bản UTF-8: lưu lại với mã hóa UTF-8.')]);
  if (!text.trim()) return failed([fileIssue('Tệp rỗng.')]);

  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length) {
    // One slip often trips several errors on the same line: the first says it best.
    const issues = document.errors.map((error) => syntaxIssue(error, lineCounter, format));
    return failed(issues.filter((issue, i) => issues.findIndex((other) => other.line === issue.line) === i));
  }

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return failed([
      fileIssue(error instanceof Error ? `Không đọc được tệp: ${error.message}` : 'Không đọc được tệp.'),
    ]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return failed([
      fileIssue('Tệp phải là một bộ chỉ số: các trường code, version, name… ở đầu dòng, không thụt lề.'),
    ]);

  const place = (issue: TreeIssue): FrameworkIssue => placeIssue(document, lineCounter, issue);
  const parsed = frameworkSchema.safeParse(data, { error: frameworkErrorMap });
  if (!parsed.success)
    return failed(
      sortByPosition(distinct(strongestBounds(parsed.error.issues).flatMap(treeIssues).map(place))),
    );

  const check = validateFramework(parsed.data);
  return {
    format,
    text,
    framework: check.errors.length ? null : parsed.data,
    errors: sortByPosition(check.errors.map(place)),
    warnings: sortByPosition(check.warnings.map(place)),
  };
}

function syntaxIssue(error: YAMLError, lineCounter: LineCounter, format: FrameworkFormat): FrameworkIssue {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  const known = YAML_MESSAGES[error.code];
  const label = format === 'json' ? 'JSON' : 'YAML';
  const detail = error.message.split('\n')[0];
  return { path: '', line, column: col, message: known ?? `Lỗi cú pháp ${label}: ${detail}` };
}

/** A zod issue as issues on the tree: one per unknown key, so each points at its own line. */
function treeIssues(issue: z.core.$ZodIssue): TreeIssue[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({
      path: [...path, key],
      // `{ label: Thôn, tổ dân phố }` splits at the comma: the tail becomes a key of its own.
      message: /\s/.test(key)
        ? `Trường "${key}" không có trong định dạng: nếu đây là phần sau dấu phẩy của một giá trị viết trong { }, đặt cả giá trị trong dấu nháy.`
        : `Trường "${key}" không có trong định dạng (kiểm tra chính tả, chữ hoa và chữ thường).`,
    }));
  // A missing or unknown rule type: point at the `type:` line when there is one.
  if (issue.code === 'invalid_union' && issue.discriminator && path[path.length - 1] !== issue.discriminator)
    return [{ path: [...path, issue.discriminator], message: issue.message }];
  return [{ path, message: boundMessage(issue) ?? issue.message }];
}

/**
 * Number bounds worded from the bound itself: a check without its own message would otherwise
 * inherit its schema's type message ("Phải là một số nguyên." for -1).
 */
function boundMessage(issue: z.core.$ZodIssue): string | null {
  if (issue.code === 'too_small' && (issue.origin === 'number' || issue.origin === 'int')) {
    const minimum = Number(issue.minimum);
    if (minimum === 0) return issue.inclusive === false ? 'Phải lớn hơn 0.' : 'Không được âm.';
    return issue.inclusive === false ? `Phải lớn hơn ${minimum}.` : `Ít nhất là ${minimum}.`;
  }
  if (issue.code === 'too_big' && (issue.origin === 'number' || issue.origin === 'int'))
    return issue.inclusive === false
      ? `Phải nhỏ hơn ${Number(issue.maximum)}.`
      : `Tối đa là ${Number(issue.maximum)}.`;
  return null;
}

/** `count.min(1)` is also `min(0)`: for -1 say "at least 1" once, not also "not negative". */
function strongestBounds(issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const key = (issue: z.core.$ZodIssue) => issue.path.map(String).join('.');
  const strongest = new Map<string, number>();
  for (const issue of issues)
    if (issue.code === 'too_small')
      strongest.set(key(issue), Math.max(strongest.get(key(issue)) ?? -Infinity, Number(issue.minimum)));
  return issues.filter(
    (issue) => issue.code !== 'too_small' || Number(issue.minimum) === strongest.get(key(issue)),
  );
}

function distinct(issues: FrameworkIssue[]): FrameworkIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function placeIssue(document: Document, lineCounter: LineCounter, issue: TreeIssue): FrameworkIssue {
  const position = positionOf(document, lineCounter, issue.path);
  return {
    path: formatPath(issue.path),
    line: position?.line ?? null,
    column: position?.column ?? null,
    message: issue.message,
  };
}

function sortByPosition(issues: FrameworkIssue[]): FrameworkIssue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
