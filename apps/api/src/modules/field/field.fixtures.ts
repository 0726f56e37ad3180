/**
 * Household list files and HTTP helpers for the field tests (imported by *.test.ts only). CCCDs are
 * well-formed An Giang numbers (089, century/sex digit, birth year) of nobody.
 */
import crypto from 'node:crypto';
import { HOUSEHOLD_COLUMNS } from '@motcua/contracts';
import type { TestSystem } from '../../../test/system.ts';
import { toCsv } from '../../shared/csv.ts';
import { multipart } from '../documents/documents.fixtures.ts';

export type Headers = Record<string, string>;
export type Row = Partial<Record<(typeof HOUSEHOLD_COLUMNS)[number], string>>;

let serial = 0;
/** A CCCD of a man born in `year`, unique within the test process. */
export function cccd(year = 1985): string {
  const digit = year >= 2000 ? 2 : 0;
  return `089${digit}${String(year % 100).padStart(2, '0')}${String(100000 + ++serial).slice(-6)}`;
}

export function person(commune: string, hamlet: string, household: string, fullName: string, extra: Row = {}): Row {
  const id = extra.id_number ?? cccd(1985);
  return { commune_code: commune, hamlet, household_code: household, address: '', full_name: fullName, id_number: id, birth_year: '1985', phone: '', list_kind: 'approved_not_activated', ...extra };
}

export function csvOf(rows: Row[]): Buffer {
  return Buffer.from(toCsv([...HOUSEHOLD_COLUMNS], rows.map((r) => HOUSEHOLD_COLUMNS.map((c) => r[c] ?? ''))), 'utf8');
}

export function fieldApi(sys: TestSystem) {
  const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, headers?: Headers, payload?: object) => sys.app.inject({ method, url, headers, payload });
  return {
    upload: (ref: string, file: Buffer, headers?: Headers, fileName = 'danh-sach.csv') => {
      const form = multipart([{ name: 'file', filename: fileName, contentType: 'text/csv', data: file }]);
      return sys.app.inject({ method: 'POST', url: `/api/v1/campaigns/${ref}/households`, headers: { ...headers, ...form.headers }, payload: form.payload });
    },
    teams: (ref: string, headers?: Headers, unit?: string) => inject('GET', `/api/v1/campaigns/${ref}/teams${unit ? `?unit=${unit}` : ''}`, headers),
    createTeam: (ref: string, body: object, headers?: Headers) => inject('POST', `/api/v1/campaigns/${ref}/teams`, headers, body),
    updateTeam: (ref: string, id: number, body: object, headers?: Headers) => inject('PATCH', `/api/v1/campaigns/${ref}/teams/${id}`, headers, body),
    assign: (ref: string, id: number, body: object, headers?: Headers) => inject('POST', `/api/v1/campaigns/${ref}/teams/${id}/assignments`, headers, body),
    progress: (ref: string, headers?: Headers, query = '') => inject('GET', `/api/v1/campaigns/${ref}/field/progress${query}`, headers),
    assignments: (headers?: Headers) => inject('GET', '/api/v1/field/assignments', headers),
    outcomes: (items: object[], headers?: Headers) => inject('POST', '/api/v1/field/outcomes', headers, { items }),
  };
}

/** An outcome as the phone queues it. */
export function record(personId: number, outcome: string, recordedAt: string, clientId: string = crypto.randomUUID()) {
  return { clientId, personId, outcome, recordedAt };
}
