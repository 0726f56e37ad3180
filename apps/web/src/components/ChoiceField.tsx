import { FieldMessages } from './FieldMessages.tsx';

interface Props {
  /** id of the first radio, so an error summary can move focus to the question. */
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  /** Side by side for two or three short answers. */
  inline?: boolean;
}

/** A question answered by one of a few options: radios in a fieldset, with hint and error, GOV.UK style. */
export function ChoiceField({ id, legend, hint, error, options, value, onChange, inline = options.length <= 3 }: Props) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="fieldset" aria-describedby={describedBy}>
        <legend className="fieldset__legend">{legend}</legend>
        <FieldMessages id={id} hint={hint} error={error} />
        <div className={inline ? 'radios radios--inline' : 'radios'}>
          {options.map((o, i) => (
            <div className="radios__item" key={o.value}>
              <input
                className="radios__input"
                type="radio"
                id={i === 0 ? id : `${id}-${i}`}
                name={id}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
              />
              <label className="radios__label" htmlFor={i === 0 ? id : `${id}-${i}`}>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
