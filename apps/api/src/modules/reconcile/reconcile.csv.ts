/**
 * Streaming reader for the reconciliation inputs (issue 6 §1): CSV in UTF-8 with or without BOM, a
 * header row (columns found by name, any order, unknown columns ignored), quoted fields with "" and
 * commas or line breaks inside quotes, CRLF or LF. Records come out in batches (one per chunk read,
 * a few thousand records) so that 10 million rows do not cost 10 million promise resolutions.
 * Fields are NFC-normalised only when they hold a non-ASCII character (most fields are digits).
 * XLSX is accepted for small files through shared/tabular.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { readXlsx } from '../../shared/tabular.ts';

/** One record: the physical line where it starts (the header is line 1) and its fields in file order. */
export interface CsvLine {
  line: number;
  fields: string[];
}

export interface CsvBatch {
  records: CsvLine[];
  /** Bytes of the file read so far (for progress and ETA). */
  bytesRead: number;
  totalBytes: number;
}

export interface CsvTable {
  file: string;
  /** Header names (trimmed, NFC, lower case), in file order. */
  header: string[];
  /** For each required column, its position in the record. */
  index: number[];
  totalBytes: number;
  batches(): AsyncGenerator<CsvBatch>;
}

/** The input cannot be read at all (missing file, missing column, XLSX too large…). Vietnamese message. */
export class CsvInputError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'CsvInputError';
  }
}

export const CSV_CHUNK_BYTES = 256 * 1024;
/** XLSX is loaded whole into memory by the workbook library: beyond this, ask for CSV. */
export const XLSX_MAX_BYTES = 50 * 1024 * 1024;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Incremental CSV parser. `push(text)` returns the complete records found; an incomplete last record
 * is kept for the next push. `end()` returns the last record and whether a quote was left open.
 */
export class CsvParser {
  private rest = '';
  /** Line where `rest` starts. */
  private restLine = 1;
  private first = true;

  push(text: string, out: CsvLine[]): void {
    let s = this.rest + text;
    if (this.first && s.length > 0) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      this.first = false;
    }
    const consumed = this.parse(s, false, out);
    this.rest = s.slice(consumed);
  }

  /** Flushes the last record (no trailing newline). Returns true when a quoted field was never closed. */
  end(out: CsvLine[]): boolean {
    const s = this.rest;
    this.rest = '';
    if (s.length === 0) return false;
    const before = out.length;
    const consumed = this.parse(s, true, out);
    return consumed < s.length && out.length === before;
  }

  /** Parses whole records from s; returns the number of characters consumed. */
  private parse(s: string, final: boolean, out: CsvLine[]): number {
    const n = s.length;
    let pos = 0;
    let line = this.restLine;
    while (pos < n) {
      const recordStart = pos;
      const recordLine = line;
      const fields: string[] = [];
      let complete = false;
      let nonEmpty = false;
      for (;;) {
        // one field
        if (pos < n && s.charCodeAt(pos) === QUOTE) {
          let p = pos + 1;
          let value = '';
          let hi = false;
          let closed = false;
          let segStart = p;
          while (p < n) {
            const c = s.charCodeAt(p);
            if (c === QUOTE) {
              if (p + 1 < n && s.charCodeAt(p + 1) === QUOTE) {
                value += s.slice(segStart, p + 1);
                p += 2;
                segStart = p;
                continue;
              }
              if (p + 1 >= n && !final) break; // cannot tell "" from " at the chunk edge
              value += s.slice(segStart, p);
              p++;
              closed = true;
              break;
            }
            if (c === LF) line++;
            else if (c > 127) hi = true;
            p++;
          }
          if (!closed) {
            // incomplete quoted field: wait for more text (or, at the end, give up on this record)
            this.restLine = recordLine;
            return recordStart;
          }
          fields.push(hi ? value.normalize('NFC') : value);
          nonEmpty = true;
          // skip to separator (anything between the closing quote and the separator is kept verbatim)
          let q = p;
          while (q < n) {
            const c = s.charCodeAt(q);
            if (c === COMMA || c === LF || c === CR) break;
            q++;
          }
          if (q > p) fields[fields.length - 1] += s.slice(p, q);
          pos = q;
        } else {
          let p = pos;
          let hi = false;
          while (p < n) {
            const c = s.charCodeAt(p);
            if (c === COMMA || c === LF || c === CR) break;
            if (c > 127) hi = true;
            p++;
          }
          const v = s.slice(pos, p);
          if (v.length > 0) nonEmpty = true;
          fields.push(hi ? v.normalize('NFC') : v);
          pos = p;
        }
        if (pos >= n) {
          if (final) {
            complete = true;
          }
          break;
        }
        const c = s.charCodeAt(pos);
        if (c === COMMA) {
          pos++;
          continue;
        }
        if (c === CR) {
          if (pos + 1 >= n && !final) break; // CR at the edge: wait for the LF
          pos += pos + 1 < n && s.charCodeAt(pos + 1) === LF ? 2 : 1;
        } else {
          pos++;
        }
        line++;
        complete = true;
        break;
      }
      if (!complete) {
        this.restLine = recordLine;
        return recordStart;
      }
      if (nonEmpty || fields.length > 1) out.push({ line: recordLine, fields });
    }
    this.restLine = line;
    return pos;
  }
}

