import { useEffect, useMemo, useRef, useState } from 'react';
import type { DossierView, ProcedureView, StaffView, UnitDetail } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { useT } from '../../i18n/useT.ts';
import type { ApiError } from '../../lib/api.ts';
import { vnDateOf, vnToday } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Link } from '../../router/Link.tsx';
import { DOSSIER_READ } from '../staff/staff-roles.ts';
import { StaffGate } from '../staff/StaffGate.tsx';
import { ActionForm } from './ActionForm.tsx';
import { availableActions, type ActionKey } from './dossier-actions.ts';
import { ApplicantFacts, DossierFacts } from './DossierFacts.tsx';
import { StatusTag } from './StatusTag.tsx';
import { Timeline } from './Timeline.tsx';
import { useWorkCalendar } from './useWorkCalendar.ts';
// The strings of these pages load with them, not with the public bundle.
import '../../i18n/messages-dossiers.ts';
import '../../i18n/messages-intake.ts';

/** One dossier for staff: what to do next, the facts, the applicant and the history. */
export function DossierPage({ code }: { code: string }) {
  return <StaffGate roles={DOSSIER_READ}>{(staff) => <DossierScreen code={code} staff={staff} />}</StaffGate>;
}

function DossierScreen({ code, staff }: { code: string; staff: StaffView }) {
  const { t } = useT();
  const loaded = useApi<DossierView>(`/api/v1/dossiers/${encodeURIComponent(code)}`);
  // The answer of the last action replaces the loaded view; a reload goes back to the server's.
  const [fresh, setFresh] = useState<DossierView | null>(null);
  const [done, setDone] = useState<ActionKey | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const view = fresh ?? (loaded.status === 'ok' ? loaded.data : null);
  const notFound = loaded.status === 'error' && loaded.error.status === 404;
  usePageTitle(view ? t('dossier.title', { code: view.code }) : notFound ? t('dossier.notFoundTitle') : null);

  function reload() {
    setFresh(null);
    setConflict(null);
    setDone(null);
    loaded.retry();
  }

  return (
    <>
      <p>
        <Link to="/can-bo/ho-so" className="back-link">
          {t('dossier.back')}
        </Link>
      </p>
      {!view && loaded.status === 'loading' && <Loading />}
      {notFound && (
        <>
          <h1 className="heading-l">{t('dossier.notFoundTitle')}</h1>
          <p>{t('dossier.notFoundBody', { code })}</p>
        </>
      )}
      {loaded.status === 'error' && !notFound && (
        <ApiErrorNotice title={t('dossier.errorTitle')} error={loaded.error} onRetry={loaded.retry} />
      )}
      {view && (
        <DossierBody
          d={view}
          staff={staff}
          done={done}
          conflict={conflict}
          onDone={(next, action) => {
            setFresh(next);
            setConflict(null);
            setDone(action);
          }}
          onConflict={(e) => {
            setDone(null);
            setConflict(e);
          }}
          onReload={reload}
        />
      )}
    </>
  );
}

interface BodyProps {
  d: DossierView;
  staff: StaffView;
  done: ActionKey | null;
  conflict: ApiError | null;
  onDone: (view: DossierView, action: ActionKey) => void;
  onConflict: (e: ApiError) => void;
  onReload: () => void;
}

function DossierBody({ d, staff, done, conflict, onDone, onConflict, onReload }: BodyProps) {
  const i18n = useT();
  const { t } = i18n;
  const unit = useApi<UnitDetail>(`/api/v1/units/${encodeURIComponent(d.handlingUnit.code)}`);
  const procedure = useApi<ProcedureView>(`/api/v1/procedures/${encodeURIComponent(d.procedureCode)}`);
  const dates = useMemo(() => [vnToday(), ...(d.dueAt ? [vnDateOf(d.dueAt)] : [])], [d.dueAt]);
  const calendar = useWorkCalendar(dates);
  const noticeRef = useRef<HTMLDivElement>(null);

  // Actions are scoped by the handling unit: the officer's unit or one above it (shared/policy.ts).
  const inScope =
    unit.status === 'ok' && (unit.data.code === staff.unitCode || unit.data.ancestors.some((a) => a.code === staff.unitCode));
  const actions = inScope ? availableActions(d, staff.roles) : [];

  // The outcome of an action is announced and takes focus, as a new page would.
  useEffect(() => {
    if (done || conflict) noticeRef.current?.focus();
  }, [done, conflict]);

  return (
    <>
      <div ref={noticeRef} tabIndex={-1} className="notice-anchor">
        {done && (
          <div className="banner banner--success" role="status">
            <p className="banner__text">{t('dossier.done', { action: t(`action.${done}`), status: t(`status.${d.status}`) })}</p>
          </div>
        )}
        {conflict && (
          <div className="notice notice--error" role="alert">
            <h2 className="notice__title">{t('dossier.conflictTitle')}</h2>
            <p>{describeError(conflict, i18n)}</p>
            <button type="button" className="button button--secondary" onClick={onReload}>
              {t('dossier.reload')}
            </button>
          </div>
        )}
      </div>

      <span className="caption">{d.procedureName}</span>
      <h1 className="heading-l">{t('dossier.title', { code: d.code })}</h1>
      <p id="dossier-status" className="status-line">
        <span className="secondary">{t('dossier.status')}: </span>
        <StatusTag status={d.status} />
      </p>

      <section className="actions" aria-labelledby="actions-title" aria-busy={unit.status === 'loading'}>
        <h2 className="heading-m" id="actions-title">
          {t('dossier.actions')}
        </h2>
        {unit.status === 'loading' && <Loading />}
        {unit.status === 'ok' && !inScope && (
          <p className="secondary">{t('dossier.outOfScope', { unit: d.handlingUnit.name })}</p>
        )}
        {inScope && actions.length === 0 && <p className="secondary">{t('dossier.noActions')}</p>}
        {actions.length > 0 && (
          // A changed dossier starts its forms afresh.
          <div className="actions__list" key={d.version}>
            {actions.map((a) => (
              <ActionForm key={a.key} action={a} dossier={d} onDone={(next) => onDone(next, a.key)} onConflict={onConflict} />
            ))}
          </div>
        )}
      </section>

      <h2 className="heading-m">{t('dossier.facts')}</h2>
      <DossierFacts d={d} calendar={calendar} />

      <h2 className="heading-m">{t('dossier.applicant')}</h2>
      <ApplicantFacts d={d} procedure={procedure.status === 'ok' ? procedure.data : null} />

      <h2 className="heading-m">{t('dossier.timeline')}</h2>
      <Timeline events={d.events} />
    </>
  );
}
