/**
 * The Content-Disposition of a download: the original (Vietnamese) name in RFC 5987 form, and an
 * ASCII fallback without diacritics for old clients.
 */
export function contentDisposition(fileName: string, inline: boolean): string {
  const fallback = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Types a browser may show in the page (the evidence drawer's preview): PDF and raster images, and
 * nothing that can run script (HTML, SVG). Everything else, audio and office documents included, is
 * sent as an attachment; an <audio> player plays it all the same.
 */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function isViewableInline(mimeType: string): boolean {
  return INLINE_TYPES.has(mimeType);
}
