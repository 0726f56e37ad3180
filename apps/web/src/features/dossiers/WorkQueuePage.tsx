import { useMemo } from 'react';
import type { StaffView } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT } from '../../i18n/useT.ts';
import { vnDateOf, vnToday } from '../../lib/format.ts';
import { formatCount } from '../../lib/numbers.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Link } from '../../router/Link.tsx';
import { useLocation } from '../../router/useLocation.ts';
import { DOSSIER_INTAKE, DOSSIER_READ, hasAnyRole } from '../staff/staff-roles.ts';
import { StaffGate } from '../staff/StaffGate.tsx';
import { DossierTable } from './DossierTable.tsx';
import { QUEUE_TABS, useWorkQueue, type QueueSlug } from './useWorkQueue.ts';
import { useWorkCalendar } from './useWorkCalendar.ts';
// The strings of these pages load with them, not with the public bundle.
import '../../i18n/messages-dossiers.ts';
import '../../i18n/messages-intake.ts';

const DEFAULT_TAB: QueueSlug = 'dang-xu-ly';

/** The officer's work queue: dossiers of their unit by stage and by deadline, nearest deadline first. */
export function WorkQueuePage() {
  return <StaffGate roles={DOSSIER_READ}>{(staff) => <WorkQueue staff={staff} />}</StaffGate>;
}

function WorkQueue({ staff }: { staff: StaffView }) {
  const { lang, t } = useT();
  const { query } = useLocation();
  const slug: QueueSlug = QUEUE_TABS.find((tab) => tab.slug === query.get('loc'))?.slug ?? DEFAULT_TAB;
  const queue = useWorkQueue();
  const current = queue.status === 'ok' ? queue.tabs.find((tab) => tab.slug === slug) : undefined;
  const dates = useMemo(
    () => [vnToday(), ...(current?.items ?? []).flatMap((d) => (d.dueAt ? [vnDateOf(d.dueAt)] : []))],
    [current],
  );
  const calendar = useWorkCalendar(dates);
  usePageTitle(`${t(`queue.tab.${slug}`)} — ${t('queue.title')}`);

  return (
    <>
      <span className="caption">{staff.unitName}</span>
      <h1 className="heading-l">{t('queue.title')}</h1>
      {hasAnyRole(staff, DOSSIER_INTAKE) && (
        <p>
          <Link to="/can-bo/tiep-nhan">{t('queue.toIntake')}</Link>
        </p>
      )}

      <nav className="sub-nav" aria-label={t('queue.tabs')}>
        <ul className="sub-nav__list">
          {QUEUE_TABS.map((tab) => {
            const count = queue.status === 'ok' ? queue.tabs.find((x) => x.slug === tab.slug)?.total : undefined;
            return (
              <li key={tab.slug} className="sub-nav__item">
                <Link
                  to={`/can-bo/ho-so?loc=${tab.slug}`}
                  className="sub-nav__link"
                  aria-current={tab.slug === slug ? 'page' : undefined}
                >
                  {t(`queue.tab.${tab.slug}`)}
                  {count !== undefined && (
                    <>
                      {' '}
                      <span className="count" data-count={count}>
                        {formatCount(count, lang)}
                      </span>
                    </>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <h2 className="heading-m">{t(`queue.tab.${slug}`)}</h2>
      <p className="secondary">{t(`queue.hint.${slug}`)}</p>
      {queue.status === 'loading' && <Loading />}
      {queue.status === 'error' && <ApiErrorNotice title={t('queue.errorTitle')} error={queue.error} onRetry={queue.retry} />}
      {current && current.total === 0 && <p className="notice">{t('queue.empty')}</p>}
      {current && current.items.length > 0 && (
        <>
          {current.total > current.items.length && (
            <p className="notice">
              {t('queue.truncated', { shown: formatCount(current.items.length, lang), total: formatCount(current.total, lang) })}
            </p>
          )}
          <DossierTable caption={t(`queue.tab.${slug}`)} items={current.items} calendar={calendar} />
        </>
      )}
    </>
  );
}
