/**
 * Liên thông (seed 001): issuing the birth registration result opens the permanent-residence dossier
 * in the same commune, received at once, with the child carried into the residence form.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { APPLICANT, at, BIRTH_FORM, BIRTH_REGISTRATION, dossierApi, LONG_XUYEN, onlineBody, PERMANENT_RESIDENCE, type Headers } from './dossiers.fixtures.ts';

let sys: TestSystem;
let api: ReturnType<typeof dossierApi>;
let intake: Headers;
let processor: Headers;
let approver: Headers;

beforeAll(async () => {
  sys = await createTestSystem();
  api = dossierApi(sys);
  intake = (await staffSession(sys, LONG_XUYEN, ['intake_officer'])).headers;
  processor = (await staffSession(sys, LONG_XUYEN, ['processor'])).headers;
  approver = (await staffSession(sys, LONG_XUYEN, ['approver'])).headers;
});
afterEach(() => vi.useRealTimers());
afterAll(async () => sys?.close());

async function step(headers: Headers, code: string, action: string, body: object) {
  const res = await api.act(headers, code, action, body);
  if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  return res.json();
}

describe('birth registration → permanent residence', () => {
  it('opens the next dossier when the birth certificate is issued', async () => {
    at('2026-02-13T09:00:00+07:00');
    const code = (await api.online(onlineBody({ procedureCode: BIRTH_REGISTRATION, formData: BIRTH_FORM, reusedData: true }))).json().code;
    at('2026-02-13T10:00:00+07:00');
    const received = await step(intake, code, 'receive', { version: 1 });
    // "Ngay sau khi nhận đủ giấy tờ" (8 hours): by the end of office hours of the day of receipt.
    expect(received.dueAt).toBe('2026-02-13T17:00:00+07:00');
    await step(processor, code, 'start', { version: 2 });
    at('2026-02-13T11:00:00+07:00');
    await step(approver, code, 'approve', { version: 3 });
    at('2026-02-13T14:00:00+07:00');
    const parent = await step(approver, code, 'issue-result', { version: 4, digitizedResult: true });

    expect(parent.chainedCodes).toHaveLength(1);
    const childCode = parent.chainedCodes[0] as string;
    expect(childCode).toMatch(/^30307-260213-\d{4}$/);
    expect(parent.events.at(-1)).toMatchObject({ action: 'chain_next_opened', actor: { kind: 'system' }, details: { childCode, procedureCode: PERMANENT_RESIDENCE } });

    const child = (await api.get(intake, childCode)).json();
    expect(child).toMatchObject({
      procedureCode: PERMANENT_RESIDENCE,
      procedureName: 'Đăng ký thường trú',
      status: 'received',
      channel: 'online',
      handlingUnit: { code: LONG_XUYEN },
      parentCode: code,
      applicant: APPLICANT,
      receivedAt: '2026-02-13T14:00:00+07:00',
      // 7 working days after Fri 13/2, Tết skipped: 23, 24, 25, 26, 27/2, 2/3, 3/3.
      dueAt: '2026-03-03T17:00:00+07:00',
      feeVnd: 10000,
      digitizedDossier: true,
      reusedData: true,
      version: 1,
    });
    expect(child.formData).toEqual({
      chainedFrom: {
        dossierCode: code,
        procedureCode: BIRTH_REGISTRATION,
        procedureName: 'Đăng ký khai sinh',
        resultType: expect.stringContaining('Giấy khai sinh'),
        decidedAt: '2026-02-13T11:00:00+07:00',
      },
      applicantFullName: APPLICANT.fullName,
      applicantIdNumber: APPLICANT.idNumber,
      memberFullName: 'Trần Gia Bảo',
      memberDateOfBirth: '2026-02-01',
      memberGender: 'Nam',
    });
    expect(child.events).toEqual([
      expect.objectContaining({ action: 'chain_opened', fromStatus: null, toStatus: 'received', actor: expect.objectContaining({ kind: 'system' }) }),
    ]);
    // The next unit works it like any other received dossier.
    expect((await api.act(processor, childCode, 'start', { version: 1 })).statusCode).toBe(200);
  });

  it('opens nothing for a refused birth registration', async () => {
    const code = (await api.online(onlineBody({ procedureCode: BIRTH_REGISTRATION, formData: BIRTH_FORM }))).json().code;
    await step(intake, code, 'receive', { version: 1 });
    await step(processor, code, 'start', { version: 2 });
    await step(approver, code, 'refuse', { version: 3, reason: 'Giấy chứng sinh không hợp lệ' });
    const d = await step(approver, code, 'issue-result', { version: 4, digitizedResult: false });
    expect(d.chainedCodes).toEqual([]);
    expect(d.status).toBe('result_issued');
  });
});
