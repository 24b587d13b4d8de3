/**
 * Part 7: the bytes a browser really transfers for a public page, read from
 * Chromium's own network log (DevTools protocol: every response's encoded
 * length, headers included), first visit in a fresh profile, then a repeat
 * visit in the same profile — what compression and caching save, which page
 * weight (part 5, files on disk) cannot show. With and without JavaScript.
 */
import type { Browser, Page } from '@playwright/test';
import { launchChromium, phoneContext } from './flood/browser';
import type { TransferRow } from './results';

export const TRANSFER_PAGES = ['/', '/report/', '/status/'] as const;

/** Bytes on the wire for one navigation to `url`, until the network is idle: every response, from the page's own log. */
export async function bytesForVisit(page: Page, url: string): Promise<{ bytes: number; requests: number }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  session.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
    if (event.encodedDataLength > 0) requests += 1;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await session.detach();
  return { bytes, requests };
}

/** First and repeat visit of each page, with JavaScript on and off, each in a fresh profile. */
export async function measureTransfer(origin: string, browser?: Browser): Promise<TransferRow[]> {
  const chromium = browser ?? (await launchChromium());
  const rows: TransferRow[] = [];
  try {
    for (const path of TRANSFER_PAGES) {
      for (const javaScript of [true, false]) {
        const context = await phoneContext(chromium, javaScript);
        try {
          const page = await context.newPage();
          const first = await bytesForVisit(page, origin + path);
          const repeat = await bytesForVisit(page, origin + path);
          rows.push({ path, javaScript, firstBytes: first.bytes, firstRequests: first.requests, repeatBytes: repeat.bytes, repeatRequests: repeat.requests });
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    if (browser === undefined) await chromium.close();
  }
  return rows;
}
