import { useT } from '../../i18n/useT.ts';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  maxLength?: number;
  rows?: number;
  onChange: (v: string) => void;
}

/** A multi-line answer with label, hint and the error beside it, wired for assistive technology. */
export function TextAreaField({ id, label, hint, error, value, maxLength = 2000, rows = 4, onChange }: Props) {
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
      <textarea
        id={id}
        name={id}
        rows={rows}
        maxLength={maxLength}
        className={error ? 'input textarea input--error' : 'input textarea'}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
