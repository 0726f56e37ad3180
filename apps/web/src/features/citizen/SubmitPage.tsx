import { useEffect, useState } from 'react';
import type { DocumentList, DossierTracking, PrefillView, ProcedureView } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { apiGet, isAbort, toApiError } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { useMeta } from '../../lib/useMeta.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { withQuery } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import type { CitizenMe } from './CitizenSessionProvider.tsx';
import { CitizenApiError, CitizenGate } from './CitizenGate.tsx';
import { EMPTY_PREFILL, readPrefill, type Prefilled } from './prefill.ts';
import { SubmitForm } from './SubmitForm.tsx';
import { SubmitReceipt } from './SubmitReceipt.tsx';
import { unitRuleOf } from './UnitChoice.tsx';
import { useCitizenT } from './useCitizenT.ts';
// The strings of these pages load with them, not with the public bundle.
import '../../i18n/messages-dossiers.ts';
import '../../i18n/messages-citizen.ts';

/** "Nộp hồ sơ trực tuyến" for one procedure, then the receipt with the dossier code. */
export function SubmitPage({ procedureCode }: { procedureCode: string }) {
  return <CitizenGate>{(me) => <Submit code={procedureCode} me={me} />}</CitizenGate>;
}

function Submit({ code, me }: { code: string; me: CitizenMe }) {
  const { t } = useCitizenT();
  const [submitted, setSubmitted] = useState<DossierTracking | null>(null);
  const procedure = useApi<ProcedureView>(`/api/v1/procedures/${encodeURIComponent(code)}`);
  const notFound = procedure.status === 'error' && (procedure.error.status === 404 || procedure.error.status === 400);

  if (submitted) return <SubmitReceipt d={submitted} />;
  return (
    <>
      <p>
        <Link to={`/thu-tuc/${encodeURIComponent(code)}`} className="back-link">
          {t('citizen.submit.back')}
        </Link>
      </p>
      {procedure.status === 'loading' && <Loading />}
      {procedure.status !== 'ok' && <PageTitle text={notFound ? t('proc.notFoundTitle') : t('citizen.submit.title')} />}
      {notFound && (
        <>
          <h1 className="heading-l">{t('proc.notFoundTitle')}</h1>
          <p>{t('proc.notFoundBody', { code })}</p>
        </>
      )}
      {procedure.status === 'error' && !notFound && (
        <ApiErrorNotice title={t('proc.errorTitle')} error={procedure.error} onRetry={procedure.retry} />
      )}
      {procedure.status === 'ok' && <Ready p={procedure.data} me={me} onSubmitted={setSubmitted} />}
    </>
  );
}

/** Says why the procedure cannot be submitted online by this citizen, or loads what the form needs. */
function Ready({ p, me, onSubmitted }: { p: ProcedureView; me: CitizenMe; onSubmitted: (d: DossierTracking) => void }) {
  const { t } = useCitizenT();
  if (p.onlineLevel === 'none') {
    return (
      <>
        <PageTitle text={p.name} />
        <h1 className="heading-l">{p.name}</h1>
        <div className="notice" id="not-online">
          <h2 className="notice__title">{t('citizen.submit.notOnlineTitle')}</h2>
          <p>{t('citizen.submit.notOnlineBody', { agency: p.agencyName })}</p>
        </div>
      </>
    );
  }
  if (p.identityLevel > me.identityLevel) {
    return (
      <>
        <PageTitle text={p.name} />
        <h1 className="heading-l">{p.name}</h1>
        <div className="notice notice--error" id="level-too-low">
          <h2 className="notice__title">{t('citizen.submit.levelTitle')}</h2>
          <p>{t('citizen.submit.levelBody', { level: p.identityLevel, mine: me.identityLevel })}</p>
        </div>
      </>
    );
  }
  return <Loader p={p} onSubmitted={onSubmitted} />;
}

/** The tab title of a branch; the form sets its own (with the error prefix), so only one is ever mounted. */
function PageTitle({ text }: { text: string }) {
  usePageTitle(text);
  return null;
}

type PrefillState = { status: 'loading' } | { status: 'done'; prefill: Prefilled; failed: boolean };

/**
 * The prefill from the registry and my stored documents, both before the form renders: the inputs
 * start from these values. A prefill that fails does not stop the citizen; they type the values.
 */
function Loader({ p, onSubmitted }: { p: ProcedureView; onSubmitted: (d: DossierTracking) => void }) {
  const { t } = useCitizenT();
  const meta = useMeta();
  const [prefill, setPrefill] = useState<PrefillState>({ status: 'loading' });
  const documents = useApi<DocumentList>(withQuery('/api/v1/me/documents', { limit: 200 }));

  useEffect(() => {
    const ctl = new AbortController();
    apiGet<PrefillView>(withQuery('/api/v1/me/prefill', { procedure: p.code }), ctl.signal).then(
      (answer) => setPrefill({ status: 'done', prefill: readPrefill(answer), failed: false }),
      (e: unknown) => {
        if (isAbort(e) || ctl.signal.aborted) return;
        // 401 is the gate's business on the next request; here it only means "no prefill".
        setPrefill({ status: 'done', prefill: EMPTY_PREFILL, failed: toApiError(e).status !== 401 });
      },
    );
    return () => ctl.abort();
  }, [p]);

  if (documents.status === 'error')
    return <CitizenApiError title={t('citizen.docs.errorTitle')} error={documents.error} onRetry={documents.retry} />;
  if (prefill.status === 'loading' || documents.status !== 'ok' || !meta) {
    return (
      <>
        <PageTitle text={p.name} />
        <Loading label={t('citizen.submit.loading')} />
      </>
    );
  }
  return (
    <SubmitForm
      procedure={p}
      prefill={prefill.prefill}
      prefillFailed={prefill.failed}
      stored={documents.data.items}
      unitRule={unitRuleOf(p, meta.provinceCode)}
      province={{ code: meta.provinceCode, name: meta.provinceName }}
      onSubmitted={onSubmitted}
    />
  );
}
