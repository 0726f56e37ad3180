import type { ApiError } from '../lib/api.ts';
import { describeError } from '../i18n/describe-error.ts';
import { useT } from '../i18n/useT.ts';

interface Props {
  title: string;
  error: ApiError;
  onRetry?: () => void;
}

/** A failed load, said plainly, with the server's reference for the help desk and a way to try again. */
export function ApiErrorNotice({ title, error, onRetry }: Props) {
  const i18n = useT();
  const { t } = i18n;
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice__title">{title}</h2>
      <p>{describeError(error, i18n)}</p>
      {error.requestId && <p className="secondary">{t('common.requestId', { id: error.requestId })}</p>}
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
