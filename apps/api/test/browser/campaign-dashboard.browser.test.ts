/**
 * The campaign dashboard in a real browser: two weekly reports per carrier go in through the partner
 * API and are approved (as in campaign-progress.test.ts); the Sở KH&CN coordinator opens
 * /can-bo/chien-dich/TEST-TTTB as of 10/5/2026 and reads the province's verified rate against its
 * target, the communes coloured by achievement with the percentage in words, the ranking, the
 * forecast and the carriers' reporting; on a phone nothing scrolls sideways.
 */
import path from 'node:path';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CARRIERS, createTestCampaign, LONG_XUYEN, MY_HOA_HUNG } from '../../src/modules/campaigns/campaigns.fixtures.ts';
import { createTestSystem, staffSession, type TestSystem } from '../system.ts';
import {
  ARTIFACTS,
  DESKTOP,
  horizontalOverflow,
  launchChromium,
  loginThroughUi,
  PHONE,
  serveWeb,
  vnContext,
} from './chromium.ts';

const pct = (s: string) => s.replace(' ', '\u00a0');
/** verified (LX, MHH) per carrier: week 1 to 3/5, week 2 to 10/5 (MobiFone a day late). */
const WEEKS: [string, string, Record<string, [number, number]>][] = [
  ['2026-05-03', '2026-05-04T09:00:00+07:00', { '91.VIETTEL': [100, 40], '91.VNPT': [60, 20], '91.MOBIFONE': [30, 10] }],
  ['2026-05-10', '2026-05-11T09:00:00+07:00', { '91.VIETTEL': [250, 90], '91.VNPT': [120, 45] }],
  ['2026-05-10', '2026-05-12T09:00:00+07:00', { '91.MOBIFONE': [80, 25] }],
];

let sys: TestSystem;
let browser: Browser;
let baseUrl: string;
let coordinator: Awaited<ReturnType<typeof staffSession>>;

