/**
 * What must be undone however the run ends (databases to drop, temp dirs to remove): registered
 * as soon as it exists, run in reverse order by a normal end, an error, a signal or the watchdog.
 */
const cleanups = new Set<() => Promise<void>>();
let running: Promise<void> | undefined;

/** Registers a cleanup; the returned function unregisters it once it has been done normally. */
export function onCleanup(cleanup: () => Promise<void>): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * Runs every registered cleanup once. A second caller (a signal, then the error it causes in the
 * interrupted work) gets the same promise, so nobody exits while a drop is still under way.
 */
export function runCleanups(): Promise<void> {
  running ??= (async () => {
    for (const cleanup of [...cleanups].reverse()) {
      cleanups.delete(cleanup);
      await cleanup().catch((error: Error) => console.error(`cleanup: ${error.message}`));
    }
  })();
  return running;
}
