/**
 * On a 320 px phone: a carrier's reporter sets its payout rate (the form refuses less than the seed
 * 000 V.2 minimum of 10,000 đ and says why), and a commune coordinator filters the people list to the
 * absent (seed 003 V.2.d) and gets the CSV link of that list; ID numbers appear masked.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../system.ts';
import { createTestCampaign, LONG_XUYEN } from '../../src/modules/campaigns/campaigns.fixtures.ts';
import { cccd, csvOf, fieldApi, person, record } from '../../src/modules/field/field.fixtures.ts';
import { ARTIFACTS, horizontalOverflow, launchChromium, loginThroughUi, PHONE, vnContext, serveWeb } from './chromium.ts';

const REF = 'TEST-TTTB';
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

describe('payout rates and the people list', () => {
  it('lets a carrier set its own rate, never below 10,000 đ', async () => {
    const viettel = await staffSession(sys, '91.VIETTEL', ['partner_reporter']);
    const context = await vnContext(browser, PHONE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginThroughUi(page, baseUrl, viettel, '/can-bo/ho-tro-tttb');
    await page.locator('#rate-amount').waitFor();
    expect(await page.locator('#rate-carrier').inputValue()).toBe('Viettel');
    expect(await page.locator('#rate-amount-hint').textContent()).toContain('tối thiểu: 10.000 đồng/lượt chuẩn hóa TTTB thành công');
    await page.locator('#rate-amount').fill('9.000');
    await page.locator('#rate-from').fill('1');
    await page.locator('#rate-from-month').fill('12');
    await page.locator('#rate-from-year').fill('2026');
    await page.getByRole('button', { name: 'Lưu mức hỗ trợ' }).click();
    expect((await page.locator('.error-summary li').allTextContents()).map((s) => s.trim())).toEqual(['Nhập mức hỗ trợ là số nguyên, từ 10.000 đến 10.000.000 đồng']);
    await page.locator('#rate-amount').fill('15.000');
    await page.getByRole('button', { name: 'Lưu mức hỗ trợ' }).click();
    await page.getByText('Đã lưu: Viettel 15.000\u00a0đ/lượt từ ngày 01/12/2026.').waitFor();
    await page.locator('#rates-table tr[data-carrier="Viettel"]').waitFor();
    expect(await page.locator('#rates-table tbody tr td').first().textContent()).toBe('01/12/2026');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-rates-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters the coordinator’s people list to the absent and links the CSV of that list', async () => {
    await createTestCampaign(sys.database.db);
    const api = fieldApi(sys);
    const coord = await staffSession(sys, LONG_XUYEN, ['campaign_coordinator']);
    const vol = await staffSession(sys, LONG_XUYEN, ['field_volunteer']);
    const an = cccd(1980);
    const list = [
      person(LONG_XUYEN, 'Khóm 1', 'K1-001', 'Nguyễn Văn An', { id_number: an, birth_year: '1980' }),
      person(LONG_XUYEN, 'Khóm 1', 'K1-002', 'Trần Thị Bình', { list_kind: 'to_verify', id_number: '351234567', birth_year: '', msisdn: '0961234567' }),
      person(LONG_XUYEN, 'Khóm 2', 'K2-001', 'Lê Văn Cường'),
    ];
    expect((await api.upload(REF, csvOf(list), coord.headers)).statusCode).toBe(200);
    const team = await api.createTeam(REF, { unitCode: LONG_XUYEN, name: 'Tổ 1', memberUsernames: [vol.username] }, coord.headers);
    await api.assign(REF, team.json().id, { hamlets: ['Khóm 1', 'Khóm 2'] }, coord.headers);
    const ids = await sys.database.db.selectFrom('field_people').select(['id', 'full_name']).execute();
    const idOf = (name: string) => Number(ids.find((p) => p.full_name === name)!.id);
    const sent = await api.outcomes([record(idOf('Nguyễn Văn An'), 'done', '2026-05-02T09:00:00+07:00'), record(idOf('Trần Thị Bình'), 'absent', '2026-05-02T09:10:00+07:00')], vol.headers);
    expect(sent.statusCode).toBe(200);

    const context = await vnContext(browser, PHONE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginThroughUi(page, baseUrl, coord, `/can-bo/chien-dich/${REF}/thuc-dia`);
    await page.locator('#people-table').waitFor();
    expect(await page.locator('#people-table tbody tr').count()).toBe(3);
    await page.locator('#people-outcome').selectOption('absent');
    await page.getByRole('button', { name: 'Lọc danh sách' }).click();
    await page.locator('#people-table caption', { hasText: '1–1 trong 1 người' }).waitFor();
    const row = page.locator('#people-table tbody tr');
    expect(await row.locator('th').textContent()).toBe('Trần Thị Bình');
    expect(await row.locator('td').allTextContents()).toEqual(['Khóm 1, Phường Long Xuyên', 'K1-002', 'CMND ******567', '—', '096****567 (Viettel)', 'Không có mặt', expect.stringMatching(/^02\/05\/2026 09:10, Cán bộ Kiểm thử$/), '—']);
    const csv = page.getByRole('link', { name: 'Tải CSV danh sách đã lọc' });
    expect(await csv.getAttribute('href')).toBe(`/api/v1/campaigns/${REF}/households/people?unit=${LONG_XUYEN}&outcome=absent&format=csv`);
    expect(await page.content()).not.toContain(an);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'field-people-phone.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
