import type { FastifyReply } from 'fastify';
import type { PrintedDocument } from './printing-service.ts';

/** Sends a printed document to be shown in the browser's viewer rather than downloaded. */
export function pdfReply(reply: FastifyReply, document: PrintedDocument) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${document.fileName}"`)
    .send(document.pdf);
}
