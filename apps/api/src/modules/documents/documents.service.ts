/**
 * Documents and the personal data store (DESIGN §3.5; docs/documents.md). Bytes are staged by the
 * caller (documents.blobs.ts), checked here (content sniffing, emptiness), kept under their SHA-256
 * and named by a row. Citizens reach only their own documents; officials only the documents of a
 * dossier they handle while it is open (dossiers.documents.ts decides); every read is written to the
 * person's access log and, for officials, the audit log. Knows no HTTP.
 */
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DocumentList, DossierDocument, DossierDocuments, DocumentMediaType } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { AppError, errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import type { Actor, CitizenActor } from '../../shared/policy.ts';
import { recordPersonalDataAccess } from '../datastore/datastore.service.ts';
import * as dossiers from '../dossiers/dossiers.service.ts';
import type { ActionContext, DossierRow } from '../dossiers/dossiers.service.ts';
import { stageBuffer, type BlobStore, type StagedBlob } from './documents.blobs.ts';
import { attachDocuments } from './documents.links.ts';
import { contentDisposition, presentAttached, presentDocument, presentDossierDocuments } from './documents.presenter.ts';
import * as repo from './documents.repo.ts';
import type { DocumentRow } from './documents.repo.ts';
import { safeFileName, sniff, titleFromFileName } from './documents.sniff.ts';

export { contentDisposition };
export { blobStoreFor, type BlobStore } from './documents.blobs.ts';

/** A file received and staged, not yet checked or kept. */
export interface IncomingFile {
  staged: StagedBlob;
  /** The name the sender gave (untrusted, may be absent). */
  fileName?: string;
}

/** What a download streams. */
export interface Download {
  stream: Readable;
  mediaType: DocumentMediaType;
  size: number;
  fileName: string;
  sha256: string;
  contentDisposition: string;
}

const newId = () => crypto.randomBytes(16).toString('base64url');

/** "10 MB", "512 KB": the limit as the applicant reads it. */
export function formatBytes(n: number): string {
  const MB = 1024 * 1024;
  if (n >= MB) return `${Number.isInteger(n / MB) ? n / MB : (n / MB).toFixed(1)} MB`;
  return `${Math.round(n / 1024)} KB`;
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `Tệp vượt quá dung lượng cho phép (tối đa ${formatBytes(maxBytes)}). Vui lòng giảm dung lượng (quét ở độ phân giải thấp hơn hoặc chia thành nhiều tệp) rồi gửi lại.`,
    `The file is larger than the ${maxBytes}-byte limit.`,
    { maxBytes },
  );
}

function unsupportedType(detected: string): AppError {
  return new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    'Nội dung tệp không phải PDF, PNG hoặc JPEG. Chỉ nhận giấy tờ dạng PDF hoặc ảnh PNG, JPEG (tên tệp và đuôi tệp không được dùng để nhận biết loại tệp).',
    'The content is not a PDF, PNG or JPEG file.',
    { detected, accepted: ['application/pdf', 'image/png', 'image/jpeg'] },
  );
}

export const noFile = () =>
  errors.validation([{ field: 'file', message: 'chưa có tệp' }], 'Chọn tệp giấy tờ cần gửi (trường "file" của biểu mẫu multipart/form-data).');

export const noComponent = () =>
  errors.validation([{ field: 'component', message: 'chưa chọn thành phần hồ sơ' }], 'Chọn thành phần hồ sơ được số hóa (trường "component").');

function notFoundDocument(id: string) {
  return errors.notFound(`giấy tờ ${id}`, `Document ${id}`, { documentId: id });
}

/** Checks what the bytes are; refuses (and forgets them) unless a non-empty PDF, PNG or JPEG. */
async function check(file: IncomingFile): Promise<{ mediaType: DocumentMediaType; fileName: string }> {
  if (file.staged.size === 0) {
    await file.staged.discard();
    throw errors.validation([{ field: 'file', message: 'tệp rỗng' }], 'Tệp gửi lên không có nội dung.');
  }
  const s = sniff(file.staged.head);
  if (!s.ok) {
    await file.staged.discard();
    throw unsupportedType(s.detected);
  }
  return { mediaType: s.mediaType, fileName: safeFileName(file.fileName, s.mediaType) };
}

