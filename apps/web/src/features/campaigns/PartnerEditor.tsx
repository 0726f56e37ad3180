import { useState, type FormEvent } from 'react';
import {
  PARTNER_CADENCES,
  PARTNER_KINDS,
  type CampaignDetail,
  type CampaignPartnerView,
  type PartnerCadence,
  type PartnerKind,
  type UnitList,
} from '@motcua/contracts';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { FieldMessages } from '../../components/FieldMessages.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useT } from '../../i18n/useT.ts';
import { useApi } from '../../lib/useApi.ts';
import { sendJson } from './campaigns-api.ts';
import { useSetupSubmit } from './useSetupSubmit.ts';

interface Props {
  c: CampaignDetail;
  onSaved: () => Promise<void>;
}

/** The count metrics a partner may report (source report), as the server checks them. */
const reportable = (c: CampaignDetail) => c.metrics.filter((m) => m.source === 'report' && m.kind === 'count');

/** A partner's kind guessed from the agency's category (carrier, police, post), else "other". */
const kindOf = (subtype: string): PartnerKind =>
  (PARTNER_KINDS as readonly string[]).includes(subtype) ? (subtype as PartnerKind) : 'other';

interface Draft {
  cadence: PartnerCadence | '';
  dueOffsetDays: string;
  metrics: string[];
}

/** Checks shared by the add and edit forms; ids are the form's own. */
function checkDraft(d: Draft, prefix: string, t: ReturnType<typeof useT>['t'], roundCount: number): FieldError[] {
  const out: FieldError[] = [];
  if (!d.cadence) out.push({ field: `${prefix}-cadence`, text: t('camp.edit.errCadence') });
  else if (d.cadence === 'round' && roundCount === 0) out.push({ field: `${prefix}-cadence`, text: t('camp.edit.errNoRounds') });
  if (!/^\d{1,2}$/.test(d.dueOffsetDays.trim()) || Number(d.dueOffsetDays) > 31)
    out.push({ field: `${prefix}-due`, text: t('camp.edit.errDue') });
  if (d.metrics.length === 0) out.push({ field: `${prefix}-metrics`, text: t('camp.edit.errMetrics') });
  return out;
}

/** Partners: add one; change a partner's cadence, due offset and metrics; remove one that has not reported. */
export function PartnerEditor({ c, onSaved }: Props) {
  const { t } = useT();
  return (
    <section className="upload-panel" aria-labelledby="partner-edit-title">
      <h3 className="heading-m" id="partner-edit-title">
        {t('camp.edit.partnersTitle')}
      </h3>
      {c.partners.map((p) => (
        <PartnerChange key={p.id} c={c} p={p} onSaved={onSaved} />
      ))}
      <AddPartner c={c} onSaved={onSaved} />
    </section>
  );
}

function MetricChecks({
  id,
  c,
  value,
  error,
  onChange,
}: {
  id: string;
  c: CampaignDetail;
  value: string[];
  error?: string;
  onChange: (v: string[]) => void;
}) {
  const { t, lang } = useT();
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="fieldset__legend">{t('camp.partner.metrics')}</legend>
        <FieldMessages id={id} error={error} />
        {reportable(c).map((m, i) => (
          <div className="checkboxes__item" key={m.code}>
            <input
              className="checkboxes__input"
              type="checkbox"
              id={i === 0 ? id : `${id}-${m.code}`}
              checked={value.includes(m.code)}
              onChange={(e) => onChange(e.target.checked ? [...value, m.code] : value.filter((x) => x !== m.code))}
            />
            <label className="checkboxes__label" htmlFor={i === 0 ? id : `${id}-${m.code}`}>
              {lang === 'vi' ? m.nameVi : m.nameEn} <span className="secondary">({m.code})</span>
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

function Done({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div className="banner" role="status">
      <p className="banner__text">{text}</p>
    </div>
  );
}

function AddPartner({ c, onSaved }: Props) {
  const { t } = useT();
  const agencies = useApi<UnitList>(`/api/v1/units?parent=${encodeURIComponent(c.scopeUnitCode)}&kind=agency&limit=200`);
  const taken = new Set(c.partners.map((p) => p.unitCode));
  const choices = agencies.status === 'ok' ? agencies.data.items.filter((u) => !taken.has(u.code)) : [];
  const [unitCode, setUnitCode] = useState('');
  const [kind, setKind] = useState<PartnerKind | ''>('');
  const [draft, setDraft] = useState<Draft>({ cadence: 'weekly', dueOffsetDays: '1', metrics: [] });
  const form = useSetupSubmit('partner-new-unit');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldError[] = [];
    if (!unitCode.trim()) found.push({ field: 'partner-new-unit', text: t('camp.edit.errUnit') });
    if (!kind) found.push({ field: 'partner-new-kind', text: t('camp.edit.errKind') });
    found.push(...checkDraft(draft, 'partner-new', t, c.rounds.length));
    const code = unitCode.trim().toUpperCase();
    const ok = await form.submit(
      found,
      async () => {
        await sendJson('POST', `/api/v1/campaigns/${encodeURIComponent(c.code)}/partners`, {
          unitCode: code,
          kind,
          cadence: draft.cadence,
          dueOffsetDays: Number(draft.dueOffsetDays),
          metrics: draft.metrics,
        });
        await onSaved();
      },
      t('camp.edit.partnerAdded', { unit: choices.find((u) => u.code === code)?.name ?? code }),
    );
    if (ok) {
      setUnitCode('');
      setKind('');
      setDraft({ cadence: 'weekly', dueOffsetDays: '1', metrics: [] });
    }
  }

  return (
    <form onSubmit={submit} noValidate className="setup-form">
      <h4 className="heading-s">{t('camp.edit.addPartner')}</h4>
      <ErrorSummary errors={form.errors} />
      <Done text={form.done} />
      {choices.length > 0 ? (
        <SelectField
          id="partner-new-unit"
          label={t('camp.partner.unit')}
          error={form.errorOf('partner-new-unit')}
          value={unitCode}
          placeholder={t('camp.edit.choose')}
          options={choices.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
          onChange={(v) => {
            setUnitCode(v);
            const u = choices.find((x) => x.code === v);
            if (u) setKind(kindOf(u.subtype));
          }}
        />
      ) : (
        <TextField
          id="partner-new-unit"
          label={t('camp.edit.unitCode')}
          hint={t('camp.edit.unitCodeHint')}
          error={form.errorOf('partner-new-unit')}
          value={unitCode}
          inputClassName="input--w10"
          autoComplete="off"
          onChange={(e) => setUnitCode(e.target.value)}
        />
      )}
      <SelectField
        id="partner-new-kind"
        label={t('camp.partner.kind')}
        error={form.errorOf('partner-new-kind')}
        value={kind}
        placeholder={t('camp.edit.choose')}
        options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`camp.partnerKind.${k}`) }))}
        onChange={(v) => setKind(v as PartnerKind | '')}
      />
      <DraftFields prefix="partner-new" c={c} draft={draft} setDraft={setDraft} errorOf={form.errorOf} />
      <button type="submit" className="button" disabled={form.busy} aria-disabled={form.busy || undefined}>
        {t('camp.edit.addPartnerSubmit')}
      </button>
    </form>
  );
}

