/**
 * The dossier's side of documents (DESIGN §3.5; docs/documents.md): who may open or add the papers
 * of a dossier and when, the digitisation flag that follows the attached components, and the reuse
 * of stored documents in an online submission. Flag changes go through `commit`, so the indicator
 * facts (digitized_dossier, reused_data) move in the same transaction.
 */
import type { DocumentChoice, DocumentComponent, DossierStatus } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { can, type Actor, type CitizenActor } from '../../shared/policy.ts';
import { getProcedure, type ProcedureRow } from '../catalog/catalog.service.ts';
import { findCitizenByIdNumber } from '../citizens/citizens.service.ts';
import { attachDocuments, componentsWithDocuments, ownedDocuments } from '../documents/documents.links.ts';
import { appendEvent, commit, eventActorOf, OPEN_STATUSES, wrongStatus, type ActionContext } from './dossiers.core.ts';
import { authorizeAny, canRead, notFoundDossier, unitOf } from './dossiers.policy.ts';
import * as repo from './dossiers.repo.ts';
import type { DossierRow } from './dossiers.repo.ts';

/**
 * While the handling officials may open the applicant's papers: from submission until the result is
 * issued. After the result is returned, or once the dossier is withdrawn or turned away, the purpose
 * the papers were given for is over (Decree 13/2023 art. 3: processed only for the stated purpose;
 * seed 004 §III.4: access "phù hợp với mức độ phân quyền … bảo vệ dữ liệu cá nhân"). The papers stay
 * in the dossier archive; the applicant keeps them in their own store.
 */
export const DOCUMENT_READABLE_STATUSES: readonly DossierStatus[] = [
  'submitted',
  'received',
  'in_progress',
  'supplement_requested',
  'awaiting_payment',
  'approved',
  'refused',
  'result_issued',
];

export interface DossierForDocuments {
  row: DossierRow;
  /** The procedure's component list, as the catalogue has it now. */
  components: DocumentComponent[];
  /** The person the dossier's papers belong to, when known (see `subjectCitizenId`). */
  subjectCitizenId: number | null;
}

/**
 * The person a dossier is about, for the store and the access log: the citizen who submitted it
 * online; for a counter or post dossier, the applicant whose CCCD matches a citizen who has logged
 * in with VNeID (the desk checked the applicant's ID). Null when neither is known.
 */
export async function subjectCitizenId(db: Db, row: Pick<DossierRow, 'citizen_id' | 'channel' | 'applicant'>): Promise<number | null> {
  if (row.citizen_id !== null) return Number(row.citizen_id);
  // Online dossiers name their citizen; their applicant JSON may be someone the citizen files for.
  if (row.channel === 'online') return null;
  const idNumber = row.applicant?.idNumber;
  if (!idNumber || !/^[0-9]{12}$/.test(idNumber)) return null;
  const c = await findCitizenByIdNumber(db, idNumber);
  return c ? Number(c.id) : null;
}

async function withComponents(db: Db, row: DossierRow): Promise<DossierForDocuments> {
  const procedure = await getProcedure(db, row.procedure_code);
  return { row, components: procedure.components, subjectCitizenId: await subjectCitizenId(db, row) };
}

/**
 * A dossier whose documents `actor` may open: an official allowed `document.read` on the handling
 * unit, while the dossier is open. Anything else is NOT_FOUND (an official who can see the dossier
 * itself is told that its papers are closed).
 */
export async function openForDocuments(db: Db, actor: Actor | null, code: string): Promise<DossierForDocuments> {
  if (!actor) throw errors.unauthenticated();
  const row = await repo.findDossierByCode(db, code);
  if (!row) throw notFoundDossier(code);
  const unit = await unitOf(db, row.handling_unit_id);
  if (!can(actor, 'document.read', { unitPath: unit.path })) throw notFoundDossier(code);
  if (!DOCUMENT_READABLE_STATUSES.includes(row.status)) {
    throw errors.notFound(
      `giấy tờ của hồ sơ ${code}: hồ sơ đã kết thúc, giấy tờ của người dân chỉ được xem trong khi giải quyết`,
      `Documents of dossier ${code} (closed: papers are open only while it is handled)`,
      { code, reason: 'dossier_closed', status: row.status },
    );
  }
  return withComponents(db, row);
}

/** A dossier by code for the system's own writes (the result being issued); no access check. */
export async function dossierForResult(db: Db, code: string): Promise<DossierForDocuments> {
  const row = await repo.findDossierByCode(db, code);
  if (!row) throw notFoundDossier(code);
  return withComponents(db, row);
}

/**
 * Locks a dossier for digitising at the desk: NOT_FOUND out of read scope, FORBIDDEN without
 * `document.digitize` on the handling unit, CONFLICT unless the dossier is being handled.
 */
