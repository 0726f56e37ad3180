import type { InputHTMLAttributes } from 'react';
import { LabelledField } from './LabelledField.tsx';

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
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <input
          id={id}
          name={id}
          className={['input', error && 'input--error', inputClassName].filter(Boolean).join(' ')}
          {...aria}
          {...input}
        />
      )}
    </LabelledField>
  );
}
