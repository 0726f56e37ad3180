import type { ReactNode } from 'react';
import { FieldMessages } from './FieldMessages.tsx';

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
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children({ 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}
