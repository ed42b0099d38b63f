import { eq } from 'drizzle-orm';
import type { EvidenceDetailDto } from '../../../shared/api/evidence';
import type { Db } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { getEvidenceRow } from '../../db/repositories/evidence';
import { evidence } from '../../db/schema-activities';
import { forbidden, notFound } from '../../errors';
import { authorizeUnit, type Principal } from '../../policies/principal';
import type { Actor } from '../actor';
import { findCurrentProvinceId } from '../units/find-province';
import { canManageProvince } from '../vocabulary/province-settings';
import { loadEvidenceDetail } from './get-evidence';

/**
 * Marks an evidence item public or not: a public item is linked from its province's public results
 * page (and its file served there) while the province publishes its results. Only the province's DX
 * office decides; the item itself never changes (only this flag), and each change is audited.
 */
export async function setEvidencePublic(options: {
  db: Db;
  principal: Principal;
  actor: Actor;
  evidenceId: string;
  isPublic: boolean;
}): Promise<EvidenceDetailDto> {
  const { db, principal, actor, evidenceId, isPublic } = options;
  const row = await getEvidenceRow(db, evidenceId);
  if (!row) throw notFound();
  const actions = await authorizeUnit(db, principal, row.unitId, 'unit.view');
  if (!(await canManageProvince(db, principal, await findCurrentProvinceId(db, row.unitId))))
    throw forbidden('Chỉ cơ quan chuyển đổi số của tỉnh được công khai minh chứng.');
  if (row.isPublic !== isPublic)
    await db.transaction(async (tx) => {
      await tx.update(evidence).set({ isPublic }).where(eq(evidence.id, evidenceId));
      await insertAuditEntries(tx, actor, [
        {
          action: isPublic ? 'evidence.make_public' : 'evidence.make_private',
          entityType: 'evidence',
          entityId: evidenceId,
          unitId: row.unitId,
          summary: `${isPublic ? 'Công khai' : 'Thôi công khai'} minh chứng "${row.title}"`,
          before: { isPublic: row.isPublic },
          after: { isPublic },
        },
      ]);
    });
  return loadEvidenceDetail(db, evidenceId, actions.includes('activity.record'), true);
}
