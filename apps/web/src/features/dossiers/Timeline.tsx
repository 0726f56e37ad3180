import type { DossierEventView } from '@motcua/contracts';
import { isMessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { formatDateTime } from '../../lib/format.ts';

/** Facts of an event worth a line of their own (the new promised date, the unit sent to, …). */
function detailLine(e: DossierEventView, t: ReturnType<typeof useT>['t']): string | null {
  const d = e.details;
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  if (e.action === 'received' && str('dueAt')) return t('timeline.dueAt', { date: formatDateTime(str('dueAt')!) });
  if (e.action === 'supplement_provided' && str('dueAt')) {
    return t('timeline.shifted', { n: Number(d.waitedWorkingDays ?? 0), date: formatDateTime(str('dueAt')!) });
  }
  if (e.action === 'apology' && str('newDueAt')) return t('timeline.newDueAt', { date: formatDateTime(str('newDueAt')!) });
  if (e.action === 'transferred' && str('toUnitName')) return t('timeline.toUnit', { unit: str('toUnitName')! });
  if (e.action === 'assigned' && str('staffName')) return t('timeline.assignedTo', { name: str('staffName')! });
  return null;
}

/** The dossier's history, oldest first: who did what and when, the status change and the reason. */
export function Timeline({ events }: { events: DossierEventView[] }) {
  const { t } = useT();
  return (
    <ol className="timeline" aria-label={t('dossier.timeline')}>
      {events.map((e, i) => {
        const key = `event.${e.action}`;
        const who = e.actor.name ?? t(`actor.${e.actor.kind}`);
        const detail = detailLine(e, t);
        return (
          <li key={i} className="timeline__item" data-action={e.action}>
            <h3 className="timeline__title">{isMessageKey(key) ? t(key) : e.action}</h3>
            <p className="timeline__meta">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {who}
            </p>
            <p className="timeline__status">
              {e.fromStatus && e.fromStatus !== e.toStatus ? (
                <>
                  {t(`status.${e.fromStatus}`)} <span aria-hidden="true">→</span>
                  <span className="visually-hidden">{` ${t('timeline.to')}`}</span> {t(`status.${e.toStatus}`)}
                </>
              ) : (
                t(`status.${e.toStatus}`)
              )}
            </p>
            {e.reason && <p className="timeline__reason">{t('timeline.reason', { reason: e.reason })}</p>}
            {detail && <p className="timeline__detail">{detail}</p>}
          </li>
        );
      })}
    </ol>
  );
}
