import type { Queryable } from '../../db/client';
import { findItems } from '../../db/repositories/monitor';
import { forbidden } from '../../errors';
import { authorizeUnit, type Principal, scopeIds } from '../../policies/principal';
import { findRollupIds } from '../units/unit-scope';

/** Decisions per file at most; the classifier's training reads them all at once. */
const MAX_DECISIONS = 50_000;

/**
 * The decisions people made on found items, as JSON Lines `{title, lead, isDx, topic}` (one item a
 * line): extra training data for the classifier (its training script takes `--extra <file>`).
 * Within the scope where the caller manages the monitor (or one unit's roll-up).
 */
export async function exportDecisions(
  q: Queryable,
  principal: Principal,
  unitId?: string,
): Promise<{ fileName: string; body: string }> {
  let unitIds = await scopeIds(q, principal, 'monitor.manage');
  if (unitIds?.length === 0 && !unitId) throw forbidden();
  if (unitId) {
    await authorizeUnit(q, principal, unitId, 'monitor.manage');
    unitIds = await findRollupIds(q, [unitId]);
  }
  const rows = await findItems(q, { unitIds, decidedOnly: true, limit: MAX_DECISIONS, offset: 0 });
  const lines = rows.map((row) =>
    JSON.stringify({ title: row.title, lead: row.lead, isDx: row.decidedIsDx, topic: row.decidedTopic }),
  );
  return { fileName: 'quyet-dinh-phan-loai.jsonl', body: lines.length ? `${lines.join('\n')}\n` : '' };
}
