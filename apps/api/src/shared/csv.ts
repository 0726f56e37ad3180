/** Reading CSV the way users send it: UTF-8 with or without BOM, header row, NFC-normalised cells. */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';

export type CsvRecord = Record<string, string>;

export function parseCsv(text: string): CsvRecord[] {
  return parseCsvWithLines(text).map((r) => r.record);
}

/** Like parseCsv, with the file line where each record ends (header = line 1), for error reports. */
export function parseCsvWithLines(text: string): { line: number; record: CsvRecord }[] {
  const rows = parse(text.replace(/^\uFEFF/, ''), {
    columns: (header: string[]) => header.map((h) => h.normalize('NFC').trim()),
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
    info: true,
  }) as { record: Record<string, string | undefined>; info: { lines: number } }[];
  return rows.map(({ record, info }) => {
    const out: CsvRecord = {};
    for (const [k, v] of Object.entries(record)) out[k] = (v ?? '').normalize('NFC');
    return { line: info.lines, record: out };
  });
}

export function readCsvFile(file: string): CsvRecord[] {
  return parseCsv(fs.readFileSync(file, 'utf8'));
}

/** CSV for Excel: BOM first so diacritics survive, CRLF line ends, every cell quoted when needed. */
export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
