import type { CampaignTimeliness, ProgressMetricInfo, ProgressRanking, ProgressUnit } from '@motcua/contracts';
import { formatDate } from '../../lib/format.ts';
import { formatPercent } from '../../lib/numbers.ts';
import { Link } from '../../router/Link.tsx';
import { BandTag, figure } from './DashboardParts.tsx';
import { useDashboardT } from './useDashboardT.ts';

interface UnitsProps {
  metric: ProgressMetricInfo;
  units: ProgressUnit[];
  caption: string;
  /** Link to the same dashboard opened on a unit (drill down). */
  hrefFor: (unitCode: string) => string;
}

/** The units below the one shown, with the chosen metric's figure, target and achievement. */
export function UnitsTable({ metric, units, caption, hrefFor }: UnitsProps) {
  const { t, lang } = useDashboardT();
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cdash.unit')}</th>
            <th scope="col" className="table__num">
              {t('cdash.value')}
            </th>
            <th scope="col" className="table__num">
              {t('cdash.target')}
            </th>
            <th scope="col">{t('cdash.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => {
            const v = u.metrics.find((x) => x.code === metric.code);
            return (
              <tr key={u.code}>
                <th scope="row" className="table__name">
                  {u.hasChildren ? (
                    <Link to={hrefFor(u.code)} aria-label={t('cdash.open', { unit: u.name })}>
                      {u.name}
                    </Link>
                  ) : (
                    u.name
                  )}
                </th>
                <td className="table__num" data-label={t('cdash.value')}>
                  {figure(metric.kind, v?.value ?? null, lang)}
                </td>
                <td className="table__num" data-label={t('cdash.target')}>
                  {figure(metric.kind, v?.target ?? null, lang)}
                </td>
                <td data-label={t('cdash.progress')}>
                  <BandTag progress={v?.progress ?? null} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Communes ranked by achievement (the API ranks; equal achievement shares a rank). */
export function RankingTable({
  metric,
  ranking,
  limit,
}: {
  metric: ProgressMetricInfo;
  ranking: ProgressRanking;
  limit: number;
}) {
  const { t, lang } = useDashboardT();
  const items = ranking.items.filter((i) => i.progress !== null).slice(0, limit);
  if (items.length === 0) return <p className="notice">{t('cdash.rankingEmpty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="table__caption">
          {t('cdash.rankingCaption', { metric: lang === 'vi' ? metric.nameVi : metric.nameEn })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="table__num">
              {t('cdash.rank')}
            </th>
            <th scope="col">{t('cdash.unit')}</th>
            <th scope="col" className="table__num">
              {t('cdash.value')}
            </th>
            <th scope="col">{t('cdash.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.code}>
              <td className="table__num" data-label={t('cdash.rank')}>
                {i.rank}
              </td>
              <th scope="row" className="table__name">
                {i.name}
              </th>
              <td className="table__num" data-label={t('cdash.value')}>
                {figure(metric.kind, i.value, lang)} / {figure(metric.kind, i.target, lang)}
              </td>
              <td data-label={t('cdash.progress')}>
                <BandTag progress={i.progress} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** DHIS2-style reporting rates per partner, with the periods still missing. */
export function TimelinessTable({ data }: { data: CampaignTimeliness }) {
  const { t, lang } = useDashboardT();
  if (data.items.length === 0) return <p>{t('cdash.noPartners')}</p>;
  const num = (label: Parameters<typeof t>[0], n: number | string) => (
    <td className="table__num" data-label={t(label)}>
      {n}
    </td>
  );
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="table__caption">{t('cdash.timelinessCaption', { date: formatDate(data.asOf) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cdash.partner')}</th>
            <th scope="col">{t('cdash.cadence')}</th>
            <th scope="col" className="table__num">
              {t('cdash.expected')}
            </th>
            <th scope="col" className="table__num">
              {t('cdash.received')}
            </th>
            <th scope="col" className="table__num">
              {t('cdash.onTime')}
            </th>
            <th scope="col" className="table__num">
              {t('cdash.completeness')}
            </th>
            <th scope="col" className="table__num">
              {t('cdash.timelinessRate')}
            </th>
            <th scope="col">{t('cdash.missing')}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((p) => (
            <tr key={p.partnerId}>
              <th scope="row" className="table__name">
                {p.unitName}
              </th>
              <td data-label={t('cdash.cadence')}>{t(`cdash.cadence.${p.cadence}`)}</td>
              {num('cdash.expected', p.expected)}
              {num('cdash.received', p.received)}
              {num('cdash.onTime', p.onTime)}
              {num('cdash.completeness', formatPercent(p.completeness, lang))}
              {num('cdash.timelinessRate', formatPercent(p.timeliness, lang))}
              <td data-label={t('cdash.missing')}>
                {p.missing.length === 0
                  ? t('cdash.none')
                  : p.missing
                      .map((m) => t('cdash.missingItem', { end: formatDate(m.periodEnd), due: formatDate(m.dueDate) }))
                      .join('; ')}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row" className="table__name">
              {t('cdash.total')}
            </th>
            <td data-label={t('cdash.cadence')} />
            {num('cdash.expected', data.total.expected)}
            {num('cdash.received', data.total.received)}
            {num('cdash.onTime', data.total.onTime)}
            {num('cdash.completeness', formatPercent(data.total.completeness, lang))}
            {num('cdash.timelinessRate', formatPercent(data.total.timeliness, lang))}
            <td data-label={t('cdash.missing')} />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
