/**
 * Checks of the counter-intake form before it is sent, in plain Vietnamese beside each field, and
 * the mapping of the API's field names (applicant.idNumber, formData.stayMonths) to the inputs.
 */
import type { FormField } from '@motcua/contracts';
import type { FieldError } from '../../components/ErrorSummary.tsx';
import type { MessageKey, Params } from '../../i18n/messages.ts';

export const APPLICANT_FIELDS = ['fullName', 'idNumber', 'phone', 'address'] as const;
export type ApplicantField = (typeof APPLICANT_FIELDS)[number];

export interface IntakeValues {
  applicant: Record<ApplicantField, string>;
  form: Record<string, string>;
  channel: string;
  digitized: boolean;
}

export const applicantId = (f: string) => `applicant-${f}`;
export const formFieldId = (name: string) => `form-${name}`;
export const SUBMIT_ID = 'intake-submit';

type T = (key: MessageKey, params?: Params) => string;

const digits = (s: string) => s.replace(/[\s.-]/g, '');

/** Every problem of the form, in the order of the page. */
export function checkIntake(v: IntakeValues, fields: FormField[], t: T): FieldError[] {
  const out: FieldError[] = [];
  const a = v.applicant;
  if (!a.fullName.trim()) out.push({ field: applicantId('fullName'), text: t('intake.err.fullName') });
  if (!/^(\d{12}|\d{9})$/.test(digits(a.idNumber))) out.push({ field: applicantId('idNumber'), text: t('intake.err.idNumber') });
  if (!/^(0|\+84)\d{9}$/.test(digits(a.phone))) out.push({ field: applicantId('phone'), text: t('intake.err.phone') });
  if (!a.address.trim()) out.push({ field: applicantId('address'), text: t('intake.err.address') });
  for (const f of fields) {
    const raw = (v.form[f.name] ?? '').trim();
    const label = f.label.charAt(0).toLocaleLowerCase('vi') + f.label.slice(1);
    if (!raw) {
      if (f.required) {
        const key = f.type === 'select' || f.type === 'boolean' ? 'intake.err.choose' : 'intake.err.enter';
        out.push({ field: formFieldId(f.name), text: t(key, { label }) });
      }
      continue;
    }
    if (f.type === 'integer' && !/^-?\d+$/.test(raw))
      out.push({ field: formFieldId(f.name), text: t('intake.err.integer', { label: f.label }) });
    if (f.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(raw))
      out.push({ field: formFieldId(f.name), text: t('intake.err.date', { label: f.label }) });
  }
  if (!v.channel) out.push({ field: 'channel', text: t('intake.err.channel') });
  return out;
}

/** The e-form values as the API types them: integers as numbers, yes/no as booleans, empty ones left out. */
export function formDataOf(v: Record<string, string>, fields: FormField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = (v[f.name] ?? '').trim();
    if (!raw) continue;
    out[f.name] = f.type === 'integer' ? Number(raw) : f.type === 'boolean' ? raw === 'true' : raw;
  }
  return out;
}

/** The input an API field name is about ("applicant.idNumber", "body.formData.x"), or the submit button. */
export function inputIdOf(apiField: string): string {
  const f = apiField.replace(/^body\./, '');
  if (f.startsWith('applicant.')) return applicantId(f.slice('applicant.'.length));
  if (f.startsWith('formData.')) return formFieldId(f.slice('formData.'.length));
  if (f === 'channel') return 'channel';
  return SUBMIT_ID;
}
