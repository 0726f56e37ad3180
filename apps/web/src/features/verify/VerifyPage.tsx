import type { ReactNode } from 'react';
import type { ResultVerification } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { FileCheck } from './FileCheck.tsx';
import { useVerifyT } from './useVerifyT.ts';
// The strings of this page load with it, not with the public bundle.
import './messages-verify.ts';

/**
 * The public page a result's QR code opens (`${publicUrl}/verify/<id>`, also /xac-thuc/<id>): valid,
 * revoked or not found in large words, the facts to compare with the paper, and a check of a
 * downloaded PDF. Without an id, only the file check (the document is found from the file).
 */
export function VerifyPage({ id }: { id: string | null }) {
  const { t } = useVerifyT();
  const result = useApi<ResultVerification>(id ? `/api/v1/verify/${encodeURIComponent(id)}` : null);
  const status = result.status === 'ok' ? result.data.status : null;
  usePageTitle(
    status === 'valid'
      ? t('verify.valid')
      : status === 'revoked'
        ? t('verify.revoked')
        : status === 'not_found'
          ? t('verify.notFound')
          : t('verify.title'),
  );

  if (!id) {
    return (
      <div className="narrow">
        <h1 className="heading-l">{t('verify.title')}</h1>
        <p className="lead">{t('verify.lead')}</p>
        <FileCheck id={null} />
      </div>
    );
  }
  return (
    <div className="narrow">
      <span className="caption">{t('verify.title')}</span>
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && <ApiErrorNotice title={t('verify.errorTitle')} error={result.error} onRetry={result.retry} />}
      {result.status === 'ok' && <Outcome v={result.data} id={id} />}
      {result.status === 'ok' && result.data.status !== 'not_found' && <FileCheck id={id} />}
    </div>
  );
}

const MARK = { valid: '✓', revoked: '✕', not_found: '?' } as const;

function Outcome({ v, id }: { v: ResultVerification; id: string }) {
  const { t } = useVerifyT();
  const title = v.status === 'valid' ? t('verify.valid') : v.status === 'revoked' ? t('verify.revoked') : t('verify.notFound');
  const body =
    v.status === 'valid' ? t('verify.validBody') : v.status === 'revoked' ? t('verify.revokedBody') : t('verify.notFoundBody');
  return (
    <>
      <div className={`verify-status verify-status--${v.status}`} id="verify-status" data-status={v.status} role="status">
        <h1 className="verify-status__title">
          <span aria-hidden="true" className="verify-status__mark">
            {MARK[v.status]}
          </span>{' '}
          {title}
        </h1>
        <p className="verify-status__body">{body}</p>
        <p className="verify-status__id">{t('verify.idLabel', { id: v.id ?? id })}</p>
      </div>
      {v.status !== 'not_found' && (
        <>
          <h2 className="heading-m">{t('verify.facts')}</h2>
          <dl className="summary-list" id="verify-facts">
            {v.number && <Row label={t('verify.number')}>{v.number}</Row>}
            {v.title && <Row label={t('verify.docTitle')}>{v.title}</Row>}
            {v.issuedAt && <Row label={t('verify.issuedAt')}>{formatDateTime(v.issuedAt)}</Row>}
            {v.unitName && <Row label={t('verify.unit')}>{v.unitName}</Row>}
            {v.procedureName && (
              <Row label={t('verify.procedure')}>
                {v.procedureName}
                {v.procedureCode && <span className="secondary"> ({v.procedureCode})</span>}
              </Row>
            )}
            {v.applicantName && (
              <Row label={t('verify.applicant')}>
                {v.applicantName}
                <br />
                <span className="secondary">{t('verify.applicantHint')}</span>
              </Row>
            )}
            {v.status === 'revoked' && v.revokedAt && <Row label={t('verify.revokedAt')}>{formatDateTime(v.revokedAt)}</Row>}
            {v.status === 'revoked' && v.reason && <Row label={t('verify.reason')}>{v.reason}</Row>}
            {v.signature && <Row label={t('verify.signature')}>{v.signature}</Row>}
            {v.documentSha256 && (
              <Row label={t('verify.sha256')}>
                <code className="hash">{v.documentSha256}</code>
              </Row>
            )}
          </dl>
        </>
      )}
    </>
  );
}

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}
