/**
 * The indicators in a real browser: a known set of historic dossiers goes in through the import
 * service, a provincial monitor picks September 2025 on the dashboard and reads each unit's online
 * rate, target, trend and early warning exactly; the published month shows the same on a phone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_IMPORT_COLUMNS } from '@motcua/contracts';
import { importDossiersFile } from '../../src/modules/dossiers/dossiers.import.ts';
import { createTestSystem, staffSession, type TestSystem } from '../system.ts';
import { ARTIFACTS, DESKTOP, horizontalOverflow, launchChromium, loginThroughUi, serveWeb, vnContext } from './chromium.ts';

const LONG_XUYEN = '30307'; // Phường Long Xuyên
const MY_HOA_HUNG = '30313'; // Xã Mỹ Hòa Hưng
/** The rate as the page writes it: vi-VN decimal comma, a no-break space before the sign. */
const pct = (s: string) => s.replace(' ', '\u00a0');

let sys: TestSystem;
let browser: Browser;
let baseUrl: string;

/**
 * Ten finished dossiers of temporary residence (1.004194), all on time and free of charge:
 * September 2025 — Mỹ Hòa Hưng 2 online of 4 (50,0 %), Long Xuyên 3 online of 4 (75,0 %), the
 * province 5 of 8 (62,5 %); August 2025 — Long Xuyên 1 online of 2 (50,0 %), Mỹ Hòa Hưng none.
 * The 2025 target for localities (seed 004) is 70 % online.
 */
const ROWS: [code: string, unit: string, channel: string, day: string][] = [
  ['AG-T-0901', MY_HOA_HUNG, 'online', '2025-09-03'],
  ['AG-T-0902', MY_HOA_HUNG, 'online', '2025-09-10'],
  ['AG-T-0903', MY_HOA_HUNG, 'counter', '2025-09-11'],
  ['AG-T-0904', MY_HOA_HUNG, 'post', '2025-09-17'],
  ['AG-T-0905', LONG_XUYEN, 'online', '2025-09-04'],
  ['AG-T-0906', LONG_XUYEN, 'online', '2025-09-09'],
  ['AG-T-0907', LONG_XUYEN, 'online', '2025-09-15'],
  ['AG-T-0908', LONG_XUYEN, 'counter', '2025-09-16'],
  ['AG-T-0801', LONG_XUYEN, 'online', '2025-08-12'],
  ['AG-T-0802', LONG_XUYEN, 'counter', '2025-08-13'],
];

function csv(): string {
  const lines = ROWS.map(([code, unit, channel, day]) => {
    const values: Record<(typeof DOSSIER_IMPORT_COLUMNS)[number], string> = {
      code,
      procedure_code: '1.004194',
      unit_code: unit,
      channel,
      received_at: `${day}T09:00:00+07:00`,
      due_at: `${day}T17:00:00+07:00`,
      finished_at: `${day}T15:00:00+07:00`,
      status: 'returned',
      supplement_requests: '0',
      fee_vnd: '0',
      paid: 'none',
      digitized_dossier: 'true',
      digitized_result: 'true',
      reused_data: 'false',
      rating: 'satisfied',
      complaint: 'false',
    };
    return DOSSIER_IMPORT_COLUMNS.map((c) => values[c]).join(',');
  });
  return [DOSSIER_IMPORT_COLUMNS.join(','), ...lines].join('\n') + '\n';
}

