import type { FormField } from '@motcua/contracts';
import { ChoiceField } from '../../components/ChoiceField.tsx';
import { DateField } from '../../components/DateField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formFieldId } from './submit-check.ts';
import { useCitizenT } from './useCitizenT.ts';

interface Props {
  field: FormField;
  value: string;
  error?: string;
  /** Said under the label: where a prefilled value came from. */
  hint?: string;
  onChange: (value: string) => void;
}

/**
 * One field of the procedure's e-form, as the input its type calls for (as the desk's EFormField),
 * with a hint under the label so a prefilled value says where it came from.
 */
export function SubmitField({ field, value, error, hint, onChange }: Props) {
  const { t } = useCitizenT();
  const id = formFieldId(field.name);
  const label = field.required ? field.label : `${field.label} (${t('proc.fieldOptional')})`;
  switch (field.type) {
    case 'boolean':
      return (
        <ChoiceField
          id={id}
          legend={label}
          hint={hint}
          error={error}
          value={value}
          onChange={onChange}
          options={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
        />
      );
    case 'select': {
      const options = (field.options ?? []).map((o) => ({ value: o, label: o }));
      if (options.length <= 4)
        return (
          <ChoiceField
            id={id}
            legend={label}
            hint={hint}
            error={error}
            value={value}
            onChange={onChange}
            options={options}
            inline={false}
          />
        );
      return <SelectField id={id} label={label} hint={hint} error={error} value={value} onChange={onChange} options={options} />;
    }
    case 'date':
      return <DateField id={id} legend={label} hint={hint} error={error} value={value} onChange={onChange} />;
    case 'integer':
      return (
        <TextField
          id={id}
          label={label}
          hint={hint}
          error={error}
          inputClassName="input--w4"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'string':
      return (
        <TextField
          id={id}
          label={label}
          hint={hint}
          error={error}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

interface SelectProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  /** Text of the empty first option. */
  placeholder?: string;
}

/** A native select: long lists (communes, stored documents) stay usable on a phone. */
export function SelectField({ id, label, hint, error, value, options, onChange, placeholder }: SelectProps) {
  const { t } = useCitizenT();
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
      <select
        id={id}
        name={id}
        className={error ? 'input select input--error' : 'input select'}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{placeholder ?? t('citizen.submit.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
