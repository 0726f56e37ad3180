import { useState, type FormEvent } from 'react';
import {
  KPI_RATE_INDICATORS,
  METRIC_KINDS,
  METRIC_SOURCES,
  type CampaignDetail,
  type MetricKind,
  type MetricSource,
} from '@motcua/contracts';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useT } from '../../i18n/useT.ts';
import { sendJson } from './campaigns-api.ts';
import { useSetupSubmit } from './useSetupSubmit.ts';

const CODE = /^[a-z][a-z0-9_]{1,63}$/;
const EMPTY = {
  code: '',
  nameVi: '',
  nameEn: '',
  kind: '',
  source: '',
  numeratorCode: '',
  denominatorCode: '',
  kpiIndicator: '',
};

/**
 * Add one metric, with the rules of a campaign definition: a rate of reported, desk or baseline
 * figures is numerator ÷ denominator (two count metrics); a rate from the indicators engine names
 * its indicator; field and self-check rates are computed by their modules.
 */
export function MetricForm({ c, onSaved }: { c: CampaignDetail; onSaved: () => Promise<void> }) {
  const { t, lang } = useT();
  const [m, setM] = useState(EMPTY);
  const form = useSetupSubmit('metric-code');
  const set = (patch: Partial<typeof EMPTY>) => setM((x) => ({ ...x, ...patch }));
  const needsFormula = m.kind === 'rate' && ['report', 'desk', 'baseline'].includes(m.source);
  const counts = c.metrics
    .filter((x) => x.kind === 'count')
    .map((x) => ({ value: x.code, label: `${lang === 'vi' ? x.nameVi : x.nameEn} (${x.code})` }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldError[] = [];
    const code = m.code.trim();
    if (!CODE.test(code)) found.push({ field: 'metric-code', text: t('camp.edit.errMetricCode') });
    else if (c.metrics.some((x) => x.code === code))
      found.push({ field: 'metric-code', text: t('camp.edit.errMetricTaken', { code }) });
    if (!m.nameVi.trim()) found.push({ field: 'metric-name-vi', text: t('camp.edit.errNameVi') });
    if (!m.nameEn.trim()) found.push({ field: 'metric-name-en', text: t('camp.edit.errNameEn') });
    if (!m.kind) found.push({ field: 'metric-kind', text: t('camp.edit.errMetricKind') });
    if (!m.source) found.push({ field: 'metric-source', text: t('camp.edit.errMetricSource') });
    if (needsFormula && !m.numeratorCode) found.push({ field: 'metric-num', text: t('camp.edit.errNumerator') });
    if (needsFormula && !m.denominatorCode) found.push({ field: 'metric-den', text: t('camp.edit.errDenominator') });
    if (m.source === 'kpi' && !m.kpiIndicator) found.push({ field: 'metric-kpi', text: t('camp.edit.errKpi') });
    const ok = await form.submit(
      found,
      async () => {
        await sendJson('POST', `/api/v1/campaigns/${encodeURIComponent(c.code)}/metrics`, {
          code,
          nameVi: m.nameVi.trim(),
          nameEn: m.nameEn.trim(),
          kind: m.kind,
          source: m.source,
          ...(needsFormula ? { numeratorCode: m.numeratorCode, denominatorCode: m.denominatorCode } : {}),
          ...(m.source === 'kpi' ? { kpiIndicator: m.kpiIndicator } : {}),
        });
        await onSaved();
      },
      t('camp.edit.metricAdded', { code }),
    );
    if (ok) setM(EMPTY);
  }

  return (
    <section className="upload-panel" aria-labelledby="metric-add-title">
      <h3 className="heading-m" id="metric-add-title">
        {t('camp.edit.addMetric')}
      </h3>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={form.errors} />
        {form.done && (
          <div className="banner" role="status">
            <p className="banner__text">{form.done}</p>
          </div>
        )}
        <TextField
          id="metric-code"
          label={t('camp.metric.code')}
          hint={t('camp.edit.metricCodeHint')}
          error={form.errorOf('metric-code')}
          value={m.code}
          autoComplete="off"
          spellCheck={false}
          inputClassName="input--w20"
          onChange={(e) => set({ code: e.target.value })}
        />
        <TextField
          id="metric-name-vi"
          label={t('camp.edit.nameVi')}
          error={form.errorOf('metric-name-vi')}
          value={m.nameVi}
          onChange={(e) => set({ nameVi: e.target.value })}
        />
        <TextField
          id="metric-name-en"
          label={t('camp.edit.nameEn')}
          error={form.errorOf('metric-name-en')}
          value={m.nameEn}
          lang="en"
          onChange={(e) => set({ nameEn: e.target.value })}
        />
        <SelectField
          id="metric-kind"
          label={t('camp.metric.kind')}
          error={form.errorOf('metric-kind')}
          value={m.kind}
          placeholder={t('camp.edit.choose')}
          options={METRIC_KINDS.map((k: MetricKind) => ({
            value: k,
            label: t(k === 'rate' ? 'camp.metric.kindRate' : 'camp.metric.kindCount'),
          }))}
          onChange={(kind) => set({ kind })}
        />
        <SelectField
          id="metric-source"
          label={t('camp.metric.source')}
          error={form.errorOf('metric-source')}
          value={m.source}
          placeholder={t('camp.edit.choose')}
          options={METRIC_SOURCES.map((s: MetricSource) => ({ value: s, label: t(`camp.source.${s}`) }))}
          onChange={(source) => set({ source })}
        />
        {needsFormula && (
          <>
            <SelectField
              id="metric-num"
              label={t('camp.edit.numerator')}
              error={form.errorOf('metric-num')}
              value={m.numeratorCode}
              placeholder={t('camp.edit.choose')}
              options={counts}
              onChange={(numeratorCode) => set({ numeratorCode })}
            />
            <SelectField
              id="metric-den"
              label={t('camp.edit.denominator')}
              error={form.errorOf('metric-den')}
              value={m.denominatorCode}
              placeholder={t('camp.edit.choose')}
              options={counts}
              onChange={(denominatorCode) => set({ denominatorCode })}
            />
          </>
        )}
        {m.source === 'kpi' && (
          <SelectField
            id="metric-kpi"
            label={t('camp.edit.kpiIndicator')}
            error={form.errorOf('metric-kpi')}
            value={m.kpiIndicator}
            placeholder={t('camp.edit.choose')}
            options={KPI_RATE_INDICATORS.map((k) => ({ value: k, label: k }))}
            onChange={(kpiIndicator) => set({ kpiIndicator })}
          />
        )}
        <button type="submit" className="button" disabled={form.busy}>
          {t('camp.edit.addMetricSubmit')}
        </button>
      </form>
    </section>
  );
}
