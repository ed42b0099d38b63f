/** The e-mail for one notification: Vietnamese, plain text and simple HTML, every stored text escaped. */

export interface NotificationEmailInput {
  recipientName: string;
  title: string;
  body: string;
  unitName: string | null;
  /** In-app path ("/assessments/…") or null. */
  link: string | null;
  /** PUBLIC_URL, or null when not set. */
  publicUrl: string | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** One line, no control characters: a subject is a header. */
function oneLine(text: string, max: number): string {
  const printable = Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    return code < 32 || code === 127 ? ' ' : char;
  }).join('');
  const flat = printable.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function appUrl(input: NotificationEmailInput): string | null {
  if (!input.publicUrl) return null;
  // Only in-app paths are joined: a stored link is never sent out as an address of its own.
  const path = input.link?.startsWith('/') && !input.link.startsWith('//') ? input.link : '/';
  return `${input.publicUrl}${path}`;
}

export function renderNotificationEmail(input: NotificationEmailInput): RenderedEmail {
  const subject = `[Loa Số] ${oneLine(input.title, 180)}`;
  const url = appUrl(input);
  const unitLine = input.unitName ? `Đơn vị: ${input.unitName}` : null;
  const text = [
    `Kính gửi ${input.recipientName},`,
    '',
    input.title,
    ...(unitLine ? [unitLine] : []),
    '',
    input.body,
    '',
    url ? `Mở Loa Số để xem và xử lý: ${url}` : 'Đăng nhập Loa Số để xem và xử lý.',
    '',
    '—',
    'Thư gửi tự động từ hệ thống Loa Số; vui lòng không trả lời thư này.',
  ].join('\n');
  const paragraphs = input.body
    .split(/\n{2,}/)
    .map((part) => `<p>${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1f1f1f; max-width: 640px">
<p>Kính gửi ${escapeHtml(input.recipientName)},</p>
<h2 style="font-size: 18px; margin: 16px 0 4px">${escapeHtml(input.title)}</h2>
${unitLine ? `<p style="margin: 0; color: #555">${escapeHtml(unitLine)}</p>\n` : ''}${paragraphs}
<p>${url ? `<a href="${escapeHtml(url)}">Mở Loa Số để xem và xử lý</a>` : 'Đăng nhập Loa Số để xem và xử lý.'}</p>
<hr style="border: none; border-top: 1px solid #ddd">
<p style="font-size: 13px; color: #777">Thư gửi tự động từ hệ thống Loa Số; vui lòng không trả lời thư này.</p>
</body></html>
`;
  return { subject, text, html };
}
