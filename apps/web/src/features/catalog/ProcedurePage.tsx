import type { ReactNode } from 'react';
import type { ProcedureView } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { OnlineLevelTag } from '../../components/OnlineLevelTag.tsx';
import { useT } from '../../i18n/useT.ts';
import { formatDate, formatVnd } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Link } from '../../router/Link.tsx';
import { SubmitOnlineLink } from '../citizen/SubmitOnlineLink.tsx';
import { processingText } from './catalog-format.ts';
import { ChainedProcedure } from './ChainedProcedure.tsx';
import { ComponentsTable } from './ComponentsTable.tsx';
import { FormFields } from './FormFields.tsx';

/** One procedure, everything a citizen needs before applying. */
export function ProcedurePage({ code }: { code: string }) {
  const { t } = useT();
  const result = useApi<ProcedureView>(`/api/v1/procedures/${encodeURIComponent(code)}`);
  // A malformed code is answered 400 by the API; for the reader it is the same as an unknown one.
  const notFound = result.status === 'error' && (result.error.status === 404 || result.error.status === 400);
  usePageTitle(result.status === 'ok' ? result.data.name : notFound ? t('proc.notFoundTitle') : null);

  return (
    <>
      <p>
        <Link to="/thu-tuc" className="back-link">
          {t('proc.back')}
        </Link>
      </p>
      {result.status === 'loading' && <Loading />}
      {notFound && (
        <>
          <h1 className="heading-l">{t('proc.notFoundTitle')}</h1>
          <p>{t('proc.notFoundBody', { code })}</p>
        </>
      )}
      {result.status === 'error' && !notFound && (
        <ApiErrorNotice title={t('proc.errorTitle')} error={result.error} onRetry={result.retry} />
      )}
      {result.status === 'ok' && <ProcedureDetail p={result.data} />}
    </>
  );
}

function ProcedureDetail({ p }: { p: ProcedureView }) {
  const { t } = useT();
  return (
    <article className="procedure">
      <span className="caption">{t('proc.caption', { code: p.code })}</span>
      <h1 className="heading-l">{p.name}</h1>
      {!p.complete && <p className="notice notice--warning">{t('proc.incomplete')}</p>}

      <dl className="summary-list">
        <Row label={t('proc.code')}>{p.code}</Row>
        <Row label={t('proc.field')}>{p.field}</Row>
        <Row label={t('proc.level')}>{t(`level.${p.level}`)}</Row>
        <Row label={t('proc.agency')}>{p.agencyName}</Row>
        <Row label={t('proc.time')}>{processingText(p.processing, t)}</Row>
        <Row label={t('online.label')}>
          <OnlineLevelTag level={p.onlineLevel} />
        </Row>
        <Row label={t('proc.fee')}>
          <Fees p={p} />
        </Row>
        {p.resultType && <Row label={t('proc.result')}>{p.resultType}</Row>}
      </dl>
      {p.onlineLevel !== 'none' && <SubmitOnlineLink code={p.code} identityLevel={p.identityLevel} />}

      <h2 className="heading-m">{t('proc.components')}</h2>
      {p.components.length ? <ComponentsTable components={p.components} /> : <p>{t('proc.componentsNone')}</p>}

      <h2 className="heading-m">{t('proc.form')}</h2>
      {p.form.length ? (
        <>
          {p.prefillableFields > 0 && <p>{t('proc.formLead', { n: p.prefillableFields, total: p.form.length })}</p>}
          <FormFields fields={p.form} />
        </>
      ) : (
        <p>{t('proc.formNone')}</p>
      )}

      {p.chainNext.length > 0 && (
        <>
          <h2 className="heading-m">{t('proc.chain')}</h2>
          <p>{t('proc.chainLead')}</p>
          <ul className="list list--bullet">
            {p.chainNext.map((c) => (
              <li key={c}>
                <ChainedProcedure code={c} />
              </li>
            ))}
          </ul>
        </>
      )}

      {p.legalBasis.length > 0 && (
        <>
          <h2 className="heading-m">{t('proc.legal')}</h2>
          <ul className="list list--bullet">
            {p.legalBasis.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </>
      )}
      <p className="secondary">
        {p.source && <>{t('proc.source', { source: p.source })}. </>}
        {p.updatedAt && t('proc.updated', { date: formatDate(p.updatedAt) })}
      </p>
    </article>
  );
}

/** Each fee with its case, or why there is none; the note carries the legal ground for an exemption. */
function Fees({ p }: { p: ProcedureView }) {
  const { t } = useT();
  const head =
    p.feeStatus === 'unknown' ? (
      <p className="fee-status">{t('proc.feeUnknown')}</p>
    ) : p.feeStatus === 'free' || p.fees.length === 0 ? (
      <p className="fee-status">{t('proc.free')}</p>
    ) : (
      <ul className="plain-list">
        {p.fees.map((f, i) => (
          <li key={i}>
            {f.label}: <strong className="nowrap">{f.amountVnd === 0 ? t('proc.free') : formatVnd(f.amountVnd)}</strong>
          </li>
        ))}
      </ul>
    );
  return (
    <>
      {head}
      {p.feeNote && <p className="secondary fee-note">{p.feeNote}</p>}
    </>
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
