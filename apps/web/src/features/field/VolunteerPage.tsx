/**
 * /tinh-nguyen — the field volunteer's phone page ("đi từng ngõ, gõ từng nhà, rà từng người", seed
 * 003): the next households by hamlet, one tap per person for the outcome. Taps go to the outbox in
 * IndexedDB and are sent when there is a connection; the service worker keeps the page and the last
 * list so it opens again with no network (docs/field-work.md).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { FIELD_OUTCOMES, type FieldAssignments, type FieldOutcome, type FieldPersonView } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { toApiError, type ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Link } from '../../router/Link.tsx';
import { loginHref } from '../staff/useStaff.ts';
import { keepPageOffline, loadAssignments, type LoadedAssignments } from './field-api.ts';
import { forgetRejected, type QueuedOutcome } from './outbox.ts';
import { useFieldT, type FieldT } from './useFieldT.ts';
import { useOutbox, type Outbox } from './useOutbox.ts';
import './field.css';

type State = { status: 'loading' } | { status: 'ok'; loaded: LoadedAssignments } | { status: 'error'; error: ApiError };

export function VolunteerPage() {
  const { t } = useFieldT();
  usePageTitle(t('field.vol.title'));
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(() => {
    loadAssignments().then(
      (loaded) => setState({ status: 'ok', loaded }),
      (e: unknown) => setState((s) => (s.status === 'ok' ? s : { status: 'error', error: toApiError(e) })),
    );
  }, []);
  // After the server has taken the outcomes, the list is asked for again: finished households leave it.
  const outbox = useOutbox(load);

  useEffect(() => {
    load();
    void keepPageOffline(load);
  }, [load]);

  return (
    <div className="field">
      <h1 className="heading-l">{t('field.vol.title')}</h1>
      <SyncStatus outbox={outbox} t={t} />
      {!outbox.storage && <p className="notice notice--warning">{t('field.vol.noStorage')}</p>}
      <Rejected outbox={outbox} t={t} />
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError error={state.error} retry={load} t={t} />}
      {state.status === 'ok' && <Assignments loaded={state.loaded} outbox={outbox} t={t} />}
    </div>
  );
}

function SyncStatus({ outbox, t }: { outbox: Outbox; t: FieldT }) {
  const n = outbox.pending.length;
  const last = outbox.last;
  return (
    <div className={`field-sync${n > 0 ? ' field-sync--waiting' : ''}`}>
      <p role="status" aria-live="polite" className="field-sync__count">
        {n > 0 ? t('field.vol.pending', { n }) : t('field.vol.allSent')}
      </p>
      <p className="field-sync__line">
        {outbox.online ? t('field.vol.online') : t('field.vol.offline')}
        {last?.status === 'login' && <> {t('field.vol.needLogin')}</>}
        {last?.status === 'forbidden' && <> {t('field.vol.forbidden')}</>}
        {last?.status === 'error' && <> {t('field.vol.syncError')}</>}
      </p>
      {n > 0 && (
        <button type="button" className="button button--secondary field-sync__button" onClick={outbox.syncNow} disabled={outbox.syncing}>
          {outbox.syncing ? t('field.vol.sending') : t('field.vol.sendNow')}
        </button>
      )}
      {last?.status === 'login' && (
        <p>
          <Link to={loginHref('/tinh-nguyen')}>{t('field.vol.login')}</Link>
        </p>
      )}
    </div>
  );
}

function Rejected({ outbox, t }: { outbox: Outbox; t: FieldT }) {
  if (outbox.rejected.length === 0) return null;
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice__title">{t('field.vol.rejectedTitle', { n: outbox.rejected.length })}</h2>
      <ul>
        {outbox.rejected.map((r) => (
          <li key={r.clientId}>
            {r.personName} — {t(`field.outcome.${r.outcome}`)} ({formatDateTime(r.recordedAt)}): {r.reason}
          </li>
        ))}
      </ul>
      <button type="button" className="button button--secondary" onClick={() => void forgetRejected(outbox.rejected.map((r) => r.clientId)).then(outbox.syncNow)}>
        {t('field.vol.rejectedDismiss')}
      </button>
    </div>
  );
}

function LoadError({ error, retry, t }: { error: ApiError; retry: () => void; t: FieldT }) {
  if (error.status === 401)
    return (
      <div className="notice">
        <p>{t('field.vol.loginFirst')}</p>
        <p>
          <Link to={loginHref('/tinh-nguyen')}>{t('field.vol.login')}</Link>
        </p>
      </div>
    );
  if (error.status === 403) return <p className="notice notice--warning">{t('field.vol.forbiddenPage')}</p>;
  if (error.status === 0) return <ApiErrorNotice title={t('field.vol.noListOffline')} error={error} onRetry={retry} />;
  return <ApiErrorNotice title={t('field.vol.loadError')} error={error} onRetry={retry} />;
}

/** Latest queued outcome per person: shown instead of the server's until it is sent. */
function localOutcomes(pending: QueuedOutcome[]): Map<number, QueuedOutcome> {
  const m = new Map<number, QueuedOutcome>();
  for (const q of pending) {
    const had = m.get(q.personId);
    if (!had || had.recordedAt <= q.recordedAt) m.set(q.personId, q);
  }
  return m;
}

