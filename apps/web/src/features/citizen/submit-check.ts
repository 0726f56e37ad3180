/**
 * Checks of the online submission before it is sent, in plain words beside each field, and the
 * mapping of the API's field names (applicant.phone, formData.x, documents.0.documentId) to inputs.
 */
import type { DocumentComponent, FormField } from '@motcua/contracts';
import type { FieldError } from '../../components/ErrorSummary.tsx';
import type { Params } from '../../i18n/messages.ts';
import type { CitizenKeyAny } from './useCitizenT.ts';
import { formFieldId } from '../dossiers/intake-check.ts';

// The e-form inputs are the desk's EFormField, so their ids (and this page's error anchors) are its own.
export { formFieldId };

export const APPLICANT_FIELDS = ['fullName', 'idNumber', 'phone', 'address'] as const;
export type ApplicantField = (typeof APPLICANT_FIELDS)[number];

/** How a component of the dossier is provided: a document from my store, a new file, or nothing. */
export type DocMode = '' | 'store' | 'upload' | 'none';

export interface DocChoice {
  mode: DocMode;
  documentId: string;
  file: File | null;
  /** The id the new file got when uploaded by an earlier attempt to submit. */
  uploadedId: string | null;
}

export interface SubmitValues {
  applicant: Record<ApplicantField, string>;
  form: Record<string, string>;
  unitCode: string;
  docs: DocChoice[];
  confirmed: boolean;
}

export const applicantId = (f: string) => `applicant-${f}`;
/** The radio of one way to provide component i ("store", "upload", "none"): stable whatever else is offered. */
export const docModeId = (i: number, mode: Exclude<DocMode, ''>) => `doc-${i}-${mode}`;
export const docFileId = (i: number) => `doc-${i}-file`;
export const docStoreId = (i: number) => `doc-${i}-document`;
export const UNIT_ID = 'unitCode';
export const CONFIRM_ID = 'confirm';
export const SUBMIT_ID = 'submit-online';

/** Files the store keeps (documents.sniff.ts); the server checks the content, this only spares a wasted upload. */
export const ACCEPT = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';
export const MAX_BYTES = 10 * 1024 * 1024;

type T = (key: CitizenKeyAny, params?: Params) => string;

const digits = (s: string) => s.replace(/[\s.-]/g, '');
const lower = (label: string) => label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);

/**
 * Every problem of the form, in the order of the page. `firstMode` is the first way offered to provide
 * a component (where its error points): "store" when the citizen has stored documents, else "upload".
 */
export function checkSubmission(
  v: SubmitValues,
  fields: FormField[],
  components: DocumentComponent[],
  needsUnit: boolean,
  firstMode: 'store' | 'upload',
  t: T,
): FieldError[] {
  const out: FieldError[] = [];
  const a = v.applicant;
  if (!a.fullName.trim()) out.push({ field: applicantId('fullName'), text: t('citizen.submit.err.fullName') });
  if (!/^(\d{12}|\d{9})$/.test(digits(a.idNumber)))
    out.push({ field: applicantId('idNumber'), text: t('citizen.submit.err.idNumber') });
  if (!/^(0|\+84)\d{9}$/.test(digits(a.phone))) out.push({ field: applicantId('phone'), text: t('citizen.submit.err.phone') });
  if (!a.address.trim()) out.push({ field: applicantId('address'), text: t('citizen.submit.err.address') });
  if (needsUnit && !v.unitCode) out.push({ field: UNIT_ID, text: t('citizen.submit.err.unit') });
  for (const f of fields) {
    const raw = (v.form[f.name] ?? '').trim();
    if (!raw) {
      if (f.required) {
        const key = f.type === 'select' || f.type === 'boolean' ? 'citizen.submit.err.choose' : 'citizen.submit.err.enter';
        out.push({ field: formFieldId(f.name), text: t(key, { label: lower(f.label) }) });
      }
      continue;
    }
    if (f.type === 'integer' && !/^-?\d+$/.test(raw))
      out.push({ field: formFieldId(f.name), text: t('citizen.submit.err.integer', { label: f.label }) });
    if (f.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(raw))
      out.push({ field: formFieldId(f.name), text: t('citizen.submit.err.date', { label: f.label }) });
  }
  components.forEach((c, i) => {
    const d = v.docs[i];
    const label = lower(c.name);
    if (!d || !d.mode) out.push({ field: docModeId(i, firstMode), text: t('citizen.submit.err.docMode', { label }) });
    else if (d.mode === 'store' && !d.documentId)
      out.push({ field: docStoreId(i), text: t('citizen.submit.err.docStore', { label }) });
    else if (d.mode === 'upload' && !d.file && !d.uploadedId)
      out.push({ field: docFileId(i), text: t('citizen.submit.err.docFile', { label }) });
    else if (d.mode === 'upload' && d.file && d.file.size > MAX_BYTES)
      out.push({ field: docFileId(i), text: t('citizen.submit.err.docTooLarge', { label }) });
  });
  // One stored document serves one component (the API refuses the same document twice).
  const picked = new Map<string, number>();
  v.docs.forEach((d, i) => {
    if (d.mode !== 'store' || !d.documentId) return;
    if (picked.has(d.documentId))
      out.push({ field: docStoreId(i), text: t('citizen.submit.err.docTwice', { label: lower(components[i]?.name ?? '') }) });
    else picked.set(d.documentId, i);
  });
  if (!v.confirmed) out.push({ field: CONFIRM_ID, text: t('citizen.submit.err.confirm') });
  return out;
}

/** The input an API field name is about ("applicant.phone", "body.formData.x", "documents.2.documentId"). */
export function inputIdOf(apiField: string): string {
  const f = apiField.replace(/^body[./]/, '').replace(/\//g, '.');
  if (f.startsWith('applicant.')) return applicantId(f.slice('applicant.'.length));
  if (f.startsWith('formData.')) return formFieldId(f.slice('formData.'.length));
  if (f === 'unitCode') return UNIT_ID;
  return SUBMIT_ID;
}
