import { useEffect, useRef } from 'react';
import type { DossierView } from '@motcua/contracts';
import { useT } from '../../i18n/useT.ts';
import { formatDateTime, formatWeekday } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Link } from '../../router/Link.tsx';

/** The receipt the officer reads out and prints: the code and the promised date-time, nothing else first. */
export function IntakeReceipt({ d, onAnother }: { d: DossierView; onAnother: () => void }) {
  const { lang, t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  usePageTitle(t('intake.doneTitle'));

  useEffect(() => {
    window.scrollTo(0, 0);
    ref.current?.focus();
  }, []);

  return (
    <>
      <div className="panel" ref={ref} tabIndex={-1} role="status" aria-labelledby="intake-done">
        <h1 className="panel__title heading-l" id="intake-done">
          {t('intake.doneTitle')}
        </h1>
        <p>{t('intake.code')}</p>
        <p className="panel__big panel__big--code" id="intake-code">
          {d.code}
        </p>
        <p>{t('intake.dueAt')}</p>
        <p className="panel__big" id="intake-due">
          {d.dueAt ? formatDateTime(d.dueAt) : '—'}
        </p>
        {d.dueAt && <p>{formatWeekday(d.dueAt, lang)}</p>}
      </div>
      <p>{t('intake.doneBody', { procedure: d.procedureName })}</p>
      <ul className="plain-list link-list">
        <li>
          <Link to={`/can-bo/ho-so/${encodeURIComponent(d.code)}`}>{t('intake.openDossier', { code: d.code })}</Link>
        </li>
        <li>
          <Link to="/can-bo/tiep-nhan" onClick={onAnother}>
            {t('intake.another')}
          </Link>
        </li>
      </ul>
    </>
  );
}