function Assignments({ loaded, outbox, t }: { loaded: LoadedAssignments; outbox: Outbox; t: FieldT }) {
  const local = useMemo(() => localOutcomes(outbox.pending), [outbox.pending]);
  const { data, fromCache } = loaded;
  return (
    <>
      <p className="secondary">
        {fromCache ? t('field.vol.cachedList', { at: formatDateTime(data.generatedAt) }) : t('field.vol.listAt', { at: formatDateTime(data.generatedAt) })}
      </p>
      {data.campaigns.length === 0 && <p>{t('field.vol.noTeam')}</p>}
      {data.campaigns.map((c) => (
        <section key={c.code} className="field-campaign" aria-labelledby={`c-${c.code}`}>
          <h2 className="heading-m" id={`c-${c.code}`}>
            {c.name}
          </h2>
          <p className="secondary">{t('field.vol.teams', { teams: c.teams.map((x) => x.name).join(', ') })}</p>
          {c.hamlets.length === 0 && <p>{t('field.vol.nothingLeft')}</p>}
          {c.hamlets.map((h) => (
            <Hamlet key={`${h.unitCode}|${h.hamlet}`} hamlet={h} local={local} outbox={outbox} t={t} />
          ))}
        </section>
      ))}
    </>
  );
}

type HamletView = FieldAssignments['campaigns'][number]['hamlets'][number];

function Hamlet({ hamlet, local, outbox, t }: { hamlet: HamletView; local: Map<number, QueuedOutcome>; outbox: Outbox; t: FieldT }) {
  const open = (p: FieldPersonView) => {
    const o = local.get(p.id)?.outcome ?? p.outcome;
    return o === null || o === 'absent';
  };
  const left = hamlet.households.filter((h) => h.people.some(open)).length;
  return (
    <section className="field-hamlet">
      <h3 className="field-hamlet__title">
        {hamlet.hamlet} <span className="secondary">— {hamlet.unitName}</span>
      </h3>
      <p className="secondary">{t('field.vol.householdsLeft', { n: left, total: hamlet.households.length })}</p>
      <ol className="field-households">
        {hamlet.households.map((h) => (
          <li key={h.id} className={`field-household${h.people.some(open) ? '' : ' field-household--done'}`}>
            <p className="field-household__title">
              <strong>{t('field.vol.household', { code: h.code })}</strong>
              {h.address && <span className="field-household__address">{h.address}</span>}
            </p>
            {h.people.map((p) => (
              <Person key={p.id} person={p} queued={local.get(p.id)} outbox={outbox} t={t} />
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Person({ person, queued, outbox, t }: { person: FieldPersonView; queued: QueuedOutcome | undefined; outbox: Outbox; t: FieldT }) {
  const [error, setError] = useState(false);
  const current: FieldOutcome | null = queued?.outcome ?? person.outcome;
  const record = (outcome: FieldOutcome) => {
    setError(false);
    outbox.record({ personId: person.id, outcome, personName: person.fullName }).catch(() => setError(true));
  };
  const doneLabel = person.listKind === 'to_verify' ? t('field.outcome.done.verify') : t('field.outcome.done.activate');
  return (
    <fieldset className="field-person" data-person={person.id}>
      <legend className="field-person__name">
        {person.fullName}
        <span className="field-person__facts">
          {person.birthYear !== null && t('field.vol.born', { year: person.birthYear })} ·{' '}
          {/* A list cached before the CMND column has no idType: those were all CCCDs. */}
          {t('field.vol.idLast4', { type: person.idType === 'cmnd' ? 'CMND' : 'CCCD', digits: person.idLast4 })}
          {person.phoneMasked && <> · {person.phoneMasked}</>}
        </span>
        {person.msisdnMasked && <span className="field-person__facts">{t('field.vol.subscriber', { number: person.msisdnMasked, carrier: person.carrier ?? '' })}</span>}
      </legend>
      <p className="field-person__state">
        {current === null ? t('field.vol.noOutcome') : t('field.vol.current', { outcome: current === 'done' ? doneLabel : t(`field.outcome.${current}`) })}
        {queued && <strong> {t('field.vol.waiting')}</strong>}
      </p>
      <div className="field-person__buttons">
        {FIELD_OUTCOMES.map((o) => (
          <button key={o} type="button" className={`field-outcome field-outcome--${o}`} aria-pressed={current === o} onClick={() => record(o)}>
            {o === 'done' ? doneLabel : t(`field.outcome.${o}`)}
          </button>
        ))}
      </div>
      {error && <p className="field-error">{t('field.vol.saveError')}</p>}
    </fieldset>
  );
}
