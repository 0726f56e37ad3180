import type { ReactNode } from 'react';
import type { PaymentList, PaymentReceipt, PaymentStatus, PaymentView } from '@motcua/contracts';
import { Loading } from '../../components/Loading.tsx';
import { formatDateTime, formatVnd } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { withQuery } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { CitizenApiError, CitizenGate } from './CitizenGate.tsx';
import { CitizenNav } from './CitizenNav.tsx';
import { useCitizenT } from './useCitizenT.ts';
// The strings of these pages load with them, not with the public bundle.
import '../../i18n/messages-citizen.ts';

const MARK: Record<PaymentStatus, string> = { created: '○', pending: '◔', paid: '●', failed: '✕', expired: '✕' };

export const paymentPath = (ref: string) => `/cong-dan/thanh-toan/${encodeURIComponent(ref)}`;

/** The payment's status in words, with a mark so it never rests on colour alone. */
function PaymentTag({ status }: { status: PaymentStatus }) {
  const { t } = useCitizenT();
  return (
    <strong className={`tag tag--payment tag--payment-${status}`} data-status={status}>
      <span aria-hidden="true">{MARK[status]} </span>
      {t(`citizen.pay.status.${status}`)}
    </strong>
  );
}

/** "Thanh toán của tôi": fees paid or attempted online, newest first, each with its receipt. */
export function PaymentsPage() {
  return <CitizenGate>{() => <Payments />}</CitizenGate>;
}

