/**
 * The dossier's side of online payment (DESIGN §3.6): which dossiers a citizen may pay for, and the
 * change a verified gateway confirmation makes. The payments module calls these inside its own
 * transaction, so the payment, the dossier, its event and the indicator facts commit together.
 */
import { DOSSIER_STATUSES, type DossierStatus } from '@motcua/contracts';
import type { Db } from '../../db/client.ts';
import { errors } from '../../errors.ts';
import type { CitizenActor } from '../../shared/policy.ts';
import { commit, loadForSystem, OPEN_STATUSES, SYSTEM, wrongStatus, type ActionContext } from './dossiers.core.ts';
import { notFoundDossier } from './dossiers.policy.ts';
import * as repo from './dossiers.repo.ts';
import type { DossierRow } from './dossiers.repo.ts';

/**
 * Statuses in which the fee may be paid: as for a payment recorded at the desk. An online dossier
 * may be paid while still 'submitted' (before the desk receives it), as the national portal allows.
 */
export const PAYABLE_STATUSES: readonly DossierStatus[] = ['submitted', ...OPEN_STATUSES, 'approved', 'result_issued'];

/**
 * The citizen's own dossier, locked for the rest of the transaction, when its fee can be paid now.
 * Someone else's dossier answers NOT_FOUND, like an unknown code.
 */
export async function lockPayableDossier(db: Db, citizen: CitizenActor, code: string): Promise<DossierRow> {
  const row = await repo.findDossierByCode(db, code, { forUpdate: true });
  if (!row || row.citizen_id !== citizen.citizenId) throw notFoundDossier(code);
  if (!PAYABLE_STATUSES.includes(row.status)) throw wrongStatus(row, 'thanh toán lệ phí', PAYABLE_STATUSES);
  if (Number(row.fee_vnd) <= 0) throw errors.validation([{ field: 'feeVnd', message: 'không thu phí' }], 'Hồ sơ này không có lệ phí phải nộp.');
  if (row.paid !== 'none') {
    throw errors.conflict('Lệ phí của hồ sơ này đã được nộp.', 'The fee of this dossier is already paid.', { reason: 'already_paid', code: row.code, paid: row.paid });
  }
  return row;
}

export interface OnlinePayment {
  reference: string;
  transactionNo: string;
  amountVnd: number;
}

export type OnlinePaymentResult = { applied: true; row: DossierRow } | { applied: false; row: DossierRow; reason: 'already_paid' | 'not_payable' | 'amount' };

/**
 * Marks the dossier paid 'online' on a verified gateway confirmation, by the system: a dossier
 * awaiting payment goes back to in_progress. When the dossier cannot take it any more (paid at the
 * desk meanwhile, withdrawn, another amount), nothing changes and the caller learns why: the money
 * was taken all the same, so the payment stays recorded for a refund (docs/payments.md).
 */
export async function recordOnlinePayment(db: Db, ctx: ActionContext, dossierId: number, p: OnlinePayment): Promise<OnlinePaymentResult> {
  // Every status is accepted here so the lock is taken whatever happened; the checks follow.
  const row = await loadForSystem(db, dossierId, DOSSIER_STATUSES, 'ghi nhận thanh toán trực tuyến');
  if (row.paid !== 'none') return { applied: false, row, reason: 'already_paid' };
  if (!PAYABLE_STATUSES.includes(row.status)) return { applied: false, row, reason: 'not_payable' };
  if (Number(row.fee_vnd) !== p.amountVnd) return { applied: false, row, reason: 'amount' };
  const after = await commit(db, ctx, row, {
    action: 'paid',
    to: row.status === 'awaiting_payment' ? 'in_progress' : row.status,
    patch: { paid: 'online' },
    details: { method: 'online', feeVnd: Number(row.fee_vnd), paymentRef: p.reference, gatewayTransactionNo: p.transactionNo },
    by: SYSTEM,
  });
  return { applied: true, row: after };
}
