import type { ProcedureSummary } from '@motcua/contracts';
import { OnlineLevelTag } from '../../components/OnlineLevelTag.tsx';
import { useT } from '../../i18n/useT.ts';
import { Link } from '../../router/Link.tsx';
import { feeSummary, processingText } from './catalog-format.ts';

/** One search result: the name as the link, then the facts a citizen compares procedures by. */
export function ProcedureResult({ procedure: p }: { procedure: ProcedureSummary }) {
  const { t } = useT();
  return (
    <li className="result">
      <h3 className="result__title">
        <Link to={`/thu-tuc/${encodeURIComponent(p.code)}`}>{p.name}</Link>
      </h3>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('proc.code')}</dt>
          <dd>{p.code}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('proc.field')}</dt>
          <dd>{p.field}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('proc.agency')}</dt>
          <dd>
            {p.agencyName} <span className="secondary">({t(`level.${p.level}`)})</span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('proc.time')}</dt>
          <dd>{processingText(p.processing, t)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('online.label')}</dt>
          <dd>
            <OnlineLevelTag level={p.onlineLevel} />
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('proc.fee')}</dt>
          <dd>{feeSummary(p, t)}</dd>
        </div>
      </dl>
    </li>
  );
}
