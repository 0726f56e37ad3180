/**
 * Electronic results (DESIGN §3.5; seed 004 "áp dụng mã QR cho việc số hóa kết quả"): when an
 * approver issues the result of an approved dossier, motcua draws the PDF, signs it with the issuing
 * unit's key (PAdES B-B, local CA) and keeps it with a public id whose QR link lets anyone check it.
 * Knows no HTTP; throws domain errors.
 */
import crypto from 'node:crypto';
import type { ResultFileVerification, ResultVerification, ResultView } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { blobStoreFor } from '../documents/documents.blobs.ts';
import { storeResultDocument } from '../documents/documents.service.ts';
import { recordAudit } from '../../shared/audit.ts';
import { vnDateOf } from '../../shared/dates.ts';
import { localCaCertificate, unitSigningIdentity } from '../../shared/pki.ts';
import { authorize, can, type Actor, type CitizenActor } from '../../shared/policy.ts';
import { getProcedure } from '../catalog/catalog.service.ts';
import { recordPersonalDataAccess } from '../datastore/datastore.service.ts';
import type { DossierRow } from '../dossiers/dossiers.service.ts';
import { findUnitById, type UnitRow } from '../units/units.service.ts';
import { documentNumber, formLines, issuerLines, placeAndDate, resultTitle, signerCapacity, vnShortDate, vnTimeAndDate } from './results.format.ts';
import { renderResultPdf } from './results.pdf.ts';
import { presentFileVerification, presentResult, presentVerification, type FileChecks } from './results.presenter.ts';
import * as repo from './results.repo.ts';
import type { ResultRow } from './results.repo.ts';
import { checkPdfSignature, signResultPdf } from './results.sign.ts';

export type { ResultRow } from './results.repo.ts';

/** What the results module needs from the configuration. */
export interface ResultsEnv {
  /** config.publicUrl: the QR links point at `${publicUrl}/verify/<id>`. */
  publicUrl: string;
  /** config.dataDir: the local CA and unit keys live in `<dataDir>/pki`. */
  dataDir: string;
  provinceName: string;
}

let env: ResultsEnv | null = null;

/**
 * Set once at start by the results routes (app.ts). `issueResult` in the dossiers module receives no
 * configuration, and the URL and key directory are per installation, so they are held here.
 */
export function configureResults(e: ResultsEnv): void {
  env = { ...e, publicUrl: e.publicUrl.replace(/\/+$/, '') };
}

function currentEnv(): ResultsEnv {
  if (!env) throw new Error('results module not configured (configureResults)');
  return env;
}

