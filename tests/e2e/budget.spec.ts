/**
 * The report page's budgets (DESIGN.md, "Budgets"): every script it loads up
 * to hydration, gzipped at level 9, at most 15 KB in all (the evidence-file
 * code is not part of that: it loads once files are chosen); and what the
 * browser transfers, compressed and cached, first and repeat visit.
 */
import { gzipSync } from 'node:zlib';
import type { Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { pdfFile } from './reporter-steps';
import { BUDGETS } from '../../bench/table';
import { bytesForVisit } from '../../bench/transfer';

const BUDGET_BYTES = 15_000;
/** Inline scripts: Astro's island loader and quick exit, 1,647 B when quick exit came. */
const INLINE_BUDGET_BYTES = 1_800;

async function gzippedBytes(responses: readonly Response[]): Promise<number> {
  const sizes = await Promise.all(responses.map(async (response) => gzipSync(await response.body(), { level: 9 }).length));
  return sizes.reduce((sum, size) => sum + size, 0);
}

for (const path of ['/report/', '/zh-hans/report/', '/en/report/']) {
  test(`${path} loads at most 15 KB of gzipped JavaScript, and the file code only once files are chosen`, async ({ page }) => {
    const scripts: Response[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response);
    });
    await page.goto(path);
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    const initial = [...scripts];
    const bytes = await gzippedBytes(initial);
    // Scripts inside the page: Astro's island loader (about 1.4 KB gzipped) and quick exit (web/lib/quick-exit.ts).
    // The budget has been measured on script files since it was set; these are held apart so that neither grows unseen.
    const inline = await page.locator('script:not([src])').evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
    const inlineBytes = gzipSync(inline.join('\n'), { level: 9 }).length;
    test.info().annotations.push({
      type: 'gzipped JavaScript',
      description: `${bytes} bytes in ${initial.length} scripts (${initial.map((r) => r.url()).join(' ')}), and ${inlineBytes} inline`,
    });
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(inlineBytes).toBeLessThanOrEqual(INLINE_BUDGET_BYTES);

    await page.locator('input[type="file"]').setInputFiles(pdfFile('evidence.pdf', 100));
    await expect(page.locator('.chosen li')).toHaveCount(1);
    expect(scripts.length).toBeGreaterThan(initial.length);
  });
}

test('/report/ with JavaScript transfers at most 25 KB on a first visit and at most 5 KB on a repeat visit', async ({ page }) => {
  const first = await bytesForVisit(page, '/report/');
  const repeat = await bytesForVisit(page, '/report/');
  test.info().annotations.push({ type: 'bytes transferred', description: `first ${first.bytes} in ${first.requests} responses, repeat ${repeat.bytes} in ${repeat.requests}` });
  expect(first.bytes).toBeLessThanOrEqual(BUDGETS.reportTransferFirstBytes);
  expect(repeat.bytes).toBeLessThanOrEqual(BUDGETS.reportTransferRepeatBytes);
  // The repeat visit asks again only for the page itself (304): scripts and styles come from the cache.
  expect(repeat.requests).toBe(1);
});
