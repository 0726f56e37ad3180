import type { DossierView, ResultView } from '@motcua/contracts';
import { Loading } from '../../components/Loading.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { Link } from '../../router/Link.tsx';
import { CitizenApiError } from './CitizenGate.tsx';
import { useCitizenT } from './useCitizenT.ts';

/** The path of the public verification page of a result (the QR code's address is /verify/<id>). */
export const verifyPath = (id: string) => `/xac-thuc/${encodeURIComponent(id)}`;

/** Whether the history says an electronic result was signed for this dossier. */
function hasSignedResult(d: DossierView): boolean {
  return d.events.some((e) => e.action === 'result_issued' && typeof e.details.resultId === 'string');
}

/** The signed electronic result(s) of the dossier: download the PDF, or open its public verification. */
export function ResultDownloads({ d }: { d: DossierView }) {
  const { t } = useCitizenT();
  // Only asked once the history names a result: most dossiers on this page have none yet.
  const results = useApi<{ items: ResultView[] }>(hasSignedResult(d) ? '/api/v1/me/results' : null);
  if (results.status === 'idle') {
    return d.status === 'result_issued' || d.status === 'returned' ? <p>{t('citizen.result.paper')}</p> : null;
  }
  if (results.status === 'loading') return <Loading />;
  if (results.status === 'error')
    return <CitizenApiError title={t('citizen.result.errorTitle')} error={results.error} onRetry={results.retry} />;
  const mine = results.data.items.filter((r) => r.dossierCode === d.code);
  if (!mine.length) return null;
  return (
    <div className="result-box" id="result-box">
      <h3 className="heading-s">{t('citizen.result.title')}</h3>
      <ul className="plain-list">
        {mine.map((r) => (
          <li key={r.id} className="result-box__item" data-result={r.id}>
            <p>
              <strong>{r.title}</strong> — {t('citizen.result.number', { number: r.number })}
              <br />
              <span className="secondary">
                {t('citizen.result.issued', { date: formatDateTime(r.issuedAt), unit: r.unitName })}
              </span>
            </p>
            {r.status === 'revoked' ? (
              <p className="error-message">{t('citizen.result.revoked', { reason: r.revokeReason ?? '' })}</p>
            ) : (
              // A plain link: the browser downloads the signed PDF with its session cookie.
              <a className="button" href={r.pdfUrl} download>
                {t('citizen.result.download')}
              </a>
            )}{' '}
            <Link to={verifyPath(r.id)}>{t('citizen.result.verify')}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
