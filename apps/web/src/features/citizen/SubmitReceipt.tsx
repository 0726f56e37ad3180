import { useEffect, useRef } from 'react';
import type { DossierTracking } from '@motcua/contracts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Link } from '../../router/Link.tsx';
import { useCitizenT } from './useCitizenT.ts';

/** The receipt of an online submission: the dossier code first, then what happens next. */
export function SubmitReceipt({ d }: { d: DossierTracking }) {
  const { t } = useCitizenT();
  const ref = useRef<HTMLDivElement>(null);
  usePageTitle(t('citizen.receipt.title'));

  useEffect(() => {
    window.scrollTo(0, 0);
    ref.current?.focus();
  }, []);

  return (
    <>
      <div className="panel" ref={ref} tabIndex={-1} role="status" aria-labelledby="receipt-title">
        <h1 className="panel__title heading-l" id="receipt-title">
          {t('citizen.receipt.title')}
        </h1>
        <p>{t('citizen.receipt.code')}</p>
        <p className="panel__big panel__big--code" id="receipt-code">
          {d.code}
        </p>
      </div>
      <p>{t('citizen.receipt.body', { procedure: d.procedureName })}</p>
      <p>{t('citizen.receipt.next')}</p>
      <ul className="plain-list link-list">
        <li>
          <Link to={`/cong-dan/ho-so/${encodeURIComponent(d.code)}`}>{t('citizen.receipt.open', { code: d.code })}</Link>
        </li>
        <li>
          <Link to="/cong-dan">{t('citizen.receipt.mine')}</Link>
        </li>
      </ul>
    </>
  );
}
