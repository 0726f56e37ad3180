import { useState, type FormEvent } from 'react';
import type { CounterIntake, DossierView, ProcedureView, StaffView } from '@motcua/contracts';
import { ChoiceField } from '../../components/ChoiceField.tsx';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { useT } from '../../i18n/useT.ts';
import { apiPost, toApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { EFormField } from './EFormField.tsx';
import {
  APPLICANT_FIELDS,
  applicantId,
  checkIntake,
  formDataOf,
  inputIdOf,
  SUBMIT_ID,
  type IntakeValues,
} from './intake-check.ts';

interface Props {
  procedure: ProcedureView;
  staff: StaffView;
  onReceived: (d: DossierView) => void;
}

const EMPTY: IntakeValues = {
  applicant: { fullName: '', idNumber: '', phone: '', address: '' },
  form: {},
  channel: '',
  digitized: false,
};

/** Applicant, the procedure's e-form and the channel; errors summarised on top and beside each field. */
export function IntakeForm({ procedure, staff, onReceived }: Props) {
  const i18n = useT();
  const { t } = i18n;
  const [v, setV] = useState<IntakeValues>(EMPTY);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  usePageTitle(`${errors.length ? `${t('common.errorPrefix')} ` : ''}${t('intake.title')} — ${procedure.name}`);

  const errorFor = (id: string) => errors.find((e) => e.field === id)?.text;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found = checkIntake(v, procedure.form, t);
    setErrors(found);
    if (found.length) return;
    const body: CounterIntake = {
      procedureCode: procedure.code,
      unitCode: staff.unitCode,
      channel: v.channel as CounterIntake['channel'],
      applicant: { ...v.applicant },
      formData: formDataOf(v.form, procedure.form),
      digitizedDossier: v.digitized,
    };
    setBusy(true);
    try {
      onReceived(await apiPost<DossierView>('/api/v1/dossiers', body));
    } catch (err) {
      const apiError = toApiError(err);
      const details = Array.isArray(apiError.details) ? (apiError.details as { field?: unknown; message?: unknown }[]) : [];
      const mapped = details
        .filter((d) => typeof d.field === 'string' && typeof d.message === 'string')
        .map((d) => ({ field: inputIdOf(d.field as string), text: d.message as string }));
      setErrors(mapped.length ? mapped : [{ field: SUBMIT_ID, text: describeError(apiError, i18n) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="caption">{t('intake.caption', { code: procedure.code })}</span>
      <h1 className="heading-l">{procedure.name}</h1>
      <p>{t('intake.unit', { unit: staff.unitName })}</p>

      <form onSubmit={submit} noValidate>
        <h2 className="heading-m">{t('intake.applicant')}</h2>
        {APPLICANT_FIELDS.map((f) => (
          <TextField
            key={f}
            id={applicantId(f)}
            label={t(`intake.${f}`)}
            hint={f === 'idNumber' ? t('intake.idNumberHint') : f === 'phone' ? t('intake.phoneHint') : undefined}
            error={errorFor(applicantId(f))}
            inputClassName={f === 'idNumber' || f === 'phone' ? 'input--w20' : undefined}
            inputMode={f === 'idNumber' || f === 'phone' ? 'numeric' : undefined}
            autoComplete="off"
            spellCheck={false}
            value={v.applicant[f]}
            onChange={(e) => setV((old) => ({ ...old, applicant: { ...old.applicant, [f]: e.target.value } }))}
          />
        ))}

        <h2 className="heading-m">{t('proc.form')}</h2>
        {procedure.form.length === 0 && <p className="secondary">{t('proc.formNone')}</p>}
        {procedure.form.map((f) => (
          <EFormField
            key={f.name}
            field={f}
            value={v.form[f.name] ?? ''}
            error={errorFor(`form-${f.name}`)}
            onChange={(value) => setV((old) => ({ ...old, form: { ...old.form, [f.name]: value } }))}
          />
        ))}

        <h2 className="heading-m">{t('intake.receipt')}</h2>
        <ChoiceField
          id="channel"
          legend={t('intake.channel')}
          error={errorFor('channel')}
          value={v.channel}
          onChange={(channel) => setV((old) => ({ ...old, channel }))}
          options={[
            { value: 'counter', label: t('channel.counter') },
            { value: 'post', label: t('channel.post') },
          ]}
        />
        <div className="form-group">
          <div className="checkboxes__item">
            <input
              className="checkboxes__input"
              type="checkbox"
              id="digitized"
              checked={v.digitized}
              onChange={(e) => setV((old) => ({ ...old, digitized: e.target.checked }))}
            />
            <label className="checkboxes__label" htmlFor="digitized">
              {t('intake.digitized')}
            </label>
          </div>
        </div>
        {errorFor(SUBMIT_ID) && (
          <p className="error-message" id={`${SUBMIT_ID}-error`}>
            {errorFor(SUBMIT_ID)}
          </p>
        )}
        <button type="submit" id={SUBMIT_ID} className="button" disabled={busy} aria-disabled={busy || undefined}>
          {busy ? t('intake.busy') : t('intake.submit')}
        </button>
      </form>
    </>
  );
}
