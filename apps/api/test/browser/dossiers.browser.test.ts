/**
 * Dossiers in a real browser against the real API: counter intake on a 320 px phone shows the due
 * date the API computed; officers of the right roles take a dossier from receipt to returned result
 * (with a version conflict on the way); the public tracking page shows the status and no personal data.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICANT, counterBody, MY_HOA_HUNG, LONG_XUYEN } from '../../src/modules/dossiers/dossiers.fixtures.ts';
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

type Headers = Record<string, string>;

async function api<T>(method: 'GET' | 'POST', url: string, headers: Headers, payload?: object): Promise<T> {
  const res = await sys.app.inject({ method, url, headers, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** "2026-02-25T17:00:00+07:00" → "25/02/2026 17:00", written out by hand rather than with the app's formatter. */
function vnDateTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):\d{2}\+07:00$/.exec(iso);
  if (!m) throw new Error(`not a Việt Nam time: ${iso}`);
  return `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}`;
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();
/** An attribute of every element `selector` matches, in order. */
async function attrs(page: Page, selector: string, name: string): Promise<(string | null)[]> {
  return Promise.all((await page.locator(selector).all()).map((l) => l.getAttribute(name)));
}
/** The actions the page offers, by key, in order, once it knows whether the officer's unit may act. */
async function offered(page: Page): Promise<(string | null)[]> {
  await page.locator('section.actions[aria-busy="false"]').waitFor();
  return attrs(page, 'form.action-form', 'data-action');
}
/** Waits for the status tag to read `label`. */
async function statusIs(page: Page, label: string): Promise<void> {
  await page.locator('#dossier-status .tag', { hasText: label }).waitFor({ timeout: 15_000 });
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

describe('counter intake in the browser', () => {
  it('receives a temporary-residence application on a 320 px phone and shows the due date the API computed', async () => {
    const intake = await staffSession(sys, LONG_XUYEN, ['intake_officer']);
    const context = await vnContext(browser, PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);

    await loginThroughUi(page, baseUrl, intake, '/can-bo/tiep-nhan');
    await page.getByLabel('Thủ tục hành chính').fill('1.004194');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByRole('link', { name: 'Đăng ký tạm trú', exact: true }).click();
    await page.waitForURL(/thu-tuc=1\.004194$/);
    await page.locator('h1', { hasText: 'Đăng ký tạm trú' }).waitFor();

    // Sent empty: the GOV.UK error summary lists every problem, in plain Vietnamese, linked to its field.
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await page.locator('.error-summary').waitFor();
    const problems = await page.locator('.error-summary li a').allTextContents();
    expect(problems.slice(0, 4)).toEqual([
      'Nhập họ, chữ đệm và tên của người nộp',
      'Nhập số CCCD gồm 12 chữ số (hoặc CMND 9 chữ số)',
      'Nhập số điện thoại di động gồm 10 chữ số, ví dụ 0912 345 678',
      'Nhập địa chỉ liên hệ của người nộp',
    ]);
    expect(problems).toContain('Chọn hình thức nộp hồ sơ');
    expect(problems).toContain('Nhập thời hạn tạm trú đề nghị (tháng, tối đa 24)');
    expect(await page.locator('.error-summary li a').first().getAttribute('href')).toBe('#applicant-fullName');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'intake-errors-320.png'), fullPage: true });

    await page.locator('#applicant-fullName').fill(APPLICANT.fullName);
    await page.locator('#applicant-idNumber').fill(APPLICANT.idNumber);
    await page.locator('#applicant-phone').fill(APPLICANT.phone);
    await page.locator('#applicant-address').fill(APPLICANT.address);
    await page.locator('#form-applicantFullName').fill(APPLICANT.fullName);
    await page.locator('#form-applicantDateOfBirth').fill('12');
    await page.locator('#form-applicantDateOfBirth-month').fill('5');
    await page.locator('#form-applicantDateOfBirth-year').fill('1990');
    await page.getByRole('radio', { name: 'Nữ' }).check();
    await page.locator('#form-applicantIdNumber').fill(APPLICANT.idNumber);
    await page.locator('#form-applicantPhone').fill(APPLICANT.phone);
    await page.locator('#form-temporaryAddress').fill('45 Lý Thái Tổ, Phường Long Xuyên, An Giang');
    await page.getByRole('radio', { name: 'Thuê, mượn, ở nhờ' }).check();
    await page.locator('#form-stayMonths').fill('12');
    await page.getByRole('radio', { name: 'Trực tiếp tại Bộ phận Một cửa' }).check();
    await page.getByLabel('Thành phần hồ sơ đã được số hóa khi tiếp nhận').check();
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();

    await page.locator('#intake-code').waitFor({ timeout: 15_000 });
    const code = await text(page, '#intake-code');
    expect(code).toMatch(/^30307-\d{6}-\d{4}$/);

    // The API stamped the receipt with the current time: ask the calendar for the due date of that
    // instant plus the procedure's 3 working days, and expect exactly that on the page.
    const dossier = await api<{ receivedAt: string; dueAt: string; status: string; channel: string; digitizedDossier: boolean }>(
      'GET',
      `/api/v1/dossiers/${code}`,
      intake.headers,
    );
    expect(dossier).toMatchObject({ status: 'received', channel: 'counter', digitizedDossier: true });
    const due = await api<{ dueAt: string }>(
      'GET',
      `/api/v1/calendar/due?received=${encodeURIComponent(dossier.receivedAt)}&days=3`,
      {},
    );
    expect(dossier.dueAt).toBe(due.dueAt);
    expect(await text(page, '#intake-due')).toBe(vnDateTime(due.dueAt));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'intake-receipt-320.png'), fullPage: true });

    await page.getByRole('link', { name: `Xem hồ sơ ${code}` }).click();
    await page.waitForURL(new RegExp(`/can-bo/ho-so/${code}$`));
    await statusIs(page, 'Đã tiếp nhận');
    expect(await attrs(page, '.timeline__item', 'data-action')).toEqual(['received']);
    expect(await text(page, '.timeline__detail')).toBe(`Hẹn trả: ${vnDateTime(due.dueAt)}`);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // Signed in, the main navigation leads to the unit's queue, stacked into cards on the phone.
    await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await page.locator(`tr[data-code="${code}"]`).waitFor();
    expect(await attrs(page, '.sub-nav__link .count', 'data-count')).toEqual(['0', '1', '0', '0', '0']);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'queue-320.png'), fullPage: true });

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('processing a dossier to its result in the browser', () => {
  it('start → approve → issue result → return, each by the role that may, with a conflict on the way', async () => {
    const intake = await staffSession(sys, MY_HOA_HUNG, ['intake_officer']);
    const processor = await staffSession(sys, MY_HOA_HUNG, ['processor']);
    const approver = await staffSession(sys, MY_HOA_HUNG, ['approver']);
    const created = await api<{ code: string }>(
      'POST',
      '/api/v1/dossiers',
      intake.headers,
      counterBody({ unitCode: MY_HOA_HUNG }),
    );
    const code = created.code;

    // The processor finds it in the queue of the unit: one dossier in progress, none waiting for intake.
    const pctx = await vnContext(browser, DESKTOP);
    const page = await pctx.newPage();
    const errors = watchErrors(page);
    await loginThroughUi(page, baseUrl, processor, '/can-bo/ho-so');
    await page.locator(`tr[data-code="${code}"]`).waitFor({ timeout: 15_000 });
    const counts = await attrs(page, '.sub-nav__link .count', 'data-count');
    expect(counts).toEqual(['0', '1', '0', '0', '0']);
    expect(await page.locator(`tr[data-code="${code}"] td[data-label="Người nộp"]`).textContent()).toBe('N. T. M. A.');
    expect(await page.locator(`tr[data-code="${code}"] td[data-label="Trạng thái"]`).textContent()).toContain('Đã tiếp nhận');
    // Received now: 3 working days from today, or 4 when received after office hours.
    await page.locator(`tr[data-code="${code}"] .deadline`).waitFor();
    expect(await page.locator(`tr[data-code="${code}"] td[data-label="Hạn trả kết quả"]`).textContent()).toMatch(
      /^\d{2}\/\d{2}\/\d{4} 17:00Còn [34] ngày làm việc$/,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'queue-processor.png'), fullPage: true });
    await page.getByRole('link', { name: code }).click();
    await statusIs(page, 'Đã tiếp nhận');
    expect(await offered(page)).toEqual(['start']);

    // Meanwhile the desk records the fee: the processor's view is one version behind.
    await api('POST', `/api/v1/dossiers/${code}/payment`, intake.headers, { version: 1, method: 'counter' });
    await page.getByRole('button', { name: 'Bắt đầu xử lý' }).click();
    const conflict = page.locator('.notice--error[role="alert"]');
    await conflict.waitFor();
    expect(await conflict.locator('p').first().textContent()).toBe(
      'Hồ sơ đã được người khác cập nhật (phiên bản hiện tại 2, bạn đang xem phiên bản 1). Tải lại hồ sơ để xem thay đổi rồi thực hiện lại.',
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'dossier-conflict.png'), fullPage: true });
    await page.getByRole('button', { name: 'Tải lại hồ sơ' }).click();
    await page.getByRole('button', { name: 'Bắt đầu xử lý' }).click();
    await statusIs(page, 'Đang giải quyết');
    expect(await text(page, '.banner')).toBe('Đã thực hiện “Bắt đầu xử lý”. Trạng thái hiện tại: Đang giải quyết.');
    expect(errors).toEqual([]);
    await pctx.close();

    // The approver decides and issues the result.
    const actx = await vnContext(browser, DESKTOP);
    const leader = await actx.newPage();
    const leaderErrors = watchErrors(leader);
    await loginThroughUi(leader, baseUrl, approver, `/can-bo/ho-so/${code}`);
    await statusIs(leader, 'Đang giải quyết');
    expect(await offered(leader)).toEqual(['approve', 'transfer', 'assign', 'refuse']);
    // The leader hands the file to the unit's processor, picked from the API's list of assignees.
    await leader.locator('details:has(form[data-action="assign"]) summary').click();
    await leader.getByRole('radio', { name: /Chuyên viên xử lý \(Xã Mỹ Hòa Hưng\)$/ }).check();
    await leader.locator('form[data-action="assign"] button[type="submit"]').click();
    await leader.locator('.timeline__item[data-action="assigned"]').waitFor();
    await leader.getByRole('button', { name: 'Phê duyệt' }).click();
    await statusIs(leader, 'Đã phê duyệt');
    expect(await offered(leader)).toEqual(['issueResult']);
    await leader.locator('details:has(form[data-action="issueResult"]) summary').click();
    await leader.getByLabel('Kết quả được cấp bản điện tử').check();
    await leader.locator('form[data-action="issueResult"] button[type="submit"]').click();
    await statusIs(leader, 'Đã có kết quả');
    expect(await offered(leader)).toEqual([]);
    expect(leaderErrors).toEqual([]);
    await actx.close();

    // The desk hands the result back.
    const ictx = await vnContext(browser, DESKTOP);
    const desk = await ictx.newPage();
    await loginThroughUi(desk, baseUrl, intake, `/can-bo/ho-so/${code}`);
    await statusIs(desk, 'Đã có kết quả');
    expect(await offered(desk)).toEqual(['returnResult', 'rating', 'complaint']);
    await desk.getByRole('button', { name: 'Trả kết quả' }).click();
    await statusIs(desk, 'Đã trả kết quả');
    expect(await attrs(desk, '.timeline__item', 'data-action')).toEqual([
      'received',
      'paid',
      'started',
      'assigned',
      'approved',
      'result_issued',
      'returned',
    ]);
    expect(await desk.locator('.timeline__item[data-action="returned"] .timeline__status').textContent()).toBe(
      'Đã có kết quả → chuyển sang Đã trả kết quả',
    );
    await desk.screenshot({ path: path.join(ARTIFACTS, 'dossier-returned.png'), fullPage: true });
    await ictx.close();

    const final = await api<{ status: string; version: number; digitizedResult: boolean; paid: string }>(
      'GET',
      `/api/v1/dossiers/${code}`,
      intake.headers,
    );
    // received, paid, started, assigned, approved, result issued, returned: seven changes.
    expect(final).toMatchObject({ status: 'returned', version: 7, digitizedResult: true, paid: 'counter' });

    // Anyone with the receipt code sees the status and the dates, and nothing about the applicant.
    const pub = await vnContext(browser, { width: 390, height: 844 });
    const citizen = await pub.newPage();
    await citizen.goto(`${baseUrl}/`);
    await citizen.getByRole('link', { name: 'Tra cứu hồ sơ' }).first().click();
    await citizen.getByLabel('Mã hồ sơ').fill(code.toLowerCase());
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    await citizen.locator('#track-result').waitFor();
    // A fresh visitor has none of the staff pages' strings loaded: the labels must be the public ones.
    expect(await citizen.locator('#track-result dt').allTextContents()).toEqual([
      'Thủ tục',
      'Tình trạng',
      'Ngày tiếp nhận',
      'Ngày hẹn trả kết quả',
      'Ngày có kết quả giải quyết',
    ]);
    const shown = await text(citizen, '#track-result');
    expect(shown).toContain(`Hồ sơ ${code}`);
    expect(shown).toContain('Đã trả kết quả');
    expect(shown).toContain('Đăng ký tạm trú');
    for (const secret of [APPLICANT.fullName, APPLICANT.idNumber, APPLICANT.phone, 'Trần Hưng Đạo'])
      expect(shown).not.toContain(secret);
    expect(await horizontalOverflow(citizen)).toBeLessThanOrEqual(0);
    await citizen.screenshot({ path: path.join(ARTIFACTS, 'tracking-phone.png'), fullPage: true });
    await pub.close();
  });
});