export async function lockForDigitizing(db: Db, ctx: ActionContext, code: string): Promise<DossierForDocuments> {
  if (!ctx.actor) throw errors.unauthenticated();
  const row = await repo.findDossierByCode(db, code, { forUpdate: true });
  if (!row || !(await canRead(db, ctx.actor, row))) throw notFoundDossier(code);
  const unit = await unitOf(db, row.handling_unit_id);
  authorizeAny(ctx.actor, ['document.digitize'], unit.path);
  if (!OPEN_STATUSES.includes(row.status)) throw wrongStatus(row, 'số hóa giấy tờ', OPEN_STATUSES);
  return withComponents(db, row);
}

/** The component's name as the catalogue writes it, or VALIDATION_FAILED naming the field. */
export function checkComponent(components: DocumentComponent[], name: string, field: string): string {
  const wanted = name.normalize('NFC').trim();
  const found = components.find((c) => c.name.normalize('NFC') === wanted);
  if (!found) {
    throw errors.validation(
      [{ field, message: 'không có trong danh sách thành phần hồ sơ của thủ tục' }],
      `Thủ tục không có thành phần hồ sơ "${wanted}". Chọn một trong: ${components.map((c) => `"${c.name}"`).join(', ')}.`,
    );
  }
  return found.name;
}

/** Whether every required component has a document (a procedure without required components: any document). */
function allRequiredAttached(components: DocumentComponent[], attached: ReadonlySet<string>): boolean {
  return components.filter((c) => c.required).every((c) => attached.has(c.name));
}

/**
 * Records a document attached to a locked dossier's component (the caller has inserted the
 * attachment). When every required component now has an electronic copy the dossier becomes
 * digitised (dossiers.digitized_dossier, counted by the digitisation indicator); otherwise the
 * attachment is only noted in the history.
 */
export async function recordComponentDocument(
  db: Db,
  ctx: ActionContext,
  d: DossierForDocuments,
  a: { component: string; documentId: string },
): Promise<DossierRow> {
  const details = { component: a.component, documentId: a.documentId };
  if (!d.row.digitized_dossier && allRequiredAttached(d.components, new Set(await componentsWithDocuments(db, d.row.id)))) {
    return commit(db, ctx, d.row, { action: 'document_attached', patch: { digitized_dossier: true }, details: { ...details, digitizedDossier: true } });
  }
  await appendEvent(db, ctx, d.row.id, { action: 'document_attached', to: d.row.status, details }, d.row.status);
  return d.row;
}

export interface Reuse {
  /** A stored document counts as reuse (see `prepareReuse`). */
  anyReused: boolean;
  /** For the submission event: which document went to which component, and whether it was reused. */
  details: { component: string; documentId: string; reused: boolean }[];
  /** Attaches the chosen documents to the new dossier. */
  attach(db: Db, dossierId: number, at: Date): Promise<void>;
}

/**
 * Checks the documents a citizen picked from their store for an online submission: each component
 * exists in the procedure, each document is the citizen's own (anyone else's is NOT_FOUND, like an
 * unknown id). A pick is *reuse* (tái sử dụng, DESIGN §3.5, §4.2) when the document is an issued
 * result or a paper digitised by an official, or was already used by an earlier dossier; a file
 * uploaded just for this submission is not.
 */
export async function prepareReuse(db: Db, citizen: CitizenActor, procedure: ProcedureRow, choices: DocumentChoice[]): Promise<Reuse> {
  const seen = new Set<string>();
  const picks = choices.map((c, i) => {
    if (seen.has(c.documentId)) {
      throw errors.validation([{ field: `documents.${i}.documentId`, message: 'giấy tờ đã được chọn ở thành phần khác' }], 'Mỗi giấy tờ chỉ chọn một lần.');
    }
    seen.add(c.documentId);
    return { component: checkComponent(procedure.components, c.component, `documents.${i}.component`), documentId: c.documentId };
  });
  const owned = await ownedDocuments(db, citizen.citizenId, picks.map((p) => p.documentId));
  const details = picks.map((p) => {
    const doc = owned.get(p.documentId);
    if (!doc) throw errors.notFound(`giấy tờ ${p.documentId} trong kho dữ liệu của bạn`, `Document ${p.documentId} in your data store`, { documentId: p.documentId });
    return { ...p, reused: doc.kind !== 'upload' || doc.usedBefore };
  });
  const by = eventActorOf(null, citizen);
  return {
    anyReused: details.some((d) => d.reused),
    details,
    attach: (trx, dossierId, at) =>
      attachDocuments(
        trx,
        details.map((d) => ({ dossierId, documentId: d.documentId, component: d.component, reused: d.reused, at, by: { kind: 'citizen', id: by.id } })),
      ),
  };
}

/** Receipt codes of dossiers by id (for "used in" lists). */
export async function dossierCodesByIds(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('dossiers').select(['id', 'code']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [Number(r.id), r.code]));
}
