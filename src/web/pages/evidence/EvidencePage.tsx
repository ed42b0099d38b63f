/** Placeholder until the page is written. */
export function EvidencePage() {
  return null;
}
