/**
 * The honest reporters of the flood benchmark. The JavaScript one is the
 * island's own code in Chromium: it opens the report page, fills the form,
 * presses send and waits for the receipt, while the island fetches
 * challenges, solves and retries by itself. The no-JavaScript one is a
 * plain urlencoded form post asking for HTML; on a busy page it waits the
 * page's Retry-After and posts again, up to a deadline. Each files its
 * reports under a region of its own (stored in clear), so the benchmark
 * can tell honest reports from junk in the database.
 */
import type { Browser, Response as PageResponse } from '@playwright/test';
import type { HonestAttempt } from '../results';
import { phoneContext } from './browser';

export const HONEST_REGIONS = { js: 'bench-honest-js', nojs: 'bench-honest-nojs' } as const;


const DETAILS = 'A honest test report: the night market stalls pay a man in a grey jacket every Saturday, or their carts are overturned.';

function note(answers: Record<string, number>, key: string): void {
  answers[key] = (answers[key] ?? 0) + 1;
}

/** The error code of a JSON error answer, or '' when it has none. */
async function codeOf(response: PageResponse): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { code?: string } };
    return body.error?.code ?? '';
  } catch {
    return '';
  }
}

/** One JavaScript reporter: open /en/report/, fill it in, send, wait for the receipt (at most `capMs` in all). */
export async function javaScriptReporter(browser: Browser, baseUrl: string, startedMs: number, capMs: number): Promise<HonestAttempt> {
  const begin = performance.now();
  const attempt: HonestAttempt = { kind: 'js', startedMs, ok: false, ms: 0, outcome: 'error', posts: 0, answers: {}, maxEffort: 0, loadMs: NaN };
  const context = await phoneContext(browser);
  const answersRead: Promise<void>[] = [];
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(capMs);
    page.on('request', (request) => {
      if (request.method() !== 'POST' || !request.url().endsWith('/api/reports')) return;
      attempt.posts += 1;
      const effort = Number(request.headers()['x-tipline-pow']?.split(':')[1] ?? 0);
      attempt.maxEffort = Math.max(attempt.maxEffort, effort);
    });
    page.on('response', (response) => {
      if (response.request().method() !== 'POST' || !response.url().endsWith('/api/reports')) return;
      const status = response.status();
      answersRead.push(codeOf(response).then((code) => note(attempt.answers, `${status}${code === '' ? '' : ` ${code}`}`)));
    });
    await page.goto(`${baseUrl}/en/report/`);
    await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
    attempt.loadMs = performance.now() - begin;
    await page.getByLabel('Organised crime').check();
    await page.getByLabel('What happened?').fill(DETAILS);
    await page.getByLabel('City or county').fill(HONEST_REGIONS.js);
    await page.getByRole('button', { name: 'Send report' }).click();
    const remaining = Math.max(1, capMs - (performance.now() - begin));
    const settled = page.locator('[data-testid="tracking-code"], .form-failure').first();
    try {
      await settled.waitFor({ timeout: remaining });
      attempt.ok = (await page.getByTestId('tracking-code').count()) > 0;
      attempt.outcome = attempt.ok ? 'receipt' : 'failure';
    } catch {
      attempt.outcome = 'gave_up';
    }
  } catch (error) {
    attempt.outcome = 'error';
    attempt.detail = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  } finally {
    attempt.ms = performance.now() - begin;
    await context.close().catch(() => undefined);
    await Promise.allSettled(answersRead);
  }
  return attempt;
}

/**
 * One reporter without JavaScript: post the form as Tor Browser "Safest"
 * would, and after a busy page wait its Retry-After and post again, until
 * `deadlineMs` from the first post.
 */
/** Follow a report's 303 as a browser does, with the receipt cookie: true when the receipt shows the code. */
async function receiptShown(baseUrl: string, response: Response): Promise<boolean> {
  const location = response.headers.get('location');
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  if (location === null || cookie === undefined || cookie === '') return false;
  const receipt = await fetch(new URL(location, baseUrl), { headers: { cookie, accept: 'text/html' } });
  return receipt.status === 200 && (await receipt.text()).includes('data-testid="tracking-code"');
}

export async function noJavaScriptReporter(baseUrl: string, startedMs: number, deadlineMs: number): Promise<HonestAttempt> {
  const begin = performance.now();
  const attempt: HonestAttempt = { kind: 'nojs', startedMs, ok: false, ms: 0, outcome: 'gave_up', posts: 0, answers: {}, maxEffort: 0, loadMs: NaN };
  const form = new URLSearchParams({ lang: 'en', category: 'organised_crime', details: DETAILS, region: HONEST_REGIONS.nojs });
  const left = (): number => deadlineMs - (performance.now() - begin);
  while (left() > 0) {
    let waitSeconds = 5;
    try {
      attempt.posts += 1;
      const response = await fetch(`${baseUrl}/api/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: form.toString(),
        redirect: 'manual',
        signal: AbortSignal.timeout(Math.ceil(Math.max(1, left()))),
      });
      const html = await response.text();
      // A busy answer is the form again (with what was typed); any other 503 is an error page.
      const busy = response.status === 503 && html.includes('id="report-form"');
      note(attempt.answers, `${response.status}${busy ? ' busy' : ''}`);
      // Sent: 303 to the receipt, which the browser then opens with the cookie that holds the code.
      if (response.status === 303 && (await receiptShown(baseUrl, response))) {
        attempt.ok = true;
        attempt.outcome = 'receipt';
        break;
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      if (Number.isFinite(retryAfter) && retryAfter > 0) waitSeconds = retryAfter;
    } catch (error) {
      note(attempt.answers, 'no answer');
      attempt.detail = error instanceof Error ? error.message : String(error);
    }
    if (waitSeconds * 1000 >= left()) break; // the page asks for longer than this reporter waits
    await new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000));
  }
  attempt.ms = performance.now() - begin;
  return attempt;
}
