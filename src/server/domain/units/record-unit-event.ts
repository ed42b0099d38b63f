import type { Queryable } from '../../db/client';
import { insertAuditEntries } from '../../db/repositories/audit';
import { endUnit, getUnitAsOf, insertEvent, startNewVersion } from '../../db/repositories/units';
import { validationError } from '../../errors';
import type { Actor } from '../actor';

interface EventBase {
  date: string;
  legalBasis?: string;
  note?: string;
}

/** A reorganisation step. Units that stop existing end the day before `date` (valid_to = date). */
export type UnitEventInput =
  | (EventBase & { kind: 'merge'; fromIds: string[]; toId: string })
  | (EventBase & { kind: 'split'; fromId: string; toIds: string[] })
  | (EventBase & { kind: 'dissolve'; unitId: string; successorIds: string[] })
  | (EventBase & { kind: 'rename'; unitId: string; newName: string })
  | (EventBase & { kind: 'reparent'; unitId: string; newParentId: string | null });

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

async function assertExists(q: Queryable, unitId: string, date: string, field: string) {
  const unit = await getUnitAsOf(q, unitId, date);
  if (!unit)
    throw validationError(`Đơn vị không tồn tại vào ngày ${date}.`, [
      { field, message: 'Không tồn tại vào ngày này.' },
    ]);
  return unit;
}

/** Records a merge, split, dissolution, rename or re-parent, and the unit changes it implies. */
export async function recordUnitEvent(q: Queryable, actor: Actor, input: UnitEventInput): Promise<string> {
  const before = dayBefore(input.date);
  const base = { effectiveDate: input.date, legalBasis: input.legalBasis ?? null, note: input.note ?? null };
  let eventId: string;
  switch (input.kind) {
    case 'merge': {
      for (const [i, id] of input.fromIds.entries()) await assertExists(q, id, before, `fromIds.${i}`);
      await assertExists(q, input.toId, input.date, 'toId');
      for (const id of input.fromIds) if (id !== input.toId) await endUnit(q, id, input.date);
      eventId = await insertEvent(q, {
        kind: 'merge',
        ...base,
        units: [
          ...input.fromIds
            .filter((id) => id !== input.toId)
            .map((unitId) => ({ unitId, role: 'from' as const })),
          { unitId: input.toId, role: 'to' },
        ],
      });
      break;
    }
    case 'split': {
      await assertExists(q, input.fromId, before, 'fromId');
      for (const [i, id] of input.toIds.entries()) await assertExists(q, id, input.date, `toIds.${i}`);
      if (!input.toIds.includes(input.fromId)) await endUnit(q, input.fromId, input.date);
      eventId = await insertEvent(q, {
        kind: 'split',
        ...base,
        units: [
          { unitId: input.fromId, role: 'from' },
          ...input.toIds
            .filter((id) => id !== input.fromId)
            .map((unitId) => ({ unitId, role: 'to' as const })),
        ],
      });
      break;
    }
    case 'dissolve': {
      await assertExists(q, input.unitId, before, 'unitId');
      for (const [i, id] of input.successorIds.entries())
        await assertExists(q, id, input.date, `successorIds.${i}`);
      await endUnit(q, input.unitId, input.date);
      eventId = await insertEvent(q, {
        kind: 'dissolve',
        ...base,
        units: [
          { unitId: input.unitId, role: 'from' },
          ...input.successorIds.map((unitId) => ({ unitId, role: 'to' as const })),
        ],
      });
      break;
    }
    case 'rename': {
      const unit = await assertExists(q, input.unitId, input.date, 'unitId');
      await startNewVersion(q, input.unitId, input.date, { name: input.newName });
      eventId = await insertEvent(q, {
        kind: 'rename',
        ...base,
        details: { fromName: unit.name, toName: input.newName },
        units: [{ unitId: input.unitId, role: 'subject' }],
      });
      break;
    }
    case 'reparent': {
      const unit = await assertExists(q, input.unitId, input.date, 'unitId');
      if (input.newParentId) await assertExists(q, input.newParentId, input.date, 'newParentId');
      await startNewVersion(q, input.unitId, input.date, { parentId: input.newParentId });
      eventId = await insertEvent(q, {
        kind: 'reparent',
        ...base,
        details: { fromParentId: unit.parentId, toParentId: input.newParentId },
        units: [{ unitId: input.unitId, role: 'subject' }],
      });
      break;
    }
  }
  await insertAuditEntries(q, actor, [
    {
      action: `unit_event.${input.kind}`,
      entityType: 'unit_event',
      entityId: eventId,
      summary: `Sự kiện ${input.kind} ngày ${input.date}`,
      after: input,
    },
  ]);
  return eventId;
}
