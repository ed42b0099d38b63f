import fs from 'node:fs';
import path from 'node:path';
import type { Database, Db } from '../../db/client';
import { AppError } from '../../errors';
import { PROJECT_ROOT } from '../../paths';
import { SYSTEM_ACTOR } from '../actor';
import { storeFrameworkFile } from './import-framework';

/** The framework files shipped with Loa Số. */
export const BUILTIN_FRAMEWORKS_DIR = path.join(PROJECT_ROOT, 'frameworks');

/** template.yaml is for copying, not for scoring: files named template.* are not imported. */
export function isBuiltinFrameworkFile(fileName: string): boolean {
  return /\.(ya?ml|json)$/i.test(fileName) && !/^template\./i.test(fileName);
}

export interface BuiltinFrameworksResult {
  /** "kontum-780 2023" of each version stored now. */
  imported: string[];
  /** Already there, identical. */
  unchanged: string[];
  /** Files that could not be stored, with the reason (a version of the same code imported by hand, say). */
  skipped: Array<{ fileName: string; reason: string }>;
}

/**
 * Imports the built-in framework files that are not stored yet, as built-ins audited by "system". Run
 * at every start: a file already stored is left alone, so this is idempotent. A file that cannot be
 * stored does not stop the server; it is reported in `skipped` for the caller to log.
 */
export async function ensureBuiltinFrameworks(
  database: Db | Database,
  options: { dir?: string } = {},
): Promise<BuiltinFrameworksResult> {
  const db = 'migrate' in database ? database.db : database;
  const dir = options.dir ?? BUILTIN_FRAMEWORKS_DIR;
  const result: BuiltinFrameworksResult = { imported: [], unchanged: [], skipped: [] };
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter(isBuiltinFrameworkFile).sort() : [];
  for (const fileName of files) {
    const content = fs.readFileSync(path.join(dir, fileName));
    try {
      const stored = await storeFrameworkFile({
        db,
        actor: SYSTEM_ACTOR,
        fileName,
        content,
        isBuiltin: true,
      });
      const label = `${stored.framework.code} ${stored.framework.version}`;
      (stored.status === 'created' ? result.imported : result.unchanged).push(label);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const details = error.details.map((detail) =>
        [detail.row !== undefined ? `dòng ${detail.row}` : '', detail.field ?? '', detail.message]
          .filter(Boolean)
          .join(' '),
      );
      result.skipped.push({ fileName, reason: [error.message, ...details].join(' — ') });
    }
  }
  return result;
}
