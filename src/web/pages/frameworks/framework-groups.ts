import type { FrameworkVersion } from '../../api/frameworks';

export interface FrameworkGroup {
  code: string;
  /** Newest validity first, as the server lists them. */
  versions: FrameworkVersion[];
}

/** The server's list (by code, newest first within a code) as one group per code, in its order. */
export function groupByCode(items: readonly FrameworkVersion[]): FrameworkGroup[] {
  const groups = new Map<string, FrameworkVersion[]>();
  for (const item of items) {
    const versions = groups.get(item.code);
    if (versions) versions.push(item);
    else groups.set(item.code, [item]);
  }
  return [...groups].map(([code, versions]) => ({ code, versions }));
}

/**
 * The version that scores a period containing `day`: valid that day, and of those the one with the
 * latest validFrom (the rule docs/frameworks.md §8 states for periods, applied to a single day).
 */
export function versionInForce(versions: readonly FrameworkVersion[], day: string): FrameworkVersion | null {
  const valid = versions.filter(
    (version) => version.validFrom <= day && (version.validTo === null || version.validTo >= day),
  );
  return valid.reduce<FrameworkVersion | null>(
    (latest, version) => (latest === null || version.validFrom > latest.validFrom ? version : latest),
    null,
  );
}
