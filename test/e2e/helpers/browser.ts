/** One way to start the system Chromium for the browser tests, and the page setups they share. */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { inject } from 'vitest';

export { CHROMIUM_PATH, launchBrowser } from './chromium.ts';

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 780 },
} as const;
export type Device = keyof typeof VIEWPORTS;
export type Theme = 'light' | 'dark';

/** The e2e site and endpoint the global setup started (see global-setup.ts). */
export function getE2eEnv() {
  return inject('e2e');
}

/** A fresh context (empty storage) on the e2e site with the given system theme and device. */
export function newSiteContext(
  browser: Browser,
  { theme = 'light', device = 'desktop', ...rest }: { theme?: Theme; device?: Device } & BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: getE2eEnv().siteUrl,
    viewport: VIEWPORTS[device],
    colorScheme: theme,
    reducedMotion: 'reduce',
    ...(device === 'phone' ? { deviceScaleFactor: 2 } : {}),
    ...rest,
  });
}
