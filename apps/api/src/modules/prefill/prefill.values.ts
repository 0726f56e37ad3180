/**
 * From what the state knows to form values: the registry record (and, when the registry does not
 * answer, the identity VNeID vouched for) mapped onto the `registry:` keys the catalogue's e-forms
 * declare (PREFILL_KEYS), then onto each field's type. A value that does not fit the field (a
 * select whose options do not contain it, a date field given text) is not prefilled: the citizen
 * types it. Pure, so the mapping reads and tests without a database.
 */
import type { FormField, PrefillField, PrefilledValue, PrefillValueSource } from '@motcua/contracts';
import { isIsoDate } from '../../shared/dates.ts';
import type { CitizenActor } from '../../shared/policy.ts';
import type { RegistryPerson } from '../registry/registry.adapter.ts';

type Known = { value: string; source: PrefillValueSource };

const SEX_LABELS = { male: 'Nam', female: 'Nữ' } as const;

/** The household line of the residence forms: head, household code, relationship to the head. */
export function householdLine(h: NonNullable<RegistryPerson['household']>): string {
  return h.relationshipToHead === 'Chủ hộ'
    ? `Chủ hộ: ${h.headFullName} (mã hộ ${h.code}); người khai là chủ hộ`
    : `Chủ hộ: ${h.headFullName} (mã hộ ${h.code}); quan hệ với chủ hộ: ${h.relationshipToHead}`;
}

/** Every `registry:` fact this person's record answers, keyed as in PREFILL_KEYS.registry. */
export function registryFacts(p: RegistryPerson): Map<string, string> {
  const facts: [string, string | null | undefined][] = [
    ['fullName', p.fullName],
    ['dateOfBirth', p.birthDate],
    ['gender', SEX_LABELS[p.sex]],
    ['idNumber', p.idNumber],
    ['placeOfBirth', p.placeOfBirth],
    ['placeOfOrigin', p.placeOfOrigin],
    ['ethnicity', p.ethnicity],
    ['religion', p.religion],
    ['nationality', p.nationality],
    ['maritalStatus', p.maritalStatus],
    ['permanentAddress', p.permanentAddress],
    ['temporaryAddress', p.temporaryAddress],
    ['currentAddress', p.currentAddress ?? p.permanentAddress],
    ['phone', p.phones[0]],
    ['household', p.household ? householdLine(p.household) : null],
    ['householdHeadName', p.household?.headFullName],
    ['relationshipToHead', p.household?.relationshipToHead],
    ['father.fullName', p.father?.fullName],
    ['father.idNumber', p.father?.idNumber],
    ['mother.fullName', p.mother?.fullName],
    ['mother.idNumber', p.mother?.idNumber],
    ['spouse.fullName', p.spouse?.fullName],
    ['spouse.idNumber', p.spouse?.idNumber],
  ];
  return new Map(facts.filter((f): f is [string, string] => typeof f[1] === 'string' && f[1].trim() !== ''));
}

/** What VNeID itself vouched for at login: enough for name, CCCD and date of birth. */
export function vneidFacts(c: Pick<CitizenActor, 'fullName' | 'idNumber' | 'birthDate'>): Map<string, string> {
  const m = new Map<string, string>([
    ['fullName', c.fullName],
    ['idNumber', c.idNumber],
  ]);
  if (c.birthDate) m.set('dateOfBirth', c.birthDate);
  return m;
}

/**
 * The registry's words for marital status and the words of the forms (the marital-status certificate
 * form of 1.004873); a select field takes the form's word.
 */
const SELECT_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  'Đã kết hôn': ['Đang có vợ/chồng'],
  'Chưa kết hôn': ['Chưa đăng ký kết hôn'],
  'Ly hôn': ['Đã ly hôn'],
  'Góa': ['Vợ/chồng đã chết'],
};

/** The value as the field takes it, or null when it does not fit. */
export function fitToField(f: Pick<FormField, 'type' | 'options'>, value: string): string | null {
  switch (f.type) {
    case 'string':
      return value.length <= 2000 ? value : null;
    case 'date':
      return isIsoDate(value) ? value : null;
    case 'select': {
      const options = f.options ?? [];
      if (options.includes(value)) return value;
      return SELECT_SYNONYMS[value]?.find((o) => options.includes(o)) ?? null;
    }
    default:
      return null; // integers and yes/no questions are never facts of the registry
  }
}

/** Fills one e-form field from the facts, by its catalogue marker. */
export function fillField(f: FormField, facts: { registry: Map<string, string>; vneid: Map<string, string> }): PrefillField {
  const base: PrefillField = {
    name: f.name,
    label: f.label,
    type: f.type,
    required: f.required,
    ...(f.options ? { options: f.options } : {}),
    ...(f.prefill ? { prefill: f.prefill } : {}),
    value: null,
    prefilled: false,
    source: null,
  };
  if (!f.prefill) return base;
  const [kind, key] = [f.prefill.slice(0, f.prefill.indexOf(':')), f.prefill.slice(f.prefill.indexOf(':') + 1)];
  // `results:` keys wait for the citizen's earlier results (docs/prefill.md: fromResults).
  if (kind !== 'registry') return { ...base, source: 'results' };
  const known: Known | undefined = facts.registry.has(key)
    ? { value: facts.registry.get(key)!, source: 'registry' }
    : facts.vneid.has(key)
      ? { value: facts.vneid.get(key)!, source: 'vneid' }
      : undefined;
  const value = known ? fitToField(f, known.value) : null;
  return value === null ? base : { ...base, value, prefilled: true, source: known!.source };
}

const given = (value: string | null | undefined, source: PrefillValueSource): PrefilledValue =>
  value ? { value, prefilled: true, source } : { value: null, prefilled: false, source: null };

/** The applicant block of every submission: who applies, how to reach them. */
export function fillApplicant(person: RegistryPerson | null, citizen: Pick<CitizenActor, 'fullName' | 'idNumber'>) {
  return {
    fullName: person ? given(person.fullName, 'registry') : given(citizen.fullName, 'vneid'),
    idNumber: person ? given(person.idNumber, 'registry') : given(citizen.idNumber, 'vneid'),
    phone: given(person?.phones[0], 'registry'),
    address: given(person?.currentAddress ?? person?.permanentAddress, 'registry'),
  };
}

export const APPLICANT_FIELDS = ['fullName', 'idNumber', 'phone', 'address'] as const;
