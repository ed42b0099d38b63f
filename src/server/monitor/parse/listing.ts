/** A listing-like page → its items: a feed, a sitemap, or an HTML listing, told apart by content. */

import type { FetchedPage, ListingResult, ReadListing, SiteOverrides } from '../contract';
import { looksLikeFeed, readFeed } from './feed';
import { readHtmlListing } from './listing-html';
import { looksLikeSitemap, readSitemap } from './sitemap';

export const readListing: ReadListing = (
  page: FetchedPage,
  overrides: SiteOverrides,
  now: Date,
): ListingResult => {
  if (looksLikeSitemap(page)) return readSitemap(page, now);
  if (looksLikeFeed(page)) return readFeed(page, now);
  return readHtmlListing(page, overrides, now);
};
