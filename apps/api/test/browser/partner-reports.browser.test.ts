/**
 * Issue 5 browser test: a carrier's reporter uploads a weekly report with one bad row and the page
 * names that row; the corrected file is accepted (late, so flagged); the coordinator approves it in
 * the queue after acknowledging the warning. The upload page fits a 320 px phone.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCampaign, LONG_XUYEN, MY_HOA_HUNG } from '../../src/modules/campaigns/campaigns.fixtures.ts';
import { createTestSystem, staffSession, type TestSystem } from '../system.ts';
import {
  ARTIFACTS,
  DESKTOP,
  PHONE,
  horizontalOverflow,
  launchChromium,
  loginThroughUi,
  serveWeb,
  vnContext,
} from './chromium.ts';

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

const file = (rows: string[]) => ({
  name: 'viettel-tuan-1.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(['unit_code,unit_name,verified,locked', ...rows].join('\n') + '\n', 'utf8'),
});

describe('partner reports in the browser', () => {
  it('names the bad row of an upload, accepts the corrected file, and the coordinator approves it', async () => {
    const reporter = await staffSession(sys, '91.VIETTEL', ['partner_reporter']);
    const coordinator = await staffSession(sys, '91.SKHCN', ['campaign_coordinator']);
    const errors: string[] = [];

    const phone = await (await vnContext(browser, PHONE)).newPage();
    phone.on('pageerror', (e) => errors.push(e.message));
    await loginThroughUi(phone, baseUrl, reporter, '/can-bo/chien-dich/TEST-TTTB/bao-cao');
    await phone.getByRole('heading', { level: 1, name: 'Báo cáo của đối tác' }).waitFor();
    expect(await phone.getByRole('link', { name: 'Tải mẫu báo cáo XLSX của Viettel An Giang' }).getAttribute('href')).toBe(
      '/api/v1/campaigns/TEST-TTTB/reports/template.xlsx?partner=91.VIETTEL',
    );
    await phone.locator('#report-period').selectOption('2026-05-03');
    await phone
      .locator('#report-file')
      .setInputFiles(file([`${LONG_XUYEN},Phường Long Xuyên,120,3`, `${MY_HOA_HUNG},Xã Mỹ Hòa Hưng,-4,1`]));
    await phone.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const problems = phone.locator('.report-problems');
    await problems.waitFor();
    expect(await problems.getByRole('heading').textContent()).toBe('Báo cáo bị từ chối: 1 lỗi, không có số liệu nào được ghi');
    expect((await problems.locator('tbody tr').allInnerTexts()).map((r) => r.split('\t').map((c) => c.trim()))).toEqual([
      ['3', MY_HOA_HUNG, 'verified', 'verified: số âm (-4)'],
    ]);
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: path.join(ARTIFACTS, 'partner-report-rejected-phone.png'), fullPage: true });

    await phone
      .locator('#report-file')
      .setInputFiles(file([`${LONG_XUYEN},Phường Long Xuyên,120,3`, `${MY_HOA_HUNG},Xã Mỹ Hòa Hưng,40,1`]));
    await phone.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await phone.getByText('Đã nhận báo cáo lần 1 (2 đơn vị). Báo cáo đang chờ đơn vị điều phối duyệt.').waitFor();
    // Sent long after 04/05/2026: accepted and flagged late.
    expect(await phone.locator('.report-warnings li').allTextContents()).toHaveLength(1);
    expect(await phone.locator('.report-warnings li').first().textContent()).toMatch(
      /^Nhận lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}, sau hạn gửi 04\/05\/2026\.$/,
    );
    await phone.locator('tr[data-report] .report-status').first().waitFor();
    expect(await phone.locator('tr[data-report] .report-status').allTextContents()).toEqual(['Chờ duyệt']);
    expect(await phone.locator('#report-period option[value="2026-05-03"]').textContent()).toBe(
      '28/04/2026 – 03/05/2026 (hạn 04/05/2026) · đã gửi lần 1: Chờ duyệt',
    );

    const desk = await (await vnContext(browser, DESKTOP)).newPage();
    desk.on('pageerror', (e) => errors.push(e.message));
    await loginThroughUi(desk, baseUrl, coordinator, '/can-bo/chien-dich/TEST-TTTB/duyet');
    await desk.getByText('1 báo cáo chờ duyệt').waitFor();
    await desk.getByRole('button', { name: /^Xem Viettel An Giang/ }).click();
    await desk.getByRole('heading', { name: 'Viettel An Giang — kỳ 28/04/2026 – 03/05/2026, lần 1' }).waitFor();
    expect(await desk.locator('.report-warnings h3').textContent()).toBe('1 cảnh báo cần xem trước khi duyệt');
    await desk.getByRole('button', { name: 'Duyệt báo cáo' }).click();
    await desk.locator('.error-summary').getByText('Đánh dấu đã xem các cảnh báo trước khi duyệt').waitFor();
    await desk.getByLabel('Tôi đã xem các cảnh báo và xác nhận số liệu').check();
    await desk.getByRole('button', { name: 'Duyệt báo cáo' }).click();
    await desk.getByText('Đã duyệt báo cáo.').waitFor();
    await desk.getByText('Không có báo cáo nào chờ duyệt.').waitFor();
    await desk.screenshot({ path: path.join(ARTIFACTS, 'partner-report-approved.png'), fullPage: true });

    const stored = await sys.database.db.selectFrom('partner_reports').select(['status', 'late']).execute();
    expect(stored).toEqual([{ status: 'approved', late: true }]);
    expect(errors).toEqual([]);
  });
});
