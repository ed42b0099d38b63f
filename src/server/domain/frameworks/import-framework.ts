import type { FrameworkImportResultDto } from '../../../shared/api/frameworks';
import type { ErrorDetail } from '../../../shared/errors';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import {
  findVersionsOfCode,
  getFrameworkRow,
  insertFramework,
  lockFrameworkCode,
} from '../../db/repositories/frameworks';
import { AppError, forbidden, validationError } from '../../errors';
import type { FrameworkIssue } from '../../frameworks/issues';
import { parseFrameworkFile } from '../../frameworks/parse-framework-file';
import type { Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { canManageFrameworks } from './can-manage-frameworks';
import { decideVersion, frameworkFileHash } from './decide-version';
import { presentFrameworkVersion } from './present-framework';

/** Imports a framework file uploaded by a DX office or an administrator (see decide-version.ts). */
export async function importFramework(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  fileName: string;
  content: Buffer | string;
}): Promise<FrameworkImportResultDto> {
  if (!canManageFrameworks(options.principal))
    throw forbidden('Chỉ cơ quan chuyển đổi số của tỉnh hoặc quản trị hệ thống được nhập bộ chỉ số.');
  return storeFrameworkFile({ ...options, isBuiltin: false });
}

/** The problems of a file as error details: the path in the tree, the line and the column. */
export function issueDetails(issues: readonly FrameworkIssue[]): ErrorDetail[] {
  return issues.map((issue) => ({
    ...(issue.path ? { field: issue.path } : {}),
    ...(issue.line !== null ? { row: issue.line } : {}),
    ...(issue.column !== null ? { column: String(issue.column) } : {}),
    message: issue.message,
  }));
}

/**
 * Checks a file and stores it as a new version, all or nothing, with an audit entry. The same file
 * imported again changes nothing; anything the versioning rules refuse is a CONFLICT.
 */
export async function storeFrameworkFile(options: {
  db: Db;
  actor: Actor;
  fileName: string;
  content: Buffer | string;
  isBuiltin: boolean;
}): Promise<FrameworkImportResultDto> {
  const { db, actor, fileName, isBuiltin } = options;
  const parsed = parseFrameworkFile(options.content, { fileName });
  const framework = parsed.framework;
  if (!framework) {
    const count = parsed.errors.length;
    throw validationError(
      `Tệp bộ chỉ số ${fileName} có ${count} lỗi: chưa nhập gì.`,
      issueDetails(parsed.errors),
    );
  }
  const sha256 = frameworkFileHash(parsed.text);
  const label = `${framework.code}, phiên bản "${framework.version}"`;

  return db.transaction(async (tx) => {
    await lockFrameworkCode(tx, framework.code);
    const decision = decideVersion(await findVersionsOfCode(tx, framework.code), {
      code: framework.code,
      version: framework.version,
      validFrom: framework.validFrom,
      sha256,
    });
    if (decision.status === 'rejected') throw new AppError('CONFLICT', decision.message);
    if (decision.status === 'unchanged') {
      const stored = await getFrameworkRow(tx, decision.existing.id);
      return {
        status: 'unchanged' as const,
        message: `Đã có bộ chỉ số ${label}, giống hệt tệp này: không có gì thay đổi.`,
        framework: presentFrameworkVersion(stored!),
        warnings: parsed.warnings,
      };
    }
    const id = await insertFramework(tx, {
      code: framework.code,
      version: framework.version,
      name: framework.name,
      legalBasis: framework.legalBasis,
      issuingBody: framework.issuingBody,
      validFrom: framework.validFrom,
      validTo: framework.validTo ?? null,
      periodKind: framework.period,
      appliesTo: framework.appliesTo,
      definition: framework,
      sourceText: parsed.text,
      sourceFormat: parsed.format,
      sha256,
      isBuiltin,
      importedBy: actor.userId,
    });
    await insertAuditEntries(tx, actor, [
      {
        action: 'framework.import',
        entityType: 'framework',
        entityId: id,
        summary: `Bộ chỉ số ${label}: ${framework.name}`,
        after: {
          code: framework.code,
          version: framework.version,
          name: framework.name,
          legalBasis: framework.legalBasis,
          validFrom: framework.validFrom,
          validTo: framework.validTo ?? null,
          fileName,
          sha256,
          isBuiltin,
        },
      },
    ]);
    const stored = await getFrameworkRow(tx, id);
    return {
      status: 'created' as const,
      message: `Đã nhập bộ chỉ số ${label}: ${framework.name}.`,
      framework: presentFrameworkVersion(stored!),
      warnings: parsed.warnings,
    };
  });
}
