/** Sizes as people read them: bytes, KB or MB with one decimal in the UI's language. */
export function formatBytes(bytes: number, language: 'vi' | 'en'): string {
  const number = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${number.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes / (1024 * 1024))} MB`;
}

/** The start of a SHA-256: enough to tell files apart by eye; the whole hash stays one click away. */
export function shortHash(sha256: string): string {
  return `${sha256.slice(0, 12)}…`;
}
