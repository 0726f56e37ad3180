/**
 * The local certificate authority of DESIGN §5 ("a local CA created at first start"): a root CA for
 * the province and, created on first use, one signing key and X.509 certificate per issuing unit.
 * Keys live only on disk under `<dataDir>/pki/` (mode 0600, directory 0700), never in the database.
 *
 * Files: `ca.pem` (root key + certificate), `ca.crt` (the certificate alone, to import into a PDF
 * reader as a trusted root), `units/<code>-<hash of name>.pem` (unit key + certificate). Each .pem is
 * created whole under a temporary name and linked into place, so processes starting together (tests,
 * a CLI next to the server) agree on one key instead of overwriting each other's.
 *
 * To use a real CA, put its root certificate in `ca.crt`/`ca.pem` and each unit's key and issued
 * certificate in its `units/*.pem`; nothing is generated when the files exist (docs/results.md).
 */
import crypto, { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import forge from 'node-forge';

const generateKeyPair = promisify(crypto.generateKeyPair);

/**
 * Validity starts on a fixed past date: dossiers are issued at their business time, which imports and
 * tests place in the past, and a signature must verify against the certificate valid at that time.
 */
const NOT_BEFORE = new Date(Date.UTC(2020, 0, 1));
const CA_YEARS = 25;
const UNIT_YEARS = 10;

export interface SigningIdentity {
  /** PKCS#8 PEM of the unit's private key. */
  keyPem: string;
  cert: X509Certificate;
  /** DER of the signer's certificate, then of the CA's, as embedded in the signature. */
  chainDer: Buffer[];
  /** Certificate serial, lower-case hex without leading zeros' ambiguity (as X509Certificate gives it). */
  serial: string;
}

export interface UnitSubject {
  code: string;
  name: string;
}

/** Root CA common name, e.g. "motcua CA tỉnh An Giang (thử nghiệm)". */
export function caCommonName(provinceName: string): string {
  const p = provinceName.normalize('NFC');
  return `motcua CA ${p.charAt(0).toLocaleLowerCase('vi')}${p.slice(1)} (thử nghiệm)`;
}

const cache = new Map<string, Promise<{ keyPem: string; certPem: string }>>();

const pkiDir = (dataDir: string) => path.join(dataDir, 'pki');

function unitFile(dataDir: string, unit: UnitSubject): string {
  // Unit codes were reused by the 2025 reform for different units: the name keeps them apart.
  const hash = crypto.createHash('sha256').update(unit.name.normalize('NFC')).digest('hex').slice(0, 8);
  const safe = unit.code.replace(/[^A-Za-z0-9_.-]/g, '_');
  return path.join(pkiDir(dataDir), 'units', `${safe}-${hash}.pem`);
}

function splitPem(text: string): { keyPem: string; certPem: string } {
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(text)?.[0];
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)?.[0];
  if (!key || !cert) throw new Error('PKI file without a private key and a certificate');
  return { keyPem: `${key}\n`, certPem: `${cert}\n` };
}

/** Reads `file`, or creates it with `make()` unless another process got there first. */
async function createOnce(file: string, make: () => Promise<string>): Promise<{ keyPem: string; certPem: string }> {
  if (fs.existsSync(file)) return splitPem(fs.readFileSync(file, 'utf8'));
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const text = await make();
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    fs.unlinkSync(tmp);
  }
  return splitPem(fs.readFileSync(file, 'utf8'));
}

function once(file: string, make: () => Promise<string>) {
  let p = cache.get(file);
  if (!p) {
    p = createOnce(file, make);
    cache.set(file, p);
    p.catch(() => cache.delete(file));
  }
  return p;
}

async function newKeyPair(bits: number) {
  return generateKeyPair('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/** A positive 128-bit serial (RFC 5280 §4.1.2.2: unique per CA, at most 20 octets). */
function newSerial(): string {
  const b = crypto.randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x10;
  return b.toString('hex');
}

// @types/node-forge types valueTagClass as an ASN.1 class; forge reads it as the value's tag (UTF8String).
const UTF8_TAG = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
const utf8 = (name: string, value: string): forge.pki.CertificateField => ({ name, value: value.normalize('NFC'), valueTagClass: UTF8_TAG });

function addYears(d: Date, years: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()));
}

async function makeCa(provinceName: string): Promise<string> {
  const { publicKey, privateKey } = await newKeyPair(3072);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = newSerial();
  cert.validity.notBefore = NOT_BEFORE;
  cert.validity.notAfter = addYears(new Date(), CA_YEARS);
  const subject: forge.pki.CertificateField[] = [utf8('commonName', caCommonName(provinceName)), utf8('organizationName', provinceName), { name: 'countryName', value: 'VN' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  return `${privateKey}${forge.pki.certificateToPem(cert)}`;
}

/**
 * The CA's subject as attributes to write again: forge reads UTF8String values as raw bytes and
 * would encode them a second time, so the issuer name would no longer match the CA's subject.
 */
function issuerAttributes(caCert: forge.pki.Certificate) {
  return caCert.subject.attributes.map((a) =>
    a.valueTagClass === UTF8_TAG ? { ...a, value: forge.util.decodeUtf8(a.value as string) } : a,
  );
}

async function makeUnit(ca: { keyPem: string; certPem: string }, provinceName: string, unit: UnitSubject): Promise<string> {
  const { publicKey, privateKey } = await newKeyPair(2048);
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = newSerial();
  cert.validity.notBefore = NOT_BEFORE;
  cert.validity.notAfter = addYears(new Date(), UNIT_YEARS);
  cert.setSubject([utf8('commonName', unit.name), utf8('organizationName', provinceName), { name: 'countryName', value: 'VN' }]);
  cert.setIssuer(issuerAttributes(caCert));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    // Non-repudiation (content commitment): the unit stands behind the document it signs.
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(ca.keyPem), forge.md.sha256.create());
  return `${privateKey}${forge.pki.certificateToPem(cert)}`;
}

async function caMaterial(dataDir: string, provinceName: string) {
  const ca = await once(path.join(pkiDir(dataDir), 'ca.pem'), () => makeCa(provinceName));
  const crt = path.join(pkiDir(dataDir), 'ca.crt');
  if (!fs.existsSync(crt)) fs.writeFileSync(crt, ca.certPem, { mode: 0o644 });
  return ca;
}

/** The root certificate, created at first call: the trust anchor every result signature must chain to. */
export async function localCaCertificate(dataDir: string, provinceName: string): Promise<X509Certificate> {
  return new X509Certificate((await caMaterial(dataDir, provinceName)).certPem);
}

/** The signing key and certificate chain of an issuing unit, created on its first result. */
export async function unitSigningIdentity(dataDir: string, provinceName: string, unit: UnitSubject): Promise<SigningIdentity> {
  const ca = await caMaterial(dataDir, provinceName);
  const own = await once(unitFile(dataDir, unit), () => makeUnit(ca, provinceName, unit));
  const cert = new X509Certificate(own.certPem);
  return {
    keyPem: own.keyPem,
    cert,
    chainDer: [cert.raw, new X509Certificate(ca.certPem).raw],
    serial: cert.serialNumber.toLowerCase(),
  };
}

/**
 * Whether `cert` was issued by `ca` and was valid at `at`. Only this one level exists: the local CA
 * signs unit certificates directly.
 */
export function chainsTo(cert: X509Certificate, ca: X509Certificate, at: Date): boolean {
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return false;
  const t = at.getTime();
  for (const c of [cert, ca]) {
    if (t < Date.parse(c.validFrom) || t > Date.parse(c.validTo)) return false;
  }
  return true;
}
