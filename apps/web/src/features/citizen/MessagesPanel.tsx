import { useState, type FormEvent } from 'react';
import type { DossierMessage, DossierMessageInput, DossierMessageList } from '@motcua/contracts';
import { Loading } from '../../components/Loading.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { apiPost, toApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { CitizenApiError } from './CitizenGate.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useCitizenSession } from './useCitizenSession.ts';
import { useCitizenT } from './useCitizenT.ts';

/** Trao đổi với cán bộ: the messages on the dossier, oldest first, and a box to write a new one. */
export function MessagesPanel({ code }: { code: string }) {
  const i18n = useCitizenT();
  const { t } = i18n;
  const { setSession } = useCitizenSession();
  const path = `/api/v1/me/dossiers/${encodeURIComponent(code)}/messages`;
  const list = useApi<DossierMessageList>(path);
  const [mine, setMine] = useState<DossierMessage[]>([]);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = list.status === 'ok' ? list.data.items : [];
  const messages = [...loaded, ...mine.filter((m) => !loaded.some((l) => l.id === m.id))];

  async function send(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const text = body.trim();
    setFailure(null);
    if (!text) {
      setError(t('citizen.messages.errBody'));
      document.getElementById('message-body')?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const input: DossierMessageInput = { body: text };
      const m = await apiPost<DossierMessage>(path, input);
      setMine((old) => [...old, m]);
      setBody('');
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.status === 401) setSession({ status: 'out' });
      else setFailure(describeError(apiError, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="messages-title" className="messages">
      <h2 className="heading-m" id="messages-title">
        {t('citizen.messages.title')}
      </h2>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && (
        <CitizenApiError title={t('citizen.messages.errorTitle')} error={list.error} onRetry={list.retry} />
      )}
      {list.status === 'ok' && messages.length === 0 && <p className="secondary">{t('citizen.messages.none')}</p>}
      {messages.length > 0 && (
        <ol className="messages__list" aria-live="polite">
          {messages.map((m) => (
            <li key={m.id} className={`message message--${m.author.kind}`} data-author={m.author.kind}>
              <p className="message__meta">
                <strong>{m.author.kind === 'citizen' ? t('citizen.messages.me') : (m.author.name ?? t('actor.staff'))}</strong>
                {' · '}
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
              </p>
              <p className="message__body">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={send} noValidate className="messages__form">
        {failure && (
          <p className="error-message" role="alert">
            <span className="visually-hidden">{t('common.errorPrefix')} </span>
            {failure}
          </p>
        )}
        <TextAreaField
          id="message-body"
          label={t('citizen.messages.new')}
          hint={t('citizen.messages.hint')}
          error={error}
          value={body}
          maxLength={4000}
          rows={3}
          onChange={setBody}
        />
        <button type="submit" className="button button--secondary" disabled={busy} aria-disabled={busy || undefined}>
          {busy ? t('citizen.busy') : t('citizen.messages.send')}
        </button>
      </form>
    </section>
  );
}
