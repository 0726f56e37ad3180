import { lazy, Suspense, useMemo } from 'react';
import type { KpiReport, KpiRow, StaffView } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT } from '../../i18n/useT.ts';
import { formatDate, vnToday } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { navigate, withQuery } from '../../router/history.ts';
import { useLocation } from '../../router/useLocation.ts';
import { KPI_READ } from '../staff/staff-roles.ts';
import { StaffGate } from '../staff/StaffGate.tsx';
import { EarlyWarning } from './EarlyWarning.tsx';
import { PrefillTable } from './PrefillTable.tsx';
import { earlyWarnings, TOTAL } from './indicators.ts';
import { KpiSummary } from './KpiSummary.tsx';
import { KpiTable } from './KpiTable.tsx';
import { isIsoDate, monthsUpTo, PERIOD_KINDS, periodOf, previousPeriod, type PeriodKind } from './period.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { useKpiTrend } from './useKpiTrend.ts';
// The dashboard's strings load with it, not with the public bundle.
import '../../i18n/messages-kpi.ts';

// ECharts is the heaviest thing the app loads: it comes only when the charts are about to show.
const KpiCharts = lazy(() => import('./KpiCharts.tsx'));

/** The indicators dashboard of QĐ 766 for leaders: province → units, targets, trend, ranking, early warning. */
export function DashboardPage() {
  return <StaffGate roles={KPI_READ}>{(staff) => <Dashboard staff={staff} />}</StaffGate>;
}

function Dashboard({ staff }: { staff: StaffView }) {
  const { t } = useT();
  const { query } = useLocation();
  const today = vnToday();
  const asked = PERIOD_KINDS.find((k) => k === query.get('ky')) ?? 'thang';
  const tu = query.get('tu');
  const den = query.get('den');
  const custom = isIsoDate(tu) && isIsoDate(den) && tu <= den ? { from: tu, to: den } : undefined;
  const kind: PeriodKind = asked === 'tuy-chon' && !custom ? 'thang' : asked;
  const period = periodOf(kind, today, custom);
  const before = previousPeriod(period);
  const current = useApi<KpiReport>(withQuery('/api/v1/kpi', { from: period.from, to: period.to }));
  const previous = useApi<KpiReport>(withQuery('/api/v1/kpi', { from: before.from, to: before.to }));
  const trendUnit = query.get('don-vi') || staff.unitCode;
  const months = useMemo(() => monthsUpTo(period.to), [period.to]);
  const trend = useKpiTrend(trendUnit === staff.unitCode ? null : trendUnit, months);
  usePageTitle(t('kpi.title'));

  // useApi's answer objects are new on each render; their data are not, so memos key on the data.
  const currentData = current.status === 'ok' ? current.data : null;
  const previousData = previous.status === 'ok' ? previous.data : null;
  const rows = useMemo(() => currentData?.rows ?? [], [currentData]);
  // Undefined until the previous period has loaded: no trend is shown rather than a wrong "no figure".
  const prevRows = useMemo(
    () => (previousData ? new Map<string, KpiRow>(previousData.rows.map((r) => [r.unit_code, r])) : undefined),
    [previousData],
  );
  const warnings = useMemo(() => (prevRows ? earlyWarnings(rows, prevRows) : []), [rows, prevRows]);
  const warned = useMemo(() => new Set(warnings.map((w) => w.unitCode)), [warnings]);
  const total = rows.find((r) => r.unit_code === TOTAL);
  const units = useMemo(() => rows.filter((r) => r.unit_code !== TOTAL), [rows]);
  const trendName =
    trendUnit === staff.unitCode ? staff.unitName : (units.find((u) => u.unit_code === trendUnit)?.unit_name ?? trendUnit);

  function go(params: Record<string, string | undefined>) {
    navigate(
      withQuery('/chi-so', {
        ky: kind,
        tu: custom?.from,
        den: custom?.to,
        'don-vi': query.get('don-vi') ?? undefined,
        ...params,
      }),
      { replace: true },
    );
  }

  return (
    <>
      <span className="caption">{staff.unitName}</span>
      <h1 className="heading-l">{t('kpi.title')}</h1>
      <p className="lead">{t('kpi.lead')}</p>
      <PeriodPicker
        key={`${period.kind}-${period.from}-${period.to}`}
        period={period}
        today={today}
        onChange={(p) => go({ ky: p.kind, tu: p.from, den: p.to })}
      />
      <p id="kpi-period">
        {t('kpi.periodLine', {
          from: formatDate(period.from),
          to: formatDate(period.to),
          prevFrom: formatDate(before.from),
          prevTo: formatDate(before.to),
        })}
      </p>

      {current.status === 'loading' && <Loading />}
      {current.status === 'error' && <ApiErrorNotice title={t('kpi.errorTitle')} error={current.error} onRetry={current.retry} />}
      {previous.status === 'error' && <p className="secondary">{t('kpi.previousMissing')}</p>}
      {total && (
        <>
          <h2 className="heading-m">{total.unit_name}</h2>
          <KpiSummary total={total} previous={prevRows?.get(TOTAL)} withTrend={prevRows !== undefined} />
        </>
      )}
      {current.status === 'ok' && previous.status === 'ok' && <EarlyWarning warnings={warnings} />}

      <h2 className="heading-m">{t('kpi.charts')}</h2>
      {units.length > 0 && (
        <div className="form-group">
          <label className="label" htmlFor="trend-unit">
            {t('kpi.trendUnit')}
          </label>
          <select
            id="trend-unit"
            className="input select input--w30"
            value={trendUnit}
            onChange={(e) => go({ 'don-vi': e.target.value === staff.unitCode ? undefined : e.target.value })}
          >
            <option value={staff.unitCode}>{staff.unitName}</option>
            {units.map((u) => (
              <option key={u.unit_code} value={u.unit_code}>
                {u.unit_name}
              </option>
            ))}
          </select>
        </div>
      )}
      {trend.status === 'loading' && <Loading />}
      {trend.status === 'error' && <ApiErrorNotice title={t('kpi.errorTitle')} error={trend.error} />}
      {trend.status === 'ok' && (
        <Suspense fallback={<Loading label={t('kpi.chartsLoading')} />}>
          <KpiCharts trend={trend.points} trendUnit={trendName} units={units} />
        </Suspense>
      )}

      {current.status === 'ok' && (
        <>
          <h2 className="heading-m">{t('kpi.tableTitle')}</h2>
          {units.length === 0 ? (
            <p className="notice">{t('kpi.empty')}</p>
          ) : (
            <KpiTable
              caption={t('kpi.tableCaption', { from: formatDate(period.from), to: formatDate(period.to) })}
              rows={rows}
              previous={prevRows}
              warned={warned}
            />
          )}
        </>
      )}

      <h2 className="heading-m">{t('kpi.prefill.title')}</h2>
      <p>{t('kpi.prefill.lead')}</p>
      <PrefillTable from={period.from} to={period.to} />
    </>
  );
}
