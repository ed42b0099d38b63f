import { addDays } from '../../../shared/dates';
import { compareVietnamese } from '../../../shared/text';
import type { UnitKind } from '../../../shared/units';
import type { UnitGraphRows } from '../../db/repositories/unit-graph';
import type { SubtreeRow } from '../../db/repositories/units';

/**
 * The unit tree through time, in memory: which units existed on a day and under which parent, and
 * which units passed their records on to which through merges. Scoreboards ask these questions of
 * hundreds or thousands of units on every read; the answers change a few times a year.
 * The SQL it replaces for scoring is kept as the reference in test/unit-graph.test.ts.
 */

export interface GraphVersion {
  name: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface GraphUnit {
  id: string;
  kind: UnitKind;
  code: string | null;
  validFrom: string;
  validTo: string | null;
  /** The units table's own name: the current one, or the last one of a unit that has ended. */
  name: string;
  websiteUrl: string | null;
  /** Oldest first. */
  versions: GraphVersion[];
}

/** A unit scored on a scoreboard, as it was on the day the board shows units. */
export interface ScoredUnitRow {
  id: string;
  kind: UnitKind;
  code: string | null;
  name: string;
  parentId: string | null;
  /** The parent's current name (its latest, when it no longer exists). */
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
}

/** A unit whose records count toward a scored unit: itself, or a unit merged into it. */
export interface SourceUnitRow {
  targetId: string;
  sourceId: string;
  validFrom: string;
  validTo: string | null;
}

/** How deep a subtree is followed (a province, its districts, their communes… with room to spare). */
const MAX_TREE_DEPTH = 10;
/** How many merges back predecessors are followed. */
const MAX_MERGE_DEPTH = 20;

function inForce(version: GraphVersion, date: string): boolean {
  return version.validFrom <= date && (version.validTo === null || version.validTo > date);
}

export class UnitGraph {
  private readonly units = new Map<string, GraphUnit>();
  /** Every version that ever had the parent, with its unit. */
  private readonly childVersions = new Map<string, Array<{ unitId: string; version: GraphVersion }>>();
  /** For each unit, the units an event passed on to it, with the event's kind. */
  private readonly predecessors = new Map<string, Array<{ fromId: string; eventKind: string }>>();
  /** For each unit, the units an event passed it on to, with the event's kind. */
  private readonly successors = new Map<string, Array<{ toId: string; eventKind: string }>>();
  /** The units revision the graph was loaded at. */
  readonly revision: string;
  /** rollupIds by their sorted roots. */
  private readonly rollups = new Map<string, readonly string[]>();

  constructor(rows: UnitGraphRows) {
    for (const [id, kind, code, validFrom, validTo, name, websiteUrl] of rows.units)
      this.units.set(id, { id, kind, code, validFrom, validTo, name, websiteUrl, versions: [] });
    for (const [unitId, name, parentId, validFrom, validTo] of rows.versions) {
      const unit = this.units.get(unitId);
      if (!unit) continue;
      const version = { name, parentId, validFrom, validTo };
      unit.versions.push(version);
      if (parentId) pushTo(this.childVersions, parentId, { unitId, version });
    }
    for (const unit of this.units.values())
      unit.versions.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (const [fromId, toId, eventKind] of rows.links) {
      pushTo(this.predecessors, toId, { fromId, eventKind });
      pushTo(this.successors, fromId, { toId, eventKind });
    }
    this.revision = rows.revision;
  }

  get size(): number {
    return this.units.size;
  }

  unit(id: string): GraphUnit | undefined {
    return this.units.get(id);
  }

  versionOn(unitId: string, date: string): GraphVersion | undefined {
    return this.units.get(unitId)?.versions.find((version) => inForce(version, date));
  }

