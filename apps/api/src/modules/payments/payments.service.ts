/**
 * Online payment of dossier fees (DESIGN §3.6): the citizen's payment intent and its signed redirect
 * to the gateway, the gateway's signed callback, receipts, and expiry. Knows no HTTP. The gateway is
 * reached only through URLs and a shared secret from the configuration (docs/payments.md), so the
 * simulator and a real gateway are interchangeable.
 */
import crypto from 'node:crypto';
import { Value } from '@sinclair/typebox/value';
import { GatewayCallback, type GatewayAnswer, type PaymentIntent, type PaymentList, type PaymentReceipt, type PaymentView } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import { errors } from '../../errors.ts';
import { vnDateOf } from '../../shared/dates.ts';
import type { CitizenActor } from '../../shared/policy.ts';
import { formatVn } from '../calendar/calendar.dates.ts';
import { findCitizenById } from '../citizens/citizens.service.ts';
import { lockPayableDossier, recordOnlinePayment, type ActionContext } from '../dossiers/dossiers.service.ts';
import { presentPayment, presentReceipt } from './payments.presenter.ts';
import { compactVnTime, parseCompactVnTime, PROTOCOL_VERSION, RESPONSE_SUCCESS, signedUrl, verifyBody, verifyParams } from './payments.protocol.ts';
import * as repo from './payments.repo.ts';
import type { PaymentRow } from './payments.repo.ts';
import type { CallbackOutcome } from './payments.tables.ts';

/**
 * Time after `expires_at` before an unanswered intent is closed: the gateway refuses to pay after
 * expires_at, but a payment made in its last second still has its callback on the way.
 */
export const EXPIRY_GRACE_MS = 5 * 60_000;

export interface PaymentSettings {
  /** Base of the gateway's pages; the checkout is `${gatewayUrl}/checkout`. */
  gatewayUrl: string;
  merchant: string;
  secret: string;
  expiryMinutes: number;
  /** Where the gateway sends the browser back: `${publicUrl}/api/v1/payments/return`. */
  returnUrl: string;
  officeHoursEnd: string;
  /** Receipt series prefix: the province code. */
  provinceCode: string;
}

export function paymentSettingsOf(config: Config): PaymentSettings {
  return {
    gatewayUrl: config.paymentGatewayUrl,
    merchant: config.paymentMerchant,
    secret: config.paymentSecret,
    expiryMinutes: config.paymentExpiryMinutes,
    returnUrl: `${config.publicUrl}/api/v1/payments/return`,
    officeHoursEnd: config.officeHoursEnd,
    provinceCode: config.provinceCode,
  };
}

const notFoundPayment = (reference: string) => errors.notFound(`giao dịch thanh toán ${reference}`, `Payment ${reference}`, { reference });

/** 16 characters from A–Z0–9 (about 82 bits): the order reference cannot be guessed. */
function newReference(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const bytes = crypto.randomBytes(16);
  let s = '';
  for (const b of bytes) s += alphabet[b % 36];
  return s;
}

/** The signed checkout address of an intent (the same intent always gives the same address). */
export function checkoutUrl(s: PaymentSettings, p: PaymentRow, dossierCode: string): string {
  const params = {
    version: PROTOCOL_VERSION,
    command: 'pay',
    merchant: s.merchant,
    orderRef: p.reference,
    amount: String(Number(p.amount_vnd)),
    currency: 'VND',
    orderInfo: `Nộp lệ phí hồ sơ ${dossierCode}`,
    returnUrl: s.returnUrl,
    createDate: compactVnTime(new Date(p.created_at)),
    expireDate: compactVnTime(new Date(p.expires_at)),
    locale: 'vn',
  };
  return signedUrl(`${s.gatewayUrl}/checkout`, params, s.secret);
}