beforeAll(async () => {
  sys = await createTestSystem();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-dashboard-')), 'ho-so-2025.csv');
  fs.writeFileSync(file, csv());
  const report = await importDossiersFile(sys.database.db, file);
  expect(report).toEqual({ accepted: ROWS.length, rejected: [] });
  baseUrl = await serveWeb(sys);
  browser = await launchChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

const cell = (page: Page, unit: string, indicator: string) =>
  page.locator(`.table--kpi tr[data-unit="${unit}"] td[data-indicator="${indicator}"]`);
const lines = async (page: Page, unit: string, indicator: string) =>
  (await cell(page, unit, indicator).locator('.kpi-cell__rate, .kpi-cell__line').allTextContents()).map((s) => s.trim());

describe('indicators dashboard in the browser', () => {
  it('shows each unit’s online rate with its target, trend, ranking and early warning for a custom period', async () => {
    const monitor = await staffSession(sys, '91', ['monitor']);
    const context = await vnContext(browser, DESKTOP);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await loginThroughUi(page, baseUrl, monitor, '/chi-so');
    await page.getByRole('radio', { name: 'Tùy chọn' }).check();
    // Dates as three boxes, day first, as Vietnamese readers write them.
    await page.locator('#period-from').fill('1');
    await page.locator('#period-from-month').fill('9');
    await page.locator('#period-from-year').fill('2025');
    await page.locator('#period-to').fill('30');
    await page.locator('#period-to-month').fill('9');
    await page.locator('#period-to-year').fill('2025');
    await page.getByRole('button', { name: 'Xem số liệu' }).click();
    await page.waitForURL((u) => u.search === '?ky=tuy-chon&tu=2025-09-01&den=2025-09-30');
    // The early warning shows once both periods have loaded; the trends are complete from then on.
    await page.locator('#early-warning-title').waitFor({ timeout: 20_000 });
    expect(await page.locator('#kpi-period').textContent()).toBe(
      'Kỳ báo cáo: 01/09/2025 – 30/09/2025. So sánh với kỳ trước: 02/08/2025 – 31/08/2025.',
    );

    expect(await lines(page, MY_HOA_HUNG, 'online_rate')).toEqual([
      pct('50,0 %'),
      `Chỉ tiêu ${pct('70,0 %')} · ▼ thiếu 20,0 điểm %`,
      'kỳ trước chưa có số liệu',
    ]);
    expect(await lines(page, LONG_XUYEN, 'online_rate')).toEqual([
      pct('75,0 %'),
      `Chỉ tiêu ${pct('70,0 %')} · ✓ vượt 5,0 điểm %`,
      '↗ tăng 25,0 điểm % so với kỳ trước',
    ]);
    expect((await cell(page, 'total', 'online_rate').locator('.kpi-cell__rate').textContent())?.trim()).toBe(pct('62,5 %'));
    expect(await page.locator(`.table--kpi tr[data-unit="${MY_HOA_HUNG}"] td[data-label="Hồ sơ tiếp nhận"]`).textContent()).toBe(
      '4',
    );

    // Early warning: the commune below target, in words with a sign; the ward above it is not warned.
    const warned = await Promise.all((await page.locator('.warning-list__item').all()).map((l) => l.getAttribute('data-unit')));
    expect(warned).toEqual([MY_HOA_HUNG]);
    expect((await page.locator('.warning-list__item').textContent())?.trim()).toBe(
      `⚠ Xã Mỹ Hòa Hưng: Tỷ lệ trực tuyến ${pct('50,0 %')}, dưới chỉ tiêu ${pct('70,0 %')}; kỳ trước chưa có số liệu để so sánh.`,
    );
    expect(await page.locator(`.table--kpi tr[data-unit="${MY_HOA_HUNG}"] .tag--warning`).textContent()).toBe('⚠ Cảnh báo sớm');
    expect(await page.locator(`.table--kpi tr[data-unit="${LONG_XUYEN}"] .tag--warning`).count()).toBe(0);

    // Sorting by the online rate, highest first, puts the ward on top.
    await page.getByRole('button', { name: /^Tỷ lệ trực tuyến/ }).click();
    const order = await Promise.all((await page.locator('.table--kpi tbody tr').all()).map((l) => l.getAttribute('data-unit')));
    expect(order).toEqual([LONG_XUYEN, MY_HOA_HUNG]);
    expect(await page.locator('.table--kpi th[aria-sort]').getAttribute('aria-sort')).toBe('descending');

    // The charts: both drawn, and the trend's figures as a table: August 50,0 %, September 62,5 %.
    for (const n of [0, 1]) await page.locator('.chart-figure').nth(n).locator('.chart canvas').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.chart-figure').count()).toBe(2);
    await page.getByText('Xem số liệu dạng bảng').click();
    const trend = page.locator('.chart-figure table tbody tr');
    expect(await trend.count()).toBe(12);
    expect((await trend.nth(10).allTextContents())[0]).toBe(`08/2025${pct('50,0 %')}—`);
    expect((await trend.nth(11).allTextContents())[0]).toBe(`09/2025${pct('62,5 %')}—`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-2025-09.png'), fullPage: true });

    expect(errors).toEqual([]);
    await context.close();
  });

  it('publishes September 2025 and shows the frozen table on a phone', async () => {
    const monitor = await staffSession(sys, '91', ['monitor']);
    const res = await sys.app.inject({
      method: 'POST',
      url: '/api/v1/kpi/snapshots',
      headers: monitor.headers,
      payload: { month: '2025-09' },
    });
    expect(res.statusCode).toBe(201);

    const context = await vnContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: 'Công khai chỉ số phục vụ người dân, doanh nghiệp' }).click();
    await page.getByRole('link', { name: 'Tháng 09/2025' }).click();
    await page.waitForURL((u) => u.search === '?thang=2025-09');
    await cell(page, MY_HOA_HUNG, 'online_rate').waitFor();
    expect(await lines(page, MY_HOA_HUNG, 'online_rate')).toEqual([
      pct('50,0 %'),
      `Chỉ tiêu ${pct('70,0 %')} · ▼ thiếu 20,0 điểm %`,
    ]);
    expect((await cell(page, LONG_XUYEN, 'online_rate').locator('.kpi-cell__rate').textContent())?.trim()).toBe(pct('75,0 %'));
    expect((await cell(page, 'total', 'online_rate').locator('.kpi-cell__rate').textContent())?.trim()).toBe(pct('62,5 %'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'publication-2025-09-phone.png'), fullPage: true });
    await context.close();
  });
});
