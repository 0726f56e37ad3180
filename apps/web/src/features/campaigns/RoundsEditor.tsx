import { useState, type FormEvent } from 'react';
import type { CampaignDetail } from '@motcua/contracts';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { useT } from '../../i18n/useT.ts';
import { formatDate } from '../../lib/format.ts';
import { sendJson } from './campaigns-api.ts';
import { useSetupSubmit } from './useSetupSubmit.ts';

interface Row {
  /** Stable React key: rows are added and removed in the middle. */
  key: number;
  name: string;
  statsFrom: string;
  statsTo: string;
  dueDate: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
let nextKey = 1;

/**
 * The reporting rounds as a small table (seed 003 VII.2.b: four rounds, each with its statistics
 * window and "trước ngày …" due date). Rows are numbered 1, 2, 3… in order; saving replaces the list.
 * On a phone each row becomes a block (table--stack).
 */
export function RoundsEditor({ c, onSaved }: { c: CampaignDetail; onSaved: () => Promise<void> }) {
  const { t } = useT();
  const [rows, setRows] = useState<Row[]>(() =>
    c.rounds.map((r) => ({ key: nextKey++, name: r.name, statsFrom: r.statsFrom, statsTo: r.statsTo, dueDate: r.dueDate })),
  );
  const form = useSetupSubmit('rounds-save');
  const set = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const id = (i: number, part: string) => `round-${i + 1}-${part}`;

  function check(): FieldError[] {
    const out: FieldError[] = [];
    rows.forEach((r, i) => {
      const n = i + 1;
      if (!r.name.trim()) out.push({ field: id(i, 'name'), text: t('camp.edit.errRoundName', { n }) });
      for (const part of ['statsFrom', 'statsTo', 'dueDate'] as const)
        if (!ISO.test(r[part])) out.push({ field: id(i, part), text: t(`camp.edit.errRound.${part}`, { n }) });
      if (ISO.test(r.statsFrom) && ISO.test(r.statsTo) && r.statsTo < r.statsFrom)
        out.push({ field: id(i, 'statsTo'), text: t('camp.edit.errRoundOrder', { n }) });
      if (ISO.test(r.statsTo) && ISO.test(r.dueDate) && r.dueDate < r.statsTo)
        out.push({ field: id(i, 'dueDate'), text: t('camp.edit.errRoundDue', { n }) });
    });
    return out;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    await form.submit(
      check(),
      async () => {
        await sendJson('PUT', `/api/v1/campaigns/${encodeURIComponent(c.code)}/rounds`, {
          rounds: rows.map((r, i) => ({
            seq: i + 1,
            name: r.name.trim(),
            statsFrom: r.statsFrom,
            statsTo: r.statsTo,
            dueDate: r.dueDate,
          })),
        });
        await onSaved();
      },
      t('camp.edit.roundsSaved', { n: rows.length }),
    );
  }

  const input = (i: number, r: Row, part: 'name' | 'statsFrom' | 'statsTo' | 'dueDate', label: string) => {
    const fid = id(i, part);
    const error = form.errorOf(fid);
    return (
      <td data-label={label}>
        <label className="visually-hidden" htmlFor={fid}>
          {t('camp.edit.roundField', { n: i + 1, field: label })}
        </label>
        <input
          id={fid}
          name={fid}
          type={part === 'name' ? 'text' : 'date'}
          className={error ? 'input input--error' : 'input'}
          aria-invalid={error ? true : undefined}
          value={r[part]}
          onChange={(e) => set(r.key, { [part]: e.target.value })}
        />
      </td>
    );
  };

  return (
    <section className="upload-panel" aria-labelledby="rounds-edit-title">
      <h3 className="heading-m" id="rounds-edit-title">
        {t('camp.edit.roundsTitle')}
      </h3>
      <p>{t('camp.edit.roundsLead', { from: formatDate(c.windowStart), to: formatDate(c.windowEnd) })}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={form.errors} />
        {form.done && (
          <div className="banner" role="status">
            <p className="banner__text">{form.done}</p>
          </div>
        )}
        {rows.length > 0 && (
          <table className="table table--stack rounds-table">
            <thead>
              <tr>
                <th scope="col">{t('camp.edit.seq')}</th>
                <th scope="col">{t('camp.round.name')}</th>
                <th scope="col">{t('camp.edit.statsFrom')}</th>
                <th scope="col">{t('camp.edit.statsTo')}</th>
                <th scope="col">{t('camp.round.due')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('camp.edit.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.key}>
                  <th scope="row" className="table__name">
                    {i + 1}
                  </th>
                  {input(i, r, 'name', t('camp.round.name'))}
                  {input(i, r, 'statsFrom', t('camp.edit.statsFrom'))}
                  {input(i, r, 'statsTo', t('camp.edit.statsTo'))}
                  {input(i, r, 'dueDate', t('camp.round.due'))}
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                    >
                      {t('camp.edit.removeRound', { n: i + 1 })}
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
            onClick={() => setRows((rs) => [...rs, { key: nextKey++, name: '', statsFrom: '', statsTo: '', dueDate: '' }])}
          >
            {t('camp.edit.addRound')}
          </button>
          <button type="submit" id="rounds-save" className="button" disabled={form.busy}>
            {t('camp.edit.saveRounds')}
          </button>
        </div>
      </form>
    </section>
  );
}
