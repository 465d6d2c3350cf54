import type { FastifyReply } from 'fastify';

/** Sends a Word document with a UTF-8 file name that Word, WPS and browsers all read. */
export function sendDocx(reply: FastifyReply, buf: Buffer, filename: string) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .header(
      'content-disposition',
      `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .send(buf);
}
