/**
 * Test data and HTTP helpers shared by the dossier tests (imported by *.test.ts only). Business time
 * is set with vi.setSystemTime, which fakes Date alone: sessions are opened before, in real time.
 */
import { vi } from 'vitest';
import { citizenSession, type TestSystem } from '../../../test/system.ts';

/** A valid CCCD (089 = An Giang, female born 1990) and mobile number; the tests search bodies for them. */
export const APPLICANT = {
  fullName: 'Nguyễn Thị Mai Anh',
  idNumber: '089190012345',
  phone: '0912345678',
  address: '12 Trần Hưng Đạo, Phường Long Xuyên, An Giang',
};

/** Đăng ký tạm trú (1.004194): 3 working days, 15,000 đ at the counter, 7,000 đ online. */
export const TEMP_RESIDENCE = '1.004194';
export const TEMP_RESIDENCE_FORM = {
  applicantFullName: APPLICANT.fullName,
  applicantDateOfBirth: '1990-05-12',
  applicantGender: 'Nữ',
  applicantIdNumber: APPLICANT.idNumber,
  applicantPhone: APPLICANT.phone,
  temporaryAddress: '45 Lý Thái Tổ, Phường Long Xuyên, An Giang',
  legalResidenceBasis: 'Thuê, mượn, ở nhờ',
  stayMonths: 12,
};

/** Đăng ký khai sinh (1.001193): "ngay sau khi nhận" (8 hours), chained to đăng ký thường trú (1.004222). */
export const BIRTH_REGISTRATION = '1.001193';
export const PERMANENT_RESIDENCE = '1.004222';
export const BIRTH_FORM = {
  requesterFullName: APPLICANT.fullName,
  requesterIdNumber: APPLICANT.idNumber,
  requesterAddress: APPLICANT.address,
  requesterPhone: APPLICANT.phone,
  requesterRelationship: 'Mẹ',
  childFullName: 'Trần Gia Bảo',
  childDateOfBirth: '2026-02-01',
  childGender: 'Nam',
  childEthnicity: 'Kinh',
  childNationality: 'Việt Nam',
  childPlaceOfBirth: 'Bệnh viện Đa khoa Trung tâm An Giang',
  childPlaceOfOrigin: 'An Giang',
};

export const LONG_XUYEN = '30307';
export const MY_HOA_HUNG = '30313';

/** Sets the business clock (Date only) to an instant written with its offset. */
export function at(iso: string): void {
  vi.setSystemTime(new Date(iso));
}

export type Headers = Record<string, string>;

export function dossierApi(sys: TestSystem) {
  const inject = (method: 'GET' | 'POST', url: string, headers?: Headers, payload?: object) =>
    sys.app.inject({ method, url, headers, payload });
  // Online submission needs a VNeID session; one test citizen submits unless a test says who.
  let citizen: Promise<{ headers: Headers }> | undefined;
  const defaultCitizen = () => (citizen ??= citizenSession(sys));
  return {
    counter: (headers: Headers | undefined, body: object) => inject('POST', '/api/v1/dossiers', headers, body),
    online: async (body: object, headers?: Headers) =>
      inject('POST', '/api/v1/dossiers/online', headers ?? (await defaultCitizen()).headers, body),
    get: (headers: Headers | undefined, code: string) => inject('GET', `/api/v1/dossiers/${encodeURIComponent(code)}`, headers),
    list: (headers: Headers | undefined, query = '') => inject('GET', `/api/v1/dossiers${query}`, headers),
    track: (code: string) => inject('GET', `/api/v1/track/${encodeURIComponent(code)}`),
    act: (headers: Headers | undefined, code: string, action: string, body: object) =>
      inject('POST', `/api/v1/dossiers/${encodeURIComponent(code)}/${action}`, headers, body),
  };
}

export function counterBody(overrides: Record<string, unknown> = {}) {
  return {
    procedureCode: TEMP_RESIDENCE,
    unitCode: LONG_XUYEN,
    channel: 'counter',
    applicant: APPLICANT,
    formData: TEMP_RESIDENCE_FORM,
    digitizedDossier: true,
    ...overrides,
  };
}

export function onlineBody(overrides: Record<string, unknown> = {}) {
  return { procedureCode: TEMP_RESIDENCE, unitCode: LONG_XUYEN, applicant: APPLICANT, formData: TEMP_RESIDENCE_FORM, ...overrides };
}
