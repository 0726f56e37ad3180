/**
 * PAdES signing of the result PDF and the signature check of an uploaded copy. The placeholder is
 * written here rather than with @signpdf/placeholder-pdf-lib because that helper writes the
 * signer's name, reason and location as PDFDocEncoding strings, which cannot hold Vietnamese; this
 * one writes them as UTF-16 text strings and sets SubFilter ETSI.CAdES.detached. @signpdf/signpdf
 * then computes the byte range and embeds the CAdES signature (results.cades.ts).
 */
import type { X509Certificate } from 'node:crypto';
import { PDFArray, PDFDict, PDFHexString, PDFInvalidObject, PDFName, PDFNumber, PDFString, type PDFDocument } from 'pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { chainsTo, type SigningIdentity } from '../../shared/pki.ts';
import { CadesSigner, verifyCades } from './results.cades.ts';
import { read } from './results.der.ts';

/** Bytes reserved for the CMS (two certificates, attributes, a 2048-bit signature: about 3.3 KB). */
const SIGNATURE_LENGTH = 8192;
const BYTE_RANGE_PLACEHOLDER = '**********';
const SIG_FLAGS = 1 | 2; // SignaturesExist | AppendOnly
const PRINT_FLAG = 4;

export interface SignatureMeta {
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
}

function addPlaceholder(doc: PDFDocument, meta: SignatureMeta): void {
  const ctx = doc.context;
  const page = doc.getPage(0);
  const byteRange = PDFArray.withContext(ctx);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(BYTE_RANGE_PLACEHOLDER));
  const sig = ctx.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(SIGNATURE_LENGTH * 2)),
    M: PDFString.fromDate(meta.signingTime),
    Name: PDFHexString.fromText(meta.name.normalize('NFC')),
    Reason: PDFHexString.fromText(meta.reason.normalize('NFC')),
    Location: PDFHexString.fromText(meta.location.normalize('NFC')),
    ContactInfo: PDFHexString.fromText(meta.contactInfo),
    Prop_Build: { App: { Name: 'motcua' } },
  });
  // Serialised now and registered as raw bytes, so pdf-lib never moves it into an object stream
  // where @signpdf/signpdf could not find the placeholders.
  const bytes = new Uint8Array(sig.sizeInBytes());
  sig.copyBytesInto(bytes, 0);
  const sigRef = ctx.register(PDFInvalidObject.of(bytes));
  const widget = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      V: sigRef,
      T: PDFHexString.fromText('Chữ ký số của cơ quan ban hành'),
      F: PRINT_FLAG,
      P: page.ref,
      AP: { N: ctx.register(ctx.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} })) },
    }),
  );
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? ctx.obj([]);
  annots.push(widget);
  page.node.set(PDFName.of('Annots'), annots);
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict) ?? ctx.obj({ Fields: [] });
  form.set(PDFName.of('SigFlags'), PDFNumber.of(SIG_FLAGS));
  const fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray) ?? ctx.obj([]);
  fields.push(widget);
  form.set(PDFName.of('Fields'), fields);
  doc.catalog.set(PDFName.of('AcroForm'), ctx.register(form));
}

/** Saves `doc` with a PAdES B-B signature by the unit's key; returns the signed file. */
export async function signResultPdf(doc: PDFDocument, identity: SigningIdentity, meta: SignatureMeta): Promise<Buffer> {
  addPlaceholder(doc, meta);
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(unsigned, new CadesSigner(identity), meta.signingTime);
}

/**
 * The signed bytes and the CMS of the file's one signature, or null. The byte range must start at 0,
 * leave out exactly the /Contents hex string and end at the end of the file: anything appended after
 * signing (an incremental update) would be outside the signature.
 */
export function extractPdfSignature(pdf: Buffer): { signedData: Buffer; cms: Buffer } | null {
  const at = pdf.lastIndexOf('/ByteRange [');
  if (at < 0 || pdf.indexOf('/ByteRange [') !== at) return null;
  const m = /^\/ByteRange \[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.subarray(at, at + 80).toString('latin1'));
  if (!m) return null;
  const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
  if (a !== 0 || b <= 0 || c <= b || c + d !== pdf.length) return null;
  if (pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) return null; // '<' … '>'
  const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2) return null;
  const padded = Buffer.from(hex, 'hex');
  let cms: Buffer;
  try {
    cms = padded.subarray(0, read(padded).end); // the zero padding after the DER element is not part of it
  } catch {
    return null;
  }
  return { signedData: Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]), cms };
}

export type PdfSignatureCheck =
  | { ok: true; serial: string; signer: X509Certificate }
  | { ok: false; reason: 'no_signature' | 'malformed' | 'digest_mismatch' | 'bad_signature' | 'unknown_signer' | 'untrusted' };

/** Whether the file carries a valid signature by a certificate of the local CA valid at `at`. */
export function checkPdfSignature(pdf: Buffer, ca: X509Certificate, at: Date): PdfSignatureCheck {
  const sig = extractPdfSignature(pdf);
  // A byte range that no longer spans the file (bytes appended or cut) is a damaged signature, not a missing one.
  if (!sig) return { ok: false, reason: pdf.includes('/ByteRange') ? 'malformed' : 'no_signature' };
  const r = verifyCades(sig.signedData, sig.cms);
  if (!r.ok) return r;
  if (!chainsTo(r.signer, ca, at)) return { ok: false, reason: 'untrusted' };
  return { ok: true, serial: r.signer.serialNumber.toLowerCase(), signer: r.signer };
}
