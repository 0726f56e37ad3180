/**
 * The mechanics every dossier change shares: load with a row lock, check role, unit scope, version
 * and status, then write the row, its event and the indicator facts together. Callers run inside
 * the transaction opened by the route or the CLI.
 */
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import type { Action, Actor, CitizenActor } from '../../shared/policy.ts';
import type { UnitRow } from '../units/units.service.ts';
import { directReader, type ReferenceReader } from '../../reference-cache.ts';
import { enqueueForEvent } from '../notifications/notifications.service.ts';
import { syncFacts } from './dossiers.facts.ts';
import { authorizeAny, notFoundDossier, unitOf } from './dossiers.policy.ts';
import * as repo from './dossiers.repo.ts';
import type { DossierEventRow, DossierPatch, DossierRow, NewDossier } from './dossiers.repo.ts';

export interface ActionContext {
  /** The staff member acting; null for a citizen's or the system's change. */
  actor: Actor | null;
  /** The citizen acting (online submission, supplement, rating …), from the VNeID session. */
  citizen?: CitizenActor | null;
  /** The business time of the change (events, receipt, decisions). */
  now: Date;
  /** End of office hours "HH:MM" (config.officeHoursEnd): later receipts count from the next working day. */
  officeHoursEnd: string;
  requestId?: string;
  /** Where procedures, units and the calendar are read from: the app's cache, or the database. */
  refs?: ReferenceReader;
}

export const refsOf = (ctx: ActionContext): ReferenceReader => ctx.refs ?? directReader;

export type EventActor = { kind: 'staff' | 'citizen'; id: string } | { kind: 'system' | 'anonymous'; id: null };

export const SYSTEM: EventActor = { kind: 'system', id: null };

/** Events name citizens by their row id, never by CCCD: events are not personal data. */
export function eventActorOf(actor: Actor | null, citizen?: CitizenActor | null): EventActor {
  if (actor) return { kind: 'staff', id: String(actor.staffId) };
  if (citizen) return { kind: 'citizen', id: String(citizen.citizenId) };
  return { kind: 'anonymous', id: null };
}

/** Statuses in which the deadline clock runs or is paused: the dossier is being worked on. */
export const OPEN_STATUSES: readonly DossierStatus[] = ['received', 'in_progress', 'supplement_requested', 'awaiting_payment'];

export function staleVersion(code: string, current: number, sent: number) {
  return errors.conflict(
    `Hồ sơ đã được người khác cập nhật (phiên bản hiện tại ${current}, bạn đang xem phiên bản ${sent}). Tải lại hồ sơ để xem thay đổi rồi thực hiện lại.`,
    `The dossier was updated by someone else (current version ${current}, yours ${sent}). Reload it and try again.`,
    { reason: 'stale_version', code, currentVersion: current, sentVersion: sent },
  );
}

export function wrongStatus(row: DossierRow, what: string, allowed: readonly DossierStatus[]) {
  return errors.conflict(
    `Không thể ${what} khi hồ sơ đang ở trạng thái "${DOSSIER_STATUS_LABELS[row.status].vi}".`,
    `Cannot ${what} a dossier in status ${row.status}.`,
    { reason: 'invalid_status', code: row.code, status: row.status, allowedFrom: allowed },
  );
}

/** A reason the law or the applicant needs to read: not blank. */
export function reasonOf(s: string, field = 'reason'): string {
  const r = s.normalize('NFC').trim();
  if (!r) throw errors.validation([{ field, message: 'không được để trống' }], 'Nhập lý do.');
  return r;
}

export interface ActionTarget {
  code: string;
  version: number;
  /** Any of these permissions on the handling unit suffices. */
  actions: readonly Action[];
  /** Statuses the action may start from. */
  from: readonly DossierStatus[];
  /** The action in Vietnamese, for the wrong-status message ("tiếp nhận", "phê duyệt" …). */
  what: string;
}

/**
 * Locks the dossier and checks, in this order: logged in, exists, role and scope on the handling
 * unit (403), version (409 stale), status (409). Out-of-scope callers learn nothing about the version.
 */
export async function loadForAction(db: Db, ctx: ActionContext, t: ActionTarget): Promise<{ row: DossierRow; unit: UnitRow }> {
  if (!ctx.actor) throw errors.unauthenticated();
  const row = await repo.findDossierByCode(db, t.code, { forUpdate: true });
  if (!row) throw notFoundDossier(t.code);
  const unit = await unitOf(db, row.handling_unit_id);
  authorizeAny(ctx.actor, t.actions, unit.path);
  if (row.version !== t.version) throw staleVersion(row.code, row.version, t.version);
  if (!t.from.includes(row.status)) throw wrongStatus(row, t.what, t.from);
  return { row, unit };
}

/**
 * The citizen's side of `loadForAction`: only the citizen who submitted the dossier may act on it
 * (anyone else gets the NOT_FOUND an unknown code gets), then version and status as for staff.
 */
