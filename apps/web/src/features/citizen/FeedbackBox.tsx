import { useState, type FormEvent } from 'react';
import type { DossierView, FeedbackKind, FeedbackList, FeedbackSubmission, FeedbackView } from '@motcua/contracts';
import { ChoiceField } from '../../components/ChoiceField.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { apiPost, toApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useCitizenSession } from './useCitizenSession.ts';
import { useCitizenT } from './useCitizenT.ts';

const KINDS: readonly FeedbackKind[] = ['phan_anh', 'kien_nghi'];

/**
 * Phản ánh, kiến nghị about this dossier (modules/feedback): the handling unit answers within its
 * working-day deadline. Earlier ones and their answers are listed above the form.
 */
export function FeedbackBox({ d, onSent }: { d: DossierView; onSent: () => void }) {
  const { t } = useCitizenT();
  const list = useApi<FeedbackList>('/api/v1/me/feedback?limit=100');
  const [sent, setSent] = useState<FeedbackView[]>([]);
  const earlier = list.status === 'ok' ? list.data.items.filter((f) => f.dossierCode === d.code) : [];
  // Just sent ones first; the list answer may already hold them after a reload.
  const shown = [...sent, ...earlier.filter((f) => !sent.some((s) => s.id === f.id))];

  return (
    <section aria-labelledby="feedback-title" className="feedback">
      <h2 className="heading-m" id="feedback-title">
        {t('citizen.feedback.title')}
      </h2>
      {shown.length > 0 && (
        <ul className="plain-list feedback__list">
          {shown.map((f) => (
            <FeedbackItem key={f.id} f={f} />
          ))}
        </ul>
      )}
      <details className="details">
        <summary className="details__summary">{t('citizen.feedback.open')}</summary>
        <div className="details__text">
          <FeedbackForm
            code={d.code}
            onSent={(f) => {
              setSent((s) => [f, ...s]);
              onSent();
            }}
          />
        </div>
      </details>
    </section>
  );
}

function FeedbackItem({ f }: { f: FeedbackView }) {
  const { t } = useCitizenT();
  return (
    <li className="feedback__item" data-feedback={f.id}>
      <p className="feedback__meta">
        <strong>{f.kindLabel}</strong> · {formatDateTime(f.receivedAt)} ·{' '}
        <span className="tag tag--subtype">{f.statusLabel}</span>
      </p>
      <p className="feedback__content">{f.content}</p>
      {f.answer ? (
        <p className="feedback__answer">
          <strong>
            {t('citizen.feedback.answer', { unit: f.unit.name, date: f.answeredAt ? formatDateTime(f.answeredAt) : '' })}
          </strong>
          <br />
          {f.answer}
        </p>
      ) : (
        <p className="secondary">{t('citizen.feedback.due', { unit: f.unit.name, date: formatDateTime(f.dueAt) })}</p>
      )}
    </li>
  );
}

function FeedbackForm({ code, onSent }: { code: string; onSent: (f: FeedbackView) => void }) {
  const i18n = useCitizenT();
  const { t } = i18n;
  const { setSession } = useCitizenSession();
  const [kind, setKind] = useState('');
  const [content, setContent] = useState('');
  const [errors, setErrors] = useState<{ kind?: string; content?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found: { kind?: string; content?: string } = {};
    if (!kind) found.kind = t('citizen.feedback.errKind');
    if (!content.trim()) found.content = t('citizen.feedback.errContent');
    setErrors(found);
    setFailure(null);
    if (found.kind || found.content) {
      document.getElementById(found.kind ? 'feedback-kind' : 'feedback-content')?.focus();
      return;
    }
    const body: FeedbackSubmission = { kind: kind as FeedbackKind, content: content.trim(), dossierCode: code };
    setBusy(true);
    try {
      const f = await apiPost<FeedbackView>('/api/v1/me/feedback', body);
      setKind('');
      setContent('');
      onSent(f);
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.status === 401) setSession({ status: 'out' });
      else setFailure(describeError(apiError, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="feedback-form">
      <p className="hint">{t('citizen.feedback.hint')}</p>
      {failure && (
        <p className="error-message" role="alert">
          <span className="visually-hidden">{t('common.errorPrefix')} </span>
          {failure}
        </p>
      )}
      <ChoiceField
        id="feedback-kind"
        legend={t('citizen.feedback.kind')}
        error={errors.kind}
        value={kind}
        onChange={setKind}
        inline={false}
        options={KINDS.map((k) => ({ value: k, label: t(`citizen.feedback.kind.${k}`) }))}
      />
      <TextAreaField
        id="feedback-content"
        label={t('citizen.feedback.content')}
        error={errors.content}
        value={content}
        maxLength={5000}
        onChange={setContent}
      />
      <button type="submit" className="button" disabled={busy} aria-disabled={busy || undefined}>
        {busy ? t('citizen.busy') : t('citizen.feedback.submit')}
      </button>
    </form>
  );
}
