/**
 * The citizen's first journey, in a real browser on a phone-sized screen: search the catalogue for
 * "khai sinh", open the birth registration procedure, see its code. Runs against the built web app
 * (the root `npm test` builds it first) served by the real API.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/app.ts';
import { REPO_ROOT } from '../../src/shared/paths.ts';
import { createTestSystem, type TestSystem } from '../system.ts';
import { launchChromium } from './chromium.ts';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

let sys: TestSystem;
let browser: Browser;
let context: BrowserContext;
let baseUrl: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`${path.relative(REPO_ROOT, WEB_DIST)}/index.html is missing: build the web app first (npm run build:web; the root npm test does it).`);
  }
  sys = await createTestSystem();
  await sys.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(sys.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await sys?.close();
});

/** The page fits the phone's width: nothing makes the reader scroll sideways. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  // A string, evaluated in the page: this package is type-checked without the DOM library.
  const { scrollWidth, innerWidth } = (await page.evaluate(
    '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
  )) as { scrollWidth: number; innerWidth: number };
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

describe('procedure search in the browser', () => {
  it('finds "Đăng ký khai sinh" on a phone and opens procedure 1.001193', async () => {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(`${baseUrl}/thu-tuc`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByLabel('Tìm thủ tục hành chính').fill('khai sinh');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();

    const results = page.locator('.results a', { hasText: 'Đăng ký khai sinh' });
    await results.first().waitFor({ timeout: 15_000 });
    expect(await results.first().textContent()).toContain('Đăng ký khai sinh');
    await expect.poll(() => page.locator('#results-count').textContent()).toMatch(/^Tìm thấy [\d.]+ thủ tục$/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('khai sinh');
    await expectNoHorizontalScroll(page);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'search-khai-sinh.png'), fullPage: true });

    // Other procedures also contain the words ("… có yếu tố nước ngoài"); open the plain one.
    await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).first().click();
    await page.waitForURL(/\/thu-tuc\/1\.001193$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Đăng ký khai sinh');
    expect(await page.locator('main').textContent()).toContain('1.001193');
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: path.join(ARTIFACTS, 'procedure-1.001193.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
