/** Payment rows → API JSON: the citizen's list, one payment, the receipt (biên lai). */
import { PAYMENT_STATUS_LABELS, type PaymentReceipt, type PaymentView } from '@motcua/contracts';
import { formatVn } from '../calendar/calendar.dates.ts';
import type { PaymentListRow } from './payments.repo.ts';
import { amountInWords } from './payments.words.ts';

export const receiptNumberOf = (r: Pick<PaymentListRow, 'receipt_series' | 'receipt_number'>) =>
  r.receipt_series && r.receipt_number ? `${r.receipt_series}/${r.receipt_number}` : null;

export function presentPayment(r: PaymentListRow): PaymentView {
  return {
    reference: r.reference,
    dossierCode: r.dossier_code,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    amountVnd: Number(r.amount_vnd),
    status: r.status,
    statusLabel: PAYMENT_STATUS_LABELS[r.status].vi,
    createdAt: formatVn(new Date(r.created_at)),
    expiresAt: formatVn(new Date(r.expires_at)),
    paidAt: r.paid_at ? formatVn(new Date(r.paid_at)) : null,
    receiptNumber: receiptNumberOf(r),
  };
}

/** The receipt of a paid payment (the caller checked it is paid). */
export function presentReceipt(r: PaymentListRow, payerName: string): PaymentReceipt {
  const amount = Number(r.amount_vnd);
  return {
    series: r.receipt_series!,
    number: r.receipt_number!,
    reference: r.reference,
    gatewayTransactionNo: r.gateway_transaction_id!,
    bankCode: r.bank_code,
    amountVnd: amount,
    amountInWords: amountInWords(amount),
    content: `Lệ phí giải quyết thủ tục hành chính "${r.procedure_name}", hồ sơ ${r.dossier_code}`,
    method: 'online',
    payer: { fullName: payerName },
    dossierCode: r.dossier_code,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    collectingUnit: { code: r.unit_code, name: r.unit_name },
    paidAt: formatVn(new Date(r.paid_at!)),
  };
}
