import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's own order (files that failed last time, then the longest by its cache, else the largest),
 * with the files known to take minutes moved to the front. A fresh clone has no cache, and the
 * largest-first guess had started the 155 s scale-out test after 206 s of the PostgreSQL tier, so
 * the tier waited on it alone for two minutes; begun first, it runs beside the rest.
 */
export function slowFirstSequencer(slowFiles: readonly string[]) {
  return class SlowFirstSequencer extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const sorted = await super.sort(files);
      const rank = (file: TestSpecification) => {
        const index = slowFiles.findIndex((name) => file.moduleId.endsWith(`/${name}`));
        return index < 0 ? slowFiles.length : index;
      };
      // Array.prototype.sort is stable: the rest keep vitest's order.
      return [...sorted].sort((a, b) => rank(a) - rank(b));
    }
  };
}
