/**
 * The CMS signature inside a result PDF, in the CAdES form PAdES baseline B-B asks for (ETSI EN 319
 * 142-1 §6.3, EN 319 122-1): detached SignedData over the PDF's byte range, SHA-256, signed
 * attributes content-type, message-digest and signing-certificate-v2, no signing-time attribute (the
 * time is the /M entry of the signature dictionary). node-forge's PKCS#7 writer cannot add
 * signing-certificate-v2 and cannot verify at all, so both directions are written here on node:crypto.
 */
import crypto, { X509Certificate } from 'node:crypto';
import { Signer } from '@signpdf/signpdf';
import type { SigningIdentity } from '../../shared/pki.ts';
import { child, children, content, ctxTag, decodeOid, DerError, explicit, int, nul, octets, oid, read, seq, setOf, TAG, tlv, whole } from './results.der.ts';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest();

/** tbsCertificate's serialNumber and issuer elements, byte for byte, for IssuerAndSerialNumber. */
function issuerAndSerial(certDer: Buffer): { serial: Buffer; issuer: Buffer } {
  const tbs = child(certDer, read(certDer), 0, TAG.sequence);
  const parts = children(certDer, tbs);
  const i = parts[0]!.tag === ctxTag(0) ? 1 : 0; // [0] version is present in v3 certificates
  return { serial: whole(certDer, parts[i]!), issuer: whole(certDer, parts[i + 2]!) };
}

const attribute = (type: string, value: Buffer) => seq(oid(type), setOf(value));

/** Detached CAdES-BES SignedData over `data`, signed with the unit's key; returns DER. */
export function signCades(data: Buffer, id: SigningIdentity): Buffer {
  const certDer = id.chainDer[0]!;
  const sha256Alg = seq(oid(OID.sha256));
  const signedAttrs = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(sha256(data))),
    // SigningCertificateV2 { certs: [ESSCertIDv2 { certHash }] }, hash algorithm SHA-256 by default.
    attribute(OID.signingCertificateV2, seq(seq(seq(octets(sha256(certDer)))))),
  ];
  // The signature covers the DER SET OF the attributes; inside SignerInfo they sit as [0] IMPLICIT.
  const asSet = setOf(...signedAttrs);
  const signature = crypto.sign('sha256', asSet, id.keyPem);
  const signedAttrsField = Buffer.concat([Buffer.from([ctxTag(0)]), asSet.subarray(1)]);
  const { serial, issuer } = issuerAndSerial(certDer);
  const signerInfo = seq(int(1), seq(issuer, serial), sha256Alg, signedAttrsField, seq(oid(OID.sha256WithRsa), nul()), octets(signature));
  const signedData = seq(int(1), setOf(sha256Alg), seq(oid(OID.data)), tlv(ctxTag(0), ...id.chainDer), setOf(signerInfo));
  return seq(oid(OID.signedData), explicit(0, signedData));
}

/** The @signpdf Signer that puts a CAdES signature into the PDF's /Contents placeholder. */
export class CadesSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return signCades(pdfBuffer, this.identity);
  }
}

export type CadesCheck =
  | { ok: true; signer: X509Certificate }
  | { ok: false; reason: 'malformed' | 'digest_mismatch' | 'bad_signature' | 'unknown_signer' };

/**
 * Checks a detached CMS signature over `data`: structure, message digest, signing-certificate-v2,
 * and the RSA signature with the embedded signer certificate. Trust in that certificate is decided
 * by the caller (chain to the local CA, expected serial).
 */
export function verifyCades(data: Buffer, cms: Buffer): CadesCheck {
  try {
    const ci = read(cms);
    if (decodeOid(content(cms, child(cms, ci, 0, TAG.oid))) !== OID.signedData) return { ok: false, reason: 'malformed' };
    const sd = child(cms, child(cms, ci, 1, ctxTag(0)), 0, TAG.sequence);
    const parts = children(cms, sd);
    const certSet = parts.find((p) => p.tag === ctxTag(0));
    const signerInfos = parts[parts.length - 1]!;
    if (!certSet || signerInfos.tag !== TAG.set) return { ok: false, reason: 'malformed' };
    const certs = children(cms, certSet).map((c) => Buffer.from(whole(cms, c)));
    const infos = children(cms, signerInfos);
    if (infos.length !== 1) return { ok: false, reason: 'malformed' };
    const si = children(cms, infos[0]!);
    const [, sid, , attrsNode, sigAlg, sigNode] = si;
    if (!sid || !attrsNode || attrsNode.tag !== ctxTag(0) || !sigAlg || !sigNode || sigNode.tag !== TAG.octetString) {
      return { ok: false, reason: 'malformed' };
    }
    const signerDer = certs.find((c) => {
      const { serial, issuer } = issuerAndSerial(c);
      return whole(cms, sid).equals(seq(issuer, serial));
    });
    if (!signerDer) return { ok: false, reason: 'unknown_signer' };

    const attrs = new Map<string, Buffer>();
    for (const a of children(cms, attrsNode)) {
      const type = decodeOid(content(cms, child(cms, a, 0, TAG.oid)));
      const values = child(cms, a, 1, TAG.set);
      attrs.set(type, Buffer.from(whole(cms, child(cms, values, 0))));
    }
    const digest = attrs.get(OID.messageDigest);
    if (!digest || !content(digest, read(digest)).equals(sha256(data))) return { ok: false, reason: 'digest_mismatch' };
    const certRef = attrs.get(OID.signingCertificateV2);
    if (!certRef || !certRef.includes(octets(sha256(signerDer)))) return { ok: false, reason: 'unknown_signer' };

    // Re-tag [0] IMPLICIT as SET OF: the exact bytes the signer signed.
    const signedBytes = Buffer.concat([Buffer.from([TAG.set]), whole(cms, attrsNode).subarray(1)]);
    const signer = new X509Certificate(signerDer);
    const ok = crypto.verify('sha256', signedBytes, signer.publicKey, content(cms, sigNode));
    return ok ? { ok: true, signer } : { ok: false, reason: 'bad_signature' };
  } catch (e) {
    if (e instanceof DerError || e instanceof RangeError || e instanceof TypeError || (e as { code?: string }).code?.startsWith('ERR_')) {
      return { ok: false, reason: 'malformed' };
    }
    throw e;
  }
}
