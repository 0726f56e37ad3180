import type { DossierSummary } from '@motcua/contracts';
import { useT } from '../../i18n/useT.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { WorkCalendar } from '../../lib/working-days.ts';
import { deadlineOf, type Deadline } from './deadline.ts';

interface Props {
  dossier: Pick<DossierSummary, 'dueAt' | 'status' | 'late' | 'finishedAt'>;
  calendar: WorkCalendar | null;
}

/** The promised date as dd/mm/yyyy HH:mm and, below it, the working days left or the delay in words. */
export function DeadlineText({ dossier, calendar }: Props) {
  const { t } = useT();
  if (!dossier.dueAt) return <span className="secondary">{t('deadline.none')}</span>;
  const deadline = deadlineOf(dossier, calendar);
  return (
    <>
      <span className="nowrap">{formatDateTime(dossier.dueAt)}</span>
      {deadline && <DeadlineNote deadline={deadline} />}
    </>
  );
}

function DeadlineNote({ deadline }: { deadline: Deadline }) {
  const { t } = useT();
  switch (deadline.kind) {
    case 'left':
      return <span className="deadline">{t('deadline.left', { n: deadline.days })}</span>;
    case 'today':
      return (
        <strong className="deadline deadline--warn">
          <span aria-hidden="true">⏰ </span>
          {t('deadline.today')}
        </strong>
      );
    case 'overdue':
      return (
        <strong className="deadline deadline--late">
          <span aria-hidden="true">⚠ </span>
          {deadline.days > 0 ? t('deadline.overdue', { n: deadline.days }) : t('deadline.overdueToday')}
        </strong>
      );
    case 'paused':
      return (
        <span className="deadline">
          <span aria-hidden="true">⏸ </span>
          {t('deadline.paused')}
        </span>
      );
    case 'done':
      return deadline.late ? (
        <strong className="deadline deadline--late">
          <span aria-hidden="true">⚠ </span>
          {t('deadline.doneLate')}
        </strong>
      ) : (
        <span className="deadline">
          <span aria-hidden="true">✓ </span>
          {t('deadline.doneOnTime')}
        </span>
      );
  }
}
