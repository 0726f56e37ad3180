import { useSession } from '../staff/useSession.ts';
import { useNotices } from './notices-store.ts';
import { useNoticesT } from './useNoticesT.ts';
import './notices.css';

/**
 * The unread count beside "Trang cán bộ" in the header. Asks the API only once a staff session is
 * known (a staff page has checked it): public pages of an anonymous visitor never fetch it.
 */
export function UnreadNotices() {
  const { t } = useNoticesT();
  const { session } = useSession();
  const notices = useNotices(session.status === 'in' ? session.staff.id : null);
  const n = notices.status === 'ok' ? notices.data.unread : 0;
  if (n === 0) return null;
  return (
    <span className="notices-count">
      <span aria-hidden="true">{n > 99 ? '99+' : n}</span>
      <span className="visually-hidden"> ({t('notices.unread', { n })})</span>
    </span>
  );
}
