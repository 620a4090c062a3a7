import { DomainError } from '@pivot/core';
import { isStorableText } from '@pivot/core/input';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { maxUploadBytes } from '../records/index.ts';

const scanTypes: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/tiff': ['tif', 'tiff'],
};

/** A scanned file whose content matches its name's extension. */
export interface CheckedScan {
  name: string;
  content: Buffer;
  mediaType: string;
}

/** Reads the one file of a multipart upload and checks that it is a PDF, JPEG, PNG or TIFF. */
export async function uploadedScan(request: FastifyRequest): Promise<CheckedScan> {
  if (!request.isMultipart()) throw new DomainError('file_missing', { field: 'file' });
  let file: { name: string; content: Buffer } | undefined;
  for await (const part of request.parts({ limits: { fileSize: maxUploadBytes, files: 1 } })) {
    if (part.type === 'file') {
      const content = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE')
          throw new DomainError('file_too_large', {
            field: 'file',
            params: { max: maxUploadBytes / 1024 / 1024 },
          });
        throw error;
      });
      // The name is stored: it must be text PostgreSQL can hold, as every other field.
      if (!isStorableText(part.filename)) throw new DomainError('text_invalid_character', { field: 'file' });
      file = { name: part.filename, content };
    }
  }
  if (!file || file.content.length === 0) throw new DomainError('file_missing', { field: 'file' });
  // The content decides, not the name: a file called .pdf that is not a PDF is refused.
  const detected = await fileTypeFromBuffer(file.content);
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const allowed = detected ? scanTypes[detected.mime] : undefined;
  if (!detected || !allowed?.includes(extension))
    throw new DomainError('file_type_mismatch', { field: 'file' });
  return { ...file, mediaType: detected.mime };
}
