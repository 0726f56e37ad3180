/**
 * The multipart form of POST /api/v1/reconcile/jobs: files `subscribers` and `registry` (CSV UTF-8 or
 * small XLSX) streamed to <dataDir>/reconcile/<id>/in/ (millions of rows: never held in memory), and
 * the fields maxPerId, deadline, campaign. HTTP edge only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, errors } from '../../errors.ts';

/** Registry extracts of a province run to a few GB; the general upload limit does not apply. */
export const RECONCILE_UPLOAD_MAX_BYTES = 8 * 1024 * 1024 * 1024;

export interface JobUpload {
  files: { subscribers?: string; registry?: string };
  fields: { maxPerId?: string; deadline?: string; campaign?: string };
}

const FIELDS = new Set(['maxPerId', 'deadline', 'campaign']);

export async function receiveJobUpload(req: FastifyRequest, dir: string, maxBytes = RECONCILE_UPLOAD_MAX_BYTES): Promise<JobUpload> {
  if (!req.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Gửi tệp bằng biểu mẫu multipart/form-data (trường "subscribers" và "registry").', 'Send multipart/form-data.');
  fs.mkdirSync(dir, { recursive: true });
  const out: JobUpload = { files: {}, fields: {} };
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 2, fields: 10, fieldSize: 200, parts: 14 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'subscribers' && part.fieldname !== 'registry') {
          part.file.resume();
          continue;
        }
        const ext = path.extname(part.filename ?? '').toLowerCase() === '.xlsx' ? '.xlsx' : '.csv';
        const name = `${part.fieldname}${ext}`;
        await pipeline(part.file, fs.createWriteStream(path.join(dir, name)));
        if (part.file.truncated) throw Object.assign(new Error('too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
        out.files[part.fieldname] = name;
      } else if (FIELDS.has(part.fieldname) && typeof part.value === 'string') {
        out.fields[part.fieldname as keyof JobUpload['fields']] = part.value.normalize('NFC').trim();
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp quá lớn.', 'File too large.', { maxBytes });
    if (code?.startsWith('FST_')) throw errors.validation({ field: 'body' }, 'Biểu mẫu gửi lên không hợp lệ.');
    throw e;
  }
  const missing = (['subscribers', 'registry'] as const).filter((f) => !out.files[f] || fs.statSync(path.join(dir, out.files[f])).size === 0);
  if (missing.length)
    throw errors.validation(
      missing.map((field) => ({ field, message: field === 'subscribers' ? 'Chọn tệp thuê bao của nhà mạng' : 'Chọn tệp trích xuất CSDL dân cư' })),
      'Thiếu tệp thuê bao hoặc tệp CSDL dân cư.',
    );
  return out;
}
