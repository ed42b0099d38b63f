/** Placeholder until the page is written. */
export function LibraryPage() {
  return null;
}
