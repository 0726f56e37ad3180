import type { FormField } from '@motcua/contracts';
import { ChoiceField } from '../../components/ChoiceField.tsx';
import { DateField } from '../../components/DateField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useT } from '../../i18n/useT.ts';
import { formFieldId } from './intake-check.ts';

interface Props {
  field: FormField;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/** One field of a procedure's e-form, as the input its type calls for; optional fields say so (GOV.UK). */
export function EFormField({ field, value, error, onChange }: Props) {
  const { t } = useT();
  const id = formFieldId(field.name);
  const label = field.required ? field.label : `${field.label} (${t('proc.fieldOptional')})`;
  switch (field.type) {
    case 'boolean':
      return (
        <ChoiceField
          id={id}
          legend={label}
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
        return <ChoiceField id={id} legend={label} error={error} value={value} onChange={onChange} options={options} />;
      return <SelectField id={id} label={label} error={error} value={value} onChange={onChange} options={options} />;
    }
    case 'date':
      return <DateField id={id} legend={label} error={error} value={value} onChange={onChange} />;
    case 'integer':
      return (
        <TextField
          id={id}
          label={label}
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
  error?: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}

function SelectField({ id, label, error, value, options, onChange }: SelectProps) {
  const { t } = useT();
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
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
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('intake.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
