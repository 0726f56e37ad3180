import type { ReactNode } from 'react';
import { useT } from '../i18n/useT.ts';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** The control, given the aria-describedby and aria-invalid it must carry. */
  children: (aria: { 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

/**
 * The GOV.UK form-group every single-control field shares: label, hint, the error beside the field,
 * and the control wired to both for assistive technology.
 */
export function LabelledField({ id, label, hint, error, children }: Props) {
  const { t } = useT();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.errorPrefix')} </span>
          {error}
        </p>
      )}
      {children({ 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}
