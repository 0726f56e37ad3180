/**
 * Checks of what an applicant sends: the person (CCCD/CMND, mobile number), the e-form values against
 * the procedure's form, the fee case and whether the unit handles the procedure. Pure, so the rules
 * read and test without a database. Messages are plain Vietnamese, one per field.
 */
import {
  foldForSearch,
  parseCccd,
  parseCmnd,
  parseMobile,
  type Applicant,
  type DossierChannel,
  type Fee,
  type FormField,
} from '@motcua/contracts';
import { errors } from '../../errors.ts';
import { isIsoDate } from '../../shared/dates.ts';
import type { ProcedureRow } from '../catalog/catalog.service.ts';
import type { UnitRow } from '../units/units.service.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

const MAX_TEXT = 2000;

/** The applicant with the ID and phone in canonical form, or the problems. */
export function normaliseApplicant(a: Applicant): { value: Applicant; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const digits = a.idNumber.replace(/[\s.-]/g, '');
  const id = digits.length === 9 ? parseCmnd(digits) : parseCccd(digits);
  if (!id.ok) problems.push({ field: 'applicant.idNumber', message: id.message });
  const phone = parseMobile(a.phone);
  if (!phone.ok) problems.push({ field: 'applicant.phone', message: phone.message });
  const fullName = a.fullName.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!fullName) problems.push({ field: 'applicant.fullName', message: 'Nhập họ, chữ đệm và tên' });
  const address = a.address.normalize('NFC').trim();
  if (!address) problems.push({ field: 'applicant.address', message: 'Nhập địa chỉ liên hệ' });
  return {
    value: { fullName, idNumber: id.ok ? id.number : digits, phone: phone.ok ? phone.national : a.phone, address },
    problems,
  };
}

function checkValue(f: FormField, v: unknown): string | null {
  switch (f.type) {
    case 'string':
      return typeof v === 'string' && v.length <= MAX_TEXT ? null : `Nhập văn bản (tối đa ${MAX_TEXT} ký tự)`;
    case 'date':
      return typeof v === 'string' && isIsoDate(v) ? null : 'Nhập ngày dạng YYYY-MM-DD';
    case 'integer':
      return Number.isInteger(v) ? null : 'Nhập số nguyên';
    case 'boolean':
      return typeof v === 'boolean' ? null : 'Chọn có hoặc không';
    case 'select':
      return typeof v === 'string' && (f.options ?? []).includes(v) ? null : `Chọn một trong: ${(f.options ?? []).join('; ')}`;
  }
}

/**
 * Checks e-form values against the procedure's form: required fields present, types right, and no
 * field the form does not ask for (Decree 13/2023: collect only what the procedure needs).
 */
export function checkFormData(form: FormField[], data: Record<string, unknown>): { value: Record<string, unknown>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const value: Record<string, unknown> = {};
  const known = new Map(form.map((f) => [f.name, f]));
  for (const key of Object.keys(data)) {
    if (!known.has(key)) problems.push({ field: `formData.${key}`, message: 'Tờ khai của thủ tục không có trường này' });
  }
  for (const f of form) {
    const raw = data[f.name];
    const v = typeof raw === 'string' ? raw.normalize('NFC').trim() : raw;
    if (v === undefined || v === null || v === '') {
      if (f.required) problems.push({ field: `formData.${f.name}`, message: `Nhập ${f.label.toLowerCase()}` });
      continue;
    }
    const problem = checkValue(f, v);
    if (problem) problems.push({ field: `formData.${f.name}`, message: `${f.label}: ${problem}` });
    else value[f.name] = v;
  }
  return { value, problems };
}

const isOnlineCase = (fee: Fee) => foldForSearch(fee.label).includes('truc tuyen');

/**
 * The fee of a new dossier. Stated by the officer or applicant: 0 (exempt) or one of the catalogue's
 * amounts. Otherwise the catalogue's case for the channel when the labels tell online from in person
 * ("Nộp hồ sơ trực tuyến"), else its first amount.
 */
export function feeFor(procedure: Pick<ProcedureRow, 'fees'>, channel: DossierChannel, stated: number | undefined): number {
  const fees = procedure.fees ?? [];
  if (stated !== undefined) {
    if (stated !== 0 && !fees.some((f) => f.amountVnd === stated)) {
      const allowed = fees.length ? fees.map((f) => `${f.amountVnd} (${f.label})`).join('; ') : 'thủ tục không thu phí';
      throw errors.validation([{ field: 'feeVnd', message: 'không khớp danh mục' }], `Lệ phí ${stated} đồng không có trong danh mục; chọn 0 (miễn) hoặc: ${allowed}.`);
    }
    return stated;
  }
  if (fees.length === 0) return 0;
  const match = fees.find((f) => isOnlineCase(f) === (channel === 'online'));
  return (match ?? fees[0]!).amountVnd;
}

/**
 * Whether `unit` handles `procedure`: the named agency (or a unit under it) when the catalogue names
 * one, a commune for commune-level procedures; other levels are not checked until the catalogue
 * names their agencies.
 */
export function unitProblem(procedure: Pick<ProcedureRow, 'code' | 'name' | 'level' | 'agency_code' | 'agency_name'>, unit: UnitRow, agencyPath: string | null): string | null {
  if (procedure.agency_code) {
    if (agencyPath && unit.path.startsWith(agencyPath)) return null;
    return `Thủ tục ${procedure.code} (${procedure.name}) do ${procedure.agency_name} (mã ${procedure.agency_code}) giải quyết, không phải đơn vị ${unit.code}.`;
  }
  if (procedure.level === 'commune' && unit.kind !== 'commune') {
    return `Thủ tục ${procedure.code} (${procedure.name}) thuộc thẩm quyền cấp xã; chọn một xã, phường, đặc khu thay vì đơn vị ${unit.code}.`;
  }
  return null;
}

/** Throws one VALIDATION_FAILED listing every problem, with the first one as the message. */
export function throwIfProblems(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  const summary = problems.length === 1 ? problems[0]!.message : `${problems[0]!.message} (và ${problems.length - 1} lỗi khác)`;
  throw errors.validation(problems, `Hồ sơ chưa hợp lệ: ${summary}.`);
}
