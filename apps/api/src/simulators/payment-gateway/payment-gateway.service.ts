/**
 * The payment gateway simulator (DESIGN §5: "gateway that pays, fails or times out on request"). It
 * behaves as a separate system would: it knows its merchants (code, shared secret, callback URL, as a
 * real gateway's merchant portal registers them), verifies the merchant's signature on the checkout,
 * refuses expired orders, and on pay/fail sends a signed server-to-server callback over HTTP before
 * sending the browser back with signed return parameters. It keeps its own books
 * (sim_payment_transactions) and, like a real gateway, pays an order at most once.
 */
import crypto from 'node:crypto';
import type { Db } from '../../db/client.ts';
import {
  compactVnTime,
  parseCompactVnTime,
  RESPONSE_CANCELLED,
  RESPONSE_SUCCESS,
  SIGNATURE_HEADER,
  hmacHex,
  signedUrl,
  verifyParams,
} from '../../modules/payments/payments.protocol.ts';

export interface Merchant {
  code: string;
  secret: string;
  /** Where the gateway POSTs its callback (IPN URL). */
  callbackUrl: string;
}

/** A checkout the simulator accepted: the merchant's parameters, checked. */
export interface Order {
  merchant: Merchant;
  orderRef: string;
  amount: number;
  orderInfo: string;
  returnUrl: string;
  expireDate: string;
  expiresAt: Date;
}

export type CheckoutProblem = { problem: string };

/** Checks a checkout request as the gateway would; the order, or why it is refused. */
export function readOrder(params: Record<string, string | undefined>, merchants: Map<string, Merchant>): Order | CheckoutProblem {
  const merchant = merchants.get(params.merchant ?? '');
  if (!merchant) return { problem: 'Đơn vị chấp nhận thanh toán không tồn tại.' };
  if (!verifyParams(params, merchant.secret)) return { problem: 'Chữ ký của đơn vị chấp nhận thanh toán không hợp lệ.' };
  const amount = Number(params.amount);
  const expiresAt = parseCompactVnTime(params.expireDate);
  if (params.command !== 'pay' || params.currency !== 'VND' || !Number.isSafeInteger(amount) || amount <= 0 || !expiresAt || !params.orderRef || !params.returnUrl) {
    return { problem: 'Tham số thanh toán không hợp lệ.' };
  }
  return { merchant, orderRef: params.orderRef, amount, orderInfo: params.orderInfo ?? '', returnUrl: params.returnUrl, expireDate: params.expireDate!, expiresAt };
}

export const isProblem = (o: Order | CheckoutProblem): o is CheckoutProblem => 'problem' in o;

/** A VNPay-like numeric transaction number. */
const transactionNo = () => String(crypto.randomInt(10 ** 11, 10 ** 12));

export interface Decision {
  /** Where to send the browser (the merchant's return URL, signed), or null when nothing was done. */
  redirect: string | null;
  /** A message for the page when there is no redirect. */
  message?: { title: string; text: string };
}

/** Posts the signed callback; the HTTP status and answer are kept in the simulator's books. */
async function sendCallback(order: Order, body: string): Promise<{ status: number | null; answer: string }> {
  try {
    const res = await fetch(order.merchant.callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: hmacHex(order.merchant.secret, body) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, answer: (await res.text()).slice(0, 500) };
  } catch (e) {
    return { status: null, answer: `không gọi được: ${(e as Error).message}`.slice(0, 500) };
  }
}

/**
 * Carries out the button pressed on the checkout page. Time-out sends nothing (the merchant's intent
 * expires on its side); an order past its expiry date is refused whatever the button.
 */
export async function decide(db: Db, order: Order, action: 'pay' | 'fail' | 'timeout', now: Date): Promise<Decision> {
  if (action === 'timeout') {
    return { redirect: null, message: { title: 'Hết thời gian', text: 'Giao dịch đã hết thời gian chờ. Cổng thanh toán không gửi kết quả cho đơn vị; yêu cầu thanh toán sẽ tự hết hạn.' } };
  }
  if (now > order.expiresAt) {
    return { redirect: null, message: { title: 'Giao dịch đã hết hạn', text: 'Đã quá thời hạn thanh toán của giao dịch này. Vui lòng tạo yêu cầu thanh toán mới.' } };
  }
  if (action === 'pay') {
    const paid = await db
      .selectFrom('sim_payment_transactions')
      .select('transaction_no')
      .where('merchant', '=', order.merchant.code)
      .where('order_ref', '=', order.orderRef)
      .where('outcome', '=', 'paid')
      .executeTakeFirst();
    if (paid) return { redirect: null, message: { title: 'Giao dịch đã được thanh toán', text: `Đơn hàng này đã được thanh toán (mã giao dịch ${paid.transaction_no}).` } };
  }
  const no = transactionNo();
  const result = {
    merchant: order.merchant.code,
    orderRef: order.orderRef,
    amount: order.amount,
    transactionNo: no,
    responseCode: action === 'pay' ? RESPONSE_SUCCESS : RESPONSE_CANCELLED,
    bankCode: 'NCB',
    payDate: compactVnTime(now),
  };
  // The unique index (one paid row per order) stops a double click from paying twice.
  const inserted = await db
    .insertInto('sim_payment_transactions')
    .values({ transaction_no: no, merchant: order.merchant.code, order_ref: order.orderRef, amount_vnd: order.amount, outcome: action === 'pay' ? 'paid' : 'failed', created_at: now })
    .onConflict((oc) => oc.doNothing())
    .returning('transaction_no')
    .executeTakeFirst();
  if (!inserted) return { redirect: null, message: { title: 'Giao dịch đã được thanh toán', text: 'Đơn hàng này đã được thanh toán.' } };
  const cb = await sendCallback(order, JSON.stringify(result));
  await db.updateTable('sim_payment_transactions').set({ callback_status: cb.status, callback_answer: cb.answer }).where('transaction_no', '=', no).execute();
  const back = Object.fromEntries(Object.entries(result).map(([k, v]) => [k, String(v)]));
  return { redirect: signedUrl(order.returnUrl, back, order.merchant.secret) };
}

/** The simulator's books, newest first (for the developer and the tests). */
export async function listTransactions(db: Db, limit = 50) {
  return db.selectFrom('sim_payment_transactions').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}
