import { useState, type FormEvent } from 'react';
import type { DocumentChoice, DocumentView, DossierTracking, OnlineSubmission, ProcedureView } from '@motcua/contracts';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { describeError } from '../../i18n/describe-error.ts';
import { apiPost, toApiError, type ApiError } from '../../lib/api.ts';
import { formatVnd } from '../../lib/format.ts';
import { fold } from '../../lib/text.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { formDataOf } from '../dossiers/intake-check.ts';
import { postFile } from './citizen-api.ts';
import { ComponentChoice } from './ComponentChoice.tsx';
import type { Prefilled } from './prefill.ts';
import { EFormField } from '../dossiers/EFormField.tsx';
import {
  APPLICANT_FIELDS,
  applicantId,
  checkSubmission,
  CONFIRM_ID,
  docFileId,
  docStoreId,
  inputIdOf,
  SUBMIT_ID,
  UNIT_ID,
  type ApplicantField,
  type DocChoice,
  type SubmitValues,
} from './submit-check.ts';
import { UnitChoice, type UnitRule } from './UnitChoice.tsx';
import { useCitizenSession } from './useCitizenSession.ts';
import { useCitizenT } from './useCitizenT.ts';

interface Props {
  procedure: ProcedureView;
  prefill: Prefilled;
  /** The prefill could not be loaded: the citizen fills everything in. */
  prefillFailed: boolean;
  stored: DocumentView[];
  unitRule: UnitRule;
  province: { code: string; name: string };
  onSubmitted: (d: DossierTracking) => void;
}

/**
 * The fee an online dossier will carry, as dossiers.form.ts feeFor picks it: the catalogue's case
 * labelled online ("Nộp hồ sơ trực tuyến") when the labels tell the channels apart, else the first.
 */
function onlineFee(p: ProcedureView): number {
  if (p.fees.length === 0) return 0;
  const online = p.fees.find((f) => fold(f.label).includes('truc tuyen'));
  return (online ?? p.fees[0]!).amountVnd;
}

const NO_DOC: DocChoice = { mode: '', documentId: '', file: null, uploadedId: null };

function initialValues(p: ProcedureView, prefill: Prefilled, rule: UnitRule): SubmitValues {
  const applicant = {} as Record<ApplicantField, string>;
  for (const f of APPLICANT_FIELDS) applicant[f] = prefill.applicant[f] ?? '';
  return {
    applicant,
    form: { ...prefill.form },
    unitCode: rule.kind === 'commune' ? (prefill.unitCode ?? '') : rule.code,
    // An optional paper is most often not sent: start at "Không nộp giấy tờ này", one click to change.
    docs: p.components.map((c) => (c.required ? NO_DOC : { ...NO_DOC, mode: 'none' })),
    confirmed: false,
  };
}

