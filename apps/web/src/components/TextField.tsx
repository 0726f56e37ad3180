import type { InputHTMLAttributes } from 'react';
import { useT } from '../i18n/useT.ts';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** Extra class for the input, e.g. a width. */
  inputClassName?: string;
}

/** Label, hint, the error beside the field, and the input wired to all three for assistive technology. */
export function TextField({ id, label, hint, error, inputClassName, ...input }: Props) {
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
      <input
        id={id}
        name={id}
        className={['input', error && 'input--error', inputClassName].filter(Boolean).join(' ')}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}
