import type { FastifyReply } from 'fastify';
import { attachmentDisposition } from '../reports/file-name';

/** A file built for one request (DOCX, XLSX, a report document): an attachment, never cached. */
export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; content: Buffer },
) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.content);
}
