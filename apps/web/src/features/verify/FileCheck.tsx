import { useState, type FormEvent } from 'react';
import type { ResultFileVerification } from '@motcua/contracts';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { toApiError } from '../../lib/api.ts';
import { Link } from '../../router/Link.tsx';
import { postRaw } from '../citizen/citizen-api.ts';
import { useVerifyT } from './useVerifyT.ts';

const MAX_BYTES = 10 * 1024 * 1024;
const FILE_ID = 'verify-file';

/**
 * "Kiểm tra tệp": the PDF goes to the API as the request body and is compared there with the issued
 * copy (SHA-256) and its embedded signature; nothing is stored. The answer is said in large words.
 */
export function FileCheck({ id }: { id: string | null }) {
  const i18n = useVerifyT();
  const { t } = i18n;
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ResultFileVerification | null>(null);
  const error = errors[0]?.text;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setAnswer(null);
    const found = !file
      ? [{ field: FILE_ID, text: t('verify.file.errFile') }]
      : file.size > MAX_BYTES
        ? [{ field: FILE_ID, text: t('verify.file.errSize') }]
        : [];
    setErrors(found);
    if (found.length || !file) return;
    setBusy(true);
    try {
      const path = id ? `/api/v1/verify/${encodeURIComponent(id)}/file` : '/api/v1/verify/file';
      setAnswer(await postRaw<ResultFileVerification>(path, file, 'application/pdf'));
    } catch (err) {
      setErrors([{ field: FILE_ID, text: describeError(toApiError(err), i18n) }]);
    } finally {
      setBusy(false);
    }
  }

  const describedBy = [`${FILE_ID}-hint`, error && `${FILE_ID}-error`].filter(Boolean).join(' ');
  return (
    <section aria-labelledby="file-check-title" className="file-check">
      <h2 className="heading-m" id="file-check-title">
        {t('verify.file.title')}
      </h2>
      <ErrorSummary errors={errors} />
      <p>{id ? t('verify.file.lead') : t('verify.file.leadNoId')}</p>
      <form onSubmit={submit} noValidate>
        <div className={error ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor={FILE_ID}>
            {t('verify.file.label')}
          </label>
          <div className="hint" id={`${FILE_ID}-hint`}>
            {t('verify.file.hint')}
          </div>
          {error && (
            <p className="error-message" id={`${FILE_ID}-error`}>
              <span className="visually-hidden">{t('common.errorPrefix')} </span>
              {error}
            </p>
          )}
          <input
            id={FILE_ID}
            name={FILE_ID}
            type="file"
            accept="application/pdf,.pdf"
            className={error ? 'file-input input--error' : 'file-input'}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setAnswer(null);
            }}
          />
        </div>
        <button type="submit" className="button" disabled={busy} aria-disabled={busy || undefined}>
          {busy ? t('verify.file.busy') : t('verify.file.submit')}
        </button>
      </form>
      <div aria-live="polite">{answer && <FileAnswer a={answer} withLink={!id} />}</div>
    </section>
  );
}

const FILE_MARK = { valid: '✓', invalid: '✕', revoked: '✕', not_found: '?' } as const;

function FileAnswer({ a, withLink }: { a: ResultFileVerification; withLink: boolean }) {
  const { t } = useVerifyT();
  const title =
    a.status === 'valid'
      ? t('verify.file.valid')
      : a.status === 'invalid'
        ? t('verify.file.invalid')
        : a.status === 'revoked'
          ? t('verify.file.revoked')
          : t('verify.file.notFound');
  const checks = [
    ['sameFile', a.checks.sameFile],
    ['signatureValid', a.checks.signatureValid],
    ['certificateTrusted', a.checks.certificateTrusted],
  ] as const;
  return (
    <div className={`verify-status verify-status--file-${a.status}`} id="file-check-result" data-status={a.status}>
      <h3 className="verify-status__title">
        <span aria-hidden="true" className="verify-status__mark">
          {FILE_MARK[a.status]}
        </span>{' '}
        {title}
      </h3>
      {a.status === 'valid' && <p className="verify-status__body">{t('verify.file.validBody')}</p>}
      {a.status === 'invalid' && <p className="verify-status__body">{t('verify.file.invalidBody')}</p>}
      {a.reason && <p className="verify-status__body">{a.reason}</p>}
      <h4 className="verify-status__sub">{t('verify.file.checks')}</h4>
      <ul className="plain-list verify-checks">
        {checks.map(([key, ok]) => (
          <li key={key} data-check={key} data-ok={ok}>
            <span aria-hidden="true">{ok ? '✓' : '✕'} </span>
            {t(`verify.file.${key}`)}: <strong>{ok ? t('verify.file.pass') : t('verify.file.fail')}</strong>
          </li>
        ))}
      </ul>
      <p className="verify-status__id">
        {t('verify.file.uploadedSha256')}: <code className="hash">{a.uploadedSha256}</code>
      </p>
      {withLink && a.document?.id && a.document.number && (
        <p>
          <Link to={`/xac-thuc/${encodeURIComponent(a.document.id)}`}>
            {t('verify.file.open', { number: a.document.number })}
          </Link>
        </p>
      )}
    </div>
  );
}