function presentIntent(s: PaymentSettings, p: PaymentRow, dossierCode: string): PaymentIntent {
  return {
    reference: p.reference,
    dossierCode,
    amountVnd: Number(p.amount_vnd),
    status: p.status,
    createdAt: formatVn(new Date(p.created_at)),
    expiresAt: formatVn(new Date(p.expires_at)),
    redirectUrl: checkoutUrl(s, p, dossierCode),
  };
}

/**
 * Starts (or resumes) paying the fee of the citizen's own dossier: returns the live intent when one
 * is still payable, otherwise a new one. Runs in the caller's transaction; the dossier row lock keeps
 * two clicks from opening two intents (a unique index backs it).
 */
export async function startPayment(
  db: Db,
  s: PaymentSettings,
  citizen: CitizenActor,
  code: string,
  now: Date,
): Promise<{ intent: PaymentIntent; created: boolean }> {
  const dossier = await lockPayableDossier(db, citizen, code);
  await repo.expireStale(db, now, EXPIRY_GRACE_MS, { dossierId: dossier.id });
  const live = await repo.findLiveForDossier(db, dossier.id);
  if (live) {
    if (new Date(live.expires_at) > now) return { intent: presentIntent(s, live, dossier.code), created: false };
    throw errors.conflict(
      'Giao dịch thanh toán trước của hồ sơ này vừa hết hạn và đang chờ kết quả từ cổng thanh toán. Vui lòng thử lại sau 5 phút.',
      'The previous payment of this dossier just expired and its result is still awaited from the gateway. Try again in 5 minutes.',
      { reason: 'payment_awaiting_result', reference: live.reference },
    );
  }
  const row = await repo.insertPayment(db, {
    reference: newReference(),
    dossier_id: dossier.id,
    citizen_id: citizen.citizenId,
    amount_vnd: Number(dossier.fee_vnd),
    // The redirect is signed and handed out in this same request: the intent is with the gateway now.
    status: 'pending',
    created_at: now,
    expires_at: new Date(now.getTime() + s.expiryMinutes * 60_000),
  });
  return { intent: presentIntent(s, row, dossier.code), created: true };
}

/** The citizen's payments, newest first (intents past their window are closed first). */
export async function listPayments(db: Db, citizen: CitizenActor, page: { limit: number; offset: number }, now: Date): Promise<PaymentList> {
  await repo.expireStale(db, now, EXPIRY_GRACE_MS, { citizenId: citizen.citizenId });
  const { rows, total } = await repo.listForCitizen(db, citizen.citizenId, page);
  return { items: rows.map(presentPayment), total };
}

async function ownPayment(db: Db, citizen: CitizenActor, reference: string) {
  const row = await repo.findWithNames(db, reference);
  // Someone else's payment answers exactly like an unknown reference.
  if (!row || row.citizen_id !== citizen.citizenId) throw notFoundPayment(reference);
  return row;
}

export async function getPayment(db: Db, citizen: CitizenActor, reference: string, now: Date): Promise<PaymentView> {
  await repo.expireStale(db, now, EXPIRY_GRACE_MS, { citizenId: citizen.citizenId });
  return presentPayment(await ownPayment(db, citizen, reference));
}

/** The receipt (biên lai điện tử) of one of the citizen's paid payments. */
export async function getReceipt(db: Db, citizen: CitizenActor, reference: string): Promise<PaymentReceipt> {
  const row = await ownPayment(db, citizen, reference);
  if (row.status !== 'paid') {
    throw errors.conflict('Giao dịch này chưa thanh toán thành công nên chưa có biên lai.', 'This payment is not paid: there is no receipt.', {
      reason: 'not_paid',
      status: row.status,
    });
  }
  const payer = await findCitizenById(db, row.citizen_id);
  return presentReceipt(row, payer?.full_name ?? citizen.fullName);
}

/** Closes every live intent past its window and grace; the periodic job calls it. */
export async function expireStalePayments(db: Db, now: Date): Promise<number> {
  return repo.expireStale(db, now, EXPIRY_GRACE_MS);
}

// ---------------------------------------------------------------------------------------------
// The gateway's callback (IPN)

