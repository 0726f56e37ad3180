import { LabelledField } from './LabelledField.tsx';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  /** Text of the empty first option ("Chọn…"). */
  placeholder: string;
}

/** A native select: long lists (communes, stored documents, e-form choices) stay usable on a phone. */
export function SelectField({ id, label, hint, error, value, options, onChange, placeholder }: Props) {
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <select
          id={id}
          name={id}
          className={error ? 'input select input--error' : 'input select'}
          {...aria}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{placeholder}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}
