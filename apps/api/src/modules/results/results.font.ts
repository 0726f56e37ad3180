/**
 * Rewrites a TrueType font so every glyph record in `glyf` starts on a 4-byte boundary (long `loca`).
 *
 * Why: @pdf-lib/fontkit 1.1.1 (the fontkit pdf-lib uses) writes a subset's `loca` in the short format
 * whenever it fits, halving the offsets without padding glyph records to even lengths. Tinos has
 * odd-length records, so after the first one every later glyph points one byte off and renders blank
 * (text still extracts: only the outlines break). Upstream fontkit fixed this in 1.8 (foliojs/fontkit
 * #191); the fork never got the fix. Aligned records keep the halving exact. The alignment is the
 * OpenType recommendation anyway, so the rewritten font is an ordinary valid font.
 */

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

const pad4 = (n: number) => (n + 3) & ~3;

function tables(font: Buffer): TableRecord[] {
  const count = font.readUInt16BE(4);
  const out: TableRecord[] = [];
  for (let i = 0; i < count; i++) {
    const r = 12 + i * 16;
    out.push({ tag: font.toString('latin1', r, r + 4), offset: font.readUInt32BE(r + 8), length: font.readUInt32BE(r + 12) });
  }
  return out;
}

function checksum(b: Buffer): number {
  const padded = Buffer.concat([b, Buffer.alloc(pad4(b.length) - b.length)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** The glyph records of the font, each as its own slice. */
export function glyphRecords(font: Buffer): Buffer[] {
  const t = new Map(tables(font).map((r) => [r.tag, r]));
  const head = t.get('head');
  const maxp = t.get('maxp');
  const loca = t.get('loca');
  const glyf = t.get('glyf');
  if (!head || !maxp || !loca || !glyf) throw new Error('not a TrueType font with glyf outlines');
  const long = font.readInt16BE(head.offset + 50) === 1;
  const n = font.readUInt16BE(maxp.offset + 4);
  const at = (i: number) => (long ? font.readUInt32BE(loca.offset + i * 4) : font.readUInt16BE(loca.offset + i * 2) * 2);
  const records: Buffer[] = [];
  for (let i = 0; i < n; i++) records.push(font.subarray(glyf.offset + at(i), glyf.offset + at(i + 1)));
  return records;
}

export function alignGlyphs(font: Buffer): Buffer {
  const records = glyphRecords(font);
  const glyf = Buffer.concat(records.flatMap((r) => [r, Buffer.alloc(pad4(r.length) - r.length)]));
  const loca = Buffer.alloc((records.length + 1) * 4);
  let pos = 0;
  records.forEach((r, i) => {
    loca.writeUInt32BE(pos, i * 4);
    pos += pad4(r.length);
  });
  loca.writeUInt32BE(pos, records.length * 4);

  const recs = tables(font);
  const bodies = recs.map((r) => {
    if (r.tag === 'glyf') return glyf;
    if (r.tag === 'loca') return loca;
    const b = Buffer.from(font.subarray(r.offset, r.offset + r.length));
    if (r.tag === 'head') {
      b.writeInt16BE(1, 50); // indexToLocFormat: long offsets
      b.writeUInt32BE(0, 8); // checkSumAdjustment: recomputed below
    }
    return b;
  });
  const headerLength = 12 + recs.length * 16;
  const out = Buffer.alloc(headerLength + bodies.reduce((s, b) => s + pad4(b.length), 0));
  font.copy(out, 0, 0, 12);
  let offset = headerLength;
  recs.forEach((r, i) => {
    const e = 12 + i * 16;
    out.write(r.tag, e, 'latin1');
    out.writeUInt32BE(checksum(bodies[i]!), e + 4);
    out.writeUInt32BE(offset, e + 8);
    out.writeUInt32BE(bodies[i]!.length, e + 12);
    bodies[i]!.copy(out, offset);
    offset += pad4(bodies[i]!.length);
  });
  const head = recs.findIndex((r) => r.tag === 'head');
  const headOffset = out.readUInt32BE(12 + head * 16 + 8);
  out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headOffset + 8);
  return out;
}
