/**
 * The signing chain without HTTP: local CA and unit certificates, the CAdES signature, the PAdES
 * embedding (checked by poppler's pdfsig as an independent verifier) and the font subsetting fix.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainsTo, localCaCertificate, unitSigningIdentity, type SigningIdentity } from '../../shared/pki.ts';
import { signCades, verifyCades } from './results.cades.ts';
import { alignGlyphs, glyphRecords } from './results.font.ts';
import { checkPdfSignature, extractPdfSignature, signResultPdf } from './results.sign.ts';

const require = createRequire(import.meta.url);
const TINOS_REGULAR = path.join(path.dirname(require.resolve('@expo-google-fonts/tinos/package.json')), '400Regular/Tinos_400Regular.ttf');
const PROVINCE = 'Tỉnh An Giang';
let dir: string;
let otherDir: string;
let unit: SigningIdentity;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-pki-'));
  otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-pki-other-'));
  unit = await unitSigningIdentity(dir, PROVINCE, { code: '30307', name: 'Phường Long Xuyên' });
});
afterAll(() => {
  for (const d of [dir, otherDir]) fs.rmSync(d, { recursive: true, force: true });
});

describe('local CA', () => {
  it('issues the unit a certificate named after it, chained to the province root', async () => {
    const ca = await localCaCertificate(dir, PROVINCE);
    expect(ca.subject).toBe('CN=motcua CA tỉnh An Giang (thử nghiệm)\nO=Tỉnh An Giang\nC=VN');
    expect(unit.cert.subject).toBe('CN=Phường Long Xuyên\nO=Tỉnh An Giang\nC=VN');
    expect(unit.cert.issuer).toBe(ca.subject);
    expect(unit.cert.ca).toBe(false);
    expect(ca.ca).toBe(true);
    expect(chainsTo(unit.cert, ca, new Date('2026-03-05T09:00:00Z'))).toBe(true);
    expect(new X509Certificate(fs.readFileSync(path.join(dir, 'pki', 'ca.crt'))).fingerprint256).toBe(ca.fingerprint256);
  });

  it('gives back the same key on later calls and a different one to a unit of the same code but another name', async () => {
    const again = await unitSigningIdentity(dir, PROVINCE, { code: '30307', name: 'Phường Long Xuyên' });
    expect(again.serial).toBe(unit.serial);
    const renamed = await unitSigningIdentity(dir, PROVINCE, { code: '30307', name: 'Phường Mỹ Hòa' });
    expect(renamed.serial).not.toBe(unit.serial);
  });

  it('does not trust a certificate of another CA', async () => {
    const foreign = await unitSigningIdentity(otherDir, PROVINCE, { code: '30307', name: 'Phường Long Xuyên' });
    const ca = await localCaCertificate(dir, PROVINCE);
    expect(chainsTo(foreign.cert, ca, new Date())).toBe(false);
  });
});

describe('CAdES signature', () => {
  const data = Buffer.from('nội dung được ký', 'utf8');

  it('verifies over the signed bytes and names its signer', () => {
    const cms = signCades(data, unit);
    const r = verifyCades(data, cms);
    expect(r.ok).toBe(true);
    expect(r.ok && r.signer.serialNumber.toLowerCase()).toBe(unit.serial);
  });

  it('fails on other data, on a changed signature value and on garbage', () => {
    const cms = signCades(data, unit);
    expect(verifyCades(Buffer.from('nội dung khác'), cms)).toEqual({ ok: false, reason: 'digest_mismatch' });
    const bent = Buffer.from(cms);
    bent[bent.length - 5] = bent[bent.length - 5]! ^ 0xff; // inside the RSA signature value, the last field
    expect(verifyCades(data, bent)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyCades(data, Buffer.from('30030201', 'hex'))).toEqual({ ok: false, reason: 'malformed' });
  });
});

async function samplePdf(text: string): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const bytes = alignGlyphs(fs.readFileSync(TINOS_REGULAR));
  const font = await doc.embedFont(bytes, { subset: true });
  doc.addPage([400, 200]).drawText(text, { x: 20, y: 100, size: 14, font });
  return doc;
}

describe('PAdES embedding', () => {
  const meta = { name: 'Phường Long Xuyên', reason: 'Ban hành kết quả', location: 'An Giang', contactInfo: 'https://example.vn/verify/x', signingTime: new Date('2026-03-05T09:05:00Z') };

  it('signs so that poppler finds a valid ETSI.CAdES.detached signature over the whole file', async () => {
    const pdf = await signResultPdf(await samplePdf('Nguyễn Thị Mai Anh'), unit, meta);
    const file = path.join(dir, 'signed.pdf');
    fs.writeFileSync(file, pdf);
    let out: string;
    try {
      out = execFileSync('pdfsig', [file]).toString('utf8');
    } catch (e) {
      // pdfsig exits 2 when it cannot build a trusted chain (our test root is not in its store).
      out = (e as { stdout: Buffer }).stdout.toString('utf8');
    }
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Signer Certificate Common Name: Phường Long Xuyên');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Signature Validation: Signature is Valid.');
    const ca = await localCaCertificate(dir, PROVINCE);
    expect(checkPdfSignature(pdf, ca, meta.signingTime)).toMatchObject({ ok: true, serial: unit.serial });
  });

  it('rejects a copy with bytes appended after signing, and one without a signature', async () => {
    const pdf = await signResultPdf(await samplePdf('Trần Văn Bình'), unit, meta);
    const ca = await localCaCertificate(dir, PROVINCE);
    const appended = Buffer.concat([pdf, Buffer.from('\n% sửa thêm\n')]);
    expect(extractPdfSignature(appended)).toBeNull();
    expect(checkPdfSignature(appended, ca, meta.signingTime)).toEqual({ ok: false, reason: 'malformed' });
    const unsigned = Buffer.from(await (await samplePdf('x')).save());
    expect(checkPdfSignature(unsigned, ca, meta.signingTime)).toEqual({ ok: false, reason: 'no_signature' });
    expect(checkPdfSignature(pdf, ca, new Date('2019-06-01T00:00:00Z'))).toEqual({ ok: false, reason: 'untrusted' });
  });
});

describe('font subsetting', () => {
  const original = fs.readFileSync(TINOS_REGULAR);

  it('aligns every glyph record without changing its bytes', () => {
    const before = glyphRecords(original);
    const after = glyphRecords(alignGlyphs(original));
    expect(after).toHaveLength(before.length);
    expect(before.some((g) => g.length % 2 === 1)).toBe(true); // the reason for the rewrite
    after.forEach((g, i) => {
      expect(g.length % 4).toBe(0);
      expect(g.subarray(0, before[i]!.length).equals(before[i]!)).toBe(true);
    });
  });

  it('embeds subset glyphs whose outlines equal the original font\'s', async () => {
    const text = 'UBND TỈNH AN GIANG Nguyễn Thị Đặng Ẩn';
    const doc = await samplePdf(text);
    const saved = await PDFDocument.load(await doc.save());
    const descriptor = saved.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .find((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'));
    const stream = saved.context.lookup(descriptor!.get(PDFName.of('FontFile2')));
    if (!(stream instanceof PDFRawStream)) throw new Error('no embedded TrueType font');
    const subset = fontkit.create(Buffer.from(decodePDFRawStream(stream).decode()));
    const source = fontkit.create(original);
    const glyphs = source.layout(text).glyphs;
    const seen: number[] = [];
    for (const g of glyphs) if (!seen.includes(g.id)) seen.push(g.id);
    // The subset numbers glyphs in the order they were first used, after .notdef.
    seen.forEach((id, i) => {
      expect(subset.getGlyph(i + 1).path.toSVG(), `glyph ${id}`).toBe(source.getGlyph(id).path.toSVG());
    });
  });
});
