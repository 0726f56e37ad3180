/**
 * The campaign dashboard in a real browser: two weekly reports per carrier go in through the partner
 * API and are approved (as in campaign-progress.test.ts); the Sở KH&CN coordinator opens
 * /can-bo/chien-dich/TEST-TTTB as of 10/5/2026 and reads the province's verified rate against its
 * target, the communes coloured by achievement with the percentage in words, the ranking, the
 * forecast and the carriers' reporting, and the series by week and by day; on a phone nothing
 * scrolls sideways. The staff home page shows the officer's unread notices (reminders), with the
 * count in the header, and "Đã đọc" removes one.
 */
import path from 'node:path';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CARRIERS, createTestCampaign, LONG_XUYEN, MY_HOA_HUNG } from '../../src/modules/campaigns/campaigns.fixtures.ts';
import { insertNotices } from '../../src/modules/campaign-progress/campaign-progress.repo.ts';
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
let campaignId: number;

beforeAll(async () => {
  sys = await createTestSystem();
  campaignId = await createTestCampaign(sys.database.db);
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
    await page.locator('section.cdash-series').screenshot({ path: path.join(ARTIFACTS, 'campaign-dashboard-series-phone.png') });
    await context.close();
  });

  it('shows the series by week, then by day, with the same figures in the table', async () => {
    const context = await vnContext(browser, DESKTOP);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginThroughUi(page, baseUrl, coordinator, '/can-bo/chien-dich/TEST-TTTB?ngay=2026-05-10');
    const table = page.locator('table.cdash-series__table');
    const rows = async () =>
      Promise.all(
        (await table.locator('tbody tr').all()).map(async (r) => [
          (await r.locator('th').textContent())?.trim(),
          ...(await r.locator('td').allTextContents()).map((x) => x.trim()),
        ]),
      );
    // By week (the default): week 1 clipped to the start on 28/4; week 2 ends on 10/5.
    await table.waitFor({ timeout: 20_000 });
    expect(await page.locator('#cdash-series-metric').inputValue()).toBe('verified_rate');
    expect(await page.locator('#cdash-series-week').isChecked()).toBe(true);
    expect((await table.locator('caption').textContent())?.trim()).toBe(
      'Tỷ lệ đã xác thực của Tỉnh An Giang vào cuối mỗi tuần (từ thứ Hai đến Chủ nhật), đến 10/05/2026',
    );
    expect(await rows()).toEqual([
      ['28/04/2026 – 03/05/2026', pct('18,6 %'), pct('100,0 %'), `▼ ${pct('18,6 %')} (Thấp (dưới 50%))`],
      ['04/05/2026 – 10/05/2026', pct('43,6 %'), pct('100,0 %'), `▼ ${pct('43,6 %')} (Thấp (dưới 50%))`],
    ]);
    expect(await page.locator('.cdash-chart__bar').count()).toBe(2);
    expect((await page.locator('.cdash-chart__caption').textContent())?.trim()).toBe(
      `Biểu đồ cột: Tỷ lệ đã xác thực từ 28/04/2026 đến 10/05/2026; mới nhất ${pct('43,6 %')}, chỉ tiêu ${pct('100,0 %')} (đường nét đứt). Bảng dưới có đủ số liệu.`,
    );

    // By day: 13 days from 28/4; reports count from their period's end (3/5, then 10/5).
    await page.locator('#cdash-series-day').check();
    await page.waitForURL((u) => u.searchParams.get('theo') === 'ngay');
    await table.locator('tbody tr').nth(12).waitFor();
    const days = await rows();
    expect(days).toHaveLength(13);
    expect(days[0]).toEqual(['28/04/2026', pct('0,0 %'), pct('100,0 %'), `▼ ${pct('0,0 %')} (Thấp (dưới 50%))`]);
    expect(days.slice(4, 7).map((r) => r.slice(0, 2))).toEqual([
      ['02/05/2026', pct('0,0 %')],
      ['03/05/2026', pct('18,6 %')],
      ['04/05/2026', pct('18,6 %')],
    ]);
    expect(days[12]!.slice(0, 2)).toEqual(['10/05/2026', pct('43,6 %')]);
    await page.locator('section.cdash-series').screenshot({ path: path.join(ARTIFACTS, 'campaign-dashboard-series.png') });

    // Another metric, for one commune (the unit being viewed): verified subscribers of Long Xuyên, no target.
    await page.goto(`${baseUrl}/can-bo/chien-dich/TEST-TTTB?ngay=2026-05-10&don-vi=${LONG_XUYEN}&theo=tuan`);
    await table.waitFor({ timeout: 20_000 });
    await page.locator('#cdash-series-metric').selectOption('verified');
    await page.waitForURL((u) => u.searchParams.get('dien-bien') === 'verified');
    await table.locator('caption', { hasText: 'Thuê bao đã xác thực của Phường Long Xuyên' }).waitFor();
    expect(await rows()).toEqual([
      ['28/04/2026 – 03/05/2026', '190', '—', '– — (Chưa có số liệu hoặc chỉ tiêu)'],
      ['04/05/2026 – 10/05/2026', '450', '—', '– — (Chưa có số liệu hoặc chỉ tiêu)'],
    ]);
    // The ranking keeps its own metric.
    expect(await page.locator('#cdash-metric').inputValue()).toBe('verified_rate');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists unread notices on the staff home page, counts them in the header, and "Đã đọc" removes one', async () => {
    // Anonymous visitors' public pages never ask for notices.
    const anon = await vnContext(browser, DESKTOP);
    const anonPage = await anon.newPage();
    const asked: string[] = [];
    anonPage.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await anonPage.goto(`${baseUrl}/thu-tuc`);
    await anonPage.locator('h1').first().waitFor({ timeout: 20_000 });
    expect(asked.filter((p) => p.startsWith('/api/v1/me/notices'))).toEqual([]);
    await anon.close();

    const me = await sys.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: coordinator.headers });
    const staffId = me.json().id as number;
    const notice = (n: number, title: string, body: string) => ({
      staffId,
      kind: 'report_due' as const,
      campaignId,
      title,
      body,
      link: '/can-bo/chien-dich/TEST-TTTB',
      dedupeKey: `browser-test:${n}`,
      createdAt: new Date(`2026-05-0${n}T01:30:00Z`),
    });
    expect(
      await insertNotices(sys.database.db, [
        notice(
          5,
          'Quá hạn nộp báo cáo: kỳ đến 03/05',
          'Chiến dịch "Xác thực thuê bao": báo cáo của MobiFone An Giang chưa được gửi.',
        ),
        notice(
          6,
          'Hạn nộp báo cáo hôm nay: kỳ đến 10/05',
          'Chiến dịch "Xác thực thuê bao": báo cáo của VNPT An Giang chưa được gửi.',
        ),
      ]),
    ).toBe(2);

    const context = await vnContext(browser, PHONE);
    const page = await context.newPage();
    await loginThroughUi(page, baseUrl, coordinator, '/can-bo');
    const panel = page.locator('section.notices');
    const items = panel.locator('.notices__item');
    await items.nth(1).waitFor({ timeout: 20_000 });
    // Newest first, with its time in Việt Nam, kind and link to the campaign.
    expect(await items.locator('.notices__title').allTextContents()).toEqual([
      'Hạn nộp báo cáo hôm nay: kỳ đến 10/05',
      'Quá hạn nộp báo cáo: kỳ đến 03/05',
    ]);
    expect((await items.first().locator('.notices__meta').textContent())?.trim()).toBe('Hạn nộp báo cáo Lúc 06/05/2026 08:30');
    expect(await items.first().locator('.notices__body').textContent()).toBe(
      'Chiến dịch "Xác thực thuê bao": báo cáo của VNPT An Giang chưa được gửi.',
    );
    const link = items.first().getByRole('link', { name: 'Mở chiến dịch TEST-TTTB' });
    expect(await link.getAttribute('href')).toBe('/can-bo/chien-dich/TEST-TTTB');
    const staffLink = page.locator('.nav__link[href="/can-bo"]');
    expect((await staffLink.textContent())?.trim()).toBe('Trang cán bộ2 (2 thông báo chưa đọc)');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'staff-notices-phone.png'), fullPage: true });

    // "Đã đọc" on the older one: it goes, the other stays, the header says 1, the API agrees.
    await items.nth(1).getByRole('button', { name: 'Đã đọc: Quá hạn nộp báo cáo: kỳ đến 03/05' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã đánh dấu đã đọc: Quá hạn nộp báo cáo: kỳ đến 03/05' }).waitFor();
    expect(await items.locator('.notices__title').allTextContents()).toEqual(['Hạn nộp báo cáo hôm nay: kỳ đến 10/05']);
    expect((await staffLink.textContent())?.trim()).toBe('Trang cán bộ1 (1 thông báo chưa đọc)');
    expect(await page.evaluate('document.activeElement?.id')).toBe('notices-title');
    const api = (await sys.app.inject({ method: 'GET', url: '/api/v1/me/notices', headers: coordinator.headers })).json();
    expect(api.unread).toBe(1);
    expect(api.items.map((n: { title: string; readAt: string | null }) => [n.title, n.readAt !== null])).toEqual([
      ['Hạn nộp báo cáo hôm nay: kỳ đến 10/05', false],
      ['Quá hạn nộp báo cáo: kỳ đến 03/05', true],
    ]);

    // The last one: the panel says there is nothing new and the count leaves the header.
    await items
      .first()
      .getByRole('button', { name: /^Đã đọc/ })
      .click();
    await panel.getByText('Không có thông báo mới.').waitFor();
    expect(await page.locator('.notices-count').count()).toBe(0);
    expect((await staffLink.textContent())?.trim()).toBe('Trang cán bộ');
    // A reload asks the server again: still nothing unread.
    await page.reload();
    await panel.getByText('Không có thông báo mới.').waitFor({ timeout: 20_000 });
    await context.close();
  });
});
