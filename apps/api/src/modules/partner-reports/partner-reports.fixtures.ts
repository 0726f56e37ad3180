/** HTTP helpers of the partner-report tests (imported by *.test.ts only). */
import { vi } from 'vitest';
import type { TestSystem } from '../../../test/system.ts';

export type Headers = Record<string, string>;

/** Sets the business clock (Date only) to an instant written with its offset. */
export const at = (iso: string) => vi.setSystemTime(new Date(iso));

/** A multipart form with one file and text fields, as a browser sends it. */
export function multipart(
  file: string | Buffer,
  fileName: string,
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Headers } {
  const boundary = '----motcuaPartnerReport7MA4YWxk';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
  );
  parts.push(typeof file === 'string' ? Buffer.from(file, 'utf8') : file);
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** CSV text from rows (first row = header). */
export const csv = (rows: (string | number)[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';

export function reportsApi(sys: TestSystem, campaign = 'TEST-TTTB') {
  const base = `/api/v1/campaigns/${campaign}`;
  return {
    upload: (headers: Headers, file: string | Buffer, fields: Record<string, string>, fileName = 'bao-cao.csv') => {
      const m = multipart(file, fileName, fields);
      return sys.app.inject({
        method: 'POST',
        url: `${base}/reports`,
        headers: { ...headers, ...m.headers },
        payload: m.payload,
      });
    },
    list: (headers: Headers, query = '') => sys.app.inject({ method: 'GET', url: `${base}/reports${query}`, headers }),
    get: (headers: Headers, id: number) => sys.app.inject({ method: 'GET', url: `${base}/reports/${id}`, headers }),
    decide: (headers: Headers, id: number, decision: 'approve' | 'reject', body: object = {}) =>
      sys.app.inject({ method: 'POST', url: `${base}/reports/${id}/${decision}`, headers, payload: body }),
    template: (headers: Headers, query = '') =>
      sys.app.inject({ method: 'GET', url: `${base}/reports/template.xlsx${query}`, headers }),
    periods: (headers: Headers, query = '') => sys.app.inject({ method: 'GET', url: `${base}/reports/periods${query}`, headers }),
  };
}
