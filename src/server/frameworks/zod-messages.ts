import { z } from 'zod';

/**
 * Vietnamese messages for the problems the framework schema does not word itself, written for the
 * person editing the file rather than for a programmer. The schema's own messages take precedence;
 * anything not handled here gets zod's Vietnamese locale.
 */

const TYPE_NAMES: Record<string, string> = {
  string: 'một chuỗi chữ',
  number: 'một số',
  int: 'một số nguyên',
  boolean: 'true hoặc false',
  array: 'một danh sách (mỗi mục một dòng bắt đầu bằng "- ")',
  object: 'một nhóm trường (khóa: giá trị)',
};

function describeValue(value: unknown): string {
  if (value === null) return 'giá trị rỗng';
  if (Array.isArray(value)) return 'một danh sách';
  switch (typeof value) {
    case 'string':
      return `chuỗi "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    case 'number':
      return `số ${value}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'một nhóm trường';
    default:
      return typeof value;
  }
}

const vietnameseLocale = z.locales.vi().localeError;

export const frameworkErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'Thiếu trường bắt buộc.';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      // YAML reads `code: 1.5` and `version: 2024` as numbers: the usual slip, with the usual fix.
      if (issue.expected === 'string' && typeof issue.input === 'number')
        return `Phải là ${expected}: đặt trong dấu nháy, ví dụ "${String(issue.input)}".`;
      return `Phải là ${expected}, không phải ${describeValue(issue.input)}.`;
    }
    case 'invalid_value':
      return `Giá trị ${describeValue(issue.input)} không hợp lệ; dùng một trong: ${issue.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return `Trường không có trong định dạng: ${issue.keys.join(', ')}.`;
    case 'too_small':
      if (issue.origin === 'array') return `Cần ít nhất ${String(issue.minimum)} mục.`;
      return vietnameseLocale(issue);
    default:
      return vietnameseLocale(issue);
  }
};
