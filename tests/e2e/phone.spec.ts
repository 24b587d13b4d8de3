/**
 * A 390 px phone, in Chinese and in English: no page scrolls sideways (wide
 * tables scroll inside their own region), table cells never break a Chinese
 * word one character a line, and the console menu offers only the pages the
 * signed-in role can open. axe stays clean with the tables scrolling in
 * their own regions.
 */
import { seriousViolations } from './axe';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiSession, createMember, firstAdminPassword, MEMBER_PASSWORD, signIn } from './staff-setup';

test.use({ viewport: { width: 390, height: 844 } });

const PREFIXES = ['', '/zh-hans', '/en'];
const PUBLIC_PAGES = ['/', '/report/', '/status/', '/staff/'];
type Role = 'admin' | 'triager' | 'auditor';
type ConsolePage = 'queue' | 'intake' | 'registers' | 'admin' | 'audit' | 'account';

/** What each role may open, as README's console page table and the server's role checks say. */
const ROLE_PAGES: Record<Role, ConsolePage[]> = {
  triager: ['queue', 'intake', 'registers', 'account'],
  auditor: ['audit', 'account'],
  admin: ['queue', 'intake', 'registers', 'admin', 'audit', 'account'],
};
const NAV_LABELS: Record<ConsolePage, string> = { queue: 'Queue', intake: 'Enter a lead', registers: 'Registers', admin: 'Administration', audit: 'Audit', account: 'My account' };

/** How far the page (not a region inside it) can scroll sideways, in CSS pixels. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Table cells whose Chinese text runs fewer than two characters a line: a
 * column squeezed so narrow that words break one character a line.
 */
async function cellsBrokenOneCharALine(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll('main th, main td')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = (node.textContent ?? '').replace(/\s+/g, '');
        if (!/[\u3400-\u9fff]/.test(text) || text.length < 2) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const tops: number[] = [];
        for (const rect of range.getClientRects()) {
          if (rect.width > 0 && !tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
        }
        if (tops.length > 1 && text.length < tops.length * 2) broken.push(`${text} (${tops.length} lines)`);
      }
    }
    return broken;
  });
}



/** Open a console page and wait until its island has drawn what it loaded. */
async function openConsolePage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

for (const prefix of PREFIXES) {
  test(`the public pages and the sign-in page at ${prefix || '/'} do not scroll sideways on a 390 px phone`, async ({ page }) => {
    for (const path of PUBLIC_PAGES) {
      await page.goto(`${prefix}${path}`);
      expect(await sidewaysOverflow(page), `${prefix}${path}`).toBeLessThanOrEqual(0);
    }
  });
}

const LONG_URL = 'https://example.org/a/very/long/address/that/keeps/going/and/going/without/any/place/to/break/it';

test('the receipt and the status page of a report with a long address in it do not scroll sideways on a 390 px phone', async ({ page }) => {
  await page.goto('/report/');
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.locator('input[name="category"]').first().check();
  await page.locator('textarea[name="details"]').fill(`碎石公司瓜分了全縣所有道路合約，並向承辦人行賄。${LONG_URL}`);
  await page.locator('button[type="submit"]').last().click();
  const code = (await page.getByTestId('tracking-code').textContent())?.trim() ?? '';
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

  await page.goto('/status/');
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.locator('input[name="trackingCode"]').fill(code);
  await page.locator('input[name="trackingCode"]').press('Enter');
  // What was sent is folded away at first: open it, so the long address is on screen.
  await page.locator('details.sent summary').click();
  await expect(page.getByText(LONG_URL, { exact: false })).toBeVisible();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
});

const MEMBERS: Record<Role, { username: string; channels: string[] }> = {
  triager: { username: 'phone-triager', channels: ['sector_disorder'] },
  auditor: { username: 'phone-auditor', channels: [] },
  admin: { username: 'phone-admin', channels: [] },
};

for (const role of ['triager', 'auditor', 'admin'] as const) {
  const a = role === 'triager' ? 'a' : 'an';
  test(`${a} ${role}'s console pages fit a 390 px phone in every language, their tables keep Chinese words whole and pass axe, and the menu offers only what ${a} ${role} can open`, async ({ page, baseURL, server }) => {
    const admin = await apiSession(baseURL, 'admin', firstAdminPassword(server.output()));
    await createMember(admin, baseURL, { username: MEMBERS[role].username, role, channels: MEMBERS[role].channels });
    // Rows in the tables, with Chinese text in them.
    await admin.post('/api/reports', { data: { category: 'sector_disorder', details: `碎石公司瓜分了全縣所有道路合約，並向承辦人行賄。${LONG_URL}` } });
    const list = (await (await admin.get('/api/staff/reports?channel=sector_disorder')).json()) as { reports: { id: number }[] };
    const id = Math.max(...list.reports.map((report) => report.id));
    const entry = {
      who: { name: '許督察', position: '分局長', unit: '第三分局' },
      when: { date: '2026-11-02', note: '中午左右' },
      how: 'visit',
      asked: '要求承辦人放慢土地案的調查進度。',
      reportedToSuperior: true,
    };
    expect((await admin.post(`/api/staff/reports/${id}/interference`, { data: entry })).status()).toBe(201);
    await admin.dispose();

    await signIn(page, MEMBERS[role].username, MEMBER_PASSWORD);
    await openConsolePage(page, '/en/staff/account/');
    const menu = page.getByRole('navigation', { name: 'Console' });
    for (const target of Object.keys(NAV_LABELS) as ConsolePage[]) {
      const link = menu.getByRole('link', { name: NAV_LABELS[target], exact: true });
      if (ROLE_PAGES[role].includes(target)) await expect(link, target).toBeVisible();
      else await expect(link, target).toHaveCount(0);
    }

    for (const prefix of PREFIXES) {
      for (const target of ROLE_PAGES[role]) {
        const path = `${prefix}/staff/${target}/`;
        await openConsolePage(page, path);
        expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
        if (prefix !== '/en') expect(await cellsBrokenOneCharALine(page), path).toEqual([]);
        // The tables' scrolling regions included: each reachable by keyboard, with a name.
        if (prefix === '') expect(await seriousViolations(page), path).toEqual([]);
      }
    }
    if (role === 'triager') {
      for (const prefix of PREFIXES) {
        await openConsolePage(page, `${prefix}/staff/queue/`);
        await expect(page.locator('.table-scroll table tbody tr').first()).toBeVisible();
        await page.locator('.table-scroll tbody a').first().click();
        await page.waitForURL(/\/staff\/report\/\?id=\d+/);
        await page.waitForLoadState('networkidle');
        expect(await sidewaysOverflow(page), page.url()).toBeLessThanOrEqual(0);
      }
    }
  });
}
