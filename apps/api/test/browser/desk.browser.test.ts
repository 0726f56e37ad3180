/**
 * The desk page on a 320 px phone: an intake officer records a ported number (the page names the
 * carrier mismatch until the officer confirms it), keeps the typed values on error, sees the record in
 * today's list with the number masked, and records their own 1414 self-check.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../system.ts';
import { ARTIFACTS, horizontalOverflow, launchChromium, loginThroughUi, PHONE, serveWeb, vnContext } from './chromium.ts';

const LONG_XUYEN = '30307';
let sys: TestSystem;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  sys = await createTestSystem();
  baseUrl = await serveWeb(sys);
  browser = await launchChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

describe('desk support page', () => {
  it('records a ported number after the officer confirms it, and a self-check', async () => {
    const officer = await staffSession(sys, LONG_XUYEN, ['intake_officer']);
    const context = await vnContext(browser, PHONE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await loginThroughUi(page, baseUrl, officer, '/can-bo/ho-tro-tttb');
    await page.locator('#desk-phone').fill('0912 345 678');
    expect(await page.locator('#desk-detected').textContent()).toBe('Nhà mạng theo đầu số 091: VinaPhone');
    expect(await page.locator('#desk-carrier').inputValue()).toBe('VinaPhone');
    await page.locator('#desk-carrier').selectOption('Viettel');
    await page.locator('#desk-id').fill('089190000333');
    await page.getByRole('radio', { name: 'Chuẩn hóa thành công' }).check();
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();

    // Not confirmed as ported: the summary names the problem and every typed value stays.
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect((await summary.locator('li').allTextContents()).map((s) => s.trim())).toEqual([
      'Đầu số thuộc VinaPhone. Nếu thuê bao đã chuyển sang Viettel, đánh dấu “Thuê bao đã chuyển mạng giữ số”',
    ]);
    expect(await page.locator('#desk-phone').inputValue()).toBe('0912 345 678');
    expect(await page.locator('#desk-id').inputValue()).toBe('089190000333');

    await page.getByLabel('Thuê bao đã chuyển mạng giữ số (nhà mạng khác đầu số)').check();
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await page.locator('#desk-saved').waitFor();
    expect((await page.locator('#desk-saved').textContent())?.trim()).toBe('Đã ghi nhận lượt hỗ trợ cho số 091****678 (Chuẩn hóa thành công).');
    expect(await page.locator('#desk-phone').inputValue()).toBe('');

    const row = page.locator('#desk-today tbody tr');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').allTextContents()).toEqual(['091****678', 'Viettel', 'Bộ phận Một cửa', '✓ Chuẩn hóa thành công']);

    // The self-check card: nothing yet, then "matched" today.
    expect((await page.locator('#selfcheck-title ~ .notice--warning').textContent())?.trim()).toBe('Bạn chưa ghi nhận lần tự kiểm tra nào.');
    await page.getByRole('radio', { name: 'Thông tin trùng khớp' }).check();
    await page.getByRole('button', { name: 'Lưu kết quả tự kiểm tra' }).click();
    await page.getByText('Đã lưu kết quả tự kiểm tra.').waitFor();
    await page.getByText(/^✓ Đã tự kiểm tra ngày \d{2}\/\d{2}\/\d{4}: Thông tin trùng khớp\.$/).waitFor();

    // No payout or compliance tables for an intake officer: those are for the people who follow them.
    expect(await page.locator('#payout-title').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the province monitor the payout with downloads and the compliance table', async () => {
    const monitor = await staffSession(sys, '91', ['monitor']);
    const context = await vnContext(browser, PHONE);
    const page = await context.newPage();
    await loginThroughUi(page, baseUrl, monitor, '/can-bo/ho-tro-tttb');
    await page.locator('#payout-table').waitFor();
    expect((await page.locator('#payout-table caption').textContent())?.trim()).toMatch(/^Tháng \d{4}-\d{2}: 1 lượt thành công, 10\.000\u00a0đ$/);
    const csv = page.getByRole('link', { name: 'Tải CSV' });
    expect(await csv.getAttribute('href')).toMatch(/^\/api\/v1\/desk\/payouts\?month=\d{4}-\d{2}&format=csv$/);
    await page.locator('#compliance-table').waitFor();
    expect(await page.locator('#compliance-table tr.table__total th').textContent()).toBe('Tổng');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-monitor-phone.png'), fullPage: true });
    await context.close();
  });
});
