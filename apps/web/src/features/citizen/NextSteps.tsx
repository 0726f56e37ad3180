import { useState } from 'react';
import type { DossierStatus, DossierView, PaymentIntent } from '@motcua/contracts';
import { describeError } from '../../i18n/describe-error.ts';
import { apiPost, toApiError } from '../../lib/api.ts';
import { formatDateTime, formatVnd } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { useCitizenSession } from './useCitizenSession.ts';
import { useCitizenT } from './useCitizenT.ts';

/** Statuses in which the fee can be paid online (dossiers.payment.ts PAYABLE_STATUSES). */
const PAYABLE: readonly DossierStatus[] = [
  'submitted',
  'received',
  'in_progress',
  'supplement_requested',
  'awaiting_payment',
  'approved',
  'result_issued',
];

/** The reason given with the latest move into `status` (a supplement request, a refusal …). */
function reasonFor(d: DossierView, status: DossierStatus): string | null {
  for (let i = d.events.length - 1; i >= 0; i--) {
    const e = d.events[i]!;
    if (e.toStatus === status && e.fromStatus !== status) return e.reason;
  }
  return null;
}

/** What the dossier's status means for the applicant and what they can do about it now. */
export function NextSteps({ d }: { d: DossierView }) {
  const { t } = useCitizenT();
  const reason =
    d.status === 'supplement_requested' || d.status === 'refused' || d.status === 'rejected_at_intake' || d.status === 'withdrawn'
      ? reasonFor(d, d.status)
      : null;
  const feeDue = d.feeVnd > 0 && d.paid === 'none' && PAYABLE.includes(d.status);
  return (
    <>
      <p id="next-status">{t(`citizen.next.${d.status}`, { due: d.dueAt ? formatDateTime(d.dueAt) : '' })}</p>
      {reason && (
        <p className="citizen-reason">
          <strong>{t('citizen.next.reason')}</strong> {reason}
        </p>
      )}
      {d.status === 'supplement_requested' && <p>{t('citizen.next.supplementHow')}</p>}
      {feeDue && <PayBox d={d} />}
      {d.feeVnd > 0 && d.paid === 'online' && (
        <p>
          {t('citizen.pay.paid', { amount: formatVnd(d.feeVnd) })}{' '}
          <Link to="/cong-dan/thanh-toan">{t('citizen.pay.receipts')}</Link>
        </p>
      )}
    </>
  );
}

/**
 * Pay the fee online: the API opens a payment intent and answers the gateway's signed address; the
 * browser leaves for the gateway, which sends it back to the payments module's return page.
 */
function PayBox({ d }: { d: DossierView }) {
  const i18n = useCitizenT();
  const { t } = i18n;
  const { setSession } = useCitizenSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function pay() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const intent = await apiPost<PaymentIntent>(`/api/v1/me/dossiers/${encodeURIComponent(d.code)}/payments`);
      window.location.assign(intent.redirectUrl);
    } catch (e) {
      const err = toApiError(e);
      if (err.status === 401) setSession({ status: 'out' });
      setFailure(describeError(err, i18n));
      setBusy(false);
    }
  }

  return (
    <div className="pay-box" id="pay-box">
      <h3 className="heading-s">{t('citizen.pay.title')}</h3>
      <p>
        {t('citizen.pay.amount')} <strong className="nowrap">{formatVnd(d.feeVnd)}</strong>
      </p>
      <p className="hint">{t('citizen.pay.hint')}</p>
      {failure && (
        <p className="error-message" role="alert">
          <span className="visually-hidden">{t('common.errorPrefix')} </span>
          {failure}
        </p>
      )}
      <button type="button" className="button" onClick={() => void pay()} disabled={busy} aria-disabled={busy || undefined}>
        {busy ? t('citizen.pay.busy') : t('citizen.pay.button')}
      </button>
    </div>
  );
}
