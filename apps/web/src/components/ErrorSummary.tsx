import { useEffect, useRef, type MouseEvent } from 'react';
import { useT } from '../i18n/useT.ts';

export interface FieldError {
  /** id of the input the message is about */
  field: string;
  text: string;
}

/**
 * GOV.UK-style summary at the top of a form: takes focus when errors appear so it is read out first,
 * and each line moves focus to its field (without putting a #hash into the router's URL).
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);

  if (!errors.length) return null;

  function jump(e: MouseEvent<HTMLAnchorElement>, id: string) {
    const input = document.getElementById(id);
    if (!input) return;
    e.preventDefault();
    // The label sits above the input: show it too, as GOV.UK does.
    (document.querySelector(`label[for="${id}"]`) ?? input).scrollIntoView();
    input.focus({ preventScroll: true });
  }

  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        {t('common.problem')}
      </h2>
      <ul className="error-summary__list">
        {errors.map((err) => (
          <li key={err.field + err.text}>
            <a href={`#${err.field}`} onClick={(e) => jump(e, err.field)}>
              {err.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
