import { useCallback, useState } from 'react';
import type { CampaignDetail, CampaignMetricView } from '@motcua/contracts';
import { ApiErrorNotice } from '../../components/ApiErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useT } from '../../i18n/useT.ts';
import { formatDate } from '../../lib/format.ts';
import { formatCount, formatPercent } from '../../lib/numbers.ts';
import { apiGet } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { CAMPAIGN_READ } from '../staff/staff-roles.ts';
import { StaffGate } from '../staff/StaffGate.tsx';
import { CampaignNav } from './CampaignNav.tsx';
import { LevelTargetsEditor } from './LevelTargetsEditor.tsx';
import { MetricForm } from './MetricForm.tsx';
import { PartnerEditor } from './PartnerEditor.tsx';
import { RoundsEditor } from './RoundsEditor.tsx';
import { SheetUpload } from './SheetUpload.tsx';
import '../../i18n/messages-campaigns.ts';
import './campaigns.css';

/** /can-bo/chien-dich/:code/cau-hinh: metrics, targets per level and unit, baselines, rounds, partners. */
export function CampaignSetupPage({ code }: { code: string }) {
  return <StaffGate roles={CAMPAIGN_READ}>{() => <Setup code={code} />}</StaffGate>;
}

function Setup({ code }: { code: string }) {
  const { t } = useT();
  const path = `/api/v1/campaigns/${encodeURIComponent(code)}`;
  const state = useApi<CampaignDetail>(path);
  // After a change the campaign is read again in place: the forms keep their messages and focus
  // (useApi's retry would show the loading state and remount them).
  const [fresh, setFresh] = useState<CampaignDetail | null>(null);
  const reload = useCallback(async () => setFresh(await apiGet<CampaignDetail>(path)), [path]);
  usePageTitle(state.status === 'ok' ? `${t('camp.setup.title')} — ${state.data.name}` : t('camp.setup.title'));
  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error')
    return <ApiErrorNotice title={t('camp.setup.errorTitle')} error={state.error} onRetry={state.retry} />;
  const c = fresh?.code === state.data.code ? fresh : state.data;
  const saved = () => void reload();
  const targetMetrics = c.metrics.filter((m) => m.source !== 'baseline');
  const baselineMetrics = c.metrics.filter((m) => m.source === 'baseline');
  return (
    <>
      <CampaignNav code={c.code} current="setup" can={c.can} />
      <span className="caption">
        {t(`camp.kind.${c.kind}`)} · {c.code}
      </span>
      <h1 className="heading-l">{c.name}</h1>
      <dl className="summary-list">
        <Fact
          label={t('camp.card.window')}
          value={`${formatDate(c.windowStart)} – ${formatDate(c.windowEnd)} · ${t(`camp.phase.${c.phase}`)}`}
        />
        <Fact label={t('camp.setup.status')} value={t(`camp.status.${c.status}`)} />
        <Fact label={t('camp.card.coordinator')} value={c.coordinatorUnitName} />
        <Fact label={t('camp.card.area')} value={c.scopeUnitName} />
        {c.legalBasis && <Fact label={t('camp.setup.legalBasis')} value={c.legalBasis} />}
      </dl>
      {c.source && (
        <details className="details">
          <summary>{t('camp.setup.source')}</summary>
          <p>{c.source}</p>
        </details>
      )}
      {!c.can.manage && <p className="notice">{t('camp.setup.readOnly')}</p>}

      <h2 className="heading-m">{t('camp.setup.metrics')}</h2>
      <MetricsTable metrics={c.metrics} />
      {c.can.manage && <MetricForm c={c} onSaved={reload} />}

      <h2 className="heading-m">{t('camp.setup.levelTargets')}</h2>
      <LevelTargets c={c} />
      {c.can.manage && <LevelTargetsEditor c={c} onSaved={reload} />}

      <h2 className="heading-m">{t('camp.setup.unitTargets')}</h2>
      <p>{t('camp.setup.unitTargetsLead')}</p>
      <UnitTable
        c={c}
        metrics={targetMetrics}
        values={c.targets
          .filter((x) => x.scope === 'unit')
          .map((x) => ({ metric: x.metricCode, unitCode: x.unitCode!, unitName: x.unitName!, value: x.value }))}
        caption={t('camp.setup.unitTargets')}
      />
      {c.can.manage && targetMetrics.length > 0 && <SheetUpload code={c.code} kind="targets" onSaved={saved} />}

      {baselineMetrics.length > 0 && (
        <>
          <h2 className="heading-m">{t('camp.setup.baselines')}</h2>
          <p>{t('camp.setup.baselinesLead')}</p>
          <UnitTable
            c={c}
            metrics={baselineMetrics}
            values={c.baselines.map((b) => ({
              metric: b.metricCode,
              unitCode: b.unitCode,
              unitName: b.unitName,
              value: b.value,
            }))}
            caption={t('camp.setup.baselines')}
          />
          {c.can.manage && <SheetUpload code={c.code} kind="baselines" onSaved={saved} />}
        </>
      )}

      {(c.rounds.length > 0 || c.can.manage) && (
        <>
          <h2 className="heading-m">{t('camp.setup.rounds')}</h2>
          {c.rounds.length === 0 && <p>{t('camp.edit.roundsNone')}</p>}
          {c.rounds.length > 0 && (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('camp.round.name')}</th>
                    <th scope="col">{t('camp.round.stats')}</th>
                    <th scope="col">{t('camp.round.due')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.rounds.map((r) => (
                    <tr key={r.seq}>
                      <th scope="row" className="table__name">
                        {r.name}
                      </th>
                      <td>
                        {formatDate(r.statsFrom)} – {formatDate(r.statsTo)}
                      </td>
                      <td>{formatDate(r.dueDate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {c.can.manage && <RoundsEditor c={c} onSaved={reload} />}
        </>
      )}

      {(c.partners.length > 0 || c.can.manage) && (
        <>
          <h2 className="heading-m">{t('camp.setup.partners')}</h2>
          {c.partners.length === 0 && <p>{t('camp.edit.partnersNone')}</p>}
          {c.partners.length > 0 && (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('camp.partner.unit')}</th>
                    <th scope="col">{t('camp.partner.kind')}</th>
                    <th scope="col">{t('camp.partner.cadence')}</th>
                    <th scope="col">{t('camp.partner.due')}</th>
                    <th scope="col">{t('camp.partner.metrics')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.partners.map((p) => (
                    <tr key={p.id}>
                      <th scope="row" className="table__name">
                        {p.unitName}
                      </th>
                      <td>{t(`camp.partnerKind.${p.kind}`)}</td>
                      <td>{t(`camp.cadence.${p.cadence}`)}</td>
                      <td>{p.cadence === 'round' ? '—' : t('camp.partner.dueDays', { n: p.dueOffsetDays })}</td>
                      <td>{p.metrics.map((m) => c.metrics.find((x) => x.code === m)?.nameVi ?? m).join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {c.can.manage && <PartnerEditor c={c} onSaved={reload} />}
        </>
      )}
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{value}</dd>
    </div>
  );
}

function MetricsTable({ metrics }: { metrics: CampaignMetricView[] }) {
  const { t, lang } = useT();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('camp.metric.name')}</th>
            <th scope="col">{t('camp.metric.code')}</th>
            <th scope="col">{t('camp.metric.kind')}</th>
            <th scope="col">{t('camp.metric.source')}</th>
          </tr>
        </thead>
        <tbody>
          {metrics.map((m) => (
            <tr key={m.code}>
              <th scope="row" className="table__name">
                {lang === 'vi' ? m.nameVi : m.nameEn}
              </th>
              <td>
                <code>{m.code}</code>
              </td>
              <td>
                {m.kind === 'rate' ? t('camp.metric.kindRate') : t('camp.metric.kindCount')}
                {m.numeratorCode && m.denominatorCode && (
                  <> {t('camp.metric.formula', { num: m.numeratorCode, den: m.denominatorCode })}</>
                )}
              </td>
              <td>{t(`camp.source.${m.source}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const valueText = (m: CampaignMetricView | undefined, v: number, lang: 'vi' | 'en') =>
  m?.kind === 'rate' ? formatPercent(v, lang) : formatCount(v, lang);

function LevelTargets({ c }: { c: CampaignDetail }) {
  const { t, lang } = useT();
  const rows = c.targets.filter((x) => x.scope === 'level');
  if (rows.length === 0) return <p>{t('camp.setup.levelTargetsNone')}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('camp.metric.name')}</th>
            <th scope="col">{t('camp.target.level')}</th>
            <th scope="col" className="table__num">
              {t('camp.target.value')}
            </th>
            <th scope="col">{t('camp.target.source')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((x) => {
            const m = c.metrics.find((y) => y.code === x.metricCode);
            return (
              <tr key={`${x.metricCode}-${x.level}`}>
                <th scope="row" className="table__name">
                  {m ? (lang === 'vi' ? m.nameVi : m.nameEn) : x.metricCode}
                </th>
                <td>{x.level ? t(`camp.level.${x.level}`) : ''}</td>
                <td className="table__num">{valueText(m, x.value, lang)}</td>
                <td className="table__note">{x.source}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface UnitValue {
  metric: string;
  unitCode: string;
  unitName: string;
  value: number;
}

/** One row per unit with a value, one column per metric (the layout of the XLSX template). */
function UnitTable({
  c,
  metrics,
  values,
  caption,
}: {
  c: CampaignDetail;
  metrics: CampaignMetricView[];
  values: UnitValue[];
  caption: string;
}) {
  const { t, lang } = useT();
  const units = [...new Map(values.map((v) => [v.unitCode, v.unitName])).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  if (units.length === 0) return <p>{t('camp.setup.noRows')}</p>;
  const at = new Map(values.map((v) => [`${v.metric}|${v.unitCode}`, v.value]));
  const shown = metrics.filter((m) => values.some((v) => v.metric === m.code));
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="table__caption">
          {caption} — {t('camp.setup.rowsShown', { n: units.length })} ({c.code})
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('camp.setup.unit')}</th>
            {shown.map((m) => (
              <th key={m.code} scope="col" className="table__num">
                {lang === 'vi' ? m.nameVi : m.nameEn}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map(([code, name]) => (
            <tr key={code}>
              <th scope="row" className="table__name">
                {name} <span className="secondary">({code})</span>
              </th>
              {shown.map((m) => {
                const v = at.get(`${m.code}|${code}`);
                return (
                  <td key={m.code} className="table__num">
                    {v === undefined ? '—' : valueText(m, v, lang)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