/** The applicant block, the e-form with prefilled values marked, the dossier's components, then submit. */
export function SubmitForm({ procedure, prefill, prefillFailed, stored, unitRule, province, onSubmitted }: Props) {
  const i18n = useCitizenT();
  const { t } = i18n;
  const { setSession } = useCitizenSession();
  const [v, setV] = useState<SubmitValues>(() => initialValues(procedure, prefill, unitRule));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  usePageTitle(`${errors.length ? `${t('common.errorPrefix')} ` : ''}${t('citizen.submit.title')} — ${procedure.name}`);

  const errorFor = (id: string) => errors.find((e) => e.field === id)?.text;
  const errorMap = Object.fromEntries(errors.map((e) => [e.field, e.text]));
  const anyPrefilled = Object.keys(prefill.source).length > 0;

  /** "Đã điền sẵn từ …" while the value is still the one the state gave; once edited, it is the citizen's own. */
  function markFor(key: string, current: string): string | undefined {
    const original = key.startsWith('applicant.') ? prefill.applicant[key.slice(10) as ApplicantField] : prefill.form[key];
    if (original === undefined || original !== current) return undefined;
    const source = prefill.source[key];
    return t(
      source === 'results'
        ? 'citizen.submit.prefilledResults'
        : source === 'vneid'
          ? 'citizen.submit.prefilledVneid'
          : 'citizen.submit.prefilledRegistry',
    );
  }

  /** The offered fields still holding their prefilled value (the server counts only those, and checks). */
  function keptPrefilled(): string[] {
    return prefill.offered.filter((name) => {
      if (name.startsWith('applicant.')) {
        const f = name.slice(10) as ApplicantField;
        return prefill.applicant[f] !== undefined && prefill.applicant[f] === v.applicant[f];
      }
      return prefill.form[name] !== undefined && prefill.form[name] === v.form[name];
    });
  }

  function mapApiError(apiError: ApiError, sentDocs: number[]): FieldError[] {
    const details = Array.isArray(apiError.details) ? (apiError.details as { field?: unknown; message?: unknown }[]) : [];
    const mapped = details
      .filter((d) => typeof d.field === 'string' && typeof d.message === 'string')
      .map((d) => {
        const doc = /^(?:body[./])?documents[./](\d+)/.exec(d.field as string);
        const i = doc ? sentDocs[Number(doc[1])] : undefined;
        // A refused document: the way it was provided (the stored one, or the new file).
        const docField = i === undefined ? undefined : v.docs[i]?.mode === 'store' ? docStoreId(i) : docFileId(i);
        return { field: docField ?? inputIdOf(d.field as string), text: d.message as string };
      });
    // A field the page has no input for still gets a line: the server's own sentence.
    return mapped.length && mapped.every((m) => m.field !== SUBMIT_ID)
      ? mapped
      : [{ field: SUBMIT_ID, text: describeError(apiError, i18n) }];
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found = checkSubmission(
      v,
      procedure.form,
      procedure.components,
      unitRule.kind === 'commune',
      stored.length ? 'store' : 'upload',
      t,
    );
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    try {
      // New files go to my store first; the submission then names them like any stored document.
      const docs = [...v.docs];
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        if (d.mode !== 'upload' || !d.file) continue;
        try {
          const stored = await postFile<DocumentView>('/api/v1/me/documents', d.file, { title: procedure.components[i]!.name });
          docs[i] = { ...d, file: null, uploadedId: stored.id };
          setV((old) => ({ ...old, docs: old.docs.map((x, j) => (j === i ? docs[i]! : x)) }));
        } catch (err) {
          const apiError = toApiError(err);
          if (apiError.status === 401) return setSession({ status: 'out' });
          setErrors([{ field: docFileId(i), text: describeError(apiError, i18n) }]);
          return;
        }
      }
      const sentDocs: number[] = [];
      const documents: DocumentChoice[] = [];
      docs.forEach((d, i) => {
        const documentId = d.mode === 'store' ? d.documentId : d.mode === 'upload' ? d.uploadedId : null;
        if (!documentId) return;
        sentDocs.push(i);
        documents.push({ component: procedure.components[i]!.name, documentId });
      });
      const kept = keptPrefilled();
      const body: OnlineSubmission = {
        procedureCode: procedure.code,
        unitCode: v.unitCode,
        applicant: { ...v.applicant },
        formData: formDataOf(v.form, procedure.form),
        prefilledFields: kept,
        ...(documents.length ? { documents } : {}),
      };
      try {
        onSubmitted(await apiPost<DossierTracking>('/api/v1/dossiers/online', body));
      } catch (err) {
        const apiError = toApiError(err);
        if (apiError.status === 401) return setSession({ status: 'out' });
        setErrors(mapApiError(apiError, sentDocs));
      }
    } finally {
      setBusy(false);
    }
  }

  const fee = onlineFee(procedure);
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="caption">{t('citizen.submit.caption', { code: procedure.code })}</span>
      <h1 className="heading-l">{procedure.name}</h1>
      {anyPrefilled && (
        <p className="prefill-lead" id="prefill-lead">
          <strong className="tag tag--prefill">
            <span aria-hidden="true">↺ </span>
            {t('citizen.submit.prefilledRegistry')}
          </strong>{' '}
          {t('citizen.submit.prefillLead')}
        </p>
      )}
      {prefillFailed && <p className="notice">{t('citizen.submit.prefillFailed')}</p>}
      {prefill.notices.length > 0 && (
        <div className="notice" id="prefill-notices">
          <ul className="plain-list">
            {prefill.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}

      <form onSubmit={submit} noValidate className="submit-form">
        <h2 className="heading-m">{t('citizen.submit.applicant')}</h2>
        {APPLICANT_FIELDS.map((f) => {
          const mark = markFor(`applicant.${f}`, v.applicant[f]);
          return (
            <div key={f} className={mark ? 'prefilled' : undefined}>
              <TextField
                id={applicantId(f)}
                label={t(`citizen.submit.${f}`)}
                hint={
                  mark ??
                  (f === 'idNumber'
                    ? t('citizen.submit.idNumberHint')
                    : f === 'phone'
                      ? t('citizen.submit.phoneHint')
                      : undefined)
                }
                error={errorFor(applicantId(f))}
                inputClassName={f === 'idNumber' || f === 'phone' ? 'input--w20' : undefined}
                inputMode={f === 'idNumber' || f === 'phone' ? 'numeric' : undefined}
                autoComplete={f === 'fullName' ? 'name' : f === 'phone' ? 'tel' : f === 'address' ? 'street-address' : 'off'}
                spellCheck={false}
                value={v.applicant[f]}
                onChange={(e) => setV((old) => ({ ...old, applicant: { ...old.applicant, [f]: e.target.value } }))}
              />
            </div>
          );
        })}

        <h2 className="heading-m">{t('citizen.submit.where')}</h2>
        <UnitChoice
          rule={unitRule}
          provinceCode={province.code}
          provinceName={province.name}
          value={v.unitCode}
          error={errorFor(UNIT_ID)}
          onChange={(unitCode) => setV((old) => ({ ...old, unitCode }))}
        />

        <h2 className="heading-m">{t('proc.form')}</h2>
        {procedure.form.length === 0 && <p className="secondary">{t('proc.formNone')}</p>}
        {procedure.form.map((f) => {
          const value = v.form[f.name] ?? '';
          const mark = markFor(f.name, value);
          return (
            <div key={f.name} className={mark ? 'prefilled' : undefined}>
              <EFormField
                field={f}
                value={value}
                hint={mark}
                stackChoices
                placeholder={t('citizen.submit.choose')}
                error={errorFor(`form-${f.name}`)}
                onChange={(next) => setV((old) => ({ ...old, form: { ...old.form, [f.name]: next } }))}
              />
            </div>
          );
        })}

        <h2 className="heading-m">{t('proc.components')}</h2>
        {procedure.components.length === 0 ? (
          <p className="secondary">{t('proc.componentsNone')}</p>
        ) : (
          <p>{stored.length ? t('citizen.submit.docsLead') : t('citizen.submit.docsLeadEmpty')}</p>
        )}
        {procedure.components.map((c, i) => (
          <ComponentChoice
            key={`${i}-${c.name}`}
            index={i}
            component={c}
            choice={v.docs[i] ?? NO_DOC}
            stored={stored}
            errors={errorMap}
            onChange={(choice) => setV((old) => ({ ...old, docs: old.docs.map((x, j) => (j === i ? choice : x)) }))}
          />
        ))}

        {fee > 0 && (
          <>
            <h2 className="heading-m">{t('proc.fee')}</h2>
            <p>{t('citizen.submit.fee', { amount: formatVnd(fee) })}</p>
          </>
        )}

        <h2 className="heading-m">{t('citizen.submit.declaration')}</h2>
        <div className={errorFor(CONFIRM_ID) ? 'form-group form-group--error' : 'form-group'}>
          {errorFor(CONFIRM_ID) && (
            <p className="error-message" id={`${CONFIRM_ID}-error`}>
              <span className="visually-hidden">{t('common.errorPrefix')} </span>
              {errorFor(CONFIRM_ID)}
            </p>
          )}
          <div className="checkboxes__item">
            <input
              className="checkboxes__input"
              type="checkbox"
              id={CONFIRM_ID}
              aria-describedby={errorFor(CONFIRM_ID) ? `${CONFIRM_ID}-error` : undefined}
              checked={v.confirmed}
              onChange={(e) => setV((old) => ({ ...old, confirmed: e.target.checked }))}
            />
            <label className="checkboxes__label" htmlFor={CONFIRM_ID}>
              {t('citizen.submit.confirm')}
            </label>
          </div>
        </div>
        {errorFor(SUBMIT_ID) && (
          <p className="error-message" id={`${SUBMIT_ID}-error`}>
            {errorFor(SUBMIT_ID)}
          </p>
        )}
        <button type="submit" id={SUBMIT_ID} className="button" disabled={busy} aria-disabled={busy || undefined}>
          {busy ? t('citizen.submit.busy') : t('citizen.submit.submit')}
        </button>
      </form>
    </>
  );
}
