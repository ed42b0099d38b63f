import type { EvidenceDto, EvidenceListQuery } from '../../../shared/api/evidence';
import type { Queryable } from '../../db/client';
import { findEvidencePage } from '../../db/repositories/evidence';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { findRollupIds } from '../units/unit-scope';
import { presentEvidence } from './present-evidence';

/** The evidence of a unit (and, on request, of the units below it and the former units merged into it). */
export async function findUnitEvidence(options: {
  db: Queryable;
  principal: Principal;
  unitId: string;
  query: EvidenceListQuery;
}): Promise<{ items: EvidenceDto[]; total: number }> {
  const { db, principal, unitId, query } = options;
  await authorizeUnit(db, principal, unitId, 'unit.view');
  const unitIds = query.subtree ? await findRollupIds(db, [unitId]) : [unitId];
  const page = await findEvidencePage(
    db,
    {
      unitIds,
      kind: query.kind,
      from: query.from,
      to: query.to,
      text: query.q,
      allVersions: query.allVersions,
    },
    { limit: query.limit, offset: query.offset },
  );
  return { items: page.items.map(presentEvidence), total: page.total };
}
