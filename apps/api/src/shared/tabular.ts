/**
 * Reads a CSV (UTF-8, with or without BOM) or XLSX file into records keyed by the header row, and
 * writes XLSX. Cells are NFC-normalised strings; line numbers count the header as line 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseCsvWithLines, type CsvRecord } from './csv.ts';

export interface TabularRow {
  line: number;
  values: CsvRecord;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

export async function readXlsx(buf: Buffer): Promise<TabularRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c, col) => (header[col - 1] = cellText(c.value).normalize('NFC').trim()));
  const rows: TabularRow[] = [];
  for (let i = 2; i <= ws.rowCount; i++) {
    const row = ws.getRow(i);
    const values: CsvRecord = {};
    let any = false;
    header.forEach((h, idx) => {
      const t = cellText(row.getCell(idx + 1).value).normalize('NFC').trim();
      if (t) any = true;
      if (h) values[h] = t;
    });
    if (any) rows.push({ line: i, values });
  }
  return rows;
}

export function readCsvRows(text: string): TabularRow[] {
  return parseCsvWithLines(text).map(({ line, record }) => ({ line, values: record }));
}

/** Reads by extension (.xlsx or anything else as CSV). */
export async function readTabularFile(file: string): Promise<TabularRow[]> {
  const buf = fs.readFileSync(file);
  return path.extname(file).toLowerCase() === '.xlsx' ? readXlsx(buf) : readCsvRows(buf.toString('utf8'));
}

/** Reads an uploaded buffer: XLSX recognised by its ZIP signature, otherwise UTF-8 CSV. */
export async function readTabularBuffer(buf: Buffer): Promise<TabularRow[]> {
  return buf[0] === 0x50 && buf[1] === 0x4b ? readXlsx(buf) : readCsvRows(buf.toString('utf8'));
}

/** One-sheet XLSX with a bold header row and sensible column widths. */
export async function toXlsx(sheetName: string, header: string[], rows: (string | number | boolean | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    const longest = Math.max(header[i]?.length ?? 10, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
    c.width = Math.min(60, Math.max(8, longest + 2));
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
