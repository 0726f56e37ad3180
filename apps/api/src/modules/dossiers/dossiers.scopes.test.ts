/**
 * Who may see and do what on a dossier, across communes and roles: another commune's officer gets
 * 404 when reading (existence is not revealed) and 403 when acting; the public tracking page shows
 * no personal data.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '@motcua/contracts';
import { citizenSession, createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { APPLICANT, at, counterBody, dossierApi, LONG_XUYEN, MY_HOA_HUNG, onlineBody, type Headers } from './dossiers.fixtures.ts';

let sys: TestSystem;
let api: ReturnType<typeof dossierApi>;
type Who = 'lxIntake' | 'lxProcessor' | 'lxApprover' | 'lxVolunteer' | 'mhhIntake' | 'mhhApprover' | 'provinceMonitor';
const staff = {} as Record<Who, Headers>;

beforeAll(async () => {
  sys = await createTestSystem();
  api = dossierApi(sys);
  const make = async (key: Who, unit: string, roles: Role[]) => (staff[key] = (await staffSession(sys, unit, roles)).headers);
  await make('lxIntake', LONG_XUYEN, ['intake_officer']);
  await make('lxProcessor', LONG_XUYEN, ['processor']);
  await make('lxApprover', LONG_XUYEN, ['approver']);
  await make('lxVolunteer', LONG_XUYEN, ['field_volunteer']);
  await make('mhhIntake', MY_HOA_HUNG, ['intake_officer']);
  await make('mhhApprover', MY_HOA_HUNG, ['approver']);
  await make('provinceMonitor', '91', ['monitor']);
});
afterEach(() => vi.useRealTimers());
afterAll(async () => sys?.close());

async function newDossier(): Promise<string> {
  const res = await api.counter(staff.lxIntake, counterBody());
  expect(res.statusCode).toBe(201);
  return res.json().code;
}

describe('reading across units', () => {
  it('hides another commune’s dossier behind 404, and shows it to the province monitor', async () => {
    const code = await newDossier();
    const other = await api.get(staff.mhhIntake, code);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    const unknown = await api.get(staff.mhhIntake, '30313-260101-9999');
    expect(other.json().error.message).toBe(`Không tìm thấy hồ sơ có mã ${code}.`);
    expect(unknown.statusCode).toBe(404);
    expect((await api.get(staff.provinceMonitor, code)).statusCode).toBe(200);
    expect((await api.get(staff.lxProcessor, code)).statusCode).toBe(200);
    expect((await api.get(undefined, code)).statusCode).toBe(401);
    expect((await api.get(staff.lxVolunteer, code)).statusCode).toBe(404);
  });

  it('scopes the work queue to the subtree and masks the applicant', async () => {
    const code = await newDossier();
    const own = await api.list(staff.lxIntake, '?status=received&limit=500');
    expect(own.statusCode).toBe(200);
    const item = own.json().items.find((i: { code: string }) => i.code === code);
    expect(item.applicantName).toBe('N. T. M. A.');
    expect(own.body).not.toContain(APPLICANT.fullName);
    expect(own.body).not.toContain(APPLICANT.idNumber);
    const other = await api.list(staff.mhhIntake, '?limit=500');
    expect(other.json().items.map((i: { code: string }) => i.code)).not.toContain(code);
    expect((await api.list(staff.mhhIntake, `?unit=${LONG_XUYEN}`)).statusCode).toBe(403);
    const province = await api.list(staff.provinceMonitor, `?unit=${LONG_XUYEN}&limit=500`);
    expect(province.json().items.map((i: { code: string }) => i.code)).toContain(code);
  });

  it('audits each full read of a dossier', async () => {
    const code = await newDossier();
    await api.get(staff.provinceMonitor, code);
    const rows = await sys.database.db.selectFrom('audit_log').select(['action', 'actor_kind']).where('target', '=', `dossier:${code}`).execute();
    expect(rows).toEqual([{ action: 'dossier.read', actor_kind: 'staff' }]);
  });
});

describe('acting across units and roles', () => {
  it('forbids another commune’s officers every action (403) and changes nothing', async () => {
    const code = await newDossier();
    const attempts: [Headers, string, object][] = [
      [staff.mhhIntake, 'withdraw', { version: 1, reason: 'thử' }],
      [staff.mhhApprover, 'assign', { version: 1, staffId: 1 }],
      [staff.mhhApprover, 'transfer', { version: 1, unitCode: MY_HOA_HUNG, reason: 'thử' }],
      [staff.mhhApprover, 'apology', { version: 1, newDueAt: '2027-01-01T17:00:00+07:00', reason: 'thử' }],
    ];
    for (const [h, action, body] of attempts) {
      const res = await api.act(h, code, action, body);
      expect(res.statusCode, action).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await api.get(staff.lxIntake, code)).json().version).toBe(1);
  });

  it('gives each step to its role only', async () => {
    const code = await newDossier();
    const deny = async (h: Headers, action: string, body: object) => expect((await api.act(h, code, action, body)).statusCode, action).toBe(403);
    await deny(staff.lxIntake, 'start', { version: 1 });
    await deny(staff.lxApprover, 'start', { version: 1 });
    await deny(staff.lxVolunteer, 'start', { version: 1 });
    expect((await api.act(staff.lxProcessor, code, 'start', { version: 1 })).statusCode).toBe(200);
    await deny(staff.lxProcessor, 'approve', { version: 2 });
    await deny(staff.lxIntake, 'approve', { version: 2 });
    await deny(staff.lxProcessor, 'payment', { version: 2, method: 'counter' });
    expect((await api.act(staff.lxApprover, code, 'approve', { version: 2 })).statusCode).toBe(200);
    await deny(staff.lxApprover, 'return-result', { version: 3 });
    expect((await api.act(undefined, code, 'issue-result', { version: 3, digitizedResult: true })).statusCode).toBe(401);
  });

  it('refuses intake into another commune, and intake by a role without the permission', async () => {
    expect((await api.counter(staff.mhhIntake, counterBody())).statusCode).toBe(403);
    expect((await api.counter(staff.lxProcessor, counterBody())).statusCode).toBe(403);
    expect((await api.counter(undefined, counterBody())).statusCode).toBe(401);
  });
});

describe('transfer between units', () => {
  it('moves the dossier to the target unit; both units see the transfer, only the new one acts', async () => {
    const code = await newDossier();
    const bad = await api.act(staff.lxApprover, code, 'transfer', { version: 1, unitCode: '99999', reason: 'Sai địa bàn' });
    expect(bad.statusCode).toBe(400);
    const res = await api.act(staff.lxApprover, code, 'transfer', { version: 1, unitCode: MY_HOA_HUNG, reason: 'Nơi cư trú thuộc xã Mỹ Hòa Hưng' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ handlingUnit: { code: MY_HOA_HUNG }, receivingUnit: { code: LONG_XUYEN }, version: 2 });
    const event = { action: 'transferred', reason: 'Nơi cư trú thuộc xã Mỹ Hòa Hưng', details: { fromUnit: LONG_XUYEN, toUnit: MY_HOA_HUNG } };
    for (const h of [staff.lxIntake, staff.mhhIntake]) {
      const view = await api.get(h, code);
      expect(view.statusCode).toBe(200);
      expect(view.json().events.at(-1)).toMatchObject(event);
    }
    expect((await api.act(staff.lxIntake, code, 'withdraw', { version: 2, reason: 'thử' })).statusCode).toBe(403);
    expect((await api.act(staff.mhhIntake, code, 'withdraw', { version: 2, reason: 'Người dân xin rút' })).statusCode).toBe(200);
    const queue = (await api.list(staff.mhhIntake, '?status=withdrawn&limit=500')).json();
    expect(queue.items.map((i: { code: string }) => i.code)).toContain(code);
  });
});

describe('public tracking', () => {
  it('shows status, procedure and dates only: no name, ID number, phone or address', async () => {
    at('2026-02-13T10:00:00+07:00');
    const code = await newDossier();
    const res = await api.track(code);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      code,
      status: 'received',
      statusLabel: 'Đã tiếp nhận',
      procedureCode: '1.004194',
      procedureName: 'Đăng ký tạm trú',
      receivedAt: '2026-02-13T10:00:00+07:00',
      dueAt: '2026-02-25T17:00:00+07:00',
      finishedAt: null,
    });
    for (const personal of [APPLICANT.fullName, APPLICANT.idNumber, APPLICANT.phone, APPLICANT.address, 'Nguyễn', 'N. T.']) {
      expect(res.body).not.toContain(personal);
    }
    expect((await api.track('30307-000000-0000')).statusCode).toBe(404);
  });

  it('answers an online submission with the tracking view, not the personal data sent', async () => {
    const res = await api.online(onlineBody());
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain(APPLICANT.idNumber);
    expect(res.body).not.toContain(APPLICANT.fullName);
    expect(Object.keys(res.json()).sort()).toEqual(['code', 'dueAt', 'finishedAt', 'procedureCode', 'procedureName', 'receivedAt', 'status', 'statusLabel']);
  });
});

describe('assignees', () => {
  it('lists the processors and approvers of the handling unit to those who may assign, and no one else', async () => {
    const code = await newDossier();
    const url = `/api/v1/dossiers/${code}/assignees`;
    const res = await sys.app.inject({ method: 'GET', url, headers: staff.lxIntake });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { unitCode: string; roles: string[] }[];
    expect(items.map((i) => [i.unitCode, i.roles])).toEqual([
      [LONG_XUYEN, ['processor']],
      [LONG_XUYEN, ['approver']],
    ]);
    expect((await sys.app.inject({ method: 'GET', url, headers: staff.lxProcessor })).statusCode).toBe(403);
    expect((await sys.app.inject({ method: 'GET', url, headers: staff.mhhApprover })).statusCode).toBe(404);
    expect((await sys.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});

describe('citizens', () => {
  it('refuses an online submission without a VNeID session', async () => {
    const res = await sys.app.inject({ method: 'POST', url: '/api/v1/dossiers/online', payload: onlineBody() });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Vui lòng đăng nhập bằng tài khoản định danh điện tử VNeID để thực hiện thao tác này.');
  });

  it('shows a citizen their own dossiers only; another citizen’s code answers 404', async () => {
    const ha = await citizenSession(sys, { idNumber: '089190000123', fullName: 'Trần Thị Hà' });
    const binh = await citizenSession(sys, { idNumber: '089085000456', fullName: 'Lê Văn Bình' });
    const code = (await api.online(onlineBody(), ha.headers)).json().code as string;
    const mine = await sys.app.inject({ method: 'GET', url: '/api/v1/me/dossiers', headers: ha.headers });
    expect(mine.json().items.map((d: { code: string }) => d.code)).toEqual([code]);
    const one = await sys.app.inject({ method: 'GET', url: `/api/v1/me/dossiers/${code}`, headers: ha.headers });
    expect(one.statusCode).toBe(200);
    expect(one.json().events[0]).toMatchObject({ action: 'submitted' });
    const theirs = await sys.app.inject({ method: 'GET', url: `/api/v1/me/dossiers/${code}`, headers: binh.headers });
    expect(theirs.statusCode).toBe(404);
    expect((await sys.app.inject({ method: 'GET', url: '/api/v1/me/dossiers', headers: binh.headers })).json()).toEqual({ items: [], total: 0 });
  });

  it('keeps staff and citizen tokens apart', async () => {
    const ha = await citizenSession(sys);
    // A citizen token is not a staff session …
    expect((await api.list(ha.headers)).statusCode).toBe(401);
    // … and a staff token is not a citizen session.
    expect((await sys.app.inject({ method: 'GET', url: '/api/v1/me', headers: staff.lxIntake })).statusCode).toBe(401);
    const me = await sys.app.inject({ method: 'GET', url: '/api/v1/me', headers: ha.headers });
    expect(me.json()).toEqual({ fullName: 'Nguyễn Thị Thu Hà', idNumber: `*********${ha.identity.idNumber.slice(-3)}`, birthDate: '1990-05-17', identityLevel: 2 });
    expect((await sys.app.inject({ method: 'POST', url: '/api/v1/me/logout', headers: ha.headers })).statusCode).toBe(204);
    expect((await sys.app.inject({ method: 'GET', url: '/api/v1/me', headers: ha.headers })).statusCode).toBe(401);
  });
});
