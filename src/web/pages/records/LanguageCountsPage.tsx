/** Placeholder until the page is written. */
export function LanguageCountsPage() {
  return null;
}
