import type { PeriodKind } from '../../../shared/frameworks/definition';
import type { Role } from '../../../shared/roles';
import type { Queryable } from '../../db/client';
import { findFrameworksInForce, findMostUsedFramework } from '../../db/repositories/home';
import type { Principal } from '../../policies/principal';
import { toEpochDay } from '../../scoring/day-numbers';
import { type Period, periodContaining } from '../../scoring/periods';
import type { UnitGraph } from '../units/unit-graph';

/** The framework everyone is scored on unless their province's assessments show another. */
export const DEFAULT_FRAMEWORK = 'kontum-780';

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** A day of a timestamp that arrives as a Date on one driver and as text on the other. */
export function asDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

/** The units a user holds a role on (null: a system admin over everything), each once, in grant order. */
export function grantUnits(principal: Principal, roles: readonly Role[]): Array<string | null> {
  const seen = new Set<string | null>();
  for (const grant of principal.grants)
    if (roles.includes(grant.role) && !seen.has(grant.unitId)) seen.add(grant.unitId);
  return [...seen];
}

/** The unit at the top of the unit's tree on the day (its province, for a commune). */
export function topAncestor(graph: UnitGraph, unitId: string, day: string): string {
  let current = unitId;
  for (let depth = 0; depth < 10; depth += 1) {
    const parentId = graph.versionOn(current, day)?.parentId;
    if (!parentId) break;
    current = parentId;
  }
  return current;
}

export interface CurrentFramework {
  code: string;
  period: Period;
}

/**
 * The framework a unit (or a scope) is scored on today and its running period: the framework most
 * used by the live assessments under the scope's top unit (its province), when a version of it is in
 * force today for the kind; else the default framework; else the first in force. None when no
 * framework scores the kind today.
 */
export async function findCurrentFramework(
  q: Queryable,
  graph: UnitGraph,
  options: { rootId: string | null; kind: string | null; today: string },
): Promise<CurrentFramework | undefined> {
  const { rootId, kind, today } = options;
  const inForce = await findFrameworksInForce(q, today, kind);
  if (inForce.length === 0) return undefined;
  const scope = rootId === null ? null : graph.rollupIds([topAncestor(graph, rootId, today)]);
  const used = await findMostUsedFramework(q, scope);
  const chosen =
    inForce.find((framework) => framework.code === used) ??
    inForce.find((framework) => framework.code === DEFAULT_FRAMEWORK) ??
    inForce[0]!;
  return { code: chosen.code, period: periodContaining(chosen.periodKind as PeriodKind, today) };
}

/** The list shape of every block: its total (every row carries it) and its first items. */
export function listOf<R extends { total: number }, T>(
  rows: readonly R[],
  map: (row: R) => T,
): { total: number; items: T[] } {
  return { total: rows[0]?.total ?? 0, items: rows.map(map) };
}
