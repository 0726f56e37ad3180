import { useState, type FormEvent } from 'react';
import type { CitizenRatingAction, DossierRating, DossierStatus, DossierView } from '@motcua/contracts';
import { ChoiceField } from '../../components/ChoiceField.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { apiPost, toApiError } from '../../lib/api.ts';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useCitizenSession } from './useCitizenSession.ts';
import { useCitizenT } from './useCitizenT.ts';

/** A decided dossier can be rated once (dossiers.citizen.ts RATABLE_STATUSES). */
const RATABLE: readonly DossierStatus[] = ['approved', 'refused', 'result_issued', 'returned'];
const RATINGS: readonly DossierRating[] = ['satisfied', 'neutral', 'unsatisfied'];

interface Props {
  d: DossierView;
  onRated: (next: DossierView) => void;
  /** The dossier changed meanwhile (409): the page reloads it. */
  onConflict: () => void;
}

/** "Đánh giá mức độ hài lòng" once the dossier is decided; the rating counts in the 766 indicators. */
export function RatingBox({ d, onRated, onConflict }: Props) {
  const i18n = useCitizenT();
  const { t } = i18n;
  const { setSession } = useCitizenSession();
  const [rating, setRating] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ rating?: string; reason?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (d.rating) {
    return (
      <p id="rating-given">
        {t('citizen.rating.given')} <strong>{t(`action.rating.${d.rating}`)}</strong>
      </p>
    );
  }
  if (!RATABLE.includes(d.status)) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found: { rating?: string; reason?: string } = {};
    if (!rating) found.rating = t('citizen.rating.errRating');
    if (rating === 'unsatisfied' && !reason.trim()) found.reason = t('citizen.rating.errReason');
    setErrors(found);
    setFailure(null);
    if (found.rating || found.reason) {
      document.getElementById(found.rating ? 'rating' : 'rating-reason')?.focus();
      return;
    }
    const body: CitizenRatingAction = {
      version: d.version,
      rating: rating as DossierRating,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    setBusy(true);
    try {
      onRated(await apiPost<DossierView>(`/api/v1/me/dossiers/${encodeURIComponent(d.code)}/rating`, body));
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.status === 401) setSession({ status: 'out' });
      else if (apiError.status === 409) onConflict();
      else setFailure(describeError(apiError, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="rating-form" aria-labelledby="rating-title">
      <h3 className="heading-s" id="rating-title">
        {t('citizen.rating.title')}
      </h3>
      {failure && (
        <p className="error-message" role="alert">
          <span className="visually-hidden">{t('common.errorPrefix')} </span>
          {failure}
        </p>
      )}
      <ChoiceField
        id="rating"
        legend={t('citizen.rating.question')}
        error={errors.rating}
        value={rating}
        onChange={setRating}
        inline={false}
        options={RATINGS.map((r) => ({ value: r, label: t(`action.rating.${r}`) }))}
      />
      <TextAreaField
        id="rating-reason"
        label={rating === 'unsatisfied' ? t('citizen.rating.reasonRequired') : t('citizen.rating.reason')}
        error={errors.reason}
        value={reason}
        onChange={setReason}
        rows={3}
      />
      <button type="submit" className="button" disabled={busy} aria-disabled={busy || undefined}>
        {busy ? t('citizen.busy') : t('citizen.rating.submit')}
      </button>
    </form>
  );
}