export async function loadForCitizen(db: Db, ctx: ActionContext, t: Omit<ActionTarget, 'actions'>): Promise<DossierRow> {
  if (!ctx.citizen) throw errors.citizenUnauthenticated();
  const row = await repo.findDossierByCode(db, t.code, { forUpdate: true });
  if (!row || row.citizen_id !== ctx.citizen.citizenId) throw notFoundDossier(t.code);
  if (row.version !== t.version) throw staleVersion(row.code, row.version, t.version);
  if (!t.from.includes(row.status)) throw wrongStatus(row, t.what, t.from);
  return row;
}

/**
 * For a change the system makes on a verified external message (a payment gateway's signed
 * callback): locks the dossier by id and checks its status; no role, no version (the message
 * refers to the dossier, not to a version of it). Write with `commit(…, { by: SYSTEM })`.
 */
export async function loadForSystem(db: Db, dossierId: number, from: readonly DossierStatus[], what: string): Promise<DossierRow> {
  const row = await repo.findDossierById(db, dossierId, { forUpdate: true });
  if (!row) throw notFoundDossier(String(dossierId));
  if (!from.includes(row.status)) throw wrongStatus(row, what, from);
  return row;
}

export interface Change {
  /** Event action name (dossier_events.action). */
  action: string;
  /** New status; unchanged when omitted. */
  to?: DossierStatus;
  patch?: DossierPatch;
  reason?: string | null;
  details?: Record<string, unknown>;
  by?: EventActor;
}

/** Writes a change of a locked dossier with its event and facts; the version guard catches any race left. */
export async function commit(db: Db, ctx: ActionContext, before: DossierRow, change: Change): Promise<DossierRow> {
  const to = change.to ?? before.status;
  const after = await repo.updateDossier(db, before.id, before.version, { ...change.patch, status: to, updated_at: ctx.now });
  if (!after) {
    const current = await repo.findDossierById(db, before.id);
    throw staleVersion(before.code, current?.version ?? before.version + 1, before.version);
  }
  await appendEvent(db, ctx, after.id, { ...change, to }, before.status, after);
  await syncFacts(db, before, after);
  return after;
}

/** A dossier just written and the event written with it: enough to answer without reading back. */
export interface Created {
  row: DossierRow;
  event: WrittenEvent;
}

/** Inserts a new dossier with its first event and facts. */
export async function create(db: Db, ctx: ActionContext, values: NewDossier, event: Omit<Change, 'to' | 'patch'>): Promise<DossierRow> {
  return (await createWithEvent(db, ctx, values, event)).row;
}

export async function createWithEvent(db: Db, ctx: ActionContext, values: NewDossier, event: Omit<Change, 'to' | 'patch'>): Promise<Created> {
  const e = eventOf(ctx, { ...event, to: values.status }, null);
  const { row, eventId } = await repo.insertDossierWithEvent(db, values, { ...e.values, details: JSON.stringify(e.details) });
  await enqueueForEvent(db, { dossier: row, event: { id: eventId, action: event.action, at: ctx.now, reason: e.values.reason, details: e.details } });
  await syncFacts(db, null, row);
  return { row, event: e.written(row.id) };
}

/** An event's columns (without the dossier), its details, and how views show it once written. */
function eventOf(ctx: ActionContext, c: Change & { to: DossierStatus }, from: DossierStatus | null) {
  const by = c.by ?? eventActorOf(ctx.actor, ctx.citizen);
  const details = { ...(c.details ?? {}), ...(ctx.requestId ? { requestId: ctx.requestId } : {}) };
  const values = {
    at: ctx.now,
    actor_kind: by.kind,
    actor_id: by.id,
    action: c.action,
    from_status: from,
    to_status: c.to,
    reason: c.reason?.trim() || null,
  };
  const actor_name = by.kind === 'staff' && ctx.actor ? ctx.actor.fullName : null;
  return { values, details, written: (dossierId: number): WrittenEvent => ({ dossier_id: dossierId, ...values, details, actor_name }) };
}

/** An event as written, with the name a view shows for its actor (the id is not needed by views). */
export type WrittenEvent = Omit<DossierEventRow, 'id'>;

/**
 * Appends an event; `commit` and `create` call it, and so does a note that changes no column. With
 * the dossier row (as it is after the event), the applicant's notifications are queued in the same
 * transaction; an event that notifies must be given the row.
 */
export async function appendEvent(
  db: Db,
  ctx: ActionContext,
  dossierId: number,
  c: Change & { to: DossierStatus },
  from: DossierStatus | null,
  dossier?: DossierRow,
): Promise<WrittenEvent> {
  const e = eventOf(ctx, c, from);
  const id = await repo.insertEvent(db, { ...e.values, dossier_id: dossierId, details: JSON.stringify(e.details) });
  await enqueueForEvent(db, { dossier, event: { id, action: c.action, at: ctx.now, reason: e.values.reason, details: e.details } });
  return e.written(dossierId);
}
