/**
 * Running a campaign from its set-up page in a real browser, on a 320 px phone: the Sở KH&CN
 * coordinator adds the post office as a reporting partner and a reporting round; a round whose due
 * date is before its statistics end is refused with a Vietnamese message and what was typed stays;
 * the page then shows the partner and the round in its tables. Nothing scrolls sideways.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCampaign } from '../../src/modules/campaigns/campaigns.fixtures.ts';
import { createTestSystem, staffSession, type TestSystem } from '../system.ts';
import { ARTIFACTS, horizontalOverflow, launchChromium, loginThroughUi, PHONE, serveWeb, vnContext } from './chromium.ts';

let sys: TestSystem;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  sys = await createTestSystem();
  await createTestCampaign(sys.database.db);
  baseUrl = await serveWeb(sys);
  browser = await launchChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

const cells = async (rows: Locator) => (await rows.allInnerTexts()).map((r) => r.split('\t').map((c) => c.trim()));

describe('campaign set-up in the browser', () => {
  it('adds a partner and a round; the page shows them', async () => {
    const coordinator = await staffSession(sys, '91.SKHCN', ['campaign_coordinator']);
    const errors: string[] = [];
    const page = await (await vnContext(browser, PHONE)).newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await loginThroughUi(page, baseUrl, coordinator, '/can-bo/chien-dich/TEST-TTTB/cau-hinh');
    await page.getByRole('heading', { level: 1, name: 'Chiến dịch thử nghiệm xác thực thuê bao' }).waitFor();
    // The window (28/4–28/5/2026) is over: the phase says so, the status stays the coordinator's.
    expect(await page.locator('.summary-list__row', { hasText: 'Thời gian' }).locator('dd').textContent()).toBe(
      '28/04/2026 – 28/05/2026 · Đã hết thời gian',
    );
    expect(await page.locator('.summary-list__row', { hasText: 'Trạng thái' }).locator('dd').textContent()).toBe(
      'Đang triển khai',
    );

    // Partner: the post office, weekly, reporting verified subscribers.
    await page.locator('#partner-new-unit option', { hasText: 'Bưu điện tỉnh An Giang (91.BDT)' }).waitFor({ state: 'attached' });
    await page.locator('#partner-new-unit').selectOption('91.BDT');
    expect(await page.locator('#partner-new-kind').inputValue()).toBe('post');
    await page.getByRole('button', { name: 'Thêm đối tác' }).click();
    // Nothing ticked: the page says what is missing.
    await page.locator('.error-summary').getByText('Chọn ít nhất một chỉ tiêu đối tác báo cáo').waitFor();
    await page.locator('#partner-new-metrics').check();
    await page.getByRole('button', { name: 'Thêm đối tác' }).click();
    await page.getByText('Đã thêm đối tác Bưu điện tỉnh An Giang.').waitFor();
    const partners = page.locator('h2:has-text("Đối tác báo cáo") + .table-wrap tbody tr');
    await page.locator('h2:has-text("Đối tác báo cáo") + .table-wrap tbody tr', { hasText: 'Bưu điện' }).waitFor();
    expect(await cells(partners)).toEqual([
      ['Bưu điện tỉnh An Giang', 'Bưu điện', 'Hằng tuần (thứ Hai – Chủ nhật)', '1 ngày sau kỳ', 'Thuê bao đã xác thực'],
      [
        'MobiFone An Giang',
        'Nhà mạng',
        'Hằng tuần (thứ Hai – Chủ nhật)',
        '1 ngày sau kỳ',
        'Thuê bao đã xác thực; Thuê bao bị khóa',
      ],
      [
        'Viettel An Giang',
        'Nhà mạng',
        'Hằng tuần (thứ Hai – Chủ nhật)',
        '1 ngày sau kỳ',
        'Thuê bao đã xác thực; Thuê bao bị khóa',
      ],
      ['VNPT An Giang', 'Nhà mạng', 'Hằng tuần (thứ Hai – Chủ nhật)', '1 ngày sau kỳ', 'Thuê bao đã xác thực; Thuê bao bị khóa'],
    ]);

    // Round: first a due date before the statistics end — refused, and the typed values stay.
    expect(await page.getByText('Chưa có đợt báo cáo.').count()).toBe(1);
    await page.getByRole('button', { name: 'Thêm đợt' }).click();
    await page.locator('#round-1-name').fill('Đợt 01');
    await page.locator('#round-1-statsFrom').fill('2026-04-28');
    await page.locator('#round-1-statsTo').fill('2026-05-10');
    await page.locator('#round-1-dueDate').fill('2026-05-09');
    await page.getByRole('button', { name: 'Lưu các đợt' }).click();
    await page.locator('.error-summary').getByText('Đợt 1: hạn báo cáo trước ngày cuối số liệu').waitFor();
    expect(await page.locator('#round-1-name').inputValue()).toBe('Đợt 01');
    expect(await page.locator('#round-1-statsTo').inputValue()).toBe('2026-05-10');
    await page.locator('#round-1-dueDate').fill('2026-05-12');
    await page.getByRole('button', { name: 'Lưu các đợt' }).click();
    await page.getByText('Đã lưu 1 đợt báo cáo.').waitFor();
    const rounds = page.locator('h2:has-text("Đợt báo cáo") + .table-wrap tbody tr');
    await rounds.first().waitFor();
    expect(await cells(rounds)).toEqual([['Đợt 01', '28/04/2026 – 10/05/2026', '12/05/2026']]);
    expect(await page.getByText('Chưa có đợt báo cáo.').count()).toBe(0);

    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'campaign-setup-phone.png'), fullPage: true });
    await page
      .locator('section[aria-labelledby="rounds-edit-title"]')
      .screenshot({ path: path.join(ARTIFACTS, 'campaign-setup-rounds-phone.png') });
    await page
      .locator('section[aria-labelledby="partner-edit-title"]')
      .screenshot({ path: path.join(ARTIFACTS, 'campaign-setup-partners-phone.png') });
    expect(errors).toEqual([]);

    // What the page showed is what the server holds.
    const c = (await sys.app.inject({ method: 'GET', url: '/api/v1/campaigns/TEST-TTTB', headers: coordinator.headers })).json();
    expect(c.rounds).toEqual([{ seq: 1, name: 'Đợt 01', statsFrom: '2026-04-28', statsTo: '2026-05-10', dueDate: '2026-05-12' }]);
    expect(c.partners.map((p: { unitCode: string }) => p.unitCode)).toEqual(['91.BDT', '91.MOBIFONE', '91.VIETTEL', '91.VNPT']);
  });
});