function normHeader(h: string): string {
  return h.normalize('NFC').trim().toLowerCase();
}

function resolveColumns(file: string, header: string[], required: readonly string[]): number[] {
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new CsvInputError(
      `Tệp ${path.basename(file)} thiếu cột bắt buộc: ${missing.join(', ')}. Dòng tiêu đề phải có các cột: ${required.join(', ')}.`,
      file,
    );
  }
  return required.map((c) => header.indexOf(c));
}

/**
 * Opens a CSV (or small XLSX) table: reads and checks the header now, streams the records later.
 * Throws CsvInputError when the file is missing, empty, too large for XLSX, or lacks a required column.
 */
export async function openTable(file: string, required: readonly string[], chunkBytes = CSV_CHUNK_BYTES): Promise<CsvTable> {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new CsvInputError(`Không đọc được tệp ${file}: tệp không tồn tại hoặc không có quyền đọc.`, file);
  }
  if (path.extname(file).toLowerCase() === '.xlsx') return openXlsx(file, size, required);

  // Header: read until the first complete record.
  const fd = fs.openSync(file, 'r');
  const parser = new CsvParser();
  const decoder = new StringDecoder('utf8');
  const first: CsvLine[] = [];
  let offset = 0;
  const buf = Buffer.allocUnsafe(64 * 1024);
  try {
    while (first.length === 0) {
      const got = fs.readSync(fd, buf, 0, buf.length, offset);
      if (got === 0) {
        parser.end(first);
        break;
      }
      offset += got;
      parser.push(decoder.write(buf.subarray(0, got)), first);
    }
  } finally {
    fs.closeSync(fd);
  }
  if (first.length === 0) throw new CsvInputError(`Tệp ${path.basename(file)} rỗng: không có dòng tiêu đề.`, file);
  const header = first[0]!.fields.map(normHeader);
  const index = resolveColumns(file, header, required);

  return {
    file,
    header,
    index,
    totalBytes: size,
    async *batches(): AsyncGenerator<CsvBatch> {
      const p = new CsvParser();
      const d = new StringDecoder('utf8');
      const stream = fs.createReadStream(file, { highWaterMark: chunkBytes });
      let bytesRead = 0;
      let skippedHeader = false;
      const take = (recs: CsvLine[]): CsvLine[] => {
        if (!skippedHeader && recs.length > 0) {
          skippedHeader = true;
          return recs.slice(1);
        }
        return recs;
      };
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytesRead += chunk.length;
        const out: CsvLine[] = [];
        p.push(d.write(chunk), out);
        const recs = take(out);
        if (recs.length > 0) yield { records: recs, bytesRead, totalBytes: size };
      }
      const out: CsvLine[] = [];
      p.push(d.end(), out);
      const openQuote = p.end(out);
      const recs = take(out);
      if (openQuote) {
        // An unclosed quote swallows the rest of the file: report it as one broken record.
        recs.push({ line: -1, fields: [] });
      }
      if (recs.length > 0) yield { records: recs, bytesRead, totalBytes: size };
    },
  };
}

async function openXlsx(file: string, size: number, required: readonly string[]): Promise<CsvTable> {
  if (size > XLSX_MAX_BYTES) {
    throw new CsvInputError(
      `Tệp ${path.basename(file)} (${Math.round(size / 1048576)} MB) quá lớn cho định dạng XLSX (tối đa ${XLSX_MAX_BYTES / 1048576} MB). Hãy xuất ra CSV UTF-8.`,
      file,
    );
  }
  let rows;
  try {
    rows = await readXlsx(fs.readFileSync(file));
  } catch (e) {
    throw new CsvInputError(`Không đọc được tệp XLSX ${path.basename(file)}: ${(e as Error).message}`, file);
  }
  const header = [...new Set(rows.flatMap((r) => Object.keys(r.values)))].map(normHeader);
  // readXlsx keys values by header; an empty sheet has no rows to learn the header from.
  if (rows.length > 0) resolveColumns(file, header, required);
  const index = required.map((_, i) => i);
  return {
    file,
    header: [...required],
    index,
    totalBytes: size,
    async *batches(): AsyncGenerator<CsvBatch> {
      const lower = (v: Record<string, string>) => Object.fromEntries(Object.entries(v).map(([k, x]) => [normHeader(k), x]));
      const records = rows.map((r) => {
        const v = lower(r.values);
        return { line: r.line, fields: required.map((c) => v[c] ?? '') };
      });
      yield { records, bytesRead: size, totalBytes: size };
    },
  };
}
