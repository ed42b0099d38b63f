/**
 * parse/: pure reading of what the fetcher received (no network, no database, no clock: `now` is
 * passed in). See the contract in ../contract.ts.
 */

export { readArticle, stripSiteName } from './article';
export { findBannerLink } from './banner';
export { parseVietnameseDate, parseWithFormat, VIETNAM_OFFSET_MINUTES, vietnamTime } from './dates';
export { readListing } from './listing';
export { pageNumberOf } from './next-page';
export { findSources } from './sources';
export { cleanText, LIMITS } from './text';
export { titleFromUrl } from './urls';
