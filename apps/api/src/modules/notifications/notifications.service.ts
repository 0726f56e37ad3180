/**
 * Dossier notifications (DESIGN §3.7): which events notify whom on which channel, written to the
 * outbox in the event's own transaction, and the citizen's choice of channels. Delivery is the
 * worker's (notifications.worker.ts). Knows no HTTP.
 */
import { parseMobile, type NotificationChannel, type NotificationPrefs, type NotificationPrefsInput } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import type { Actor, CitizenActor } from '../../shared/policy.ts';
import { authorizeRead, notFoundDossier } from '../dossiers/dossiers.policy.ts';
import { findDossierByCode, type DossierRow } from '../dossiers/dossiers.repo.ts';
import * as repo from './notifications.repo.ts';
import { isTemplateName, type NotificationPayload } from './notifications.templates.ts';

export { NOTIFYING_ACTIONS } from './notifications.templates.ts';

/** A citizen who never chose gets SMS on the phone written on the dossier. */
export const DEFAULT_CITIZEN_CHANNELS: readonly NotificationChannel[] = ['sms'];

/** The event being written, as `appendEvent` has it. */
export interface NotifiableEvent {
  id: number;
  action: string;
  at: Date;
  reason: string | null;
  details: Record<string, unknown>;
}

/** '0912 345 678' → '84912345678' (what SMS and Zalo gateways take); null when not a mobile number. */
export function toMsisdn(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const p = parseMobile(phone);
  return p.ok ? `84${p.national.slice(1)}` : null;
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** Where the notifications of this dossier go: see docs/notifications.md for the rule. */
export function recipientsOf(
  dossier: Pick<DossierRow, 'citizen_id' | 'applicant'>,
  prefs: Pick<repo.PrefsRow, 'channels' | 'email' | 'phone'> | undefined,
): { channel: NotificationChannel; recipient: string }[] {
  // The applicant JSON has no email field today; a later form may add one.
  const applicant = dossier.applicant as (DossierRow['applicant'] & { email?: string | null }) | null;
  const dossierPhone = toMsisdn(applicant?.phone);
  // Counter and post applicants have no account, hence no choice: SMS to the phone they wrote.
  if (dossier.citizen_id === null) return dossierPhone ? [{ channel: 'sms', recipient: dossierPhone }] : [];
  const channels = prefs?.channels ?? DEFAULT_CITIZEN_CHANNELS;
  const phone = toMsisdn(prefs?.phone) ?? dossierPhone;
  const email = prefs?.email ?? applicant?.email?.trim().toLowerCase() ?? null;
  const out: { channel: NotificationChannel; recipient: string }[] = [];
  for (const channel of channels) {
    const recipient = channel === 'email' ? email : phone;
    if (recipient) out.push({ channel, recipient });
  }
  return out;
}

/** The facts of the event the templates need, as of the event (the row is the dossier after it). */
export function payloadOf(dossier: DossierRow, event: NotifiableEvent): NotificationPayload {
  const decision = event.details.decision;
  return {
    code: dossier.code,
    procedureCode: dossier.procedure_code,
    applicantName: dossier.applicant?.fullName ?? null,
    dueAt: iso(dossier.due_at),
    apologyDueAt: iso(dossier.apology_due_at),
    reason: event.reason,
    feeVnd: Number(dossier.fee_vnd),
    decision: decision === 'approved' || decision === 'refused' ? decision : null,
    parentCode: typeof event.details.parentCode === 'string' ? event.details.parentCode : null,
  };
}

/**
 * Queues the notifications of a dossier event. Call it inside the transaction that appends the
 * event (dossiers.core `appendEvent` does), so both commit or neither does. Events that notify
 * nobody cost nothing; the citizen's preferences cost one read when the dossier has a citizen.
 * Returns how many rows were queued.
 */
export async function enqueueForEvent(db: Db, o: { dossier: DossierRow | undefined; event: NotifiableEvent }): Promise<number> {
  const { dossier, event } = o;
  if (!isTemplateName(event.action)) return 0;
  // A programming error, not a user's: silently skipping would lose the applicant's notification.
  if (!dossier) throw new Error(`event "${event.action}" notifies the applicant: appendEvent needs the dossier row`);
  if (dossier.imported) return 0;
  // Only an account holder can read a message; others get no "you have a message" notice.
  if (event.action === 'message_sent' && dossier.citizen_id === null) return 0;
  const prefs = dossier.citizen_id === null ? undefined : await repo.findPrefs(db, dossier.citizen_id);
  const targets = recipientsOf(dossier, prefs);
  if (targets.length === 0) return 0;
  const payload = JSON.stringify(payloadOf(dossier, event));
  await repo.insertOutbox(
    db,
    targets.map((t) => ({
      dossier_id: dossier.id,
      event_id: event.id,
      channel: t.channel,
      recipient: t.recipient,
      template: event.action,
      payload,
      next_attempt_at: event.at,
      created_at: event.at,
    })),
  );
  return targets.length;
}

function present(row: repo.PrefsRow | undefined): NotificationPrefs {
  if (!row) return { channels: [...DEFAULT_CITIZEN_CHANNELS], email: null, phone: null, saved: false };
  return { channels: row.channels, email: row.email, phone: row.phone, saved: true };
}

export async function getPrefs(db: Db, citizen: CitizenActor): Promise<NotificationPrefs> {
  return present(await repo.findPrefs(db, citizen.citizenId));
}

// Deliberately loose (the mail server is the judge): one @, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Saves the citizen's channels and addresses. Email needs an address; a phone, when given, must be
 * a Vietnamese mobile number (stored as 0xxxxxxxxx); channels the installation does not run are
 * refused. Audited (the addresses are not written to the audit row).
 */
export async function savePrefs(
  db: Db,
  citizen: CitizenActor,
  input: NotificationPrefsInput,
  o: { enabledChannels: readonly NotificationChannel[]; now: Date; requestId?: string },
): Promise<NotificationPrefs> {
  const problems: { field: string; message: string }[] = [];
  const channels = [...new Set(input.channels)];
  for (const c of channels) {
    if (!o.enabledChannels.includes(c)) problems.push({ field: 'channels', message: `kênh ${c} chưa được cung cấp` });
  }
  const email = input.email?.normalize('NFC').trim().toLowerCase() || null;
  if (email && (email.length > 254 || !EMAIL.test(email)))
    problems.push({ field: 'email', message: 'không phải địa chỉ thư điện tử' });
  if (channels.includes('email') && !email)
    problems.push({ field: 'email', message: 'cần địa chỉ thư điện tử để nhận thông báo qua email' });
  let phone: string | null = null;
  if (input.phone?.trim()) {
    const p = parseMobile(input.phone);
    if (p.ok) phone = p.national;
    else problems.push({ field: 'phone', message: p.message });
  }
  if (problems.length)
    throw errors.validation(problems, `Chưa lưu được lựa chọn nhận thông báo: ${problems.map((p) => p.message).join('; ')}.`);
  const row = await db.transaction().execute(async (trx) => {
    const saved = await repo.upsertPrefs(trx, { citizen_id: citizen.citizenId, channels, email, phone, updated_at: o.now });
    await recordAudit(trx, {
      actor: citizen,
      action: 'citizen.notification_prefs',
      target: `citizen:${citizen.citizenId}`,
      requestId: o.requestId,
      details: { channels, email: email !== null, phone: phone !== null },
    });
    return saved;
  });
  return present(row);
}

/** The notifications of a dossier, for staff who may read it (others get the NOT_FOUND of an unknown code). */
export async function dossierNotifications(db: Db, actor: Actor | null, code: string): Promise<repo.OutboxRow[]> {
  if (!actor) throw errors.unauthenticated();
  const row = await findDossierByCode(db, code);
  if (!row) throw notFoundDossier(code);
  await authorizeRead(db, actor, row);
  return repo.listForDossier(db, row.id);
}
