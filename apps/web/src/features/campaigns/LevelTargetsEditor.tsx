import { useState, type FormEvent } from 'react';
import { TARGET_LEVELS, type CampaignDetail, type TargetLevel } from '@motcua/contracts';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { useT } from '../../i18n/useT.ts';
import { sendJson } from './campaigns-api.ts';
import { useSetupSubmit } from './useSetupSubmit.ts';

interface Row {
  key: number;
  metric: string;
  level: TargetLevel | '';
  /** As typed: a percentage for a rate ("70" or "70,5"), a whole number for a count. */
  value: string;
  source: string;
}

let nextKey = 1;
/** "70,5" → 70.5; "1.250" (a count with a thousands dot) is refused as a count by the check below. */
const num = (s: string) => Number(s.trim().replace(',', '.'));

/**
 * Targets per level, as seed 003 gives them ("Cấp tỉnh: 70%; cấp huyện: 60%; cấp xã: 25%…"): one row
 * per metric and level; saving replaces every level target (unit targets come from the XLSX upload).
 */
export function LevelTargetsEditor({ c, onSaved }: { c: CampaignDetail; onSaved: () => Promise<void> }) {
  const { t, lang } = useT();
  const metrics = c.metrics.filter((m) => m.source !== 'baseline');
  const kindOf = (code: string) => c.metrics.find((m) => m.code === code)?.kind;
  const [rows, setRows] = useState<Row[]>(() =>
    c.targets
      .filter((x) => x.scope === 'level')
      .map((x) => ({
        key: nextKey++,
        metric: x.metricCode,
        level: x.level ?? '',
        value: kindOf(x.metricCode) === 'rate' ? String(Math.round(x.value * 10000) / 100) : String(x.value),
        source: x.source,
      })),
  );
  const form = useSetupSubmit('levels-save');
  const set = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const id = (i: number, part: string) => `level-${i + 1}-${part}`;

  function check(): FieldError[] {
    const out: FieldError[] = [];
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const n = i + 1;
      if (!r.metric) out.push({ field: id(i, 'metric'), text: t('camp.edit.errTargetMetric', { n }) });
      if (!r.level) out.push({ field: id(i, 'level'), text: t('camp.edit.errTargetLevel', { n }) });
      const v = num(r.value);
      const rate = kindOf(r.metric) === 'rate';
      if (r.value.trim() === '' || !Number.isFinite(v) || v < 0)
        out.push({ field: id(i, 'value'), text: t('camp.edit.errTargetValue', { n }) });
      else if (rate && v > 100) out.push({ field: id(i, 'value'), text: t('camp.edit.errTargetRate', { n }) });
      else if (!rate && !Number.isInteger(v)) out.push({ field: id(i, 'value'), text: t('camp.edit.errTargetCount', { n }) });
      const k = `${r.metric}|${r.level}`;
      if (r.metric && r.level && seen.has(k)) out.push({ field: id(i, 'level'), text: t('camp.edit.errTargetTwice', { n }) });
      seen.add(k);
    });
    return out;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    await form.submit(
      check(),
      async () => {
        await sendJson('PUT', `/api/v1/campaigns/${encodeURIComponent(c.code)}/targets/levels`, {
          targets: rows.map((r) => {
            const v = num(r.value);
            // A percentage as typed → a rate of 0–1, rounded to 4 decimals (70,25% → 0.7025).
            const value = kindOf(r.metric) === 'rate' ? Math.round(v * 100) / 10000 : v;
            return { metric: r.metric, level: r.level, value, source: r.source.trim() };
          }),
        });
        await onSaved();
      },
      t('camp.edit.levelsSaved', { n: rows.length }),
    );
  }

  const select = (i: number, r: Row, part: 'metric' | 'level', label: string, options: { value: string; label: string }[]) => {
    const fid = id(i, part);
    const error = form.errorOf(fid);
    return (
      <td data-label={label}>
        <label className="visually-hidden" htmlFor={fid}>
          {t('camp.edit.targetField', { n: i + 1, field: label })}
        </label>
        <select
          id={fid}
          name={fid}
          className={error ? 'input select input--error' : 'input select'}
          aria-invalid={error ? true : undefined}
          value={r[part]}
          onChange={(e) => set(r.key, { [part]: e.target.value })}
        >
          <option value="">{t('camp.edit.choose')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </td>
    );
  };
  const text = (i: number, r: Row, part: 'value' | 'source', label: string) => {
    const fid = id(i, part);
    const error = form.errorOf(fid);
    return (
      <td data-label={label}>
        <label className="visually-hidden" htmlFor={fid}>
          {t('camp.edit.targetField', { n: i + 1, field: label })}
        </label>
        <input
          id={fid}
          name={fid}
          className={['input', part === 'value' && 'input--w4', error && 'input--error'].filter(Boolean).join(' ')}
          inputMode={part === 'value' ? 'decimal' : undefined}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          value={r[part]}
          onChange={(e) => set(r.key, { [part]: e.target.value })}
        />
        {part === 'value' && kindOf(r.metric) === 'rate' && <span aria-hidden="true"> %</span>}
      </td>
    );
  };

  return (
    <section className="upload-panel" aria-labelledby="levels-edit-title">
      <h3 className="heading-m" id="levels-edit-title">
        {t('camp.edit.levelsTitle')}
      </h3>
      <p>{t('camp.edit.levelsLead')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={form.errors} />
        {form.done && (
          <div className="banner" role="status">
            <p className="banner__text">{form.done}</p>
          </div>
        )}
        {rows.length > 0 && (
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">{t('camp.metric.name')}</th>
                <th scope="col">{t('camp.target.level')}</th>
                <th scope="col">{t('camp.edit.targetValue')}</th>
                <th scope="col">{t('camp.target.source')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('camp.edit.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.key}>
                  {select(
                    i,
                    r,
                    'metric',
                    t('camp.metric.name'),
                    metrics.map((m) => ({ value: m.code, label: lang === 'vi' ? m.nameVi : m.nameEn })),
                  )}
                  {select(
                    i,
                    r,
                    'level',
                    t('camp.target.level'),
                    TARGET_LEVELS.map((l) => ({ value: l, label: t(`camp.level.${l}`) })),
                  )}
                  {text(i, r, 'value', t('camp.edit.targetValue'))}
                  {text(i, r, 'source', t('camp.target.source'))}
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                    >
                      {t('camp.edit.removeTarget', { n: i + 1 })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="setup-actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setRows((rs) => [...rs, { key: nextKey++, metric: '', level: '', value: '', source: '' }])}
          >
            {t('camp.edit.addTarget')}
          </button>
          <button type="submit" id="levels-save" className="button" disabled={form.busy}>
            {t('camp.edit.saveLevels')}
          </button>
        </div>
      </form>
    </section>
  );
}
