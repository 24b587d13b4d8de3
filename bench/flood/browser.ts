/**
 * Chromium for the honest reporter and the puzzle measurement, launched as
 * the browser tests launch it: playwright.config.ts's executable (Debian's
 * Chromium, or CHROMIUM_PATH) and flags, and its phone (Pixel 7).
 */
import { chromium, devices, type Browser, type BrowserContext } from '@playwright/test';
import config from '../../playwright.config';

/** Chromium with the browser tests' launch options. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(config.use?.launchOptions ?? {});
}

/** A fresh context (no cookies, no cache) on the tests' phone, with JavaScript unless told otherwise. */
export function phoneContext(browser: Browser, javaScriptEnabled = true): Promise<BrowserContext> {
  const { defaultBrowserType: _, ...phone } = devices['Pixel 7'] ?? {};
  return browser.newContext({ ...phone, javaScriptEnabled });
}