function DraftFields({
  prefix,
  c,
  draft,
  setDraft,
  errorOf,
}: {
  prefix: string;
  c: CampaignDetail;
  draft: Draft;
  setDraft: (d: Draft) => void;
  errorOf: (id: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <SelectField
        id={`${prefix}-cadence`}
        label={t('camp.partner.cadence')}
        error={errorOf(`${prefix}-cadence`)}
        value={draft.cadence}
        placeholder={t('camp.edit.choose')}
        options={PARTNER_CADENCES.map((k) => ({ value: k, label: t(`camp.cadence.${k}`) }))}
        onChange={(v) => setDraft({ ...draft, cadence: v as PartnerCadence | '' })}
      />
      <TextField
        id={`${prefix}-due`}
        label={t('camp.edit.due')}
        hint={t('camp.edit.dueHint')}
        error={errorOf(`${prefix}-due`)}
        value={draft.dueOffsetDays}
        inputMode="numeric"
        inputClassName="input--w2"
        autoComplete="off"
        onChange={(e) => setDraft({ ...draft, dueOffsetDays: e.target.value })}
      />
      <MetricChecks
        id={`${prefix}-metrics`}
        c={c}
        value={draft.metrics}
        error={errorOf(`${prefix}-metrics`)}
        onChange={(metrics) => setDraft({ ...draft, metrics })}
      />
    </>
  );
}

function PartnerChange({ c, p, onSaved }: Props & { p: CampaignPartnerView }) {
  const { t } = useT();
  const prefix = `partner-${p.id}`;
  const [draft, setDraft] = useState<Draft>({ cadence: p.cadence, dueOffsetDays: String(p.dueOffsetDays), metrics: p.metrics });
  const [confirm, setConfirm] = useState(false);
  const form = useSetupSubmit(`${prefix}-cadence`);
  const base = `/api/v1/campaigns/${encodeURIComponent(c.code)}/partners/${p.id}`;

  async function save(e: FormEvent) {
    e.preventDefault();
    await form.submit(
      checkDraft(draft, prefix, t, c.rounds.length),
      async () => {
        await sendJson('PATCH', base, {
          cadence: draft.cadence,
          dueOffsetDays: Number(draft.dueOffsetDays),
          metrics: draft.metrics,
        });
        await onSaved();
      },
      t('camp.edit.partnerSaved', { unit: p.unitName }),
    );
  }

  async function remove() {
    await form.submit(
      [],
      async () => {
        await sendJson('DELETE', base);
        await onSaved();
      },
      t('camp.edit.partnerRemoved', { unit: p.unitName }),
    );
    setConfirm(false);
  }

  return (
    <details className="details">
      <summary className="details__summary">{t('camp.edit.changePartner', { unit: p.unitName })}</summary>
      <form onSubmit={save} noValidate className="setup-form">
        <ErrorSummary errors={form.errors} />
        <Done text={form.done} />
        <DraftFields prefix={prefix} c={c} draft={draft} setDraft={setDraft} errorOf={form.errorOf} />
        <div className="setup-actions">
          <button type="submit" className="button" disabled={form.busy}>
            {t('camp.edit.save')}
          </button>
          {confirm ? (
            <>
              <button type="button" className="button button--warning" disabled={form.busy} onClick={remove}>
                {t('camp.edit.removeConfirm', { unit: p.unitName })}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirm(false)}>
                {t('camp.edit.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setConfirm(true)}>
              {t('camp.edit.removePartner')}
            </button>
          )}
        </div>
        <p className="hint">{t('camp.edit.removeHint')}</p>
      </form>
    </details>
  );
}
