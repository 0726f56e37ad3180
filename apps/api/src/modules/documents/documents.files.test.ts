/** Sniffing, file names, Content-Disposition and the blob store, without HTTP or a database. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { BlobTooLargeError, blobPath, DiskBlobStore, stageBuffer } from './documents.blobs.ts';
import { DOCX, EXE, JPEG, PDF, PNG, sha256 } from './documents.fixtures.ts';
import { contentDisposition } from './documents.presenter.ts';
import { formatBytes } from './documents.service.ts';
import { safeFileName, sniff } from './documents.sniff.ts';

describe('sniff', () => {
  it('recognises PDF, PNG and JPEG by their first bytes only', () => {
    expect(sniff(PDF)).toEqual({ ok: true, mediaType: 'application/pdf', extension: 'pdf' });
    expect(sniff(PNG)).toEqual({ ok: true, mediaType: 'image/png', extension: 'png' });
    expect(sniff(JPEG)).toEqual({ ok: true, mediaType: 'image/jpeg', extension: 'jpg' });
  });

  it('names what it refuses: executables, zip-based office files, markup, anything else', () => {
    expect(sniff(EXE)).toEqual({ ok: false, detected: 'exe' });
    expect(sniff(DOCX)).toEqual({ ok: false, detected: 'zip' });
    expect(sniff(Buffer.from('<svg onload="alert(1)">'))).toEqual({ ok: false, detected: 'markup' });
    expect(sniff(Buffer.from('xin chào'))).toEqual({ ok: false, detected: 'unknown' });
    // A PDF signature that does not start the file is not a PDF.
    expect(sniff(Buffer.from(' %PDF-1.4'))).toEqual({ ok: false, detected: 'unknown' });
    expect(sniff(Buffer.alloc(0))).toEqual({ ok: false, detected: 'unknown' });
  });
});

describe('safeFileName', () => {
  it('keeps the Vietnamese name in NFC and corrects the extension to the real type', () => {
    const nfd = 'Giấy khai sinh.pdf'.normalize('NFD');
    expect(safeFileName(nfd, 'application/pdf')).toBe('Giấy khai sinh.pdf');
    expect(safeFileName('Giấy khai sinh.pdf', 'image/png')).toBe('Giấy khai sinh.png');
    expect(safeFileName('anh.JPEG', 'image/jpeg')).toBe('anh.jpeg');
  });

  it('drops paths, quotes and control characters, and names a nameless file', () => {
    expect(safeFileName('C:\\Users\\an\\"CCCD"\u0007.pdf', 'application/pdf')).toBe('CCCD.pdf');
    expect(safeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFileName(undefined, 'image/png')).toBe('tai-lieu.png');
    expect(safeFileName('.pdf', 'application/pdf')).toBe('tai-lieu.pdf');
  });
});

describe('contentDisposition', () => {
  it('sends the UTF-8 name in filename* (RFC 5987) and an ASCII fallback', () => {
    expect(contentDisposition('Giấy khai sinh (bản sao).pdf')).toBe(
      `attachment; filename="Giay khai sinh (ban sao).pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh%20%28b%E1%BA%A3n%20sao%29.pdf`,
    );
    expect(contentDisposition('Đơn đề nghị.png', 'inline')).toBe(`inline; filename="Don de nghi.png"; filename*=UTF-8''%C4%90%C6%A1n%20%C4%91%E1%BB%81%20ngh%E1%BB%8B.png`);
    expect(decodeURIComponent(contentDisposition('Hộ khẩu.pdf').split("UTF-8''")[1]!)).toBe('Hộ khẩu.pdf');
  });
});

describe('formatBytes', () => {
  it('writes limits as the applicant reads them', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(1536 * 1024)).toBe('1.5 MB');
    expect(formatBytes(2048)).toBe('2 KB');
  });
});

describe('DiskBlobStore', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-blobs-'));
  const store = new DiskBlobStore(root);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const files = (dir: string): string[] =>
    fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)])) : [];

  it('keeps bytes under <root>/ab/cd/<sha256>, once for the same content', async () => {
    const a = await stageBuffer(store, PDF);
    expect(a.sha256).toBe(sha256(PDF));
    expect(a.size).toBe(PDF.length);
    expect(a.head).toEqual(PDF.subarray(0, 16));
    await a.keep();
    const b = await store.stage(Readable.from([PDF.subarray(0, 5), PDF.subarray(5)]));
    expect(b.sha256).toBe(a.sha256);
    await b.keep();
    const expected = path.join(root, a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256);
    expect(blobPath(root, a.sha256)).toBe(expected);
    expect(files(root)).toEqual([expected]);
    expect(fs.readFileSync(expected)).toEqual(PDF);
    expect(await store.has(a.sha256)).toBe(true);
    const chunks: Buffer[] = [];
    for await (const c of await store.open(a.sha256)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks)).toEqual(PDF);
  });

  it('leaves nothing behind for a discarded stage or a file over the limit', async () => {
    const before = files(root);
    const s = await stageBuffer(store, PNG);
    await s.discard();
    expect(await store.has(s.sha256)).toBe(false);
    await expect(stageBuffer(store, PNG, PNG.length - 1)).rejects.toBeInstanceOf(BlobTooLargeError);
    // Exactly at the limit is accepted.
    const exact = await stageBuffer(store, PNG, PNG.length);
    expect(exact.size).toBe(PNG.length);
    await exact.discard();
    expect(files(root)).toEqual(before);
  });

  it('refuses a path that is not a SHA-256', () => {
    expect(() => blobPath(root, '../../etc/passwd')).toThrow('not a sha256');
  });
});
