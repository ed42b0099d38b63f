import type { Queryable } from '../../db/client';
import { readScoreStamps } from '../../db/repositories/score-changes';
import type { ScoringTarget } from './build-facts';

/**
 * What a result kept for one scoring target was computed from, beyond the context it is kept under:
 * the target as resolved (its source units and window) and the stamps of its units (migration 0015).
 * The live scores (evaluation-cache.ts) and the dashboard's progress (criterion-progress.ts) keep
 * their results with it and serve them only while both are unchanged.
 */
export interface TargetSeen {
  targetKey: string;
  stamp: string;
}

function targetKeyOf(target: ScoringTarget): string {
  const { window } = target;
  return [
    target.sourceIds.join(','),
    window.activeFrom,
    window.through,
    window.activeUntil ?? '',
    window.throughIsToday ? 't' : '',
  ].join('|');
}

/** The stamp of a target: those of the unit itself and of every unit whose records count for it. */
function targetStamp(target: ScoringTarget, stamps: Readonly<Record<string, string>>): string {
  const own = stamps[target.unitId] ?? '';
  return `${own};${target.sourceIds.map((id) => stamps[id] ?? '').join(';')}`;
}

/** A target as seen with the stamps read for it (read before its facts: see readTargetSeen). */
export function targetSeen(target: ScoringTarget, stamps: Readonly<Record<string, string>>): TargetSeen {
  return { targetKey: targetKeyOf(target), stamp: targetStamp(target, stamps) };
}

/**
 * Reads one target's stamps. Called before its facts are read, so that a write committing in between
 * leaves the kept result with the older stamp, and the next read computes it again rather than miss it.
 */
export async function readTargetSeen(q: Queryable, target: ScoringTarget): Promise<TargetSeen> {
  return targetSeen(target, await readScoreStamps(q, [target.unitId, ...target.sourceIds]));
}

/** Whether a kept result still holds: same target, no write to any of its units since. */
export function isStillValid(kept: TargetSeen | undefined, now: TargetSeen): boolean {
  return kept !== undefined && kept.targetKey === now.targetKey && kept.stamp === now.stamp;
}