  /**
   * The direct children of a unit on a day, in Vietnamese alphabetical order, with the columns of
   * findSubtreeAsOf at depth 1: the tree page expands one level at a time, on every click, and the
   * answer changes only with the units revision this graph is of, so no SQL is needed for it.
   * The parent's name is the one in force that day (the latest-starting one, should two overlap),
   * else the units table's own; each child counts its own children in force that day.
   */
  childrenOn(parentId: string, date: string): SubtreeRow[] {
    const parentName = this.nameOn(parentId, date) ?? this.units.get(parentId)?.name ?? null;
    const rows: SubtreeRow[] = [];
    for (const { unitId, version } of this.childVersions.get(parentId) ?? []) {
      const unit = this.units.get(unitId);
      if (!unit || !inForce(version, date)) continue;
      rows.push({
        id: unit.id,
        kind: unit.kind,
        code: unit.code,
        name: version.name,
        parentId,
        parentName,
        validFrom: unit.validFrom,
        validTo: unit.validTo,
        websiteUrl: unit.websiteUrl,
        depth: 1,
        childCount: this.childCountOn(unit.id, date),
      });
    }
    // The id breaks ties, so that two namesakes keep one order from request to request.
    return rows.sort((a, b) => compareVietnamese(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Versions in force on the day whose parent is the unit (a unit counts once per version, as in SQL). */
  private childCountOn(unitId: string, date: string): number {
    let count = 0;
    for (const child of this.childVersions.get(unitId) ?? []) if (inForce(child.version, date)) count += 1;
    return count;
  }

  /** The unit's name in force on the day: the version that began last, should two overlap. */
  private nameOn(unitId: string, date: string): string | undefined {
    let found: GraphVersion | undefined;
    for (const version of this.units.get(unitId)?.versions ?? [])
      if (inForce(version, date) && (!found || version.validFrom >= found.validFrom)) found = version;
    return found?.name;
  }

  /** The unit's current name, or the name of its last version when it no longer exists. */
  latestName(unitId: string): string | null {
    const versions = this.units.get(unitId)?.versions ?? [];
    let latest: GraphVersion | undefined;
    for (const version of versions) {
      if (version.validTo === null) return version.name;
      if (!latest || version.validTo > latest.validTo!) latest = version;
    }
    return latest?.name ?? null;
  }

  /**
   * Units of the given kinds in a subtree on a day (the root itself included when its kind
   * matches), or in the whole country when no root is given.
   */
  scoredUnits(rootId: string | null, date: string, kinds: readonly UnitKind[]): ScoredUnitRow[] {
    if (kinds.length === 0) return [];
    if (rootId === null) return this.scoredUnitsAmong(this.units.keys(), date, kinds);
    const inTree = new Set<string>([rootId]);
    let level = [rootId];
    for (let depth = 0; depth < MAX_TREE_DEPTH && level.length > 0; depth += 1) {
      const next: string[] = [];
      for (const parentId of level)
        for (const child of this.childVersions.get(parentId) ?? [])
          if (inForce(child.version, date) && !inTree.has(child.unitId)) {
            inTree.add(child.unitId);
            next.push(child.unitId);
          }
      level = next;
    }
    return this.scoredUnitsAmong(inTree, date, kinds);
  }

  /** Units of the given kinds among `ids` that were in force on a day. */
  scoredUnitsAmong(ids: Iterable<string>, date: string, kinds: readonly UnitKind[]): ScoredUnitRow[] {
    const rows: ScoredUnitRow[] = [];
    for (const id of ids) {
      const unit = this.units.get(id);
      if (!unit || !kinds.includes(unit.kind)) continue;
      const version = unit.versions.find((candidate) => inForce(candidate, date));
      if (!version) continue;
      rows.push({
        id,
        kind: unit.kind,
        code: unit.code,
        name: version.name,
        parentId: version.parentId,
        parentName: version.parentId ? this.latestName(version.parentId) : null,
        validFrom: unit.validFrom,
        validTo: unit.validTo,
      });
    }
    return rows;
  }

  /**
   * Units of the given kinds among `ids` (every unit when omitted) that existed on some day of
   * [from, to], each as it was on its last day in that span: the units of a year seen as they were,
   * including those that ended or began during it.
   */
  unitsLivingIn(
    ids: Iterable<string> | null,
    from: string,
    to: string,
    kinds: readonly UnitKind[],
  ): ScoredUnitRow[] {
    const rows: ScoredUnitRow[] = [];
    for (const id of ids ?? this.units.keys()) {
      const unit = this.units.get(id);
      if (!unit || !kinds.includes(unit.kind) || unit.validFrom > to) continue;
      if (unit.validTo !== null && unit.validTo <= from) continue;
      const lastDay = unit.validTo !== null && unit.validTo <= to ? addDays(unit.validTo, -1) : to;
      rows.push(...this.scoredUnitsAmong([id], lastDay, kinds));
    }
    return rows;
  }

  /**
   * Each unit with the units merged into it, transitively (a commune merged in 2020 and again in
   * 2025 reaches today's commune). Only merges pass records on: a split or dissolved unit's records
   * would otherwise count twice, once for each successor.
   */
  mergeSources(unitIds: readonly string[]): SourceUnitRow[] {
    const rows: SourceUnitRow[] = [];
    for (const targetId of unitIds) {
      const seen = new Set<string>([targetId]);
      let level = [targetId];
      for (let depth = 0; depth <= MAX_MERGE_DEPTH && level.length > 0; depth += 1) {
        const next: string[] = [];
        for (const sourceId of level) {
          const unit = this.units.get(sourceId);
          if (unit) rows.push({ targetId, sourceId, validFrom: unit.validFrom, validTo: unit.validTo });
          if (depth === MAX_MERGE_DEPTH) continue;
          for (const link of this.predecessors.get(sourceId) ?? [])
            if (link.eventKind === 'merge' && !seen.has(link.fromId)) {
              seen.add(link.fromId);
              next.push(link.fromId);
            }
        }
        level = next;
      }
    }
    return rows;
  }

  /**
   * Every unit whose records count toward the roots: each root, everything ever below it, and their
   * predecessors through merges, transitively; a unit split or dissolved among several successors
   * reaches each of them, but its children do not (they went to their own successors). The same
   * scope as findRollupIds in SQL.
   */
  rollupIds(rootIds: readonly string[]): string[] {
    // A graph never changes (a new revision is a new graph), so a scope is walked once per graph:
    // every request of a user asks for the scope of the same grants.
    const key = [...rootIds].sort().join(',');
    let ids = this.rollups.get(key);
    if (!ids) {
      if (this.rollups.size >= KEPT_ROLLUPS) this.rollups.clear();
      ids = this.walkDown(rootIds);
      this.rollups.set(key, ids);
    }
    // A copy: the caller may change its array, never the one kept.
    return [...ids];
  }

  private walkDown(rootIds: readonly string[]): string[] {
    // A unit reached as a partial predecessor (through a split or dissolution) brings none of its
    // children; reached fully, it brings them all. Both ways may be reached, like the SQL's pairs.
    const reached = new Set<string>();
    const queue: Array<{ id: string; partial: boolean }> = rootIds.map((id) => ({ id, partial: false }));
    while (queue.length > 0) {
      const { id, partial } = queue.pop()!;
      const key = `${partial ? 'p' : 'f'}${id}`;
      if (reached.has(key)) continue;
      reached.add(key);
      if (!partial)
        for (const child of this.childVersions.get(id) ?? [])
          queue.push({ id: child.unitId, partial: false });
      for (const link of this.predecessors.get(id) ?? [])
        if (PASSING_EVENTS.has(link.eventKind))
          queue.push({ id: link.fromId, partial: partial || link.eventKind !== 'merge' });
    }
    return [...new Set([...reached].map((key) => key.slice(1)))];
  }

  /**
   * The units whose scope includes this one: itself, its ancestors at any time and, through merges,
   * the successors of those ancestors; a role granted on any of them reaches it. The exact inverse
   * of rollupIds: a split or dissolution is followed only before any step up to a parent. Empty for
   * a unit that does not exist.
   */
  governingIds(unitId: string): string[] {
    return [...new Set([...this.walkUp(unitId)].map((key) => key.slice(1)))];
  }

  /**
   * The governing units reached by going up at least once: never the unit itself, nor the unit it
   * merged into (a unit does not appraise itself).
   */
  unitsAbove(unitId: string): string[] {
    return [
      ...new Set([...this.walkUp(unitId)].filter((key) => key.startsWith('u')).map((key) => key.slice(1))),
    ];
  }

  /** The walk of governingIds, as keys "u<id>" (reached by going up at least once) or "s<id>". */
  private walkUp(unitId: string): Set<string> {
    const reached = new Set<string>();
    if (!this.units.has(unitId)) return reached;
    const queue: Array<{ id: string; wentUp: boolean }> = [{ id: unitId, wentUp: false }];
    while (queue.length > 0) {
      const { id, wentUp } = queue.pop()!;
      const key = `${wentUp ? 'u' : 's'}${id}`;
      if (reached.has(key)) continue;
      reached.add(key);
      for (const version of this.units.get(id)?.versions ?? [])
        if (version.parentId) queue.push({ id: version.parentId, wentUp: true });
      for (const link of this.successors.get(id) ?? [])
        if (link.eventKind === 'merge' || (!wentUp && PASSING_EVENTS.has(link.eventKind)))
          queue.push({ id: link.toId, wentUp });
    }
    return reached;
  }
}

/** Scopes kept per graph: more distinct grant sets than users online at once is not expected. */
const KEPT_ROLLUPS = 2000;

/** The events that pass a unit's scope on to the units after it. */
const PASSING_EVENTS: ReadonlySet<string> = new Set(['merge', 'split', 'dissolve']);

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
