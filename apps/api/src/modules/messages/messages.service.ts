/**
 * Messages between the officials handling a dossier and the citizen who submitted it online
 * (DESIGN §3.7; seed 004 §III.2.b "trao đổi thông tin với người dùng"). Staff read within the
 * dossier.read scope of the handling unit and write with dossier.message; the citizen only on
 * their own dossier (anyone else gets the NOT_FOUND of an unknown code). An official's message is
 * also a dossier event (`message_sent`), written in the same transaction, so it is in the history
 * and queues the "you have a message" notification through the outbox. Knows no HTTP.
 */
import type { DossierMessage, DossierMessageList } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { can, type Actor, type CitizenActor } from '../../shared/policy.ts';
import { findCitizenById } from '../citizens/citizens.service.ts';
import { appendEvent, type ActionContext } from '../dossiers/dossiers.core.ts';
import { notFoundDossier, unitOf } from '../dossiers/dossiers.policy.ts';
import { findDossierByCode, type DossierRow } from '../dossiers/dossiers.repo.ts';
import { findStaffById } from '../staff/staff.service.ts';
import { presentMessage } from './messages.presenter.ts';
import * as repo from './messages.repo.ts';
import type { MessageRow } from './messages.repo.ts';

const MAX_BODY = 4000;

function bodyOf(s: string): string {
  const b = s.normalize('NFC').trim();
  if (!b) throw errors.validation([{ field: 'body', message: 'không được để trống' }], 'Nhập nội dung tin nhắn.');
  if ([...b].length > MAX_BODY)
    throw errors.validation([{ field: 'body', message: `tối đa ${MAX_BODY} ký tự` }], `Tin nhắn dài quá ${MAX_BODY} ký tự.`);
  return b;
}

/**
 * The dossier for an official: NOT_FOUND unless they may read it on its handling unit, FORBIDDEN
 * when `write` and they hold no role that writes to applicants.
 */
async function dossierForStaff(db: Db, actor: Actor | null, code: string, write: boolean): Promise<DossierRow> {
  if (!actor) throw errors.unauthenticated();
  const row = await findDossierByCode(db, code);
  if (!row) throw notFoundDossier(code);
  const unit = await unitOf(db, row.handling_unit_id);
  if (!can(actor, 'dossier.read', { unitPath: unit.path })) throw notFoundDossier(code);
  if (write && !can(actor, 'dossier.message', { unitPath: unit.path })) throw errors.forbidden({ action: 'dossier.message' });
  return row;
}

async function dossierForCitizen(db: Db, citizen: CitizenActor, code: string): Promise<DossierRow> {
  const row = await findDossierByCode(db, code);
  if (!row || row.citizen_id !== citizen.citizenId) throw notFoundDossier(code);
  return row;
}

/** Names of the authors (few per dossier: one query per distinct author). */
async function present(db: Db, rows: MessageRow[]): Promise<DossierMessage[]> {
  const names = new Map<string, string | null>();
  for (const r of rows) {
    const key = `${r.author_kind}:${r.author_id}`;
    if (names.has(key)) continue;
    const person =
      r.author_kind === 'staff' ? await findStaffById(db, Number(r.author_id)) : await findCitizenById(db, Number(r.author_id));
    names.set(key, person?.full_name ?? null);
  }
  return rows.map((r) => presentMessage(r, names.get(`${r.author_kind}:${r.author_id}`) ?? null));
}

/** The exchange on a dossier, for staff; the citizen's messages become read. Audited (personal data). */
export async function listForStaff(
  db: Db,
  actor: Actor | null,
  code: string,
  o: { now: Date; requestId?: string },
): Promise<DossierMessageList> {
  const row = await dossierForStaff(db, actor, code, false);
  await repo.markRead(db, row.id, 'citizen', o.now);
  await recordAudit(db, {
    actor,
    action: 'dossier.messages.read',
    target: `dossier:${row.code}`,
    unitId: row.handling_unit_id,
    requestId: o.requestId,
  });
  return { items: await present(db, await repo.listMessages(db, row.id)) };
}

/**
 * An official writes to the applicant. Only a dossier submitted online has someone to read it:
 * counter applicants have no account, so the desk calls or writes to them instead (409).
 * Run inside a transaction: the message, its event and its notifications commit together.
 */
export async function postByStaff(db: Db, ctx: ActionContext, code: string, body: string): Promise<DossierMessage> {
  const row = await dossierForStaff(db, ctx.actor, code, true);
  const text = bodyOf(body);
  if (row.citizen_id === null) {
    throw errors.conflict(
      'Hồ sơ không nộp trực tuyến nên người nộp không có tài khoản để nhận tin nhắn; vui lòng liên hệ qua số điện thoại trong hồ sơ.',
      'The dossier was not submitted online: the applicant has no account to read messages.',
      { reason: 'no_citizen_account', code: row.code },
    );
  }
  const m = await repo.insertMessage(db, {
    dossier_id: row.id,
    author_kind: 'staff',
    author_id: ctx.actor!.staffId,
    body: text,
    created_at: ctx.now,
  });
  await appendEvent(
    db,
    ctx,
    row.id,
    { action: 'message_sent', to: row.status, details: { messageId: Number(m.id) } },
    row.status,
    row,
  );
  return presentMessage(m, ctx.actor!.fullName);
}

/** The exchange on the citizen's own dossier; the officials' messages become read. */
export async function listForCitizen(db: Db, citizen: CitizenActor, code: string, now: Date): Promise<DossierMessageList> {
  const row = await dossierForCitizen(db, citizen, code);
  await repo.markRead(db, row.id, 'staff', now);
  return { items: await present(db, await repo.listMessages(db, row.id)) };
}

/** The citizen writes to the officials handling their dossier. */
export async function postByCitizen(
  db: Db,
  citizen: CitizenActor,
  code: string,
  body: string,
  now: Date,
): Promise<DossierMessage> {
  const row = await dossierForCitizen(db, citizen, code);
  const m = await repo.insertMessage(db, {
    dossier_id: row.id,
    author_kind: 'citizen',
    author_id: citizen.citizenId,
    body: bodyOf(body),
    created_at: now,
  });
  return presentMessage(m, citizen.fullName);
}
