/** Placeholder until the page is written. */
export function RecordEditPage() {
  return null;
}
