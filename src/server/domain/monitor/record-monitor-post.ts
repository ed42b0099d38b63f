import type { ActivityInput } from '../../../shared/api/activities';
import { dayOf, todayVn } from '../../../shared/dates';
import type { ErrorDetail } from '../../../shared/errors';
import type { Queryable } from '../../db/client';
import { findDuplicateHits } from '../../db/repositories/activities';
import { loadPrepareContexts } from '../activities/load-prepare-context';
import { prepareActivity } from '../activities/prepare-activity';
import { findDuplicates, recordActivities } from '../activities/record-activities';
import type { Actor } from '../actor';
import { findRollupIds } from '../units/unit-scope';
import type { MonitorDeps } from './deps';

/** Who writes what the monitor records on its own (audit entries name it). */

/** "HH:mm" of an instant in Vietnam. */
function vnTime(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(11, 16);
}

/**
 * A live record of the unit (or of a unit of its roll-up) for the same page, by URL key: a post an
 * officer typed in before the monitor found it. Null when there is none.
 */
export async function findRecordOfPage(q: Queryable, unitId: string, urlKey: string): Promise<string | null> {
  const hits = await findDuplicateHits(q, [{ urlKey, channelId: null, occurredOn: '', searchText: '' }]);
  if (hits.length === 0) return null;
  const rollup = new Set(await findRollupIds(q, [unitId]));
  return hits.findLast((hit) => rollup.has(hit.unitId))?.id ?? null;
}

export type RecordPostOutcome =
  | { outcome: 'created'; activityId: string }
  | { outcome: 'linked'; activityId: string }
  | { outcome: 'invalid'; errors: ErrorDetail[] };

/**
 * Records a found DX item as a post of the unit's website column (provenance 'monitor', pending
 * review like every automatic source, the page's snapshot as its evidence). A record already there
 * for the same page, or with the same title on the same day and channel, is not repeated: the
 * snapshot is attached to it instead. Runs in the caller's transaction.
 */
export async function recordMonitorPost(
  q: Queryable,
  deps: Pick<MonitorDeps, 'linkSnapshotToActivity'>,
  options: {
    actor: Actor;
    unitId: string;
    channelId: string;
    title: string;
    url: string;
    occurredAt: Date;
    topic: string | null;
    snapshotId: string | null;
    now: Date;
  },
): Promise<RecordPostOutcome> {
  const { actor, unitId, channelId, snapshotId } = options;
  const input: ActivityInput = {
    kind: 'post',
    unitId,
    channelId,
    occurredOn: dayOf(options.occurredAt),
    occurredTime: vnTime(options.occurredAt),
    title: options.title,
    url: options.url,
    topics: [],
    language: 'vi',
  };
  const contextFor = await loadPrepareContexts(q, [input], {
    provenance: 'monitor',
    recordedBy: actor.userId,
  });
  const context = { ...contextFor(input), today: todayVn(options.now) };
  // A topic the province's list does not hold is left out rather than failing the record.
  if (options.topic && context.topicCodes.has(options.topic)) input.topics = [options.topic];
  const { row, errors } = prepareActivity(input, context);
  if (!row) return { outcome: 'invalid', errors };

  const [finding] = await findDuplicates(q, [row]);
  if (finding && !finding.duplicateOfId.startsWith('batch:')) {
    if (snapshotId) await deps.linkSnapshotToActivity(q, snapshotId, finding.duplicateOfId);
    return { outcome: 'linked', activityId: finding.duplicateOfId };
  }
  const [activityId] = await recordActivities(q, actor, [{ ...row, snapshotId }], [null]);
  if (snapshotId) await deps.linkSnapshotToActivity(q, snapshotId, activityId!);
  return { outcome: 'created', activityId: activityId! };
}
