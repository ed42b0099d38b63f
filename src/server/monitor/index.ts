import type { Config } from '../config';
import { setMonitorDeps } from '../domain/monitor/deps';
import { linkSnapshotToActivity } from '../domain/monitor/snapshots/link-snapshot-to-activity';
import { storeSnapshot } from '../domain/monitor/snapshots/store-snapshot';
import { REVIEW_BAND } from './classify';
import { installActiveClassifier } from './classify/active';
import { createPageFetcher, defaultFetchPolicy, monitorUserAgent } from './fetch';
import { findBannerLink, findSources, readArticle, readListing } from './parse';

/**
 * The composition root of the website monitor: the real fetcher (one per process, since its
 * robots.txt cache and per-host queue live inside it), parsers, classifier and snapshot store, handed
 * to the monitor's checks once at start-up. Web processes need them too ("check now" and the
 * overrides test read live pages).
 */
export function installMonitor(config: Pick<Config, 'monitorAllowHosts' | 'dataDir' | 'publicUrl'>): void {
  setMonitorDeps({
    fetcher: createPageFetcher(
      // The user agent names this install's /bot page, so a webmaster knows whom to ask.
      defaultFetchPolicy(config.monitorAllowHosts, {
        userAgent: monitorUserAgent({ publicUrl: config.publicUrl }),
      }),
    ),
    readListing,
    readArticle,
    findSources,
    findBannerLink,
    // The model retrained into DATA_DIR when there is one, else the shipped model.json.
    classify: installActiveClassifier(config.dataDir),
    // Verdicts less sure than the band's top go to a person.
    reviewBand: REVIEW_BAND.max,
    storeSnapshot: (q, fileStore, page, options) => storeSnapshot(q, fileStore, page, options),
    linkSnapshotToActivity: async (q, snapshotId, activityId) => {
      await linkSnapshotToActivity(q, snapshotId, activityId);
    },
    now: () => new Date(),
  });
}
