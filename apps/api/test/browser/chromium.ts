/**
 * Launches the machine's Chromium (the Debian package, as in CI) through playwright-core, which
 * downloads no browser of its own. CHROMIUM_PATH points elsewhere when needed.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { WEB_DIST } from '../../src/app.ts';
import { REPO_ROOT } from '../../src/shared/paths.ts';
import type { TestSystem } from '../system.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// No background traffic: the tests allow loopback connections only, and a browser phoning home
// would make runs slower and less repeatable.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}

/** Where browser tests leave their screenshots (kept by CI as artifacts). */
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

/** Serves the built web app and the API of `sys` on a free loopback port; returns its base URL. */
export async function serveWeb(sys: TestSystem): Promise<string> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(
      `${path.relative(REPO_ROOT, WEB_DIST)}/index.html is missing: build the web app first (npm run build:web; the root npm test does it).`,
    );
  }
  await sys.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(sys.app.server.address() as AddressInfo).port}`;
}

export const PHONE = { width: 320, height: 640 };
export const DESKTOP = { width: 1280, height: 900 };

/** A fresh browser profile (no cookies) reading Vietnamese in Việt Nam's time zone. */
export function vnContext(browser: Browser, viewport: { width: number; height: number }): Promise<BrowserContext> {
  const phone = viewport.width < 600;
  return browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    isMobile: phone,
    hasTouch: phone,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
}

/** Signs in through the staff form on its way to `next`, as an officer following a link would. */
export async function loginThroughUi(
  page: Page,
  baseUrl: string,
  who: { username: string; password: string },
  next: string,
): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap?tiep=${encodeURIComponent(next)}`);
  await page.locator('#username').fill(who.username);
  await page.locator('#password').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const target = new URL(next, baseUrl);
  await page.waitForURL((u) => u.pathname === target.pathname && u.search === target.search);
}

/** Whether the page scrolls sideways (it must not, down to 320 px). A string: this package has no DOM types. */
export async function horizontalOverflow(page: Page): Promise<number> {
  const { scrollWidth, innerWidth } = (await page.evaluate(
    '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
  )) as {
    scrollWidth: number;
    innerWidth: number;
  };
  return scrollWidth - innerWidth;
}
