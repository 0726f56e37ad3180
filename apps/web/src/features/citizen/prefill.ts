/**
 * The answer of GET /api/v1/me/prefill?procedure=CODE (modules/prefill) as the form's starting
 * values. What the state already knows about the applicant (the population registry, the VNeID
 * identity; earlier results later) arrives filled in; the citizen may change any of it.
 */
import type { PrefillValueSource, PrefillView } from '@motcua/contracts';
import type { ApplicantField } from './submit-check.ts';

export interface Prefilled {
  applicant: Partial<Record<ApplicantField, string>>;
  form: Record<string, string>;
  /** Where each prefilled value came from, by the API's field name ("applicant.fullName", an e-form field name). */
  source: Record<string, PrefillValueSource>;
  /** The names the API offered as prefilled; sent back (minus those changed) as prefilledFields. */
  offered: string[];
  /** The commune of residence for a commune-level procedure, as a suggested handling unit. */
  unitCode: string | null;
  /** The prefill's own remarks (e.g. a person the registry does not know), in Vietnamese. */
  notices: string[];
}

export const EMPTY_PREFILL: Prefilled = { applicant: {}, form: {}, source: {}, offered: [], unitCode: null, notices: [] };

const APPLICANT_KEYS: ApplicantField[] = ['fullName', 'idNumber', 'phone', 'address'];

/** A value as the form's inputs hold it: text, "true"/"false", digits; null for nothing. */
function asInput(v: string | number | boolean | null): string | null {
  if (typeof v === 'string') return v.trim() ? v.normalize('NFC') : null;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return null;
}

export function readPrefill(p: PrefillView): Prefilled {
  const out: Prefilled = {
    applicant: {},
    form: {},
    source: {},
    offered: p.prefilledFields,
    unitCode: p.suggestedUnitCode,
    notices: p.notices,
  };
  for (const k of APPLICANT_KEYS) {
    const a = p.applicant[k];
    const v = asInput(a.value);
    if (!a.prefilled || v === null) continue;
    out.applicant[k] = v;
    out.source[`applicant.${k}`] = a.source ?? 'registry';
  }
  for (const f of p.fields) {
    const v = asInput(f.value);
    if (!f.prefilled || v === null) continue;
    // A choice the form does not offer cannot be kept; the citizen picks.
    if (f.type === 'select' && !(f.options ?? []).includes(v)) continue;
    out.form[f.name] = v;
    out.source[f.name] = f.source ?? 'registry';
  }
  return out;
}
