import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toXlsx } from '../../shared/tabular.ts';
import { CsvInputError, CsvParser, openTable, type CsvLine } from './reconcile.csv.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-reconcile-csv-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function parseAll(text: string, pieces: number[] = []): CsvLine[] {
  const p = new CsvParser();
  const out: CsvLine[] = [];
  let at = 0;
  for (const n of pieces) {
    p.push(text.slice(at, at + n), out);
    at += n;
  }
  p.push(text.slice(at), out);
  p.end(out);
  return out;
}

async function readAll(file: string, required: readonly string[], chunk?: number): Promise<{ header: string[]; index: number[]; records: CsvLine[] }> {
  const t = await openTable(file, required, chunk);
  const records: CsvLine[] = [];
  for await (const b of t.batches()) records.push(...b.records);
  return { header: t.header, index: t.index, records };
}

describe('CsvParser', () => {
  const text = 'a,b,c\r\n1,"x, ""y""",3\r\n2,"line\nbreak",4\n\n5,,6';
  const expected: CsvLine[] = [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['1', 'x, "y"', '3'] },
    { line: 3, fields: ['2', 'line\nbreak', '4'] },
    { line: 6, fields: ['5', '', '6'] },
  ];

  it('reads quotes, doubled quotes, commas and line breaks inside quotes, CRLF and LF, physical line numbers', () => {
    expect(parseAll(text)).toEqual(expected);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    for (let cut = 1; cut < text.length; cut++) {
      expect(parseAll(text, [cut])).toEqual(expected);
    }
    expect(parseAll(text, Array.from({ length: text.length }, () => 1))).toEqual(expected);
  });

  it('NFC-normalises non-ASCII fields and strips the BOM', () => {
    const nfd = 'Nguyễn Hòa'.normalize('NFD');
    expect(parseAll(`\uFEFFname\n${nfd}\n"${nfd}"`)).toEqual([
      { line: 1, fields: ['name'] },
      { line: 2, fields: ['Nguyễn Hòa'] },
      { line: 3, fields: ['Nguyễn Hòa'] },
    ]);
  });
});

describe('openTable', () => {
  it('finds columns by name in any order, ignores extra columns, reads a BOM file in small chunks', async () => {
    const f = path.join(dir, 'a.csv');
    fs.writeFileSync(f, '\uFEFFExtra,B ,a\r\nx,"2",1\r\ny,"multi\r\nline",3\r\n');
    const r = await readAll(f, ['a', 'b'], 7);
    expect(r.header).toEqual(['extra', 'b', 'a']);
    expect(r.index).toEqual([2, 1]);
    expect(r.records).toEqual([
      { line: 2, fields: ['x', '2', '1'] },
      { line: 3, fields: ['y', 'multi\r\nline', '3'] },
    ]);
  });

  it('refuses the whole input when a required column is missing, naming it in Vietnamese', async () => {
    const f = path.join(dir, 'b.csv');
    fs.writeFileSync(f, 'msisdn,carrier\n0912345678,VinaPhone\n');
    await expect(openTable(f, ['msisdn', 'id_number', 'full_name'])).rejects.toThrow(
      new CsvInputError('Tệp b.csv thiếu cột bắt buộc: id_number, full_name. Dòng tiêu đề phải có các cột: msisdn, id_number, full_name.', f),
    );
  });

  it('refuses a missing file and an empty file', async () => {
    await expect(openTable(path.join(dir, 'none.csv'), ['a'])).rejects.toBeInstanceOf(CsvInputError);
    const f = path.join(dir, 'empty.csv');
    fs.writeFileSync(f, '');
    await expect(openTable(f, ['a'])).rejects.toThrow('Tệp empty.csv rỗng: không có dòng tiêu đề.');
  });

  it('reports a quote left open as one broken record at the end', async () => {
    const f = path.join(dir, 'open.csv');
    fs.writeFileSync(f, 'a,b\n1,2\n3,"never closed\n4,5\n');
    const r = await readAll(f, ['a', 'b']);
    expect(r.records).toEqual([
      { line: 2, fields: ['1', '2'] },
      { line: -1, fields: [] },
    ]);
  });

  it('reads a small XLSX by header name', async () => {
    const f = path.join(dir, 'small.xlsx');
    fs.writeFileSync(f, await toXlsx('Sheet', ['B', 'a', 'extra'], [['2', '1', 'x'], ['Hòa'.normalize('NFD'), '3', 'y']]));
    const r = await readAll(f, ['a', 'b']);
    expect(r.index).toEqual([0, 1]);
    expect(r.records).toEqual([
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', 'Hòa'] },
    ]);
  });

  it('refuses XLSX above the size limit with a message asking for CSV', async () => {
    const f = path.join(dir, 'big.xlsx');
    fs.writeFileSync(f, '');
    fs.truncateSync(f, 51 * 1024 * 1024);
    await expect(openTable(f, ['a'])).rejects.toThrow(/quá lớn cho định dạng XLSX.*CSV UTF-8/);
  });
});
