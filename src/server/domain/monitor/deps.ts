import type { Queryable } from '../../db/client';
import type {
  ClassifyItem,
  FetchedPage,
  FindBannerLink,
  FindSources,
  PageFetcher,
  ReadArticle,
  ReadListing,
  StoredSnapshotRef,
} from '../../monitor/contract';
import type { FileStore } from '../../storage/file-store';

/**
 * What the monitor's jobs need from the parts (fetch, parse, classify, snapshots) and the clock. The
 * check functions only see this interface: tests hand in small fakes, the composition root
 * (src/server/monitor/index.ts) hands in the real parts once, at start-up, through setMonitorDeps.
 */

/** snapshots/: keeps what was received (body, headers, text, optional screenshot), chained. */
export type StoreSnapshot = (
  q: Queryable,
  fileStore: FileStore,
  page: FetchedPage,
  options: { unitId: string; channelId: string; text: string | null; screenshot?: Uint8Array | null },
) => Promise<StoredSnapshotRef>;

/** snapshots/: attaches a stored snapshot to a record as its evidence (idempotent). */
export type LinkSnapshotToActivity = (q: Queryable, snapshotId: string, activityId: string) => Promise<void>;

export interface MonitorDeps {
  fetcher: PageFetcher;
  readListing: ReadListing;
  readArticle: ReadArticle;
  findSources: FindSources;
  findBannerLink: FindBannerLink;
  classify: ClassifyItem;
  /** Classifications less sure than this go to the review queue (classify/'s REVIEW_BAND). */
  reviewBand: number;
  storeSnapshot: StoreSnapshot;
  linkSnapshotToActivity: LinkSnapshotToActivity;
  now: () => Date;
}

let current: MonitorDeps | null = null;

/** Installs the parts for this process (the composition root at start-up, a test with its fakes). */
export function setMonitorDeps(deps: MonitorDeps | null): void {
  current = deps;
}

/** The parts installed by setMonitorDeps; a check run before they are installed is a programming error. */
export function monitorDeps(): MonitorDeps {
  if (!current) throw new Error('monitor: setMonitorDeps() was not called at start-up');
  return current;
}

/** Whether the parts are installed (the routes answer "not available" instead of failing). */
export function hasMonitorDeps(): boolean {
  return current !== null;
}