function Payments() {
  const { t } = useCitizenT();
  const list = useApi<PaymentList>(withQuery('/api/v1/me/payments', { limit: 100 }));
  usePageTitle(t('citizen.payments.title'));
  return (
    <>
      <h1 className="heading-l">{t('citizen.payments.title')}</h1>
      <CitizenNav />
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && (
        <CitizenApiError title={t('citizen.payments.errorTitle')} error={list.error} onRetry={list.retry} />
      )}
      {list.status === 'ok' && list.data.items.length === 0 && <p className="secondary">{t('citizen.payments.none')}</p>}
      {list.status === 'ok' && list.data.items.length > 0 && (
        <ul className="doc-list" id="my-payments">
          {list.data.items.map((p) => (
            <li key={p.reference} className="doc-list__item" data-reference={p.reference}>
              <h2 className="doc-list__title">
                <Link to={paymentPath(p.reference)}>
                  {t('citizen.payments.item', { amount: formatVnd(p.amountVnd), code: p.dossierCode })}
                </Link>
              </h2>
              <p className="doc-list__meta">
                {p.procedureName}
                <br />
                {formatDateTime(p.paidAt ?? p.createdAt)} · <PaymentTag status={p.status} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * One payment and, once paid, its electronic receipt (biên lai điện tử). Also the page to come back to
 * from the gateway (/cong-dan/thanh-toan/ket-qua?ref=…): the status shown is the one motcua holds.
 */
export function PaymentPage({ reference }: { reference: string }) {
  return <CitizenGate>{() => <Payment reference={reference} />}</CitizenGate>;
}

function Payment({ reference }: { reference: string }) {
  const { t } = useCitizenT();
  const payment = useApi<PaymentView>(reference ? `/api/v1/me/payments/${encodeURIComponent(reference)}` : null);
  const paid = payment.status === 'ok' && payment.data.status === 'paid';
  const receipt = useApi<PaymentReceipt>(paid ? `/api/v1/me/payments/${encodeURIComponent(reference)}/receipt` : null);
  const notFound = !reference || (payment.status === 'error' && payment.error.status === 404);
  usePageTitle(notFound ? t('citizen.payment.notFound') : t('citizen.payment.title', { ref: reference }));

  return (
    <>
      <p>
        <Link to="/cong-dan/thanh-toan" className="back-link">
          {t('citizen.payment.back')}
        </Link>
      </p>
      {payment.status === 'loading' && <Loading />}
      {notFound && (
        <>
          <h1 className="heading-l">{t('citizen.payment.notFound')}</h1>
          <p>{t('citizen.payment.notFoundBody')}</p>
        </>
      )}
      {payment.status === 'error' && !notFound && (
        <CitizenApiError title={t('citizen.payments.errorTitle')} error={payment.error} onRetry={payment.retry} />
      )}
      {payment.status === 'ok' && (
        <>
          <h1 className="heading-l">{t(`citizen.payment.heading.${payment.data.status}`)}</h1>
          <dl className="summary-list" id="payment-facts">
            <Row label={t('citizen.payment.reference')}>{payment.data.reference}</Row>
            <Row label={t('citizen.payment.dossier')}>
              <Link to={`/cong-dan/ho-so/${encodeURIComponent(payment.data.dossierCode)}`}>{payment.data.dossierCode}</Link> —{' '}
              {payment.data.procedureName}
            </Row>
            <Row label={t('citizen.payment.amount')}>{formatVnd(payment.data.amountVnd)}</Row>
            <Row label={t('citizen.payment.status')}>
              <PaymentTag status={payment.data.status} />
            </Row>
            {payment.data.paidAt && <Row label={t('citizen.payment.paidAt')}>{formatDateTime(payment.data.paidAt)}</Row>}
          </dl>
          {payment.data.status === 'pending' && (
            <p>
              {t('citizen.payment.pendingBody')}{' '}
              <button type="button" className="link-button" onClick={payment.retry}>
                {t('citizen.payment.refresh')}
              </button>
            </p>
          )}
          {(payment.data.status === 'failed' || payment.data.status === 'expired') && (
            <p>
              {t('citizen.payment.retryBody')}{' '}
              <Link to={`/cong-dan/ho-so/${encodeURIComponent(payment.data.dossierCode)}`}>{t('citizen.payment.toDossier')}</Link>
            </p>
          )}
          {receipt.status === 'loading' && <Loading />}
          {receipt.status === 'error' && (
            <CitizenApiError title={t('citizen.receiptDoc.errorTitle')} error={receipt.error} onRetry={receipt.retry} />
          )}
          {receipt.status === 'ok' && <Receipt r={receipt.data} />}
        </>
      )}
    </>
  );
}

/** The receipt as the law has it: series and number, the amount in figures and in words, who paid, for what. */
function Receipt({ r }: { r: PaymentReceipt }) {
  const { t } = useCitizenT();
  return (
    <section className="receipt" aria-labelledby="receipt-doc-title" id="payment-receipt">
      <h2 className="heading-m" id="receipt-doc-title">
        {t('citizen.receiptDoc.title')}
      </h2>
      <dl className="summary-list">
        <Row label={t('citizen.receiptDoc.series')}>{r.series}</Row>
        <Row label={t('citizen.receiptDoc.number')}>{r.number}</Row>
        <Row label={t('citizen.receiptDoc.unit')}>{r.collectingUnit.name}</Row>
        <Row label={t('citizen.receiptDoc.payer')}>{r.payer.fullName}</Row>
        <Row label={t('citizen.receiptDoc.content')}>{r.content}</Row>
        <Row label={t('citizen.payment.amount')}>
          <strong>{formatVnd(r.amountVnd)}</strong>
          <br />
          <span id="receipt-words">{t('citizen.receiptDoc.words', { words: r.amountInWords })}</span>
        </Row>
        <Row label={t('citizen.receiptDoc.method')}>{t('citizen.receiptDoc.online')}</Row>
        <Row label={t('citizen.receiptDoc.gateway')}>
          {r.gatewayTransactionNo}
          {r.bankCode ? ` (${r.bankCode})` : ''}
        </Row>
        <Row label={t('citizen.payment.paidAt')}>{formatDateTime(r.paidAt)}</Row>
      </dl>
      <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
        {t('citizen.receiptDoc.print')}
      </button>
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}
