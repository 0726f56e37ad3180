/** Who reads and writes desk records, across units and roles (docs/desk-support.md, "who sees what"). */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '@motcua/contracts';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { createTestCampaign, LONG_XUYEN, MY_HOA_HUNG } from '../campaigns/campaigns.fixtures.ts';

type Headers = Record<string, string>;
let sys: TestSystem;
const h: Record<string, Headers> = {};
let lxRecordId: number;

const SESSIONS: [string, string, Role[]][] = [
  ['officerLX', LONG_XUYEN, ['intake_officer']],
  ['officerMHH', MY_HOA_HUNG, ['intake_officer']],
  ['processorLX', LONG_XUYEN, ['processor']],
  ['coordinatorMHH', MY_HOA_HUNG, ['campaign_coordinator']],
  ['monitorProvince', '91', ['monitor']],
  ['coordinatorSKHCN', '91.SKHCN', ['campaign_coordinator']],
  ['monitorSKHCN', '91.SKHCN', ['monitor']],
  ['viettel', '91.VIETTEL', ['partner_reporter']],
  ['volunteerLX', LONG_XUYEN, ['field_volunteer']],
];

beforeAll(async () => {
  sys = await createTestSystem();
  await createTestCampaign(sys.database.db);
  for (const [name, unit, roles] of SESSIONS) h[name] = (await staffSession(sys, unit, roles)).headers;
  vi.setSystemTime(new Date('2026-05-12T09:00:00+07:00'));
  const payload = { phone: '0961234567', carrier: 'Viettel', idNumber: '089190000333', placeKind: 'one_stop_desk', result: 'success' };
  const lx = await sys.app.inject({ method: 'POST', url: '/api/v1/desk/records', headers: h.officerLX, payload: { ...payload, idempotencyKey: 'scope-lx-0001' } });
  lxRecordId = lx.json().id;
  await sys.app.inject({ method: 'POST', url: '/api/v1/desk/records', headers: h.officerMHH, payload: { ...payload, idempotencyKey: 'scope-mhh-0001' } });
  vi.useRealTimers();
});
afterEach(() => vi.useRealTimers());
afterAll(async () => sys?.close());

const get = (who: string | null, url: string) => sys.app.inject({ method: 'GET', url, headers: who ? h[who] : {} });
const unitsOf = (res: { json: () => { items: { unit: { code: string } }[] } }) => res.json().items.map((i) => i.unit.code).sort();

describe('recording', () => {
  it('is for intake officers only', async () => {
    const payload = { phone: '0961234567', carrier: 'Viettel', idNumber: '089190000333', placeKind: 'one_stop_desk', result: 'success', idempotencyKey: 'scope-x-0001' };
    for (const who of ['processorLX', 'monitorProvince', 'viettel', 'volunteerLX']) {
      const res = await sys.app.inject({ method: 'POST', url: '/api/v1/desk/records', headers: h[who], payload });
      expect([who, res.statusCode, res.json().error.code]).toEqual([who, 403, 'FORBIDDEN']);
    }
    const anonymous = await sys.app.inject({ method: 'POST', url: '/api/v1/desk/records', payload });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('GET /api/v1/desk/records', () => {
  it('gives an intake officer only their own records and refuses another commune or officer', async () => {
    expect(unitsOf(await get('officerMHH', '/api/v1/desk/records'))).toEqual([MY_HOA_HUNG]);
    expect((await get('officerMHH', `/api/v1/desk/records?unit=${LONG_XUYEN}`)).statusCode).toBe(403);
    expect((await get('officerMHH', '/api/v1/desk/records?staff=1')).statusCode).toBe(403);
  });

  it('lets a commune coordinator read its commune and not another', async () => {
    expect(unitsOf(await get('coordinatorMHH', '/api/v1/desk/records'))).toEqual([MY_HOA_HUNG]);
    const other = await get('coordinatorMHH', `/api/v1/desk/records?unit=${LONG_XUYEN}`);
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('lets the province monitor read every commune, one at a time or all together', async () => {
    expect(unitsOf(await get('monitorProvince', '/api/v1/desk/records'))).toEqual([LONG_XUYEN, MY_HOA_HUNG].sort());
    expect(unitsOf(await get('monitorProvince', `/api/v1/desk/records?unit=${LONG_XUYEN}`))).toEqual([LONG_XUYEN]);
  });

  it('lets the coordinating unit’s coordinator read the campaign area, but not a plain monitor of that unit', async () => {
    expect(unitsOf(await get('coordinatorSKHCN', '/api/v1/desk/records'))).toEqual([LONG_XUYEN, MY_HOA_HUNG].sort());
    expect(unitsOf(await get('monitorSKHCN', '/api/v1/desk/records'))).toEqual([]);
    expect((await get('monitorSKHCN', `/api/v1/desk/records?unit=${LONG_XUYEN}`)).statusCode).toBe(403);
  });

  it('refuses roles without desk rights and anonymous callers', async () => {
    for (const who of ['processorLX', 'viettel', 'volunteerLX']) expect([who, (await get(who, '/api/v1/desk/records')).statusCode]).toEqual([who, 403]);
    expect((await get(null, '/api/v1/desk/records')).statusCode).toBe(401);
    expect((await get('monitorProvince', '/api/v1/desk/records?unit=NOPE')).statusCode).toBe(404);
  });
});

describe('GET /api/v1/desk/records/:id (in clear)', () => {
  it('shows the record to its officer and to desk.read roles whose scope holds it; 404 to others', async () => {
    for (const who of ['officerLX', 'monitorProvince', 'coordinatorSKHCN']) {
      const res = await get(who, `/api/v1/desk/records/${lxRecordId}`);
      expect([who, res.statusCode, res.json().phone]).toEqual([who, 200, '0961234567']);
    }
    for (const who of ['officerMHH', 'coordinatorMHH', 'processorLX', 'viettel', 'monitorSKHCN']) {
      expect([who, (await get(who, `/api/v1/desk/records/${lxRecordId}`)).statusCode]).toEqual([who, 404]);
    }
  });
});
