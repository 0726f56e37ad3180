/**
 * Test support only (uses node:fs; never exported from the package): reads the reference CSVs in
 * data/reference so tests can check that tables embedded in the contracts still equal their sources.
 * The contracts package has no CSV dependency, and these files need only RFC 4180 quoting.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data/reference');

function splitRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\n') endRow();
    else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows.filter((r) => r.some((v) => v !== ''));
}

/** The rows of data/reference/<name> as header → value records (NFC). */
export function readReferenceCsv(name: string): Record<string, string>[] {
  const text = fs
    .readFileSync(path.join(REFERENCE_DIR, name), 'utf8')
    .replace(/^\uFEFF/, '')
    .normalize('NFC');
  const [header, ...rows] = splitRecords(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
