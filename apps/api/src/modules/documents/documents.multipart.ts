/**
 * Reads an upload (multipart/form-data: one part "file" and a few text fields) straight into the
 * blob store's stage, so a large file never sits in memory; the size limit stops reading as soon as
 * it is passed. HTTP edge only: the checks on the content are the service's.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errors } from '../../errors.ts';
import { BlobTooLargeError, type BlobStore } from './documents.blobs.ts';
import { tooLarge, type IncomingFile } from './documents.service.ts';

export interface Upload {
  file?: IncomingFile;
  /** Text fields, NFC. */
  fields: Record<string, string>;
}

const FIELD_NAMES = new Set(['title', 'component']);

function notMultipart() {
  return new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    'Gửi tệp bằng biểu mẫu multipart/form-data (trường "file").',
    'Send the file as multipart/form-data (field "file").',
  );
}

/** The multipart plugin's own limit errors, in the API's words. */
function limitError(e: unknown): AppError | null {
  const code = (e as { code?: string }).code;
  if (code === 'FST_FILES_LIMIT') return errors.validation([{ field: 'file', message: 'chỉ một tệp' }], 'Mỗi lần chỉ gửi một tệp.');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return errors.validation([{ field: 'body', message: 'quá nhiều trường' }], 'Biểu mẫu có quá nhiều trường.');
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return notMultipart();
  return null;
}

export async function receiveUpload(req: FastifyRequest, blobs: BlobStore, maxBytes: number): Promise<Upload> {
  if (!req.isMultipart()) throw notMultipart();
  const fields: Record<string, string> = {};
  let file: IncomingFile | undefined;
  try {
    // busboy stops a file one byte past the limit; the stage sees that byte and refuses.
    const parts = req.parts({ limits: { fileSize: maxBytes + 1, files: 1, fields: 10, fieldSize: 4000, parts: 12 } });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        try {
          file = { staged: await blobs.stage(part.file, { maxBytes }), fileName: part.filename?.normalize('NFC') };
        } catch (e) {
          if (e instanceof BlobTooLargeError) throw tooLarge(maxBytes);
          throw e;
        }
      } else if (FIELD_NAMES.has(part.fieldname) && typeof part.value === 'string') {
        fields[part.fieldname] = part.value.normalize('NFC');
      }
    }
  } catch (e) {
    await file?.staged.discard();
    throw limitError(e) ?? e;
  }
  return { file, fields };
}

/**
 * onSend hook of upload routes: an answer given before the body was read to its end (413, 415, 401
 * …) closes the connection. Otherwise the unread rest of the upload would keep the keep-alive
 * connection busy: the client blocked sending bytes nobody reads, and the server unable to shut down.
 */
export async function closeIfBodyUnread(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!req.raw.readableEnded) reply.header('connection', 'close');
}
