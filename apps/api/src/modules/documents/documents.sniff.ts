/**
 * What a file is, from its first bytes (magic numbers). The file name and the Content-Type the
 * client declares are chosen by the sender and prove nothing (DESIGN §3.5: "sniffed, not trusted"):
 * a PNG named .pdf is kept as image/png, an executable named .pdf is refused.
 */
import type { DocumentMediaType } from './documents.tables.ts';

export type Sniffed = { ok: true; mediaType: DocumentMediaType; extension: string } | { ok: false; detected: string };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PDF = Buffer.from('%PDF-', 'latin1');

/** Signatures of types we recognise but refuse, so the refusal can say what was sent. */
const REFUSED: { magic: Buffer; name: string }[] = [
  { magic: Buffer.from('PK\x03\x04', 'latin1'), name: 'zip' }, // also DOCX, XLSX, ODT: macros, archives
  { magic: Buffer.from('MZ', 'latin1'), name: 'exe' },
  { magic: Buffer.from('\x7fELF', 'latin1'), name: 'elf' },
  { magic: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), name: 'ole' }, // .doc, .xls
  { magic: Buffer.from('Rar!', 'latin1'), name: 'rar' },
  { magic: Buffer.from('GIF8', 'latin1'), name: 'gif' },
  { magic: Buffer.from('<', 'latin1'), name: 'markup' }, // HTML or SVG: scripts in a browser
];

const startsWith = (head: Buffer, magic: Buffer) => head.length >= magic.length && head.subarray(0, magic.length).equals(magic);

/** The accepted type of these first bytes, or what they look like when refused. */
export function sniff(head: Buffer): Sniffed {
  if (startsWith(head, PDF)) return { ok: true, mediaType: 'application/pdf', extension: 'pdf' };
  if (startsWith(head, PNG)) return { ok: true, mediaType: 'image/png', extension: 'png' };
  if (startsWith(head, JPEG)) return { ok: true, mediaType: 'image/jpeg', extension: 'jpg' };
  const known = REFUSED.find((r) => startsWith(head, r.magic));
  return { ok: false, detected: known?.name ?? 'unknown' };
}

const EXTENSIONS: Record<DocumentMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

/**
 * The name to keep: the sender's name (NFC, no path, no control characters), with the extension
 * corrected to the sniffed type, so "giay-khai-sinh.pdf" that is a PNG is served as "giay-khai-sinh.png".
 */
export function safeFileName(raw: string | undefined, mediaType: DocumentMediaType): string {
  const base = (raw ?? '')
    .normalize('NFC')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  const dot = base.lastIndexOf('.');
  const stem = (dot >= 0 ? base.slice(0, dot) : base).trim() || 'tai-lieu';
  const ext = dot >= 0 ? base.slice(dot + 1).toLowerCase() : '';
  const keepExt = EXTENSIONS[mediaType].includes(ext) ? ext : EXTENSIONS[mediaType][0]!;
  return `${[...stem].slice(0, 200).join('')}.${keepExt}`;
}

/** A title from a file name: the name without its extension. */
export function titleFromFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return (dot > 0 ? fileName.slice(0, dot) : fileName).slice(0, 300);
}
