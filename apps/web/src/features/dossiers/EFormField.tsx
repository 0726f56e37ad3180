import type { FormField } from '@motcua/contracts';
import { ChoiceField } from '../../components/ChoiceField.tsx';
import { DateField } from '../../components/DateField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useT } from '../../i18n/useT.ts';
import { formFieldId } from './intake-check.ts';

interface Props {
  field: FormField;
  value: string;
  error?: string;
  /** Said under the label (the citizen form: where a prefilled value came from). */
  hint?: string;
  /** Few choices as stacked radios rather than side by side. */
  stackChoices?: boolean;
  /** Empty option of a long list; "Chọn…" by default. */
  placeholder?: string;
  onChange: (value: string) => void;
}

/**
 * One field of a procedure's e-form, as the input its type calls for; optional fields say so (GOV.UK).
 * The desk's intake form and the citizen's online form both use it.
 */
export function EFormField({ field, value, error, hint, stackChoices, placeholder, onChange }: Props) {
  const { t } = useT();
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
            inline={stackChoices ? false : undefined}
          />
        );
      return (
        <SelectField
          id={id}
          label={label}
          hint={hint}
          error={error}
          value={value}
          onChange={onChange}
          options={options}
          placeholder={placeholder ?? t('intake.choose')}
        />
      );
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
