import { useT } from '../i18n/useT.ts';

/** The hint and the error of a question, with the ids its control's aria-describedby points at. */
export function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  const { t } = useT();
  return (
    <>
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
    </>
  );
}