export interface CallbackInput {
  /** The body exactly as received: the signature covers these bytes, not a re-serialisation. */
  raw: Buffer | string;
  signature: string | undefined;
  now: Date;
  requestId?: string;
}

export interface CallbackResult {
  /** HTTP status: 200 once the callback is dealt with (applied or already known), else the refusal. */
  status: 200 | 400 | 401 | 404;
  answer: GatewayAnswer;
  outcome: CallbackOutcome;
}

const ANSWERS = {
  confirmed: { RspCode: '00', Message: 'Xác nhận thành công / Confirm success' },
  already: { RspCode: '02', Message: 'Giao dịch đã được xác nhận trước đó / Order already confirmed' },
  unknown: { RspCode: '01', Message: 'Không tìm thấy giao dịch / Order not found' },
  amount: { RspCode: '04', Message: 'Số tiền không hợp lệ / Invalid amount' },
  signature: { RspCode: '97', Message: 'Chữ ký không hợp lệ / Invalid signature' },
  malformed: { RspCode: '99', Message: 'Dữ liệu không hợp lệ / Invalid data' },
} as const satisfies Record<string, GatewayAnswer>;

const sha256 = (s: Buffer | string) => crypto.createHash('sha256').update(s).digest('hex');

function parseBody(raw: Buffer | string): GatewayCallback | null {
  try {
    const v: unknown = JSON.parse(raw.toString());
    return Value.Check(GatewayCallback, v) ? v : null;
  } catch {
    return null;
  }
}

/** The claimed reference and transaction of an unverified body, for the record only. */
function claimed(raw: Buffer | string): { reference: string | null; transactionNo: string | null } {
  try {
    const v = JSON.parse(raw.toString()) as { orderRef?: unknown; transactionNo?: unknown };
    const str = (x: unknown) => (typeof x === 'string' ? x.slice(0, 64) : null);
    return { reference: str(v.orderRef), transactionNo: str(v.transactionNo) };
  } catch {
    return { reference: null, transactionNo: null };
  }
}

/**
 * Verifies and applies one callback. Every callback is recorded, forged ones included. A verified
 * confirmation marks the intent paid (once: the status guard in SQL under a row lock), numbers the
 * receipt and marks the dossier paid online, all in one transaction; a repeat changes nothing and
 * answers "already confirmed"; an amount other than the intent's is refused.
 */
