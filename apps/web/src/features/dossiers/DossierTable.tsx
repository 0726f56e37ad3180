import type { DossierSummary } from '@motcua/contracts';
import { useT } from '../../i18n/useT.ts';
import { formatDate } from '../../lib/format.ts';
import type { WorkCalendar } from '../../lib/working-days.ts';
import { Link } from '../../router/Link.tsx';
import { DeadlineText } from './DeadlineText.tsx';
import { StatusTag } from './StatusTag.tsx';

interface Props {
  caption: string;
  items: DossierSummary[];
  calendar: WorkCalendar | null;
}

/** Dossiers of a queue tab; on phones each row becomes a card whose cells say their column's name. */
export function DossierTable({ caption, items, calendar }: Props) {
  const { t } = useT();
  return (
    <table className="table table--stack table--queue">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('queue.col.code')}</th>
          <th scope="col">{t('queue.col.procedure')}</th>
          <th scope="col">{t('queue.col.applicant')}</th>
          <th scope="col">{t('queue.col.received')}</th>
          <th scope="col">{t('queue.col.due')}</th>
          <th scope="col">{t('queue.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.code} data-code={d.code}>
            <th scope="row" className="table__name">
              <Link to={`/can-bo/ho-so/${encodeURIComponent(d.code)}`} className="nowrap">
                {d.code}
              </Link>
            </th>
            <td data-label={t('queue.col.procedure')}>
              {d.procedureName}
              <span className="table__note secondary">{d.procedureCode}</span>
            </td>
            <td data-label={t('queue.col.applicant')}>{d.applicantName ?? '—'}</td>
            <td data-label={t('queue.col.received')}>
              {d.receivedAt ? (
                formatDate(d.receivedAt)
              ) : (
                <span className="secondary">{t('queue.sentOn', { date: formatDate(d.submittedAt) })}</span>
              )}
            </td>
            <td data-label={t('queue.col.due')}>
              <DeadlineText dossier={d} calendar={calendar} />
            </td>
            <td data-label={t('queue.col.status')}>
              <StatusTag status={d.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