function titleOf(title: string | undefined, fileName: string): string {
  const t = title?.normalize('NFC').trim();
  return (t || titleFromFileName(fileName)).slice(0, 300);
}

/** A citizen's upload to their own store (kind upload). */
export async function uploadForCitizen(db: Db, citizen: CitizenActor, file: IncomingFile, input: { title?: string; now: Date }) {
  try {
    const { mediaType, fileName } = await check(file);
    await file.staged.keep();
    const row = await repo.insertDocument(db, {
      id: newId(),
      owner_citizen_id: citizen.citizenId,
      sha256: file.staged.sha256,
      size_bytes: file.staged.size,
      media_type: mediaType,
      file_name: fileName,
      kind: 'upload',
      title: titleOf(input.title, fileName),
      digitized: false,
      created_at: input.now,
      created_by_kind: 'citizen',
      created_by_id: String(citizen.citizenId),
    });
    return presentDocument(row, []);
  } finally {
    await file.staged.discard();
  }
}

export interface Digitized {
  document: DossierDocument;
  dossier: DossierRow;
}

/**
 * A paper component scanned at the desk (số hóa) for a dossier being handled: kept as a digitised
 * document of the applicant, attached to the component; the dossier becomes digitised once every
 * required component has one. Runs in the caller's transaction.
 */
export async function digitizeForDossier(db: Db, ctx: ActionContext, file: IncomingFile, input: { code: string; component: string; title?: string }): Promise<Digitized> {
  try {
    const d = await dossiers.lockForDigitizing(db, ctx, input.code);
    const component = dossiers.checkComponent(d.components, input.component, 'component');
    const { mediaType, fileName } = await check(file);
    await file.staged.keep();
    const staffId = String(ctx.actor!.staffId);
    const row = await repo.insertDocument(db, {
      id: newId(),
      owner_citizen_id: d.subjectCitizenId,
      sha256: file.staged.sha256,
      size_bytes: file.staged.size,
      media_type: mediaType,
      file_name: fileName,
      kind: 'digitized',
      title: titleOf(input.title, component),
      digitized: true,
      created_at: ctx.now,
      created_by_kind: 'staff',
      created_by_id: staffId,
    });
    await attachDocuments(db, [{ dossierId: d.row.id, documentId: row.id, component, reused: false, at: ctx.now, by: { kind: 'staff', id: staffId } }]);
    const after = await dossiers.recordComponentDocument(db, ctx, d, { component, documentId: row.id });
    return { document: presentAttached(d.row.code, { ...row, component, attached_at: ctx.now, reused: false }), dossier: after };
  } finally {
    await file.staged.discard();
  }
}

/**
 * An issued electronic result kept in the store of the dossier's person and attached to the dossier
 * as its result (component null). For the results module: call it in the transaction that issues
 * the result, with the signed PDF; returns the document id.
 */
export async function storeResultDocument(
  db: Db,
  blobs: BlobStore,
  r: { dossierCode: string; pdf: Buffer | Uint8Array; fileName: string; title: string; by: Actor | null; now: Date },
): Promise<string> {
  const file: IncomingFile = { staged: await stageBuffer(blobs, r.pdf), fileName: r.fileName };
  try {
    const d = await dossiers.dossierForResult(db, r.dossierCode);
    const { mediaType, fileName } = await check(file);
    if (mediaType !== 'application/pdf') throw unsupportedType(mediaType);
    await file.staged.keep();
    const by = r.by ? { kind: 'staff' as const, id: String(r.by.staffId) } : { kind: 'system' as const, id: null };
    const row = await repo.insertDocument(db, {
      id: newId(),
      owner_citizen_id: d.subjectCitizenId,
      sha256: file.staged.sha256,
      size_bytes: file.staged.size,
      media_type: mediaType,
      file_name: fileName,
      kind: 'result',
      title: titleOf(r.title, fileName),
      digitized: true,
      created_at: r.now,
      created_by_kind: by.kind,
      created_by_id: by.id,
    });
    await attachDocuments(db, [{ dossierId: d.row.id, documentId: row.id, component: null, reused: false, at: r.now, by }]);
    return row.id;
  } finally {
    await file.staged.discard();
  }
}