export async function handleCallback(db: Db, s: PaymentSettings, input: CallbackInput): Promise<CallbackResult> {
  const bodyHash = sha256(input.raw);
  const record = (trx: Db, outcome: CallbackOutcome, answer: GatewayAnswer, x: { paymentId?: number; reference: string | null; transactionNo: string | null }) =>
    repo.insertCallback(trx, {
      received_at: input.now,
      payment_id: x.paymentId ?? null,
      reference: x.reference,
      gateway_transaction_id: x.transactionNo,
      body_sha256: bodyHash,
      signature_ok: outcome !== 'bad_signature',
      outcome,
      answer_code: answer.RspCode,
    });

  if (!verifyBody(input.raw, input.signature, s.secret)) {
    await record(db, 'bad_signature', ANSWERS.signature, claimed(input.raw));
    return { status: 401, answer: ANSWERS.signature, outcome: 'bad_signature' };
  }
  const body = parseBody(input.raw);
  const payDate = parseCompactVnTime(body?.payDate);
  if (!body || body.merchant !== s.merchant || !payDate) {
    await record(db, 'malformed', ANSWERS.malformed, claimed(input.raw));
    return { status: 400, answer: ANSWERS.malformed, outcome: 'malformed' };
  }
  const ids = { reference: body.orderRef, transactionNo: body.transactionNo };

  return db.transaction().execute(async (trx): Promise<CallbackResult> => {
    const done = async (status: CallbackResult['status'], answer: GatewayAnswer, outcome: CallbackOutcome, paymentId?: number) => {
      await record(trx, outcome, answer, { ...ids, paymentId });
      return { status, answer, outcome };
    };
    const payment = await repo.findByReference(trx, body.orderRef, { forUpdate: true });
    if (!payment) return done(404, ANSWERS.unknown, 'unknown_order');
    if (body.amount !== Number(payment.amount_vnd)) return done(400, ANSWERS.amount, 'amount_mismatch', payment.id);
    if (payment.status === 'paid' || payment.status === 'failed') {
      const same = payment.gateway_transaction_id === body.transactionNo;
      return done(200, ANSWERS.already, same ? 'duplicate' : 'already_closed', payment.id);
    }
    if (payment.status === 'expired' || new Date(payment.expires_at).getTime() + EXPIRY_GRACE_MS < input.now.getTime()) {
      // Past the window: recorded for reconciliation (a paid one is a refund case), nothing applied.
      await repo.expireStale(trx, input.now, EXPIRY_GRACE_MS, { dossierId: Number(payment.dossier_id) });
      return done(200, ANSWERS.already, 'expired', payment.id);
    }
    if (await repo.transactionUsed(trx, body.transactionNo)) return done(400, ANSWERS.malformed, 'malformed', payment.id);

    if (body.responseCode !== RESPONSE_SUCCESS) {
      await repo.markFailed(trx, payment.id, { at: input.now, transactionNo: body.transactionNo, responseCode: body.responseCode });
      return done(200, ANSWERS.confirmed, 'failed', payment.id);
    }
    const series = `${s.provinceCode}BL${vnDateOf(payDate).slice(2, 4)}E`;
    const number = String(await repo.nextReceiptSeq(trx, series)).padStart(7, '0');
    const paid = await repo.markPaid(trx, payment.id, {
      at: payDate,
      transactionNo: body.transactionNo,
      responseCode: body.responseCode,
      bankCode: body.bankCode ?? null,
      series,
      number,
    });
    // The row is locked and was live: the guarded update cannot miss.
    if (!paid) throw new Error(`payment ${payment.reference} changed under its lock`);
    const ctx: ActionContext = { actor: null, citizen: null, now: input.now, officeHoursEnd: s.officeHoursEnd, requestId: input.requestId };
    const dossier = await recordOnlinePayment(trx, ctx, Number(payment.dossier_id), {
      reference: payment.reference,
      transactionNo: body.transactionNo,
      amountVnd: Number(payment.amount_vnd),
    });
    return done(200, ANSWERS.confirmed, dossier.applied ? 'paid' : 'paid_dossier_settled', payment.id);
  });
}

// ---------------------------------------------------------------------------------------------
// The browser's return from the gateway

export interface ReturnView {
  signatureOk: boolean;
  /** What the gateway said on the return (not authoritative: the callback is). */
  gatewaySaysPaid: boolean;
  payment: { reference: string; dossierCode: string; amountVnd: number; status: PaymentView['status']; statusLabel: string } | null;
}

/**
 * The page the gateway sends the browser back to. The signature is checked, but the status shown is
 * the one in the database, set by the server-to-server callback: a return URL can be replayed.
 */
export async function paymentReturn(db: Db, s: PaymentSettings, query: Record<string, string | undefined>, now: Date): Promise<ReturnView> {
  if (!verifyParams(query, s.secret) || query.merchant !== s.merchant || !query.orderRef) {
    return { signatureOk: false, gatewaySaysPaid: false, payment: null };
  }
  await repo.expireStale(db, now, EXPIRY_GRACE_MS);
  const row = await repo.findWithNames(db, query.orderRef);
  if (!row) return { signatureOk: true, gatewaySaysPaid: false, payment: null };
  const view = presentPayment(row);
  return {
    signatureOk: true,
    gatewaySaysPaid: query.responseCode === RESPONSE_SUCCESS,
    payment: { reference: view.reference, dossierCode: view.dossierCode, amountVnd: view.amountVnd, status: view.status, statusLabel: view.statusLabel },
  };
}
