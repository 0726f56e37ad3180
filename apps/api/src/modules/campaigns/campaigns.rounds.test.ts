/**
 * Acceptance (issue 5): "The seed 003 rounds show figures identical to `motcua kpi` for the same
 * windows and units." Demo dossiers are loaded through the import path (as `motcua seed --demo`
 * does), the seed 003 template is applied to An Giang for 2026, and every round read over HTTP is
 * compared with what `motcua kpi --from --to [--unit] [--level] --format json` prints.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRoundReport } from '@motcua/contracts';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import { kpiCommandReport } from '../../cli/kpi.ts';
import { seedDemoDossiers } from '../../demo/demo-dossiers.ts';
import { LONG_XUYEN, MY_HOA_HUNG } from './campaigns.fixtures.ts';
import { seedDemoCampaigns } from './campaigns.seeds.ts';

type Headers = Record<string, string>;
let sys: TestSystem;
let vp: Headers; // Văn phòng UBND tỉnh, coordinating the drive
let mhh: Headers; // a commune's coordinator
let hanoi: Headers;
let processor: Headers;

const ROUNDS = [
  { seq: 1, from: '2026-09-01', to: '2026-09-15' },
  { seq: 2, from: '2026-09-16', to: '2026-09-30' },
  { seq: 3, from: '2026-10-01', to: '2026-10-15' },
  { seq: 4, from: '2026-09-01', to: '2026-10-30' },
];

beforeAll(async () => {
  sys = await createTestSystem();
  const db = sys.database.db;
  const n = await seedDemoDossiers(db, { seed: 5, count: 900, now: new Date('2026-11-20T09:00:00+07:00'), provinceCode: '91' });
  expect(n).toBe(900);
  expect(await seedDemoCampaigns(db, { provinceCode: '91', today: '2026-11-23' })).toContain('AG-DVCTT-60N-2026');
  vp = (await staffSession(sys, '91.VPUBND', ['campaign_coordinator'])).headers;
  mhh = (await staffSession(sys, MY_HOA_HUNG, ['campaign_coordinator'])).headers;
  hanoi = (await staffSession(sys, '00070', ['campaign_coordinator'])).headers;
  processor = (await staffSession(sys, LONG_XUYEN, ['processor'])).headers;
}, 240_000);
afterAll(async () => sys?.close());

const round = async (seq: number, headers: Headers, query = '') => {
  const res = await sys.app.inject({ method: 'GET', url: `/api/v1/campaigns/AG-DVCTT-60N-2026/rounds/${seq}${query}`, headers });
  return { status: res.statusCode, body: res.json() as CampaignRoundReport };
};

describe('the four rounds of seed 003 against `motcua kpi`', () => {
  it.each(ROUNDS)('round $seq ($from – $to): every row of the province equals `motcua kpi`', async ({ seq, from, to }) => {
    const { status, body } = await round(seq, vp);
    expect(status).toBe(200);
    expect(body.round).toMatchObject({ seq, statsFrom: from, statsTo: to });
    const cli = await kpiCommandReport(sys.database.db, '91', { from, to });
    expect(body.rows.map((r) => r.kpi)).toEqual(cli.rows);
    // The campaign's metrics are the engine's rates of the same rows, not a recomputation.
    for (const r of body.rows) {
      expect(r.figures.online_rate!.value).toBe(r.kpi.online_rate);
      expect(r.figures.digitized_rate!.value).toBe(r.kpi.digitized_rate);
      expect(r.figures.payment_online_rate!.value).toBe(r.kpi.payment_online_rate);
    }
    // There is something to compare: the demo dossiers cover the window.
    expect(body.rows.find((r) => r.unitCode === 'total')!.kpi.received).toBeGreaterThan(10);
  });

  it.each(ROUNDS)(
    'round $seq: one unit (--unit) and one row per commune (--level commune) equal `motcua kpi`',
    async ({ seq, from, to }) => {
      const unit = await round(seq, vp, `?unit=${LONG_XUYEN}`);
      expect(unit.body.rows.map((r) => r.kpi)).toEqual(
        (await kpiCommandReport(sys.database.db, '91', { from, to, unit: LONG_XUYEN })).rows,
      );
      const level = await round(seq, vp, '?level=commune');
      expect(level.body.rows.map((r) => r.kpi)).toEqual(
        (await kpiCommandReport(sys.database.db, '91', { from, to, level: 'commune' })).rows,
      );
    },
  );

  it('gives each row the seed 003 target of its level and the gap', async () => {
    const { body } = await round(4, vp, '?level=commune');
    const lx = body.rows.find((r) => r.unitCode === LONG_XUYEN)!; // a phường
    const mh = body.rows.find((r) => r.unitCode === MY_HOA_HUNG)!; // a xã
    const total = body.rows.find((r) => r.unitCode === 'total')!; // the province
    expect([lx.figures.online_rate!.target, lx.figures.online_rate!.targetFrom]).toEqual([0.55, 'commune_phuong']);
    expect([mh.figures.online_rate!.target, mh.figures.online_rate!.targetFrom]).toEqual([0.25, 'commune_xa']);
    expect([total.figures.online_rate!.target, total.figures.online_rate!.targetFrom]).toEqual([0.7, 'province']);
    expect([mh.figures.payment_online_rate!.target, mh.figures.digitized_rate!.target]).toEqual([0.3, 0.9]);
    expect([total.figures.payment_online_rate!.target, total.figures.digitized_rate!.target]).toEqual([0.4, 0.9]);
    const f = lx.figures.online_rate!;
    expect(f.gap).toBe(f.value === null ? null : Math.round((f.value - 0.55) * 10_000) / 10_000);
  });
});

describe('who sees a round', () => {
  it('limits a commune coordinator to its commune, equal to `motcua kpi --unit`', async () => {
    const { status, body } = await round(1, mhh);
    expect(status).toBe(200);
    const cli = await kpiCommandReport(sys.database.db, '91', { from: '2026-09-01', to: '2026-09-15', unit: MY_HOA_HUNG });
    // Its own subtree: the commune's handling unit and the total, per handling unit as `motcua kpi` without --unit would show for it.
    expect(body.rows.every((r) => r.unitCode === MY_HOA_HUNG || r.unitCode === 'total')).toBe(true);
    expect(body.rows.find((r) => r.unitCode === 'total')!.kpi.received).toBe(cli.rows[0]!.received);
    expect((await round(1, mhh, `?unit=${LONG_XUYEN}`)).status).toBe(404);
  });

  it('answers 404 outside the area or for a round that does not exist, 403 without a campaign role', async () => {
    expect((await round(1, hanoi)).status).toBe(404);
    expect((await round(9, vp)).status).toBe(404);
    expect((await round(1, processor)).status).toBe(403);
  });
});
