import type { z } from 'zod';
import type { auditQuery } from '../../../shared/api/audit';
import type { Db } from '../../db/client';
import { findAuditEntries } from '../../db/repositories/audit';
import { forbidden } from '../../errors';
import { type Principal, scopeIds } from '../../policies/principal';

/** Administrators read every entry; a DX office reads the entries about the units of its province. */
export async function findAuditLog(options: {
  db: Db;
  principal: Principal;
  filter: z.infer<typeof auditQuery>;
}) {
  const { db, principal, filter } = options;
  const unitIds = await scopeIds(db, principal, 'audit.view');
  if (unitIds !== null && unitIds.length === 0) throw forbidden('Bạn không có quyền xem nhật ký.');
  const dayAfter = (day: string) => new Date(new Date(`${day}T00:00:00+07:00`).getTime() + 86_400_000);
  return findAuditEntries(db, {
    unitIds,
    actor: filter.actor,
    action: filter.action,
    entityType: filter.entityType,
    entityId: filter.entityId,
    unitId: filter.unitId,
    from: filter.from ? new Date(`${filter.from}T00:00:00+07:00`) : undefined,
    to: filter.to ? dayAfter(filter.to) : undefined,
    limit: filter.limit,
    offset: filter.offset,
  });
}
