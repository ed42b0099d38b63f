import type { EvidenceDetailDto } from '../../../shared/api/evidence';
import type { Queryable } from '../../db/client';
import {
  findEvidenceChainIds,
  findEvidenceViews,
  findLinksOfEvidence,
  getEvidenceRow,
} from '../../db/repositories/evidence';
import { notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import { findCurrentProvinceId } from '../units/find-province';
import { canManageProvince } from '../vocabulary/province-settings';
import { presentEvidence, presentEvidenceLink } from './present-evidence';

/** One evidence item with all its versions (newest first) and what it is linked to. */
export async function getEvidence(options: {
  db: Queryable;
  principal: Principal;
  evidenceId: string;
}): Promise<EvidenceDetailDto> {
  const { db, principal, evidenceId } = options;
  const row = await getEvidenceRow(db, evidenceId);
  if (!row) throw notFound();
  const actions = await authorizeUnit(db, principal, row.unitId, 'unit.view');
  const canMakePublic = await canManageProvince(db, principal, await findCurrentProvinceId(db, row.unitId));
  return loadEvidenceDetail(db, evidenceId, actions.includes('activity.record'), canMakePublic);
}

/** The detail without a permission check, for callers that have just made one. */
export async function loadEvidenceDetail(
  db: Queryable,
  evidenceId: string,
  canEdit: boolean,
  canMakePublic = false,
): Promise<EvidenceDetailDto> {
  const versions = await findEvidenceViews(db, await findEvidenceChainIds(db, evidenceId));
  versions.sort((a, b) => b.versionNumber - a.versionNumber);
  const self = versions.find((version) => version.id === evidenceId);
  if (!self) throw notFound();
  const links = await findLinksOfEvidence(db, evidenceId);
  return {
    ...presentEvidence(self),
    versions: versions.map(presentEvidence),
    links: links.map(presentEvidenceLink),
    canEdit,
    canMakePublic,
  };
}
