import { LabelledField } from './LabelledField.tsx';

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
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <textarea
          id={id}
          name={id}
          rows={rows}
          maxLength={maxLength}
          className={error ? 'input textarea input--error' : 'input textarea'}
          {...aria}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </LabelledField>
  );
}
