import { useState, type FormEvent } from 'react';
import type {
  CampaignDetail,
  CampaignProgress,
  CampaignTimeliness,
  ProgressForecast,
  ProgressRanking,
  Role,
  StaffView,
} from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { Loading } from '../../components/Loading.tsx';
import { formatDate, vnToday } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Link } from '../../router/Link.tsx';
import { navigate, withQuery } from '../../router/history.ts';
import { useLocation } from '../../router/useLocation.ts';
import { CampaignNav } from '../campaigns/CampaignNav.tsx';
import { StaffGate } from '../staff/StaffGate.tsx';
import { ForecastList, HeadlineCards, Legend } from './DashboardParts.tsx';
import { RankingTable, TimelinessTable, UnitsTable } from './DashboardTables.tsx';
import { SeriesSection, STEP_PARAM, stepOf } from './SeriesSection.tsx';
import { useDashboardT } from './useDashboardT.ts';
// The dashboard's strings load with it, not with the public bundle.
import '../../i18n/messages-campaign-dashboard.ts';
import './dashboard.css';

/** Who may open the dashboard: a copy of the API's campaign.read (partners see their reports elsewhere). */
const PROGRESS_READ: readonly Role[] = ['campaign_coordinator', 'monitor', 'approver', 'admin'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const RANKING_SHOWN = 10;

/** /can-bo/chien-dich/:code — progress against targets, by unit, ranking, forecast, partner reporting, files. */
export function CampaignDashboardPage({ code }: { code: string }) {
  return <StaffGate roles={PROGRESS_READ}>{(staff) => <Dashboard code={code} staff={staff} />}</StaffGate>;
}

function Dashboard({ code, staff }: { code: string; staff: StaffView }) {
  const { t, lang } = useDashboardT();
  const { query } = useLocation();
  const asked = query.get('ngay') ?? '';
  const asOf = ISO.test(asked) ? asked : vnToday();
  const unit = query.get('don-vi') ?? undefined;
  const base = `/api/v1/campaigns/${encodeURIComponent(code)}`;
  const campaign = useApi<CampaignDetail>(base);
  const progress = useApi<CampaignProgress>(withQuery(`${base}/progress`, { asOf, unit }));
  const metrics = progress.status === 'ok' ? progress.data.metrics : [];
  const metricCode =
    metrics.find((m) => m.code === query.get('chi-tieu'))?.code ?? defaultMetric(progress.status === 'ok' ? progress.data : null);
  const allRanks = query.get('xep-hang') === 'tat-ca';
  const ranking = useApi<ProgressRanking>(metricCode ? withQuery(`${base}/ranking`, { metric: metricCode, asOf }) : null);
  const forecast = useApi<ProgressForecast>(withQuery(`${base}/forecast`, { asOf, unit }));
  const timeliness = useApi<CampaignTimeliness>(withQuery(`${base}/timeliness`, { asOf }));
  const name = campaign.status === 'ok' ? campaign.data.name : code;
  usePageTitle(`${t('cdash.title')} — ${name}`);

  const go = (params: Record<string, string | undefined>) =>
    navigate(
      withQuery(`/can-bo/chien-dich/${encodeURIComponent(code)}`, {
        ngay: asked || undefined,
        'don-vi': unit,
        'chi-tieu': query.get('chi-tieu') ?? undefined,
        'dien-bien': query.get('dien-bien') ?? undefined,
        theo: query.get('theo') ?? undefined,
        ...params,
      }),
      {
        replace: true,
      },
    );
  const metric = metrics.find((m) => m.code === metricCode);
  // The series has its own metric (?dien-bien=), the ranking's by default.
  const seriesMetric = metrics.find((m) => m.code === query.get('dien-bien')) ?? metric;

  return (
    <>
      {campaign.status === 'ok' && <CampaignNav code={campaign.data.code} current="overview" can={campaign.data.can} />}
      <span className="caption">{staff.unitName}</span>
      <h1 className="heading-l">{name}</h1>
      <AsOfForm key={asOf} asOf={asOf} onChange={(d) => go({ ngay: d || undefined })} />
      {progress.status === 'loading' && <Loading />}
      {progress.status === 'error' && (
        <ApiErrorNotice title={t('cdash.errorTitle')} error={progress.error} onRetry={progress.retry} />
      )}
      {progress.status === 'ok' && (
        <>
          <p>
            {t('cdash.asOfLine', {
              date: formatDate(progress.data.asOf),
              from: formatDate(progress.data.windowStart),
              to: formatDate(progress.data.windowEnd),
            })}
          </p>
          <h2 className="heading-m">
            {t('cdash.headline')} — {progress.data.unit.name}
          </h2>
          {unit && (
            <p>
              <Link
                to={withQuery(`/can-bo/chien-dich/${encodeURIComponent(code)}`, { ngay: asked || undefined })}
                className="back-link"
              >
                {t('cdash.backTo', { unit: t('cdash.title') })}
              </Link>
            </p>
          )}
          <Legend />
          <HeadlineCards metrics={metrics} values={progress.data.unit.metrics} />

          {metrics.some((m) => m.source === 'field') && (
            <>
              <h2 className="heading-m">{t('cdash.field')}</h2>
              <p>{t('cdash.fieldLead')}</p>
              <HeadlineCards metrics={metrics.filter((m) => m.source === 'field')} values={progress.data.unit.metrics} />
            </>
          )}

          {seriesMetric && (
            <SeriesSection
              base={base}
              unit={unit}
              asOf={asOf}
              windowStart={progress.data.windowStart}
              metrics={metrics}
              metric={seriesMetric}
              by={stepOf(query.get('theo'))}
              onChange={(c) => go(c.by ? { theo: STEP_PARAM[c.by] } : { 'dien-bien': c.metric })}
            />
          )}

          {metric && (
            <>
              <h2 className="heading-m">{t('cdash.ranking')}</h2>
              <div className="form-group">
                <label className="label" htmlFor="cdash-metric">
                  {t('cdash.metric')}
                </label>
                <select
                  id="cdash-metric"
                  className="input select"
                  value={metric.code}
                  onChange={(e) => go({ 'chi-tieu': e.target.value })}
                >
                  {metrics.map((m) => (
                    <option key={m.code} value={m.code}>
                      {lang === 'vi' ? m.nameVi : m.nameEn}
                    </option>
                  ))}
                </select>
              </div>
              {ranking.status === 'loading' && <Loading />}
              {ranking.status === 'error' && (
                <ApiErrorNotice title={t('cdash.errorTitle')} error={ranking.error} onRetry={ranking.retry} />
              )}
              {ranking.status === 'ok' && (
                <>
                  <RankingTable metric={metric} ranking={ranking.data} limit={allRanks ? Infinity : RANKING_SHOWN} />
                  {!allRanks && ranking.data.items.filter((i) => i.progress !== null).length > RANKING_SHOWN && (
                    <p>
                      <button type="button" className="button button--secondary" onClick={() => go({ 'xep-hang': 'tat-ca' })}>
                        {t('cdash.rankingMore', { n: ranking.data.items.filter((i) => i.progress !== null).length })}
                      </button>
                    </p>
                  )}
                </>
              )}
            </>
          )}

          <h2 className="heading-m">{t('cdash.forecasts')}</h2>
          {forecast.status === 'loading' && <Loading />}
          {forecast.status === 'error' && (
            <ApiErrorNotice title={t('cdash.errorTitle')} error={forecast.error} onRetry={forecast.retry} />
          )}
          {forecast.status === 'ok' && (
            <ForecastList metrics={metrics} items={forecast.data.items} end={forecast.data.windowEnd} />
          )}
        </>
      )}

      <h2 className="heading-m">{t('cdash.timeliness')}</h2>
      {timeliness.status === 'loading' && <Loading />}
      {timeliness.status === 'error' && (
        <ApiErrorNotice title={t('cdash.errorTitle')} error={timeliness.error} onRetry={timeliness.retry} />
      )}
      {timeliness.status === 'ok' && <TimelinessTable data={timeliness.data} />}

      {progress.status === 'ok' && (
        <>
          <h2 className="heading-m">{t('cdash.units')}</h2>
          {metric && progress.data.children.length > 0 ? (
            <UnitsTable
              metric={metric}
              units={progress.data.children}
              caption={t('cdash.unitsCaption', {
                metric: lang === 'vi' ? metric.nameVi : metric.nameEn,
                unit: progress.data.unit.name,
                date: formatDate(progress.data.asOf),
              })}
              hrefFor={(u) =>
                withQuery(`/can-bo/chien-dich/${encodeURIComponent(code)}`, {
                  ngay: asked || undefined,
                  'don-vi': u,
                  'chi-tieu': metric.code,
                })
              }
            />
          ) : (
            <p>{t('cdash.unitsEmpty')}</p>
          )}
        </>
      )}

      <h2 className="heading-m">{t('cdash.downloads')}</h2>
      <ul className="cdash-downloads">
        <li>
          <a href={withQuery(`${base}/report.xlsx`, { period: 'day', date: asOf })} download>
            {t('cdash.dayXlsx', { date: formatDate(asOf) })}
          </a>
        </li>
        <li>
          <a href={withQuery(`${base}/report.xlsx`, { period: 'week', date: asOf })} download>
            {t('cdash.weekXlsx', { date: formatDate(asOf) })}
          </a>
        </li>
        <li>
          <a href={withQuery(`${base}/summary.pdf`, { asOf })} download>
            {t('cdash.summaryPdf')}
          </a>
        </li>
      </ul>
    </>
  );
}

/** The metric a leader looks at first: the first rate with a target, else the first metric with one. */
function defaultMetric(p: CampaignProgress | null): string | undefined {
  if (!p) return undefined;
  const withTarget = p.metrics.filter((m) => p.unit.metrics.find((v) => v.code === m.code)?.target !== null);
  return (withTarget.find((m) => m.kind === 'rate') ?? withTarget[0] ?? p.metrics[0])?.code;
}

/** The as-of date (three boxes, GOV.UK date input); empty means today. */
function AsOfForm({ asOf, onChange }: { asOf: string; onChange: (date: string) => void }) {
  const { t } = useDashboardT();
  const [value, setValue] = useState(asOf);
  const [errors, setErrors] = useState<FieldError[]>([]);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (value !== '' && !ISO.test(value)) {
      setErrors([{ field: 'cdash-asof', text: t('cdash.err.asOf') }]);
      return;
    }
    setErrors([]);
    onChange(value);
  }
  return (
    <form onSubmit={submit} noValidate className="cdash-controls">
      <ErrorSummary errors={errors} />
      <DateField
        id="cdash-asof"
        legend={t('cdash.asOf')}
        hint={t('cdash.asOfHint')}
        error={errors[0]?.text}
        value={value}
        onChange={setValue}
      />
      <button type="submit" className="button">
        {t('cdash.show')}
      </button>
    </form>
  );
}
