/**
 * The key two URLs of the same page share: no scheme, no "www.", lower-case host, no fragment, no
 * tracking parameters, sorted query, no trailing slash. Used to flag duplicate records.
 */
export function urlKey(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...url.searchParams.entries()]
    .filter(([key]) => !/^(utm_|fbclid$|gclid$|zarsrc$|_gl$)/i.test(key))
    .sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  let path = url.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape stays as written.
  }
  path = path.replace(/\/+$/, '');
  return `${host}${url.port ? `:${url.port}` : ''}${path}${query}`.normalize('NFC');
}
