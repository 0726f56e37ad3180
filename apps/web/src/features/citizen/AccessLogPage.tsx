import type { AccessLog, AccessLogEntry } from '@motcua/contracts';
import { Loading } from '../../components/Loading.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { withQuery } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { useLocation } from '../../router/useLocation.ts';
import { CitizenApiError, CitizenGate } from './CitizenGate.tsx';
import { CitizenNav } from './CitizenNav.tsx';
import { useCitizenT } from './useCitizenT.ts';
// The strings of these pages load with them, not with the public bundle.
import '../../i18n/messages-citizen.ts';

const PAGE_SIZE = 50;

/** "Ai đã truy cập dữ liệu của tôi" (Nghị định 13/2023/NĐ-CP): who read or downloaded my data, when and why. */
export function AccessLogPage() {
  return <CitizenGate>{() => <Access />}</CitizenGate>;
}

function Access() {
  const { t } = useCitizenT();
  const { query } = useLocation();
  const page = Math.max(1, Number.parseInt(query.get('trang') ?? '1', 10) || 1);
  const log = useApi<AccessLog>(withQuery('/api/v1/me/access-log', { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
  usePageTitle(t('citizen.access.title'));
  const pages = log.status === 'ok' ? Math.max(1, Math.ceil(log.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <h1 className="heading-l">{t('citizen.access.title')}</h1>
      <CitizenNav />
      <p className="lead">{t('citizen.access.lead')}</p>
      {log.status === 'loading' && <Loading />}
      {log.status === 'error' && <CitizenApiError title={t('citizen.access.errorTitle')} error={log.error} onRetry={log.retry} />}
      {log.status === 'ok' && log.data.items.length === 0 && <p className="secondary">{t('citizen.access.none')}</p>}
      {log.status === 'ok' && log.data.items.length > 0 && (
        // A list rather than a table: five facts per line do not fit a phone side by side.
        <ol className="access-list" id="access-log">
          {log.data.items.map((e, i) => (
            <AccessItem key={`${e.at}-${i}`} e={e} />
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav className="pagination" aria-label={t('search.pagination')}>
          {page > 1 && (
            <Link to={withQuery('/cong-dan/truy-cap', { trang: page - 1 })} rel="prev">
              ‹ {t('search.prev')}
            </Link>
          )}
          <span className="pagination__status">{t('search.page', { page, pages })}</span>
          {page < pages && (
            <Link to={withQuery('/cong-dan/truy-cap', { trang: page + 1 })} rel="next">
              {t('search.next')} ›
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

function AccessItem({ e }: { e: AccessLogEntry }) {
  const { t } = useCitizenT();
  const who =
    e.actor.kind === 'citizen' ? t('citizen.access.you') : e.actor.kind === 'system' ? t('citizen.access.system') : e.actor.name;
  const what =
    e.what.kind === 'dossier' ? (
      <>
        {t('citizen.access.dossier')} <Link to={`/cong-dan/ho-so/${encodeURIComponent(e.what.ref)}`}>{e.what.ref}</Link>
      </>
    ) : (
      t('citizen.access.document', { ref: e.what.ref })
    );
  return (
    <li className="access-list__item" data-actor={e.actor.kind} data-action={e.action}>
      <p className="access-list__who">
        <strong>{who}</strong>
        {e.actor.unitName && <span className="secondary"> — {e.actor.unitName}</span>}
      </p>
      <p className="access-list__what">
        {t(`citizen.access.action.${e.action}`)}: {what}
      </p>
      <p className="access-list__meta">
        <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {t('citizen.access.purpose', { purpose: e.purpose })}
      </p>
    </li>
  );
}
