import { useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { FieldMessages } from './FieldMessages.tsx';

interface Props {
  /** id of the day input, so an error summary can move focus to the question. */
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  /** "YYYY-MM-DD", or "" when empty. */
  value: string;
  /** A complete date as "YYYY-MM-DD"; "" when all three boxes are empty; otherwise the boxes as typed ("31/2/"). */
  onChange: (value: string) => void;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "31", "2", "2025" → "2025-02-31" only if such a day exists. */
function compose(d: string, m: string, y: string): string {
  if (!d && !m && !y) return '';
  const iso = `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const ok =
    /^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);
  return ok ? iso : `${d}/${m}/${y}`;
}

/**
 * A date as three boxes, day then month then year (the GOV.UK date input): the order a Vietnamese
 * reader writes, whatever language the phone's date picker would use.
 */
export function DateField({ id, legend, hint, error, value, onChange }: Props) {
  const { t } = useT();
  const m = ISO.exec(value);
  const [parts, setParts] = useState({ d: m ? String(Number(m[3])) : '', m: m ? String(Number(m[2])) : '', y: m?.[1] ?? '' });
  const describedBy = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');

  function set(part: 'd' | 'm' | 'y', v: string) {
    const next = { ...parts, [part]: v.trim() };
    setParts(next);
    onChange(compose(next.d, next.m, next.y));
  }

  const box = (part: 'd' | 'm' | 'y', boxId: string, label: string, width: string, max: number) => (
    <div className="date-input__item">
      <label className="label date-input__label" htmlFor={boxId}>
        {label}
      </label>
      <input
        id={boxId}
        name={boxId}
        className={['input', width, error && 'input--error'].filter(Boolean).join(' ')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={max}
        aria-invalid={error ? true : undefined}
        value={parts[part]}
        onChange={(e) => set(part, e.target.value)}
      />
    </div>
  );

  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="fieldset" role="group" aria-describedby={describedBy}>
        <legend className="fieldset__legend">{legend}</legend>
        <FieldMessages id={id} hint={hint ?? t('date.hint')} error={error} />
        <div className="date-input">
          {box('d', id, t('date.day'), 'input--w2', 2)}
          {box('m', `${id}-month`, t('date.month'), 'input--w2', 2)}
          {box('y', `${id}-year`, t('date.year'), 'input--w4', 4)}
        </div>
      </fieldset>
    </div>
  );
}
