import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DossierView } from '@motcua/contracts';
import { Loading } from '../../components/Loading.tsx';
import { formatDateTime, formatVnd, vnDateOf, vnToday } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Link } from '../../router/Link.tsx';
import { DeadlineText } from '../dossiers/DeadlineText.tsx';
import { StatusTag } from '../dossiers/StatusTag.tsx';
import { Timeline } from '../dossiers/Timeline.tsx';
import { useWorkCalendar } from '../dossiers/useWorkCalendar.ts';
import { CitizenApiError, CitizenGate } from './CitizenGate.tsx';
import { FeedbackBox } from './FeedbackBox.tsx';
import { MessagesPanel } from './MessagesPanel.tsx';
import { NextSteps } from './NextSteps.tsx';
import { RatingBox } from './RatingBox.tsx';
import { ResultDownloads } from './ResultDownloads.tsx';
import { useCitizenT } from './useCitizenT.ts';
// The strings of these pages load with them, not with the public bundle.
import '../../i18n/messages-dossiers.ts';
import '../../i18n/messages-citizen.ts';

/** One of my dossiers: where it stands, what I can do now, the exchange with the officials, the history. */
export function MyDossierPage({ code }: { code: string }) {
  return <CitizenGate>{() => <MyDossier code={code} />}</CitizenGate>;
}

export type Done = 'rated' | 'feedback' | null;

function MyDossier({ code }: { code: string }) {
  const { t } = useCitizenT();
  const loaded = useApi<DossierView>(`/api/v1/me/dossiers/${encodeURIComponent(code)}`);
  // The answer of the last action replaces the loaded view, as on the staff page.
  const [fresh, setFresh] = useState<DossierView | null>(null);
  const [done, setDone] = useState<Done>(null);
  const view = fresh ?? (loaded.status === 'ok' ? loaded.data : null);
  const notFound = loaded.status === 'error' && loaded.error.status === 404;
  usePageTitle(view ? t('dossier.title', { code: view.code }) : notFound ? t('citizen.dossier.notFoundTitle') : null);

  return (
    <>
      <p>
        <Link to="/cong-dan" className="back-link">
          {t('citizen.dossier.back')}
        </Link>
      </p>
      {!view && loaded.status === 'loading' && <Loading />}
      {notFound && (
        <>
          <h1 className="heading-l">{t('citizen.dossier.notFoundTitle')}</h1>
          <p>{t('citizen.dossier.notFoundBody', { code })}</p>
        </>
      )}
      {loaded.status === 'error' && !notFound && (
        <CitizenApiError title={t('dossier.errorTitle')} error={loaded.error} onRetry={loaded.retry} />
      )}
      {view && (
        <Body
          d={view}
          done={done}
          onChanged={(next, what) => {
            if (next) setFresh(next);
            setDone(what);
          }}
          onReload={() => {
            setFresh(null);
            loaded.retry();
          }}
        />
      )}
    </>
  );
}

interface BodyProps {
  d: DossierView;
  done: Done;
  onChanged: (next: DossierView | null, what: Done) => void;
  onReload: () => void;
}

function Body({ d, done, onChanged, onReload }: BodyProps) {
  const { t } = useCitizenT();
  const dates = useMemo(() => [vnToday(), ...(d.dueAt ? [vnDateOf(d.dueAt)] : [])], [d.dueAt]);
  const calendar = useWorkCalendar(dates);
  const noticeRef = useRef<HTMLDivElement>(null);

  // The outcome of an action is announced and takes focus, as a new page would.
  useEffect(() => {
    if (done) noticeRef.current?.focus();
  }, [done]);

  return (
    <>
      <div ref={noticeRef} tabIndex={-1} className="notice-anchor">
        {done && (
          <div className="banner banner--success" role="status">
            <p className="banner__text">{t(done === 'rated' ? 'citizen.rating.done' : 'citizen.feedback.done')}</p>
          </div>
        )}
      </div>

      <span className="caption">{d.procedureName}</span>
      <h1 className="heading-l">{t('dossier.title', { code: d.code })}</h1>
      <p id="dossier-status" className="status-line">
        <span className="secondary">{t('dossier.status')}: </span>
        <StatusTag status={d.status} />
      </p>

      <section className="actions" aria-labelledby="next-title">
        <h2 className="heading-m" id="next-title">
          {t('citizen.next.title')}
        </h2>
        <NextSteps d={d} />
        <ResultDownloads d={d} />
        <RatingBox d={d} onRated={(next) => onChanged(next, 'rated')} onConflict={onReload} />
      </section>

      <h2 className="heading-m">{t('dossier.facts')}</h2>
      <dl className="summary-list">
        <Row label={t('dossier.procedure')}>
          {d.procedureName} <span className="secondary">({d.procedureCode})</span>
        </Row>
        <Row label={t('dossier.handlingUnit')}>{d.handlingUnit.name}</Row>
        <Row label={t('dossier.submittedAt')}>{formatDateTime(d.submittedAt)}</Row>
        <Row label={t('dossier.receivedAt')}>{d.receivedAt ? formatDateTime(d.receivedAt) : t('citizen.dossier.notYet')}</Row>
        <Row label={t('dossier.dueAt')}>
          {d.dueAt ? <DeadlineText dossier={d} calendar={calendar} /> : t('citizen.dossier.dueAfterReceipt')}
        </Row>
        {d.apologyDueAt && <Row label={t('dossier.apologyDueAt')}>{formatDateTime(d.apologyDueAt)}</Row>}
        <Row label={t('dossier.finishedAt')}>{d.finishedAt ? formatDateTime(d.finishedAt) : t('citizen.dossier.notYet')}</Row>
        <Row label={t('dossier.fee')}>{d.feeVnd > 0 ? `${formatVnd(d.feeVnd)} — ${t(`paid.${d.paid}`)}` : t('proc.free')}</Row>
        {d.applicant && (
          <Row label={t('citizen.dossier.contact')}>
            {d.applicant.fullName}
            <br />
            {d.applicant.phone}
            <br />
            {d.applicant.address}
          </Row>
        )}
      </dl>

      <MessagesPanel code={d.code} />

      <FeedbackBox d={d} onSent={() => onChanged(null, 'feedback')} />

      <h2 className="heading-m">{t('dossier.timeline')}</h2>
      <Timeline events={d.events} />
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
