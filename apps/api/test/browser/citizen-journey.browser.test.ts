/**
 * The citizen's whole journey in a real browser, against real HTTP (issue 4 acceptance): log in
 * through the VNeID OpenID Connect simulator → the e-form arrives prefilled from the population
 * registry → submit → officers receive, approve and issue a signed result → the citizen downloads the
 * PDF → the verification page (where the QR code points) says the document and the file are valid,
 * and a copy with one byte changed is not.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/app.ts';
import { listeningSystem, seedSimPopulation, type ListeningSystem } from '../../src/simulators/registry/registry.fixtures.ts';
import { staffSession } from '../system.ts';
import { ARTIFACTS, horizontalOverflow, launchChromium, vnContext } from './chromium.ts';

let sys: ListeningSystem;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('apps/web/dist is missing: npm run build:web first');
  sys = await listeningSystem();
  await seedSimPopulation(sys, 400);
  browser = await launchChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

describe('a citizen online, from VNeID login to a verified signed result', () => {
  it('logs in, submits a prefilled form, gets a signed PDF and verifies it', async () => {
    const db = sys.database.db;
    // A level-2 resident of the simulated population (temporary residence needs level 2).
    const person = await db
      .selectFrom('sim_people')
      .select(['cccd', 'full_name', 'date_of_birth'])
      .where('identity_level', '=', 2)
      .where('status', '=', 'alive')
      .where('date_of_birth', '<', '2000-01-01')
      .orderBy('cccd')
      .executeTakeFirstOrThrow();

    const context = await vnContext(browser, { width: 390, height: 844 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(sys.baseUrl) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url());
    });

    // The procedure page offers online submission; the citizen page asks for a VNeID login first.
    await page.goto(`${sys.baseUrl}/thu-tuc/1.004194`);
    await page.getByRole('link', { name: 'Nộp trực tuyến' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập để tiếp tục' }).waitFor();
    await page.locator('main').getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();

    // The simulator's own login page: find the resident by CCCD and pick them.
    await page.waitForURL(/\/sim\/vneid\//);
    await page.getByLabel('Tìm theo số CCCD hoặc họ tên').fill(person.cccd);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('button', { name: `Đăng nhập là ${person.full_name}, CCCD ${person.cccd}` }).click();

    // Back on the e-form, with what the registry knows already filled in and marked.
    await page.waitForURL(/\/cong-dan\/nop-ho-so\/1\.004194/);
    await page.locator('#applicant-fullName').waitFor({ timeout: 15_000 });
    expect(await page.locator('#applicant-fullName').inputValue()).toBe(person.full_name);
    expect(await page.locator('#applicant-idNumber').inputValue()).toBe(person.cccd);
    expect(await page.locator('#form-applicantFullName').inputValue()).toBe(person.full_name);
    expect(await page.getByText('Đã điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư').count()).toBeGreaterThan(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'citizen-prefilled-390.png'), fullPage: true });

    // What only the citizen can say.
    const fillIfEmpty = async (selector: string, value: string) => {
      const field = page.locator(selector);
      if ((await field.inputValue()) === '') await field.fill(value);
    };
    await fillIfEmpty('#applicant-phone', '0912345678');
    await fillIfEmpty('#applicant-address', 'Số 1 Trần Hưng Đạo, phường Long Xuyên, An Giang');
    await fillIfEmpty('#form-applicantPhone', '0912345678');
    await page.locator('#form-temporaryAddress').fill('Số 5 Lê Lợi, phường Long Xuyên, An Giang');
    await page.locator('#form-legalResidenceBasis').check();
    await page.locator('#form-stayMonths').fill('12');
    if ((await page.locator('#unitCode').inputValue()) === '') await page.locator('#unitCode').selectOption({ label: 'Phường Long Xuyên' });
    await page.locator('#doc-0-upload').check();
    await page.locator('#doc-0-file').setInputFiles({ name: 'to-khai-CT01.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await page.locator('#confirm').check();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.locator('#receipt-code').waitFor({ timeout: 15_000 });
    const code = ((await page.locator('#receipt-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^\d{5}-\d{6}-\d{4}$/);

    const dossier = await db
      .selectFrom('dossiers as d')
      .innerJoin('units as u', 'u.id', 'd.handling_unit_id')
      .innerJoin('citizens as c', 'c.id', 'd.citizen_id')
      .select(['d.status', 'd.channel', 'u.code as unit_code', 'c.id_number'])
      .where('d.code', '=', code)
      .executeTakeFirstOrThrow();
    expect(dossier).toMatchObject({ status: 'submitted', channel: 'online', id_number: person.cccd });

    // The fields the citizen kept as prefilled are counted for the indicator of seed 001 (≥ 20 % fewer to type).
    const monitor = await staffSession(sys, '91', ['monitor']);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const prefill = await sys.app.inject({ method: 'GET', url: `/api/v1/kpi/prefill?from=${today}&to=${today}`, headers: monitor.headers });
    expect(prefill.statusCode, prefill.body).toBe(200);
    const item = prefill.json().items.find((i: { procedureCode: string }) => i.procedureCode === '1.004194');
    expect(item.submissions).toBe(1);
    expect(item.fieldsPrefilled).toBeGreaterThanOrEqual(4);
    expect(item.sharePrefilled).toBeGreaterThanOrEqual(0.2);

    // The unit's officers take it to a signed electronic result.
    const desk = await staffSession(sys, dossier.unit_code, ['intake_officer']);
    const processor = await staffSession(sys, dossier.unit_code, ['processor']);
    const leader = await staffSession(sys, dossier.unit_code, ['approver']);
    let version = 1;
    for (const [who, action, extra] of [
      [desk, 'receive', {}],
      [processor, 'start', {}],
      [leader, 'approve', {}],
      [leader, 'issue-result', { digitizedResult: true }],
    ] as const) {
      const res = await sys.app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${code}/${action}`,
        headers: who.headers,
        payload: { version, ...extra },
      });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      version = res.json().version;
    }

    // The citizen downloads the signed PDF from their dossier page.
    await page.goto(`${sys.baseUrl}/cong-dan/ho-so/${code}`);
    await page.locator('#result-box').waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải kết quả (PDF)' }).click()]);
    const pdfPath = path.join(ARTIFACTS, 'citizen-result.pdf');
    await download.saveAs(pdfPath);
    const pdf = fs.readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(person.full_name);
    await page.screenshot({ path: path.join(ARTIFACTS, 'citizen-result-390.png'), fullPage: true });

    // The verification page the QR code opens: the document is valid, and so is this very file.
    const result = await db.selectFrom('results').select(['id']).where('dossier_code', '=', code).executeTakeFirstOrThrow();
    expect(text).toContain(`${sys.baseUrl}/verify/${result.id}`);
    await page.goto(`${sys.baseUrl}/verify/${result.id}`);
    await page.locator('#verify-status').waitFor();
    expect(((await page.locator('h1').textContent()) ?? '').trim()).toBe('✓ Văn bản hợp lệ');
    await page.getByLabel('Tệp PDF cần kiểm tra').setInputFiles(pdfPath);
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.locator('#file-check-result[data-status="valid"]').waitFor();
    expect(((await page.locator('#file-check-result h3').textContent()) ?? '').trim()).toBe('✓ Tệp hợp lệ');
    await page.screenshot({ path: path.join(ARTIFACTS, 'citizen-verify-valid-390.png'), fullPage: true });

    // One byte changed in the middle of the file: no longer the signed document.
    const tampered = Buffer.from(pdf);
    const at = Math.floor(tampered.length / 2);
    tampered[at] = tampered[at]! ^ 0x01;
    await page.getByLabel('Tệp PDF cần kiểm tra').setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: tampered });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.locator('#file-check-result[data-status="invalid"]').waitFor();
    expect(((await page.locator('#file-check-result h3').textContent()) ?? '').trim()).toBe('✕ Tệp đã bị thay đổi');

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });
});

/** The smallest well-formed PDF (one empty page): an upload the content sniffing accepts as a PDF. */
function minimalPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
