import type { FrameworkValidationDto } from '../../../shared/api/frameworks';
import { formatVnDate } from '../../../shared/dates';
import type { Queryable } from '../../db/client';
import { findVersionsOfCode } from '../../db/repositories/frameworks';
import { parseFrameworkFile } from '../../frameworks/parse-framework-file';
import { decideVersion, frameworkFileHash } from './decide-version';
import { presentFrameworkHeader } from './present-framework';

/**
 * Checks a framework file without storing it: its errors and warnings with lines, its totals per unit
 * kind, and what importing it would do given the versions already stored. Anyone signed in may ask.
 */
export async function validateFrameworkFile(options: {
  db: Queryable;
  fileName: string;
  content: Buffer | string;
}): Promise<FrameworkValidationDto> {
  const parsed = parseFrameworkFile(options.content, { fileName: options.fileName });
  const framework = parsed.framework;
  const base = { format: parsed.format, errors: parsed.errors, warnings: parsed.warnings };
  if (!framework) return { ...base, valid: false, framework: null, importCheck: null };

  const versions = await findVersionsOfCode(options.db, framework.code);
  const decision = decideVersion(versions, {
    code: framework.code,
    version: framework.version,
    validFrom: framework.validFrom,
    sha256: frameworkFileHash(parsed.text),
  });
  const previous = versions.filter((stored) => stored.validFrom < framework.validFrom).at(-1);
  const importCheck =
    decision.status === 'rejected'
      ? { status: 'rejected' as const, message: decision.message }
      : decision.status === 'unchanged'
        ? {
            status: 'unchanged' as const,
            message: 'Đã có phiên bản này, giống hệt tệp: nhập lại không thay đổi gì.',
          }
        : {
            status: 'new' as const,
            message: previous
              ? `Có thể nhập: phiên bản "${framework.version}" thay phiên bản "${previous.version}" từ ${formatVnDate(framework.validFrom)}.`
              : `Có thể nhập: bộ chỉ số mới ${framework.code}, phiên bản "${framework.version}".`,
          };
  return { ...base, valid: true, framework: presentFrameworkHeader(framework), importCheck };
}
