/**
 * Who may read and publish indicators, across units and roles; the published months are public,
 * frozen, and hold unit-level figures only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { KpiRow } from '@motcua/contracts';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { getUnit } from '../units/units.service.ts';
import type { DossierFacts } from './kpi.facts.ts';
import { applyDossierChange } from './kpi.service.ts';

let sys: TestSystem;
const facts = (unitId: number, day: string, o: Partial<DossierFacts> = {}): DossierFacts => ({
  unitId,
  channel: 'online',
  receivedAt: new Date(`${day}T09:00:00+07:00`),
  dueAt: new Date(`${day}T17:00:00+07:00`),
  finishedAt: new Date(`${day}T16:00:00+07:00`),
  supplementRequests: 0,
  feeVnd: 0,
  paid: 'none',
  digitizedDossier: true,
  digitizedResult: true,
  reusedData: false,
  rating: 'satisfied',
  complaint: false,
  ...o,
});
let ward: number;
let xa: number;
beforeAll(async () => {
  sys = await createTestSystem();
  const db = sys.database.db;
  ward = (await getUnit(db, '30307')).id;
  xa = (await getUnit(db, '30313')).id;
  for (const f of [facts(ward, '2026-02-03'), facts(ward, '2026-02-04', { channel: 'counter' }), facts(xa, '2026-02-05')]) {
    await applyDossierChange(db, null, f);
  }
});
afterAll(async () => sys?.close());

const kpi = (query: string, headers?: Record<string, string>) =>
  sys.app.inject({ method: 'GET', url: `/api/v1/kpi?${query}`, headers });
const FEB = 'from=2026-02-01&to=2026-02-28';

describe('reading indicators', () => {
  it('asks an anonymous caller to log in', async () => {
    const res = await kpi(FEB);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    // Before the query is even validated.
    expect((await kpi('from=hôm-qua')).statusCode).toBe(401);
    expect((await sys.app.inject({ method: 'GET', url: '/api/v1/kpi/targets' })).statusCode).toBe(401);
  });

  it('a commune monitor reads their commune but not another commune or the province', async () => {
    const monitor = await staffSession(sys, '30307', ['monitor']);
    const own = await kpi(`${FEB}&unit=30307`, monitor.headers);
    expect(own.statusCode).toBe(200);
    expect(own.json().rows).toMatchObject([{ unit_code: '30307', received: 2, received_online: 1, online_rate: 0.5 }]);
    for (const unit of ['30313', '91', '91.STP']) {
      const res = await kpi(`${FEB}&unit=${unit}`, monitor.headers);
      expect(res.statusCode, unit).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('without a unit a commune monitor sees only their own subtree', async () => {
    const monitor = await staffSession(sys, '30307', ['monitor']);
    const res = await kpi(FEB, monitor.headers);
    expect(res.json().rows.map((r: { unit_code: string; received: number }) => [r.unit_code, r.received])).toEqual([
      ['30307', 2],
      ['total', 2],
    ]);
    expect(res.json().rows[1].unit_name).toBe('Tổng cộng — Phường Long Xuyên');
  });

  it('the province monitor, approver and admin read any unit of the province, not another province', async () => {
    for (const role of ['monitor', 'approver', 'admin'] as const) {
      const s = await staffSession(sys, '91', [role]);
      expect((await kpi(`${FEB}&unit=30313`, s.headers)).json().rows[0].received, role).toBe(1);
      expect((await kpi(`${FEB}&unit=01`, s.headers)).statusCode, role).toBe(403);
    }
  });

  it('roles without kpi.read are refused even in their own commune', async () => {
    for (const role of ['intake_officer', 'processor', 'field_volunteer', 'campaign_coordinator'] as const) {
      const s = await staffSession(sys, '30307', [role]);
      expect((await kpi(`${FEB}&unit=30307`, s.headers)).statusCode, role).toBe(403);
      expect((await kpi(FEB, s.headers)).statusCode, role).toBe(403);
    }
  });

  it('checks the period: bad dates, from after to, unknown unit', async () => {
    const s = await staffSession(sys, '91', ['monitor']);
    const bad = await kpi('from=2026-02-30&to=2026-03-01', s.headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('querystring.from');
    const reversed = await kpi('from=2026-03-01&to=2026-02-01', s.headers);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toBe('Ngày bắt đầu 2026-03-01 sau ngày kết thúc 2026-02-01.');
    expect((await kpi(`${FEB}&unit=99999`, s.headers)).statusCode).toBe(404);
  });
});

describe('monthly publication', () => {
  const publish = (month: string, headers?: Record<string, string>) =>
    sys.app.inject({ method: 'POST', url: '/api/v1/kpi/snapshots', headers, payload: { month } });

  it('only a province monitor publishes', async () => {
    expect((await publish('2026-02')).statusCode).toBe(401);
    expect((await publish('2026-02', (await staffSession(sys, '30307', ['monitor'])).headers)).statusCode).toBe(403);
    for (const role of ['approver', 'admin'] as const) {
      expect((await publish('2026-02', (await staffSession(sys, '91', [role])).headers)).statusCode, role).toBe(403);
    }
  });

  it('publishes a finished month once, anyone reads it, and it stays frozen', async () => {
    const monitor = await staffSession(sys, '91', ['monitor']);
    const res = await publish('2026-02', monitor.headers);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ month: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(body.rows.map((r: { unit_code: string; received: number }) => [r.unit_code, r.received])).toEqual([
      ['30307', 2],
      ['30313', 1],
      ['total', 3],
    ]);

    const again = await publish('2026-02', monitor.headers);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');

    // A late change to February moves the live figures, not the published ones.
    await applyDossierChange(sys.database.db, null, facts(xa, '2026-02-20'));
    expect((await kpi(`${FEB}&unit=91`, monitor.headers)).json().rows[0].received).toBe(4);
    const list = await sys.app.inject({ method: 'GET', url: '/api/v1/kpi/published' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      { month: '2026-02', from: '2026-02-01', to: '2026-02-28', published_at: body.published_at },
    ]);
    const month = await sys.app.inject({ method: 'GET', url: '/api/v1/kpi/published/2026-02' });
    expect(month.statusCode).toBe(200);
    expect(month.json()).toEqual(body);
    expect(month.json().rows[2].received).toBe(3);
  });

  it('published rows carry only the unit-level fields of a report row', async () => {
    const month = (await sys.app.inject({ method: 'GET', url: '/api/v1/kpi/published/2026-02' })).json();
    for (const r of month.rows) expect(Object.keys(r).sort()).toEqual(Object.keys(KpiRow.properties).sort());
  });

  it('the database refuses to change or delete a published month', async () => {
    const db = sys.database.db;
    await expect(sql`UPDATE kpi_snapshot_rows SET unit_code = 'x' WHERE month = '2026-02'`.execute(db)).rejects.toThrow(
      /immutable/,
    );
    await expect(sql`DELETE FROM kpi_snapshots WHERE month = '2026-02'`.execute(db)).rejects.toThrow(/immutable/);
  });

  it('refuses a month not yet over, a malformed month, and answers an unpublished one with 404', async () => {
    const monitor = await staffSession(sys, '91', ['monitor']);
    const future = await publish('2099-01', monitor.headers);
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toBe('Tháng 2099-01 chưa kết thúc: chỉ công bố số liệu của tháng đã qua.');
    expect((await publish('2026-13', monitor.headers)).statusCode).toBe(400);
    const missing = await sys.app.inject({ method: 'GET', url: '/api/v1/kpi/published/2025-01' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    expect((await sys.app.inject({ method: 'GET', url: '/api/v1/kpi/published/2025-1' })).statusCode).toBe(400);
  });
});
