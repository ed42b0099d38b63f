import type { FrameworkDetailDto } from '../../../shared/api/frameworks';
import type { Queryable } from '../../db/client';
import { getFrameworkRow } from '../../db/repositories/frameworks';
import { notFound } from '../../errors';
import { presentFrameworkVersion } from './present-framework';

/** One stored version: its checked definition and the file exactly as imported. */
export async function getFramework(options: {
  db: Queryable;
  frameworkId: string;
}): Promise<FrameworkDetailDto> {
  const row = await getFrameworkRow(options.db, options.frameworkId);
  if (!row) throw notFound('Không tìm thấy bộ chỉ số.');
  return { ...presentFrameworkVersion(row), definition: row.definition, sourceText: row.sourceText };
}
