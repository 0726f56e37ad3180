import { useRef, useState } from 'react';
import type { StaffNotice, StaffView } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { Link } from '../../router/Link.tsx';
import { loadNotices, markNoticeRead, useNotices } from './notices-store.ts';
import { useNoticesT } from './useNoticesT.ts';
import './notices.css';

/**
 * "Thông báo" on the staff home page: the unread reminders (report due, households still to visit),
 * newest first, each with its date, a link to the page it concerns and a "Đã đọc" button.
 */
export function NoticesPanel({ staff }: { staff: StaffView }) {
  const { t } = useNoticesT();
  const notices = useNotices(staff.id, { refresh: true });
  const heading = useRef<HTMLHeadingElement>(null);
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState<number | null>(null);
  const [failed, setFailed] = useState<number | null>(null);

  async function read(n: StaffNotice) {
    setBusy(n.id);
    setFailed(null);
    try {
      await markNoticeRead(n.id);
      setSaid(t('notices.marked', { title: n.title }));
      // The button goes away with its notice: keep the keyboard in the panel.
      heading.current?.focus();
    } catch {
      setFailed(n.id);
    } finally {
      setBusy(null);
    }
  }

  const unread = notices.status === 'ok' ? notices.data.items.filter((n) => n.readAt === null) : [];
  return (
    <section className="notices" aria-labelledby="notices-title">
      <h2 className="heading-m" id="notices-title" ref={heading} tabIndex={-1}>
        {t('notices.title')}
      </h2>
      <p className="visually-hidden" role="status">
        {said}
      </p>
      {(notices.status === 'loading' || notices.status === 'idle') && <Loading />}
      {notices.status === 'error' && (
        <ApiErrorNotice title={t('notices.errorTitle')} error={notices.error} onRetry={() => void loadNotices(staff.id)} />
      )}
      {notices.status === 'ok' && unread.length === 0 && <p className="notices__empty">{t('notices.empty')}</p>}
      {unread.length > 0 && (
        <ul className="notices__list">
          {unread.map((n) => (
            <li key={n.id} className="notices__item" data-notice={n.id}>
              <p className="notices__meta">
                <strong className="tag tag--subtype">{t(`notices.kind.${n.kind}`)}</strong>{' '}
                <span className="secondary">{t('notices.at', { at: formatDateTime(n.createdAt) })}</span>
              </p>
              <h3 className="notices__title">{n.title}</h3>
              <p className="notices__body">{n.body}</p>
              {n.link && n.link.startsWith('/') && (
                <p className="notices__link">
                  <Link to={n.link}>{n.campaignCode ? t('notices.open', { code: n.campaignCode }) : t('notices.openPage')}</Link>
                </p>
              )}
              {failed === n.id && (
                <p className="error-message" role="alert">
                  {t('notices.markFailed')}
                </p>
              )}
              <button
                type="button"
                className="button button--secondary notices__read"
                disabled={busy === n.id}
                // The visible words first, then which notice (WCAG 2.5.3: the label is in the name).
                aria-label={t('notices.markReadOf', { title: n.title })}
                onClick={() => void read(n)}
              >
                {t('notices.markRead')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
