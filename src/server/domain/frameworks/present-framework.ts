import type { FrameworkVersionDto } from '../../../shared/api/frameworks';
import type { FrameworkSpec } from '../../../shared/frameworks/definition';
import type { FrameworkHeader } from '../../db/repositories/frameworks';
import { countCriteria, summarizeKinds } from '../../frameworks/summarize-framework';

/** What a framework file says about itself, with its totals per unit kind. */
export function presentFrameworkHeader(framework: FrameworkSpec) {
  return {
    code: framework.code,
    version: framework.version,
    name: framework.name,
    legalBasis: framework.legalBasis,
    issuingBody: framework.issuingBody,
    validFrom: framework.validFrom,
    validTo: framework.validTo ?? null,
    periodKind: framework.period,
    appliesTo: framework.appliesTo,
    kinds: summarizeKinds(framework),
    criteriaCount: countCriteria(framework),
  };
}

export function presentFrameworkVersion(
  row: FrameworkHeader & { importedByUsername: string | null },
): FrameworkVersionDto {
  return {
    ...presentFrameworkHeader(row.definition),
    id: row.id,
    isBuiltin: row.isBuiltin,
    sourceFormat: row.sourceFormat === 'json' ? 'json' : 'yaml',
    sha256: row.sha256,
    importedBy: row.importedByUsername,
    importedAt: row.createdAt,
  };
}
