import { createHash } from 'node:crypto';
import { formatVnDate } from '../../../shared/dates';
import type { FrameworkHeader } from '../../db/repositories/frameworks';

/**
 * The versioning rules of framework files. A stored version never changes, and versions of one
 * code follow each other in time:
 * - the same code and version with the same content is already there: nothing to do;
 * - the same code and version with other content is refused: raise `version`;
 * - a new version must start (validFrom) after every stored version of the code starts, and after
 *   every stored version with a validTo has ended. A stored version without validTo simply gives way
 *   to the next one from its validFrom (the version in force for a period is the one with the latest
 *   validFrom), so a new year's file never changes the version that scored the years before it.
 */

export interface VersionCandidate {
  code: string;
  version: string;
  validFrom: string;
  sha256: string;
}

export type VersionDecision =
  | { status: 'new' }
  | { status: 'unchanged'; existing: FrameworkHeader }
  | { status: 'rejected'; message: string };

export function decideVersion(existing: readonly FrameworkHeader[], file: VersionCandidate): VersionDecision {
  const same = existing.find((stored) => stored.version === file.version);
  if (same) {
    if (same.sha256 === file.sha256) return { status: 'unchanged', existing: same };
    return {
      status: 'rejected',
      message: `Bộ chỉ số ${file.code} đã có phiên bản "${file.version}" với nội dung khác. Phiên bản đã nhập không sửa được (điểm đã chấm theo nó): tăng version trong tệp rồi nhập lại.`,
    };
  }
  for (const stored of existing) {
    if (file.validFrom <= stored.validFrom)
      return {
        status: 'rejected',
        message: `Phiên bản "${stored.version}" của ${file.code} có hiệu lực từ ${formatVnDate(stored.validFrom)}: phiên bản mới phải có validFrom sau ngày đó, để điểm các kỳ đã chấm theo phiên bản cũ không đổi.`,
      };
    if (stored.validTo !== null && stored.validTo >= file.validFrom)
      return {
        status: 'rejected',
        message: `Phiên bản "${stored.version}" của ${file.code} còn hiệu lực đến ${formatVnDate(stored.validTo)}: validFrom của phiên bản mới phải sau ngày đó.`,
      };
  }
  return { status: 'new' };
}

/** The fingerprint of a file's text: the same file imported twice is recognised as the same version. */
export function frameworkFileHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
