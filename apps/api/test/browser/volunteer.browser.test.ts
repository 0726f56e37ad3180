/**
 * ACCEPTANCE (issue 5): a volunteer records three outcomes offline, goes online, and the figures show
 * them once. The volunteer opens /tinh-nguyen on a phone while online (the service worker installs and
 * keeps the page and the list), loses the connection, records three outcomes, reloads the page with
 * no connection (it still works, 3 waiting), comes back online (the queue drains), the same records
 * are sent a second time, and the coordinator's field page counts each outcome once.
 *
 * "Offline" is real for the page and its service worker alike: the browser talks to the server
 * through a loopback TCP relay that refuses every connection while offline, on top of Playwright's
 * offline emulation (which fires the browser's offline/online events but does not reach service
 * worker fetches: microsoft/playwright#2311).
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSystem, staffSession, type TestSystem } from '../system.ts';
import { createTestCampaign, LONG_XUYEN, testCampaign } from '../../src/modules/campaigns/campaigns.fixtures.ts';
import { addDays } from '../../src/modules/calendar/calendar.dates.ts';
import { vnToday } from '../../src/shared/dates.ts';
import { cccd, csvOf, fieldApi, person } from '../../src/modules/field/field.fixtures.ts';
import { ARTIFACTS, DESKTOP, horizontalOverflow, launchChromium, loginThroughUi, PHONE, serveWeb, vnContext } from './chromium.ts';

const REF = 'TEST-TTTB';
const HAMLET = 'Khóm Bình Khánh 1';

let sys: TestSystem;
let browser: Browser;
let relay: Relay;
let baseUrl: string;
let volunteer: { username: string; password: string };
let coordinator: { username: string; password: string };

interface Relay {
  url: string;
  setOffline(offline: boolean): void;
  close(): Promise<void>;
}

/** A TCP relay to the app; while offline it drops open connections and refuses new ones. */
async function startRelay(targetUrl: string): Promise<Relay> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  let offline = false;
  const server = net.createServer((client) => {
    if (offline) return void client.destroy();
    const upstream = net.connect(Number(target.port), target.hostname);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    sockets.add(client).add(upstream);
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    setOffline(value) {
      offline = value;
      if (value) for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const people = { an: cccd(1980), binh: cccd(1982), cuong: cccd(1990), dung: cccd(1975) };

beforeAll(async () => {
  sys = await createTestSystem();
  // A campaign under way today with the field metrics, so the dashboard (as of today) shows the outcomes.
  const today = vnToday();
  const base = testCampaign();
  await createTestCampaign(sys.database.db, {
    windowStart: addDays(today, -10),
    windowEnd: addDays(today, 20),
    metrics: [
      ...base.metrics,
      { code: 'field_done', nameVi: 'Đã xác thực tại nhà (thực địa)', nameEn: 'Done in the field', kind: 'count', source: 'field' },
      { code: 'field_rate', nameVi: 'Tỷ lệ hoàn thành thực địa', nameEn: 'Field completion rate', kind: 'rate', source: 'field' },
    ],
  });
  const coord = await staffSession(sys, '91.SKHCN', ['campaign_coordinator']);
  coordinator = coord;
  volunteer = await staffSession(sys, LONG_XUYEN, ['field_volunteer']);
  const api = fieldApi(sys);
  const list = [
    person(LONG_XUYEN, HAMLET, 'BK1-001', 'Nguyễn Văn An', { id_number: people.an, birth_year: '1980', list_kind: 'to_verify', phone: '0912345678' }),
    person(LONG_XUYEN, HAMLET, 'BK1-001', 'Trần Thị Bình', { id_number: people.binh, birth_year: '1982', list_kind: 'to_verify' }),
    person(LONG_XUYEN, HAMLET, 'BK1-002', 'Lê Minh Cường', { id_number: people.cuong, birth_year: '1990', list_kind: 'to_verify' }),
    person(LONG_XUYEN, 'Khóm Đông Thịnh 3', 'DT3-001', 'Phạm Văn Dũng', { id_number: people.dung, birth_year: '1975', list_kind: 'to_verify' }),
  ];
  expect((await api.upload(REF, csvOf(list), coord.headers)).statusCode).toBe(200);
  const team = await api.createTeam(REF, { unitCode: LONG_XUYEN, name: 'Tổ công nghệ số cộng đồng khóm Bình Khánh 1', memberUsernames: [volunteer.username] }, coord.headers);
  expect(team.statusCode).toBe(201);
  expect((await api.assign(REF, team.json().id, { hamlets: [HAMLET] }, coord.headers)).statusCode).toBe(200);
  relay = await startRelay(await serveWeb(sys));
  baseUrl = relay.url;
  browser = await launchChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await relay?.close();
  await sys?.close();
});

const storedOutcomes = async () =>
  Number((await sys.database.db.selectFrom('field_outcomes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** Polls a browser-side condition (a string: this package has no DOM types). */
async function until(page: Page, expression: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction(expression, undefined, { timeout, polling: 200 });
}

/** On a failed wait, what the page showed and what the worker kept: enough to tell a slow machine from a bug. */
const explain = (page: Page) => async (e: unknown) => {
  const shown = await page.locator('main').innerText().catch(() => '?');
  const kept = await page.evaluate(`caches.keys().then((names) => Promise.all(names.map((n) => caches.open(n).then((c) => c.keys()).then((k) => n + ': ' + k.map((r) => new URL(r.url).pathname).join(' ')))))`).catch(() => '?');
  throw new Error(`${(e as Error).message}\n--- page ---\n${shown}\n--- caches ---\n${JSON.stringify(kept)}`);
};

const personBox = (page: Page, name: string) => page.locator('fieldset.field-person', { hasText: name });

describe('the volunteer page offline', () => {
  // Generous time: two databases, Chromium and the server share a small CI machine.
  it('records three outcomes offline, survives a reload, syncs once back online and counts them once', { timeout: 240_000 }, async () => {
    const context = await vnContext(browser, PHONE);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await loginThroughUi(page, baseUrl, volunteer, '/tinh-nguyen');
    await page.getByRole('heading', { name: 'Hộ cần đến' }).waitFor();
    await personBox(page, 'Lê Minh Cường').waitFor();
    expect(await page.locator('fieldset.field-person').count()).toBe(3);
    expect(await personBox(page, 'Nguyễn Văn An').locator('legend').textContent()).toBe(`Nguyễn Văn AnSinh năm 1980 · CCCD …${people.an.slice(-4)} · 091****678`);
    expect(await page.content()).not.toContain(people.an);

    // The worker is in charge and keeps the page, every file it loaded, and the list.
    await until(page, 'navigator.serviceWorker.controller !== null');
    await until(
      page,
      `(async () => {
        const kept = (await (await caches.open('motcua-shell-v1')).keys()).map((r) => new URL(r.url).pathname);
        const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/assets/'));
        const list = await (await caches.open('motcua-field-data-v1')).match('/api/v1/field/assignments');
        return kept.includes('/tinh-nguyen') && loaded.every((p) => kept.includes(p)) && list !== undefined;
      })()`,
    );
    await until(page, `document.querySelector('[role=status]')?.textContent === 'Đã gửi hết kết quả'`);

    // No connection at all: three taps go to the phone's queue.
    relay.setOffline(true);
    await context.setOffline(true);
    await personBox(page, 'Nguyễn Văn An').getByRole('button', { name: 'Đã xác thực' }).click();
    await personBox(page, 'Trần Thị Bình').getByRole('button', { name: 'Không có mặt' }).click();
    await personBox(page, 'Lê Minh Cường').getByRole('button', { name: 'Đã xác thực' }).click();
    await page.getByText('3 kết quả chờ gửi').waitFor();
    expect(await personBox(page, 'Trần Thị Bình').locator('.field-person__state').textContent()).toBe('Kết quả: Không có mặt (chờ gửi)');
    expect(await personBox(page, 'Trần Thị Bình').getByRole('button', { name: 'Không có mặt' }).getAttribute('aria-pressed')).toBe('true');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // Reloaded with no connection: the page, the list and the queue are all still there.
    await page.reload();
    await page.getByRole('heading', { name: 'Hộ cần đến' }).waitFor();
    await page.getByText('3 kết quả chờ gửi').waitFor();
    await page.getByText(/^Danh sách lưu trên máy, tải lúc/).waitFor().catch(explain(page));
    expect(await page.locator('fieldset.field-person').count()).toBe(3);
    expect(await personBox(page, 'Nguyễn Văn An').locator('.field-person__state').textContent()).toBe('Kết quả: Đã xác thực (chờ gửi)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'volunteer-offline-phone.png'), fullPage: true });
    expect(await storedOutcomes()).toBe(0);
    const queue = (await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('motcua-field');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const req = open.result.transaction('queue').objectStore('queue').getAll();
        req.onsuccess = () => resolve(req.result);
      };
    })`)) as { clientId: string; personId: number; outcome: string; recordedAt: string }[];
    expect(queue.map((q) => q.outcome).sort()).toEqual(['absent', 'done', 'done']);

    // Back online: the queue drains by itself.
    relay.setOffline(false);
    await context.setOffline(false);
    await until(page, `document.querySelector('[role=status]')?.textContent === 'Đã gửi hết kết quả'`, 90_000);
    expect(await storedOutcomes()).toBe(3);

    // The same records sent again (a lost answer, a replayed queue): acknowledged, not counted again.
    const again = (await page.evaluate(
      `fetch('/api/v1/field/outcomes', { method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'same-origin',
        body: JSON.stringify({ items: ${JSON.stringify(queue.map(({ clientId, personId, outcome, recordedAt }) => ({ clientId, personId, outcome, recordedAt })))} }) })
        .then((r) => r.json())`,
    )) as { created: number; duplicates: number };
    expect(again).toMatchObject({ created: 0, duplicates: 3 });
    expect(await storedOutcomes()).toBe(3);
    // An and Cường are done and leave the list; Bình, absent, stays to be visited again.
    await until(page, `document.querySelectorAll('fieldset.field-person').length === 2`);
    expect(await personBox(page, 'Trần Thị Bình').locator('.field-person__state').textContent()).toBe('Kết quả: Không có mặt');
    expect(errors).toEqual([]);
    await context.close();

    // The coordinator's figures: 2 done, 1 absent, of 4 listed → 2 / 4 = 50,0 %.
    const desk = await vnContext(browser, DESKTOP);
    const coord = await desk.newPage();
    coord.setDefaultTimeout(60_000);
    await loginThroughUi(coord, baseUrl, coordinator, `/can-bo/chien-dich/${REF}/thuc-dia`);
    const row = coord.locator(`tr.field-progress__commune[data-unit="${LONG_XUYEN}"]`);
    await row.waitFor();
    const cell = async (label: string) => (await row.locator(`td[data-label="${label}"]`).textContent())?.trim();
    expect(await cell('Danh sách')).toBe('4');
    expect(await cell('Đã kích hoạt, xác thực')).toBe('2');
    expect(await cell('Không có mặt')).toBe('1');
    expect(await cell('Chưa đến')).toBe('1');
    expect(await cell('Tỷ lệ')).toBe('50,0\u00a0%');
    await coord.screenshot({ path: path.join(ARTIFACTS, 'field-progress.png'), fullPage: true });

    // The campaign dashboard counts them once too: 2 done, 2 / (4 listed − 0 ineligible) = 50,0 %.
    await coord.goto(`${baseUrl}/can-bo/chien-dich/${REF}`);
    // The field cards show among the headline figures and again in the field-work section.
    const card = (label: string) => coord.locator('li.cdash-card', { has: coord.locator('.cdash-card__label', { hasText: label }) }).first();
    await card('Đã xác thực tại nhà (thực địa)').waitFor();
    expect((await card('Đã xác thực tại nhà (thực địa)').locator('.cdash-card__value').textContent())?.trim()).toBe('2');
    expect((await card('Tỷ lệ hoàn thành thực địa').locator('.cdash-card__value').textContent())?.trim()).toBe('50,0\u00a0%');
    await coord.screenshot({ path: path.join(ARTIFACTS, 'campaign-dashboard-field.png'), fullPage: true });
    await desk.close();
  });
});