beforeAll(async () => {
  sys = await createTestSystem();
  const campaignId = await createTestCampaign(sys.database.db);
  coordinator = await staffSession(sys, '91.SKHCN', ['campaign_coordinator']);
  const partners = await sys.database.db
    .selectFrom('campaign_partners as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'u.code'])
    .where('p.campaign_id', '=', campaignId)
    .execute();
  const tokens = new Map<string, string>();
  for (const p of partners) {
    const res = await sys.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/TEST-TTTB/partners/${p.id}/tokens`,
      headers: coordinator.headers,
      payload: {},
    });
    tokens.set(p.code, res.json().token);
  }
  for (const [periodEnd, at, values] of WEEKS) {
    vi.setSystemTime(new Date(at));
    for (const c of CARRIERS.filter((x) => values[x])) {
      const [lx, mhh] = values[c]!;
      const sent = await sys.app.inject({
        method: 'POST',
        url: '/api/v1/partner/reports',
        headers: { authorization: `Bearer ${tokens.get(c)}` },
        payload: {
          periodEnd,
          rows: [
            { unitCode: LONG_XUYEN, values: { verified: lx, locked: 0 } },
            { unitCode: MY_HOA_HUNG, values: { verified: mhh, locked: 0 } },
          ],
        },
      });
      expect(sent.statusCode, sent.body).toBe(201);
      const ok = await sys.app.inject({
        method: 'POST',
        url: `/api/v1/campaigns/TEST-TTTB/reports/${sent.json().id}/approve`,
        headers: coordinator.headers,
        payload: { acknowledgeWarnings: true },
      });
      expect(ok.statusCode, ok.body).toBe(200);
    }
  }
  vi.useRealTimers();
  baseUrl = await serveWeb(sys);
  browser = await launchChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

describe('campaign dashboard in the browser', () => {
  it('shows the province against its target, communes by achievement, ranking, forecast and reporting', async () => {
    const context = await vnContext(browser, DESKTOP);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginThroughUi(page, baseUrl, coordinator, '/can-bo/chien-dich/TEST-TTTB?ngay=2026-05-10');

    const card = page.locator('.cdash-card', { hasText: 'Tỷ lệ đã xác thực' }).first();
    await card.waitFor({ timeout: 20_000 });
    expect((await card.locator('.cdash-card__value').textContent())?.trim()).toBe(pct('43,6 %'));
    expect((await card.locator('.band').textContent())?.trim()).toBe(`▼ ${pct('43,6 %')} (Thấp (dưới 50%))`);
    expect(await page.locator('.campaign-nav__link--current').textContent()).toBe('Tổng quan');

    // The communes' table: the chosen metric is the verified rate (the first rate with a target).
    const row = (name: string) =>
      page.locator('table', { hasText: 'theo đơn vị thuộc' }).locator('tbody tr', { hasText: name }).first();
    expect(await page.locator('#cdash-metric').inputValue()).toBe('verified_rate');
    expect((await row('Long Xuyên').locator('td').allTextContents()).map((s) => s.trim())).toEqual([
      pct('45,0 %'),
      pct('100,0 %'),
      `▼ ${pct('45,0 %')} (Thấp (dưới 50%))`,
    ]);
    // Ranking: Long Xuyên first, Mỹ Hòa Hưng second.
    const ranking = page.locator('table', { hasText: 'Xếp hạng theo mức hoàn thành' }).locator('tbody tr');
    await ranking.first().waitFor();
    expect(await ranking.count()).toBe(2);
    expect((await ranking.nth(0).textContent())?.startsWith('1Phường Long Xuyên')).toBe(true);

    // Forecast and reporting.
    await page.getByText('Tỷ lệ đã xác thực:', { exact: false }).last().waitFor();
    expect(await page.locator('li', { hasText: 'Tỷ lệ đã xác thực:' }).textContent()).toContain(
      'Dự kiến đạt; đạt ngày 26/05/2026',
    );
    // As of 10/5 only week 1 (due 4/5) was due: expected 1, received 1, on time 1.
    const mobifone = page.locator('tr', { hasText: 'MobiFone An Giang' });
    expect((await mobifone.locator('td').allTextContents()).slice(1, 6)).toEqual(['1', '1', '1', pct('100,0 %'), pct('100,0 %')]);
    expect(await page.getByRole('link', { name: 'Báo cáo tóm tắt gửi Chủ tịch UBND (PDF)' }).getAttribute('href')).toBe(
      '/api/v1/campaigns/TEST-TTTB/summary.pdf?asOf=2026-05-10',
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'campaign-dashboard.png'), fullPage: true });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'campaign-dashboard-top.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works on a 320 px phone and moves with the as-of date', async () => {
    const context = await vnContext(browser, PHONE);
    const page = await context.newPage();
    await loginThroughUi(page, baseUrl, coordinator, '/can-bo/chien-dich/TEST-TTTB?ngay=2026-05-10');
    await page.locator('.cdash-card').first().waitFor({ timeout: 20_000 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // Back to 3/5: week 1 only, 260 of 1400.
    await page.locator('#cdash-asof').fill('3');
    await page.locator('#cdash-asof-month').fill('5');
    await page.locator('#cdash-asof-year').fill('2026');
    await page.getByRole('button', { name: 'Xem số liệu' }).click();
    await page.waitForURL((u) => u.search.includes('ngay=2026-05-03'));
    const card = page.locator('.cdash-card', { hasText: 'Tỷ lệ đã xác thực' }).first();
    await card.locator('.cdash-card__value', { hasText: '18,6' }).waitFor({ timeout: 20_000 });
    expect((await card.locator('.secondary').first().textContent())?.trim()).toBe('260 / 1.400');
    await page.screenshot({ path: path.join(ARTIFACTS, 'campaign-dashboard-phone.png'), fullPage: true });
    await context.close();
  });
});