/** The citizen's store: uploads, papers digitised for their dossiers and issued results, newest first. */
export async function listMyDocuments(db: Db, citizen: CitizenActor, page: { limit: number; offset: number }): Promise<DocumentList> {
  const { rows, total } = await repo.listOwned(db, citizen.citizenId, page);
  const uses = await repo.attachmentsOfDocuments(db, rows.map((r) => r.id));
  const codes = await dossiers.dossierCodesByIds(db, uses.map((u) => Number(u.dossier_id)));
  const items = rows.map((r) =>
    presentDocument(
      r,
      uses
        .filter((u) => u.document_id === r.id && codes.has(Number(u.dossier_id)))
        .map((u) => ({ dossierCode: codes.get(Number(u.dossier_id))!, component: u.component, reused: u.reused })),
    ),
  );
  return { items, total };
}

async function download(blobs: BlobStore, row: DocumentRow, inline: boolean): Promise<Download> {
  return {
    stream: await blobs.open(row.sha256),
    mediaType: row.media_type,
    size: Number(row.size_bytes),
    fileName: row.file_name,
    sha256: row.sha256,
    contentDisposition: contentDisposition(row.file_name, inline ? 'inline' : 'attachment'),
  };
}

interface ReadOpts {
  now: Date;
  requestId?: string;
  inline?: boolean;
}

/** One of the citizen's own documents; anyone else's answers NOT_FOUND, like an unknown id. Logged. */
export async function openMyDocument(db: Db, blobs: BlobStore, citizen: CitizenActor, id: string, o: ReadOpts): Promise<Download> {
  const row = await repo.findDocument(db, id);
  if (!row || row.owner_citizen_id === null || Number(row.owner_citizen_id) !== citizen.citizenId) throw notFoundDocument(id);
  await recordPersonalDataAccess(db, {
    citizenId: citizen.citizenId,
    actor: citizen,
    action: 'download',
    what: { kind: 'document', ref: row.id },
    purpose: 'Tải giấy tờ trong kho dữ liệu của mình',
    requestId: o.requestId,
    at: o.now,
  });
  return download(blobs, row, o.inline ?? false);
}

const handlingPurpose = (code: string) => `Giải quyết hồ sơ ${code}`;

/** The documents of a dossier for an official handling it while it is open (else NOT_FOUND). Logged. */
export async function dossierDocumentsForStaff(db: Db, actor: Actor | null, code: string, o: ReadOpts): Promise<DossierDocuments> {
  const d = await dossiers.openForDocuments(db, actor, code);
  const attached = await repo.attachedToDossier(db, d.row.id);
  await recordAudit(db, { actor, action: 'dossier.documents.list', target: `dossier:${d.row.code}`, unitId: d.row.handling_unit_id, requestId: o.requestId });
  if (d.subjectCitizenId !== null) {
    await recordPersonalDataAccess(db, {
      citizenId: d.subjectCitizenId,
      actor,
      action: 'list',
      what: { kind: 'dossier', ref: d.row.code },
      purpose: handlingPurpose(d.row.code),
      requestId: o.requestId,
      at: o.now,
    });
  }
  return presentDossierDocuments(d.row.code, d.row.digitized_dossier, d.components, attached);
}

/** One document of a dossier, for an official handling it while it is open; else NOT_FOUND. Logged. */
export async function openDossierDocument(db: Db, blobs: BlobStore, actor: Actor | null, code: string, id: string, o: ReadOpts): Promise<Download> {
  const d = await dossiers.openForDocuments(db, actor, code);
  const row = await repo.findAttached(db, d.row.id, id);
  if (!row) throw notFoundDocument(id);
  await recordAudit(db, {
    actor,
    action: 'document.download',
    target: `document:${row.id}`,
    unitId: d.row.handling_unit_id,
    requestId: o.requestId,
    details: { dossier: d.row.code },
  });
  const subject = row.owner_citizen_id !== null ? Number(row.owner_citizen_id) : d.subjectCitizenId;
  if (subject !== null) {
    await recordPersonalDataAccess(db, {
      citizenId: subject,
      actor,
      action: 'download',
      what: { kind: 'document', ref: row.id },
      purpose: handlingPurpose(d.row.code),
      requestId: o.requestId,
      at: o.now,
    });
  }
  return download(blobs, row, o.inline ?? false);
}
