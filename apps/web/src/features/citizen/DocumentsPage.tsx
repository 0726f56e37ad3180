import { useState, type FormEvent } from 'react';
import type { DocumentList, DocumentView, ResultView } from '@motcua/contracts';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { toApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { withQuery } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { postFile } from './citizen-api.ts';
import { CitizenApiError, CitizenGate } from './CitizenGate.tsx';
import { CitizenNav } from './CitizenNav.tsx';
import { FileInput } from './ComponentChoice.tsx';
import { verifyPath } from './ResultDownloads.tsx';
import { MAX_BYTES } from './submit-check.ts';
import { useCitizenSession } from './useCitizenSession.ts';
import { useCitizenT } from './useCitizenT.ts';
// The strings of these pages load with them, not with the public bundle.
import '../../i18n/messages-citizen.ts';

/** "Giấy tờ của tôi": the personal electronic data store (Kho quản lý dữ liệu điện tử của cá nhân). */
export function DocumentsPage() {
  return <CitizenGate>{() => <Documents />}</CitizenGate>;
}

/** 1536 → "1,5 KB": sizes as a Vietnamese reader writes them. */
export function formatSize(bytes: number, lang: 'vi' | 'en'): string {
  const fmt = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} KB`;
  return `${fmt(bytes / 1024 / 1024)} MB`;
}

function Documents() {
  const { t } = useCitizenT();
  const results = useApi<{ items: ResultView[] }>('/api/v1/me/results');
  const docs = useApi<DocumentList>(withQuery('/api/v1/me/documents', { limit: 200 }));
  const [added, setAdded] = useState<DocumentView[]>([]);
  usePageTitle(t('citizen.docs.title'));

  // A signed result may also sit in the store as a "result" document: show it once, with the results.
  const resultHashes = new Set(results.status === 'ok' ? results.data.items.map((r) => r.documentSha256) : []);
  const loaded = docs.status === 'ok' ? docs.data.items : [];
  const items = [...added, ...loaded.filter((d) => !added.some((a) => a.id === d.id))].filter(
    (d) => !(d.kind === 'result' && resultHashes.has(d.sha256)),
  );

  return (
    <>
      <h1 className="heading-l">{t('citizen.docs.title')}</h1>
      <CitizenNav />
      <p className="lead">{t('citizen.docs.lead')}</p>

      <section aria-labelledby="results-title">
        <h2 className="heading-m" id="results-title">
          {t('citizen.docs.results')}
        </h2>
        {results.status === 'loading' && <Loading />}
        {results.status === 'error' && (
          <CitizenApiError title={t('citizen.result.errorTitle')} error={results.error} onRetry={results.retry} />
        )}
        {results.status === 'ok' && results.data.items.length === 0 && <p className="secondary">{t('citizen.docs.noResults')}</p>}
        {results.status === 'ok' && results.data.items.length > 0 && (
          <ul className="doc-list" id="my-results">
            {results.data.items.map((r) => (
              <li key={r.id} className="doc-list__item" data-result={r.id}>
                <h3 className="doc-list__title">{r.title}</h3>
                <p className="doc-list__meta">
                  {t('citizen.result.number', { number: r.number })} ·{' '}
                  {t('citizen.result.issued', { date: formatDateTime(r.issuedAt), unit: r.unitName })}
                  <br />
                  {t('citizen.docs.forDossier')}{' '}
                  <Link to={`/cong-dan/ho-so/${encodeURIComponent(r.dossierCode)}`}>{r.dossierCode}</Link>
                </p>
                {r.status === 'revoked' && (
                  <p className="error-message">{t('citizen.result.revoked', { reason: r.revokeReason ?? '' })}</p>
                )}
                <p className="doc-list__actions">
                  <a href={r.pdfUrl} download>
                    {t('citizen.result.downloadNamed', { title: r.number })}
                  </a>
                  <Link to={verifyPath(r.id)}>{t('citizen.result.verify')}</Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="docs-title">
        <h2 className="heading-m" id="docs-title">
          {t('citizen.docs.stored')}
        </h2>
        {docs.status === 'loading' && <Loading />}
        {docs.status === 'error' && (
          <CitizenApiError title={t('citizen.docs.errorTitle')} error={docs.error} onRetry={docs.retry} />
        )}
        {docs.status === 'ok' && items.length === 0 && <p className="secondary">{t('citizen.docs.none')}</p>}
        {items.length > 0 && (
          <ul className="doc-list" id="my-documents">
            {items.map((d) => (
              <DocumentItem key={d.id} d={d} />
            ))}
          </ul>
        )}
      </section>

      <UploadForm onUploaded={(d) => setAdded((old) => [d, ...old])} />
    </>
  );
}

function DocumentItem({ d }: { d: DocumentView }) {
  const { t, lang } = useCitizenT();
  return (
    <li className="doc-list__item" data-document={d.id}>
      <h3 className="doc-list__title">{d.title}</h3>
      <p className="doc-list__meta">
        <span className="tag tag--subtype">{t(`citizen.docs.kind.${d.kind}`)}</span> {d.fileName} ·{' '}
        {formatSize(d.sizeBytes, lang)} · {formatDate(d.createdAt)}
      </p>
      {d.usedIn.length > 0 && (
        <p className="doc-list__meta">
          {t('citizen.docs.usedIn')}{' '}
          {d.usedIn.map((u, i) => (
            <span key={`${u.dossierCode}-${i}`}>
              {i > 0 && ', '}
              <Link to={`/cong-dan/ho-so/${encodeURIComponent(u.dossierCode)}`}>{u.dossierCode}</Link>
            </span>
          ))}
        </p>
      )}
      <p className="doc-list__actions">
        <a href={d.downloadUrl} download>
          {t('citizen.docs.download', { title: d.title })}
        </a>
      </p>
    </li>
  );
}

/** Add a paper to the store (a scan or photo): PDF, PNG or JPEG, checked by the server from its content. */
function UploadForm({ onUploaded }: { onUploaded: (d: DocumentView) => void }) {
  const i18n = useCitizenT();
  const { t } = i18n;
  const { setSession } = useCitizenSession();
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // A new <input type=file> after each upload: the browser keeps the picked file otherwise.
  const [round, setRound] = useState(0);
  const errorFor = (id: string) => errors.find((e) => e.field === id)?.text;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setDone(null);
    const found: FieldError[] = [];
    if (!file) found.push({ field: 'upload-file', text: t('citizen.docs.errFile') });
    else if (file.size > MAX_BYTES) found.push({ field: 'upload-file', text: t('citizen.docs.errTooLarge') });
    setErrors(found);
    if (found.length || !file) return;
    setBusy(true);
    try {
      const d = await postFile<DocumentView>('/api/v1/me/documents', file, title.trim() ? { title: title.trim() } : {});
      onUploaded(d);
      setDone(d.title);
      setTitle('');
      setFile(null);
      setRound((n) => n + 1);
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.status === 401) setSession({ status: 'out' });
      else setErrors([{ field: 'upload-file', text: describeError(apiError, i18n) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="upload-title">
      <h2 className="heading-m" id="upload-title">
        {t('citizen.docs.upload')}
      </h2>
      <ErrorSummary errors={errors} />
      {done && (
        <div className="banner" role="status">
          <p className="banner__text">{t('citizen.docs.uploaded', { title: done })}</p>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <TextField
          id="upload-title-input"
          label={t('citizen.docs.titleLabel')}
          hint={t('citizen.docs.titleHint')}
          autoComplete="off"
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <FileInput
          key={round}
          id="upload-file"
          label={t('citizen.docs.fileLabel')}
          hint={t('citizen.submit.doc.fileHint')}
          error={errorFor('upload-file')}
          onChange={setFile}
        />
        <button type="submit" className="button" disabled={busy} aria-disabled={busy || undefined}>
          {busy ? t('citizen.docs.uploading') : t('citizen.docs.uploadButton')}
        </button>
      </form>
    </section>
  );
}
