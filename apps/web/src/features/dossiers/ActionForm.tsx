import { useState, type FormEvent } from 'react';
import type { DossierView } from '@motcua/contracts';
import { ChoiceField } from '../../components/ChoiceField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { useT } from '../../i18n/useT.ts';
import { apiPost, toApiError, type ApiError } from '../../lib/api.ts';
import { vnLocalToIso } from '../../lib/format.ts';
import type { ActionField, DossierAction } from './dossier-actions.ts';
import { AssigneeField } from './AssigneeField.tsx';

interface Props {
  action: DossierAction;
  dossier: DossierView;
  onDone: (view: DossierView) => void;
  /** A 409: someone changed the dossier, or it moved on; the page offers to reload. */
  onConflict: (error: ApiError) => void;
}

type Values = Partial<Record<ActionField, string>>;

/** The body the API expects; always with the version the officer is looking at. */
function bodyOf(action: DossierAction, dossier: DossierView, v: Values): Record<string, unknown> {
  const body: Record<string, unknown> = { version: dossier.version };
  for (const f of action.fields) {
    if (f === 'digitizedResult') body.digitizedResult = v.digitizedResult === 'yes';
    else if (f === 'staffId') body.staffId = Number(v.staffId);
    else if (f === 'newDueAt') body.newDueAt = vnLocalToIso(v.newDueAt ?? '');
    else if (f === 'note') {
      if (v.note?.trim()) body.note = v.note.trim();
    } else body[f] = (v[f] ?? '').trim();
  }
  return body;
}

/** One action of the dossier page: a button, with a small form when the action needs a reason or a choice. */
export function ActionForm({ action, dossier, onDone, onConflict }: Props) {
  const i18n = useT();
  const { t } = i18n;
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<Partial<Record<ActionField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (f: ActionField) => `${action.key}-${f}`;
  const set = (f: ActionField) => (value: string) => setValues((v) => ({ ...v, [f]: value }));

  function check(): Partial<Record<ActionField, string>> {
    const found: Partial<Record<ActionField, string>> = {};
    for (const f of action.fields) {
      const v = (values[f] ?? '').trim();
      if (f === 'reason' && !v) found.reason = t('action.err.reason');
      if (f === 'method' && !v) found.method = t('action.err.method');
      if (f === 'rating' && !v) found.rating = t('action.err.rating');
      if (f === 'unitCode' && !v) found.unitCode = t('action.err.unitCode');
      if (f === 'staffId' && !v) found.staffId = t('action.err.staffId');
      if (f === 'newDueAt' && !vnLocalToIso(v)) found.newDueAt = t('action.err.newDueAt');
    }
    return found;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found = check();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) {
      document.getElementById(id(Object.keys(found)[0] as ActionField))?.focus();
      return;
    }
    setBusy(true);
    try {
      onDone(
        await apiPost<DossierView>(
          `/api/v1/dossiers/${encodeURIComponent(dossier.code)}/${action.path}`,
          bodyOf(action, dossier, values),
        ),
      );
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.status === 409) onConflict(apiError);
      else setFailure(describeError(apiError, i18n));
    } finally {
      setBusy(false);
    }
  }

  const button = (
    <button
      type="submit"
      className={['button', action.primary ? '' : 'button--secondary', action.warning ? 'button--warning' : '']
        .filter(Boolean)
        .join(' ')}
      disabled={busy}
      aria-disabled={busy || undefined}
    >
      {busy ? t('action.busy') : t(`action.${action.key}`)}
    </button>
  );

  const form = (
    <form onSubmit={submit} noValidate className="action-form" data-action={action.key}>
      {failure && (
        <p className="error-message" role="alert">
          <span className="visually-hidden">{t('common.errorPrefix')} </span>
          {failure}
        </p>
      )}
      {action.fields.map((f) => {
        switch (f) {
          case 'reason':
          case 'note':
            return (
              <TextAreaField
                key={f}
                id={id(f)}
                label={t(`action.field.${f}`)}
                error={errors[f]}
                rows={3}
                value={values[f] ?? ''}
                onChange={set(f)}
              />
            );
          case 'unitCode':
            return (
              <TextField
                key={f}
                id={id(f)}
                label={t('action.field.unitCode')}
                hint={t('action.field.unitCodeHint')}
                error={errors.unitCode}
                inputClassName="input--w20"
                autoComplete="off"
                spellCheck={false}
                value={values.unitCode ?? ''}
                onChange={(e) => set(f)(e.target.value)}
              />
            );
          case 'staffId':
            return (
              <AssigneeField
                key={f}
                id={id(f)}
                code={dossier.code}
                error={errors.staffId}
                value={values.staffId ?? ''}
                onChange={set(f)}
              />
            );
          case 'newDueAt':
            return (
              <TextField
                key={f}
                id={id(f)}
                type="datetime-local"
                label={t('action.field.newDueAt')}
                hint={t('due.receivedHint')}
                error={errors.newDueAt}
                inputClassName="input--w20"
                value={values.newDueAt ?? ''}
                onChange={(e) => set(f)(e.target.value)}
              />
            );
          case 'digitizedResult':
            return (
              <div key={f} className="checkboxes__item">
                <input
                  className="checkboxes__input"
                  type="checkbox"
                  id={id(f)}
                  checked={values.digitizedResult === 'yes'}
                  onChange={(e) => set(f)(e.target.checked ? 'yes' : '')}
                />
                <label className="checkboxes__label" htmlFor={id(f)}>
                  {t('action.field.digitizedResult')}
                </label>
              </div>
            );
          case 'method':
          case 'rating':
            return (
              <ChoiceField
                key={f}
                id={id(f)}
                legend={t(`action.field.${f}`)}
                error={errors[f]}
                value={values[f] ?? ''}
                onChange={set(f)}
                options={
                  f === 'method'
                    ? (['online', 'counter'] as const).map((o) => ({ value: o, label: t(`action.method.${o}`) }))
                    : (['satisfied', 'neutral', 'unsatisfied'] as const).map((o) => ({
                        value: o,
                        label: t(`action.rating.${o}`),
                      }))
                }
              />
            );
        }
      })}
      {button}
    </form>
  );

  if (action.fields.length === 0) return form;
  return (
    <details className="details">
      <summary className="details__summary">{t(`action.${action.key}`)}</summary>
      <div className="details__text">
        <p className="hint">{t(`action.hint.${action.key}`)}</p>
        {form}
      </div>
    </details>
  );
}
