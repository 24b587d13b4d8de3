/** With JavaScript, Escape pressed twice leaves like the quick-exit link (the JavaScript-enabled project only: without it, the link is the way out). */
import { test } from './fixtures';
import { EXIT_URL, open, serveNeutralPage } from './reporter-steps';

test('pressing Escape twice is a quick exit too', async ({ page }) => {
  await serveNeutralPage(page);
  await open(page, '/zh-hans/status/', true);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForURL(EXIT_URL);
});
