/**
 * What a carrier's or the police's system does (DESIGN §5: "sample files and a script that posts
 * reports"): reads a report file (CSV/XLSX in the template's layout, or the API's JSON body) and posts
 * it to /api/v1/partner/reports with a partner token. Problems are printed with the file's own lines.
 *
 *   npx tsx scripts/post-partner-report.ts --token pt_… --period-end 2026-05-03 data/samples/partner-reports/viettel_2026-05-03.csv
 *   npx tsx scripts/post-partner-report.ts --token pt_… data/samples/partner-reports/vnpt_2026-05-03.json
 *   options: --url http://localhost:8080 (or MOTCUA_URL), --revision; the token may come from MOTCUA_PARTNER_TOKEN.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readTabularFile } from '../apps/api/src/shared/tabular.ts';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string', default: process.env.MOTCUA_URL ?? 'http://localhost:8080' },
    token: { type: 'string', default: process.env.MOTCUA_PARTNER_TOKEN },
    'period-end': { type: 'string' },
    revision: { type: 'boolean', default: false },
  },
});
const file = positionals[0];
if (!file || !opts.token) {
  process.stderr.write('Dùng: post-partner-report.ts --token pt_… [--period-end YYYY-MM-DD] [--revision] [--url URL] TỆP\n');
  process.exit(64);
}

interface Body {
  periodEnd?: string;
  revision?: boolean;
  rows: { unitCode: string; values: Record<string, unknown> }[];
}

/** The file as the API's body; `lines[i]` is the file line of rows[i]. */
async function bodyOf(f: string): Promise<{ body: Body; lines: number[] }> {
  if (path.extname(f).toLowerCase() === '.json') {
    const body = JSON.parse(fs.readFileSync(f, 'utf8')) as Body;
    return { body, lines: body.rows.map((_, i) => i + 1) };
  }
  const rows = (await readTabularFile(f)).filter((r) => !(r.values.unit_code ?? '').startsWith('#'));
  const skip = new Set(['unit_code', 'unit_name', 'period_end']);
  const periodEnd = rows.find((r) => r.values.period_end)?.values.period_end;
  return {
    body: {
      periodEnd,
      rows: rows.map((r) => ({
        unitCode: r.values.unit_code ?? '',
        // Sent as written: the server checks the numbers and names what is wrong.
        values: Object.fromEntries(Object.entries(r.values).filter(([k]) => !skip.has(k))),
      })),
    },
    lines: rows.map((r) => r.line),
  };
}

const { body, lines } = await bodyOf(file);
if (opts['period-end']) body.periodEnd = opts['period-end'];
if (opts.revision) body.revision = true;
const res = await fetch(new URL('/api/v1/partner/reports', opts.url), {
  method: 'POST',
  headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const answer = (await res.json()) as {
  id?: number;
  revision?: number;
  late?: boolean;
  warnings?: { message: string }[];
  error?: { code: string; message: string; details?: { problems?: { line: number; column: string | null; reason: string }[] } };
};
if (res.ok) {
  process.stdout.write(`Đã gửi: báo cáo số ${answer.id}, lần ${answer.revision}${answer.late ? ', TRỄ HẠN' : ''}. Chờ duyệt.\n`);
  for (const w of answer.warnings ?? []) process.stdout.write(`  cảnh báo: ${w.message}\n`);
} else {
  process.stderr.write(`${res.status} ${answer.error?.code}: ${answer.error?.message}\n`);
  // The API counts rows from 1; the reader of the file thinks in its lines.
  const fileLine = (n: number) => lines[n - 1] ?? n;
  for (const p of answer.error?.details?.problems ?? []) {
    const reason = p.reason.replace(/ở dòng (\d+)/g, (_, n: string) => `ở dòng ${fileLine(Number(n))}`);
    process.stderr.write(
      `  ${p.line === 0 ? 'kỳ báo cáo' : `dòng ${fileLine(p.line)}`}${p.column ? `, cột ${p.column}` : ''}: ${reason}\n`,
    );
  }
  process.exitCode = res.status === 422 ? 2 : 1;
}
