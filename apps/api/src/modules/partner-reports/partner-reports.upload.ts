/**
 * The staff upload: a multipart form with one file (CSV or XLSX) and the fields periodEnd, revision,
 * partner. The file is read into memory (a province's weekly file is a few hundred rows) with the
 * installation's upload limit. HTTP edge only.
 */
import type { FastifyRequest } from 'fastify';
import { AppError, errors } from '../../errors.ts';
import { readTabularBuffer, type TabularRow } from '../../shared/tabular.ts';

export interface ReportUpload {
  rows: TabularRow[];
  fileName: string | null;
  fields: { periodEnd?: string; revision?: string; partner?: string };
}

const FIELDS = new Set(['periodEnd', 'revision', 'partner']);

const notMultipart = () =>
  new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    'Gửi tệp bằng biểu mẫu multipart/form-data (trường "file").',
    'Send the file as multipart/form-data (field "file").',
  );

export async function receiveReportUpload(req: FastifyRequest, maxBytes: number): Promise<ReportUpload> {
  if (!req.isMultipart()) throw notMultipart();
  const fields: ReportUpload['fields'] = {};
  let buf: Buffer | null = null;
  let fileName: string | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1000, parts: 12 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        buf = await part.toBuffer();
        fileName = part.filename?.normalize('NFC') ?? null;
      } else if (FIELDS.has(part.fieldname) && typeof part.value === 'string') {
        fields[part.fieldname as keyof ReportUpload['fields']] = part.value.normalize('NFC').trim();
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE', `Tệp vượt quá ${Math.round(maxBytes / 1024 / 1024)} MB.`, 'File too large.', {
        maxBytes,
      });
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw notMultipart();
    if (code?.startsWith('FST_')) throw errors.validation({ field: 'body' }, 'Biểu mẫu gửi lên không hợp lệ.');
    throw e;
  }
  if (!buf || buf.length === 0)
    throw errors.validation([{ field: 'file', message: 'Chọn tệp CSV hoặc XLSX' }], 'Chưa chọn tệp báo cáo (CSV hoặc XLSX).');
  const rows = await readTabularBuffer(buf).catch(() => {
    throw errors.validation([{ field: 'file', message: 'Không đọc được tệp' }], 'Không đọc được tệp: cần CSV (UTF-8) hoặc XLSX.');
  });
  return { rows, fileName, fields };
}

/** "true", "on", "1" (a checkbox) → true. */
export const truthy = (v: string | undefined) => v !== undefined && /^(true|on|1|yes|có)$/i.test(v);
