/**
 * Just enough DER (ITU-T X.690) to write and read the CMS signature of a result PDF. Reading keeps
 * byte offsets, so the verifier hashes exactly the bytes that were signed instead of a re-encoding.
 * Only single-byte tags and definite lengths: DER allows nothing else for the structures used here.
 */

export const TAG = {
  integer: 0x02,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  sequence: 0x30,
  set: 0x31,
} as const;

/** Context-specific tag [n], constructed (0xa0 + n) or primitive (0x80 + n). */
export const ctxTag = (n: number, constructed = true) => (constructed ? 0xa0 : 0x80) + n;

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), lengthBytes(body.length), body]);
}

export const seq = (...items: Buffer[]) => tlv(TAG.sequence, ...items);
export const nul = () => tlv(TAG.null);
export const octets = (b: Buffer) => tlv(TAG.octetString, b);
export const explicit = (n: number, ...items: Buffer[]) => tlv(ctxTag(n), ...items);

/** A DER SET OF: elements sorted by their encodings (X.690 §11.6), as a verifier re-checks them. */
export function setOf(...items: Buffer[]): Buffer {
  return tlv(TAG.set, ...[...items].sort(Buffer.compare));
}

export function int(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return tlv(TAG.integer, Buffer.from(bytes));
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [parts[0]! * 40 + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(TAG.oid, Buffer.from(out));
}

export function decodeOid(content: Buffer): string {
  if (content.length === 0) throw new DerError('empty OID');
  const first = content[0]!;
  const parts = [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40];
  let v = 0;
  for (const b of content.subarray(1)) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

export class DerError extends Error {}

/** One element: where it starts, where its content starts and where it ends (exclusive). */
export interface Node {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

export function read(buf: Buffer, offset = 0, limit = buf.length): Node {
  if (offset + 2 > limit) throw new DerError('truncated element');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not used here');
  let pos = offset + 1;
  let len = buf[pos++]!;
  if (len === 0x80) throw new DerError('indefinite length is not DER');
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n > 4 || pos + n > limit) throw new DerError('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[pos++]!;
  }
  const end = pos + len;
  if (end > limit) throw new DerError('element overruns its parent');
  return { tag, start: offset, contentStart: pos, end };
}

export function children(buf: Buffer, node: Node): Node[] {
  const out: Node[] = [];
  for (let pos = node.contentStart; pos < node.end; ) {
    const c = read(buf, pos, node.end);
    out.push(c);
    pos = c.end;
  }
  return out;
}

export const content = (buf: Buffer, node: Node) => buf.subarray(node.contentStart, node.end);
export const whole = (buf: Buffer, node: Node) => buf.subarray(node.start, node.end);

/** The child at `index`, checked to carry `tag`. */
export function child(buf: Buffer, node: Node, index: number, tag?: number): Node {
  const c = children(buf, node)[index];
  if (!c || (tag !== undefined && c.tag !== tag)) throw new DerError(`expected tag ${tag?.toString(16)} at child ${index}`);
  return c;
}
