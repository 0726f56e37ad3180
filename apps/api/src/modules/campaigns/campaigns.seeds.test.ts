/** The shipped campaigns (data/product/campaigns) and the seed 003 template, against a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../../../test/system.ts';
import {
  applyTemplate,
  demoTemplateYear,
  equalShares,
  loadShippedCampaigns,
  seedDemoCampaigns,
  shiftDate,
  type CampaignTemplate,
} from './campaigns.seeds.ts';
import fs from 'node:fs';
import path from 'node:path';
import { SHIPPED_CAMPAIGNS_DIR } from './campaigns.seeds.ts';

const template = JSON.parse(
  fs.readFileSync(path.join(SHIPPED_CAMPAIGNS_DIR, 'tg-60-ngay-dem-2023.template.json'), 'utf8'),
) as CampaignTemplate;

describe('applying the seed 003 template', () => {
  it('moves every date to the year, same day and month', () => {
    expect(shiftDate('2023-08-20', 3)).toBe('2026-08-20');
    expect(shiftDate('2024-02-29', 1)).toBe('2025-02-28');
    const [vneid, drive] = applyTemplate(template, { year: 2026, provinceCode: '91', communes: ['30307', '30313', '31078'] });
    expect(vneid).toMatchObject({
      code: 'AG-VNEID-60N-2026',
      kind: 'vneid_activation',
      coordinatorUnitCode: '91.CA',
      windowStart: '2026-08-20',
      windowEnd: '2026-10-18',
    });
    expect(vneid!.partners).toEqual([
      {
        unitCode: '91.CA',
        kind: 'police',
        cadence: 'daily',
        dueOffsetDays: 1,
        metrics: ['activated_l1', 'activated_l2', 'activated'],
      },
    ]);
    expect(drive).toMatchObject({
      code: 'AG-DVCTT-60N-2026',
      kind: 'online_services_drive',
      coordinatorUnitCode: '91.VPUBND',
      windowStart: '2026-09-01',
      windowEnd: '2026-10-30',
    });
    // Seed 003 VII.2.b: "Đợt 01 trước ngày 18/9/2023 (Số liệu thống kê từ ngày 01/9/2023 đến ngày 15/9/2023)" …
    expect(drive!.rounds!.map((r) => [r.seq, r.statsFrom, r.statsTo, r.dueDate])).toEqual([
      [1, '2026-09-01', '2026-09-15', '2026-09-17'],
      [2, '2026-09-16', '2026-09-30', '2026-10-02'],
      [3, '2026-10-01', '2026-10-15', '2026-10-17'],
      [4, '2026-09-01', '2026-10-30', '2026-11-09'],
    ]);
  });

  it('splits the quota of 903,203 accounts over the communes so that it adds up exactly', () => {
    expect(equalShares(10, ['b', 'a', 'c'])).toEqual([
      { code: 'a', value: 4 },
      { code: 'b', value: 3 },
      { code: 'c', value: 3 },
    ]);
    const communes = Array.from({ length: 102 }, (_, i) => String(30000 + i));
    const [vneid] = applyTemplate(template, { year: 2026, provinceCode: '91', communes });
    const quota = vneid!.baselines!.filter((b) => b.metric === 'quota');
    expect(quota).toHaveLength(102);
    expect(quota.reduce((s, b) => s + b.value, 0)).toBe(903_203);
    // 903,203 = 102 × 8,854 + 95: the first 95 communes by code get one more.
    expect(quota.filter((b) => b.value === 8855)).toHaveLength(95);
    expect(quota.filter((b) => b.value === 8854).map((b) => b.unitCode)).toEqual([
      '30095',
      '30096',
      '30097',
      '30098',
      '30099',
      '30100',
      '30101',
    ]);
    expect(quota[0]!.source).toMatch(/^demo: /);
  });

  it('takes the latest year whose drive has ended, so every round has data', () => {
    expect(demoTemplateYear(template, '2026-11-23')).toBe(2026);
    expect(demoTemplateYear(template, '2026-10-30')).toBe(2025);
    expect(demoTemplateYear(template, '2027-03-01')).toBe(2026);
  });
});

describe('loading the shipped campaigns', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await createTestSystem();
  });
  afterAll(async () => sys?.close());

  it('loads the province’s own campaigns outside demo, without demo figures or templates', async () => {
    expect(await loadShippedCampaigns(sys.database.db, { provinceCode: '91', demo: false, today: '2026-11-23' })).toEqual([
      'AG-CHTTB-2023',
      'AG-XTTB-2026',
    ]);
    const n = await sys.database.db
      .selectFrom('campaign_baselines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
    // Another province gets nothing: the files name An Giang's units.
    // Another province gets nothing: the files name An Giang's units, and it has no police or office
    // unit in the tree for the template.
    expect(await loadShippedCampaigns(sys.database.db, { provinceCode: '01', demo: true, today: '2026-11-23' })).toEqual([]);
  });

  it('adds the template and the demo figures in demo; loading twice is loading once', async () => {
    expect(await seedDemoCampaigns(sys.database.db, { provinceCode: '91', today: '2026-11-23' })).toEqual([
      'AG-VNEID-60N-2026',
      'AG-DVCTT-60N-2026',
    ]);
    const count = async () =>
      Promise.all(
        (
          [
            'campaigns',
            'campaign_metrics',
            'campaign_targets',
            'campaign_baselines',
            'campaign_rounds',
            'campaign_partners',
          ] as const
        ).map(async (t) =>
          Number(
            (
              await sys.database.db
                .selectFrom(t)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
    const once = await count();
    expect(await seedDemoCampaigns(sys.database.db, { provinceCode: '91', today: '2026-11-23' })).toEqual([]);
    expect(await count()).toEqual(once);
    // 4 campaigns; 102 quota baselines (the 002 campaign was loaded before without demo figures).
    expect(once[0]).toBe(4);
    expect(once[3]).toBe(102);
  });

  it('ships seed 002 as the plan says: window, carriers reporting weekly on Monday, targets', async () => {
    const h = (await staffSession(sys, '91.SKHCN', ['campaign_coordinator'])).headers;
    const c = (await sys.app.inject({ method: 'GET', url: '/api/v1/campaigns/AG-XTTB-2026', headers: h })).json();
    expect(c).toMatchObject({
      kind: 'subscriber_verification',
      name: 'Chiến dịch 30 ngày xác thực thông tin thuê bao di động mặt đất',
      windowStart: '2026-04-28',
      windowEnd: '2026-05-28',
      coordinatorUnitCode: '91.SKHCN',
    });
    expect(c.legalBasis).toContain('Thông tư số 08/2026/TT-BKHCN');
    expect(
      c.partners.map((p: { unitCode: string; cadence: string; dueOffsetDays: number; metrics: string[] }) => [
        p.unitCode,
        p.cadence,
        p.dueOffsetDays,
        p.metrics.join(),
      ]),
    ).toEqual([
      ['91.MOBIFONE', 'weekly', 1, 'verified,locked,signatures_issued'],
      ['91.VIETTEL', 'weekly', 1, 'verified,locked,signatures_issued'],
      ['91.VNPT', 'weekly', 1, 'verified,locked,signatures_issued'],
    ]);
    expect(c.targets.map((t: { metricCode: string; level: string; value: number }) => [t.metricCode, t.level, t.value])).toEqual([
      ['selfcheck_rate', 'commune', 1],
      ['selfcheck_rate', 'department', 1],
      ['signature_rate', 'commune', 0.7],
      ['verified_rate', 'commune', 1],
    ]);
  });

  it('keeps the 2023 desk-support plan on today’s units, coordinated by Sở KH&CN', async () => {
    const c = await sys.database.db
      .selectFrom('campaigns')
      .selectAll()
      .where('code', '=', 'AG-CHTTB-2023')
      .executeTakeFirstOrThrow();
    expect([c.window_start, c.window_end]).toEqual(['2023-01-01', '2023-12-31']);
    expect(c.source).toContain('sáp nhập vào Sở Khoa học và Công nghệ năm 2025');
  });
});

describe('demo baselines on a fresh database', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await createTestSystem();
  });
  afterAll(async () => sys?.close());

  it('gives every commune of seed 002 residents aged ≥ 14 and subscribers to verify, the same on every run', async () => {
    await seedDemoCampaigns(sys.database.db, { provinceCode: '91', today: '2026-11-23' });
    const rows = await sys.database.db
      .selectFrom('campaign_baselines as b')
      .innerJoin('campaigns as c', 'c.id', 'b.campaign_id')
      .innerJoin('units as u', 'u.id', 'b.unit_id')
      .select(['b.metric_code', 'b.value', 'u.code'])
      .where('c.code', '=', 'AG-XTTB-2026')
      .orderBy('u.code')
      .orderBy('b.metric_code')
      .execute();
    expect(rows).toHaveLength(204);
    const lx = rows.filter((r) => r.code === '30307').map((r) => [r.metric_code, Number(r.value)]);
    // Random(30307): 15,000 + ⌊u₁ × 45,001⌋ residents, 2% + u₂ × 6% of them to verify.
    expect(lx).toEqual([
      ['population_14plus', 51_171],
      ['to_verify', 2_114],
    ]);
  });
});