/** Creates the local CA if this is the first start (DESIGN §5; called by startSystem); later calls only read it. */
export async function ensureLocalCa(e: ResultsEnv): Promise<void> {
  await localCaCertificate(e.dataDir, e.provinceName);
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const ID_RE = /^[a-z2-7]{26}$/;

/** 128 random bits in lower-case base32 (26 characters): short enough for a QR code, unguessable. */
export function newResultId(): string {
  const bytes = crypto.randomBytes(16);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export const verifyUrlOf = (id: string) => `${currentEnv().publicUrl}/verify/${id}`;

/** "Ủy ban nhân dân Phường Long Xuyên" for a People's Committee, the agency's own name otherwise. */
function issuingBodyName(unit: UnitRow): string {
  return unit.kind === 'agency' ? unit.name : `Ủy ban nhân dân ${unit.name}`;
}

export interface IssueContext {
  actor: Actor | null;
  now: Date;
  requestId?: string;
}

type IssuedDossier = Pick<
  DossierRow,
  'id' | 'code' | 'procedure_code' | 'handling_unit_id' | 'citizen_id' | 'applicant' | 'form_data' | 'received_at' | 'finished_at'
>;

/**
 * Draws, signs and records the result of an approved dossier; call it inside the transaction that
 * issues the result (dossiers `issueResult`). The PDF bytes are stored in the same row, so the file
 * and its record commit or roll back together. Returns the public id and the number.
 */
export async function issueSignedResult(db: Db, ctx: IssueContext, dossier: IssuedDossier): Promise<{ id: string; number: string }> {
  if (!ctx.actor) throw errors.unauthenticated();
  const e = currentEnv();
  const unit = await findUnitById(db, dossier.handling_unit_id);
  if (!unit) throw new Error(`unit ${dossier.handling_unit_id} missing`);
  const procedure = await getProcedure(db, dossier.procedure_code);
  const issuedOn = vnDateOf(ctx.now);
  const seq = await repo.nextNumber(db, unit.id, Number(issuedOn.slice(0, 4)));
  const number = documentNumber(seq, procedure.result_type, unit);
  const id = newResultId();
  const verifyUrl = `${e.publicUrl}/verify/${id}`;
  const title = resultTitle(procedure.result_type, procedure.name);
  const applicantName = dossier.applicant?.fullName?.normalize('NFC') ?? null;
  const header = issuerLines(e.provinceName, unit);
  const body = issuingBodyName(unit);

  const identity = await unitSigningIdentity(e.dataDir, e.provinceName, { code: unit.code, name: unit.name });
  const doc = await renderResultPdf({
    title,
    number,
    placeAndDate: placeAndDate(e.provinceName, issuedOn),
    issuer: { parent: header.parent, lines: header.issuer, name: body },
    procedure: { code: procedure.code, name: procedure.name },
    dossierCode: dossier.code,
    receivedOn: dossier.received_at ? vnShortDate(vnDateOf(dossier.received_at)) : null,
    decidedOn: dossier.finished_at ? vnShortDate(vnDateOf(dossier.finished_at)) : null,
    applicantName: applicantName ?? '—',
    fields: formLines(procedure.form, dossier.form_data ?? {}),
    signer: { capacity: signerCapacity(unit), name: ctx.actor.fullName, signedAt: vnTimeAndDate(ctx.now) },
    verifyUrl,
    resultId: id,
    issuedAt: ctx.now,
    author: body,
  });
  const pdf = await signResultPdf(doc, identity, {
    name: unit.name,
    reason: `Ban hành ${title.toLocaleLowerCase('vi')} số ${number}`,
    location: `${unit.name}, ${e.provinceName}`,
    contactInfo: verifyUrl,
    signingTime: ctx.now,
  });

  await repo.insertResult(db, {
    id,
    dossier_id: dossier.id,
    dossier_code: dossier.code,
    unit_id: unit.id,
    unit_name: body,
    citizen_id: dossier.citizen_id,
    procedure_code: procedure.code,
    procedure_name: procedure.name,
    number_year: Number(issuedOn.slice(0, 4)),
    number_seq: seq,
    number,
    title,
    applicant_name: applicantName,
    issued_at: ctx.now,
    issued_by_staff_id: ctx.actor.staffId,
    sha256: crypto.createHash('sha256').update(pdf).digest('hex'),
    pdf,
    size_bytes: pdf.length,
    signature_format: 'PAdES-B-B',
    certificate_serial: identity.serial,
  });
  await recordAudit(db, {
    actor: ctx.actor,
    action: 'result.issue',
    target: `result:${id}`,
    unitId: unit.id,
    requestId: ctx.requestId,
    details: { number, dossierCode: dossier.code, certificateSerial: identity.serial },
  });
  // The result also lands in the person's data store (Kho dữ liệu), from where it can be downloaded
  // and reused in a later dossier (seed 004 §III.4), in this same transaction.
  await storeResultDocument(db, blobStoreFor({ dataDir: e.dataDir }), {
    dossierCode: dossier.code,
    pdf,
    fileName: `${number.replace(/[^0-9A-Za-z-]+/g, '-')}.pdf`,
    title: `${title} số ${number}`,
    by: ctx.actor,
    now: ctx.now,
  });
  return { id, number };
}

/** Public verification by id (the QR link): status and what the paper should say; no personal data. */
export async function verifyResult(db: Db, id: string): Promise<ResultVerification> {
  const row = ID_RE.test(id) ? await repo.findResult(db, id) : undefined;
  return row ? presentVerification(row) : { status: 'not_found' };
}

const REASONS = {
  notFound: 'Không có văn bản điện tử nào mang mã này trong hệ thống.',
  unknownFile: 'Tệp này không trùng với văn bản điện tử nào hệ thống đã cấp.',
  noSignature: 'Tệp không có chữ ký số của cơ quan ban hành: không phải bản điện tử gốc.',
  tampered: 'Tệp đã bị thay đổi sau khi ký: chữ ký số không còn khớp với nội dung.',
  untrusted: 'Chữ ký số không do chứng thư số của cơ quan ban hành (do CA của hệ thống cấp) tạo ra.',
  otherSigner: 'Tệp được ký bằng chứng thư số khác với chứng thư đã ký văn bản này.',
  otherFile: 'Tệp không phải bản đã cấp với mã văn bản này (mã băm SHA-256 khác).',
} as const;

/**
 * Checks an uploaded copy: valid only when its SHA-256 equals the issued file's and its embedded
 * signature verifies with the issuing unit's certificate chained to the local CA. A genuine copy of
 * a revoked result answers `revoked`. Without `id`, the result is looked up by the file's hash.
 */
export async function verifyResultFile(db: Db, id: string | null, file: Buffer): Promise<ResultFileVerification> {
  const uploadedSha256 = crypto.createHash('sha256').update(file).digest('hex');
  const row = id === null ? await repo.findResultBySha256(db, uploadedSha256) : ID_RE.test(id) ? await repo.findResult(db, id) : undefined;
  const e = currentEnv();
  const ca = await localCaCertificate(e.dataDir, e.provinceName);
  const sig = checkPdfSignature(file, ca, row?.issued_at ?? new Date());
  const checks: FileChecks = {
    sameFile: row !== undefined && row.sha256 === uploadedSha256,
    signatureValid: sig.ok || sig.reason === 'untrusted',
    certificateTrusted: sig.ok && (row === undefined || sig.serial === row.certificate_serial),
  };
  if (!row) return presentFileVerification({ status: 'not_found', reason: id === null ? REASONS.unknownFile : REASONS.notFound, checks, uploadedSha256 });

  let reason: string | null = null;
  if (!sig.ok) {
    reason = sig.reason === 'no_signature' ? REASONS.noSignature : sig.reason === 'untrusted' ? REASONS.untrusted : REASONS.tampered;
  } else if (sig.serial !== row.certificate_serial) {
    reason = REASONS.otherSigner;
  } else if (!checks.sameFile) {
    reason = REASONS.otherFile;
  }
  if (reason) return presentFileVerification({ status: 'invalid', reason, checks, uploadedSha256, row });
  if (row.status === 'revoked') {
    return presentFileVerification({ status: 'revoked', reason: `Văn bản đã bị thu hồi: ${row.revoke_reason ?? ''}`.trim(), checks, uploadedSha256, row });
  }
  return presentFileVerification({ status: 'valid', checks, uploadedSha256, row });
}

export interface Reader {
  actor: Actor | null;
  citizen: CitizenActor | null;
}

function notFound(id: string) {
  return errors.notFound(`văn bản kết quả mã ${id}`, `Result ${id}`, { id });
}

/**
 * The result for someone who may see it: staff with dossier.read on the issuing unit, or the citizen
 * who owns the dossier. Anyone else gets the NOT_FOUND an unknown id gets.
 */
async function loadForReader(db: Db, who: Reader, id: string): Promise<ResultRow> {
  if (!who.actor && !who.citizen) throw errors.unauthenticated();
  const row = ID_RE.test(id) ? await repo.findResult(db, id) : undefined;
  if (!row) throw notFound(id);
  if (who.citizen && row.citizen_id === who.citizen.citizenId) return row;
  if (who.actor) {
    const unit = await findUnitById(db, row.unit_id);
    if (unit && can(who.actor, 'dossier.read', { unitPath: unit.path })) return row;
  }
  throw notFound(id);
}

/** The reader's own kind for logs: the official when an official reads, else the owner. */
function readerOf(who: Reader, row: ResultRow): Actor | CitizenActor {
  if (who.citizen && row.citizen_id === who.citizen.citizenId) return who.citizen;
  return who.actor!;
}

export async function getResult(db: Db, who: Reader, id: string, opts: { requestId?: string } = {}): Promise<ResultView> {
  const row = await loadForReader(db, who, id);
  await logRead(db, who, row, 'read', opts.requestId);
  return presentResult(row, currentEnv().publicUrl);
}

/** The signed PDF as issued, with a file name; the read is audited and logged for the owner. */
export async function getResultPdf(db: Db, who: Reader, id: string, opts: { requestId?: string } = {}): Promise<{ fileName: string; bytes: Buffer }> {
  const row = await loadForReader(db, who, id);
  const bytes = await repo.resultPdf(db, row.id);
  if (!bytes) throw notFound(id);
  await logRead(db, who, row, 'download', opts.requestId);
  return { fileName: `ket-qua-${row.number.replace(/[^0-9A-Za-z]+/g, '-')}-${row.id.slice(0, 6)}.pdf`, bytes };
}

/** Audit row, and the owner's personal-data access log (Nghị định 13/2023) when an official reads. */
async function logRead(db: Db, who: Reader, row: ResultRow, action: 'read' | 'download', requestId?: string) {
  const reader = readerOf(who, row);
  await recordAudit(db, { actor: reader, action: `result.${action}`, target: `result:${row.id}`, unitId: row.unit_id, requestId });
  if (reader.kind === 'staff' && row.citizen_id !== null) {
    await recordPersonalDataAccess(db, {
      citizenId: row.citizen_id,
      actor: reader,
      action,
      what: { kind: 'document', ref: row.id },
      purpose: `Văn bản kết quả số ${row.number}, hồ sơ ${row.dossier_code}`,
      requestId,
    });
  }
}

/** Withdraws a signed result (approver of the issuing unit, reason required); audited in the same transaction. */
export async function revokeResult(db: Db, actor: Actor | null, id: string, reasonText: string, opts: { now: Date; requestId?: string }): Promise<ResultView> {
  if (!actor) throw errors.unauthenticated();
  const row = ID_RE.test(id) ? await repo.findResult(db, id, { forUpdate: true }) : undefined;
  if (!row) throw notFound(id);
  const unit = await findUnitById(db, row.unit_id);
  if (!unit) throw new Error(`unit ${row.unit_id} missing`);
  authorize(actor, 'result.revoke', { unitPath: unit.path });
  const reason = reasonText.normalize('NFC').trim();
  if (!reason) throw errors.validation([{ field: 'reason', message: 'không được để trống' }], 'Nhập lý do thu hồi.');
  const after = await repo.revoke(db, row.id, { staffId: actor.staffId, at: opts.now, reason });
  if (!after) {
    throw errors.conflict(`Văn bản số ${row.number} đã bị thu hồi trước đó.`, `Result ${row.number} is already revoked.`, { reason: 'already_revoked', id });
  }
  await recordAudit(db, {
    actor,
    action: 'result.revoke',
    target: `result:${row.id}`,
    unitId: row.unit_id,
    requestId: opts.requestId,
    details: { number: row.number, dossierCode: row.dossier_code, reason },
  });
  return presentResult(after, currentEnv().publicUrl);
}

/** Results issued for a dossier, oldest first (for the dossier view). */
export async function resultsForDossier(db: Db, dossierId: number): Promise<ResultView[]> {
  return (await repo.listByDossier(db, dossierId)).map((r) => presentResult(r, currentEnv().publicUrl));
}

/** Results of the dossiers a citizen submitted, newest first (for the personal data store). */
export async function resultsForCitizen(db: Db, citizenId: number): Promise<ResultView[]> {
  return (await repo.listByCitizen(db, citizenId)).map((r) => presentResult(r, currentEnv().publicUrl));
}
