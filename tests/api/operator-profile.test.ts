/**
 * The operator profile on the pages the server renders for browsers without
 * JavaScript: the receipt says who runs the service, what happens next with
 * the deadlines this server enforces, and whom to call in danger, in the
 * reporter's language, under a neutral title; it warns against screenshots.
 * Without a profile the same places hold placeholders naming the key to fill.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestInstance, postForm, type TestInstance } from '../support/instance';

const PROFILE = {
  timeZone: 'Asia/Taipei',
  operator: {
    name: { 'zh-Hant': '市民檢舉專線辦公室', 'zh-Hans': '市民举报专线办公室', en: 'Citizens’ Tip Line Office' },
    independence: 'Independent of the police.',
  },
  legalProtection: 'Protected by law.',
  reward: 'No reward is paid.',
  emergency: [{ label: { 'zh-Hant': '報警', en: 'Police' }, number: '110' }],
  verification: 'Call 1999.',
  neutralTitle: { 'zh-Hant': '天氣筆記', 'zh-Hans': '天气笔记', en: 'Weather notes' },
};

const FORM = { category: 'other', details: 'The harbour warehouse takes deliveries at night with no paperwork.' };

let folder: string;
let withProfile: TestInstance;
let withoutProfile: TestInstance;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'tipline-profile-'));
  const file = path.join(folder, 'site.json');
  writeFileSync(file, JSON.stringify(PROFILE));
  withProfile = await createTestInstance({ SITE_CONFIG: file, ACK_DUE_DAYS: '10', FEEDBACK_DUE_DAYS: '30' });
  withoutProfile = await createTestInstance();
});

afterAll(() => {
  withProfile?.close();
  withoutProfile?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The no-JavaScript receipt page for a report sent in `lang`. */
async function receiptPage(t: TestInstance, lang: string): Promise<string> {
  const sent = await postForm(t.app, '/api/reports', { ...FORM, lang });
  expect(sent.status).toBe(303);
  const cookie = (sent.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const shown = await t.app.request(`/api/reports/receipt?lang=${lang}`, { headers: { Cookie: cookie } });
  expect(shown.status).toBe(200);
  return shown.text();
}

describe('the receipt without JavaScript', () => {
  it('says who runs the service, what happens next and whom to call, in the reporter’s language', async () => {
    const cases = [
      ['zh-hant', '市民檢舉專線辦公室', '承辦小組會在 10 天內確認收到您的檢舉', '30 天內會告訴您處理情形', '報警'],
      // No Simplified Chinese label for the number: the default language's (Traditional Chinese).
      ['zh-hans', '市民举报专线办公室', '办理小组会在 10 天内确认收到您的举报', '30 天内会告诉您办理情况', '報警'],
      ['en', 'Citizens’ Tip Line Office', 'Within 10 days the team confirms that it has your report.', 'Within 30 days you are told what was done', 'Police'],
    ] as const;
    for (const [lang, operator, acknowledge, feedback, emergencyLabel] of cases) {
      const html = await receiptPage(withProfile, lang);
      expect(html, lang).toContain('data-testid="tracking-code"');
      expect(html, lang).toContain(operator);
      expect(html, lang).toContain(acknowledge);
      expect(html, lang).toContain(feedback);
      expect(html, lang).toContain(emergencyLabel);
      expect(html, lang).toContain('href="tel:110"');
      expect(html, lang).toContain('id="screenshot-warning"');
      expect(html, lang).not.toContain('class="placeholder"');
    }
  });

  it('has a neutral title that says nothing about reporting', async () => {
    const titles = await Promise.all(
      (['zh-hant', 'zh-hans', 'en'] as const).map(async (lang) => /<title>([^<]*)<\/title>/.exec(await receiptPage(withProfile, lang))?.[1]),
    );
    expect(titles).toEqual(['已送出｜天氣筆記', '已发送｜天气笔记', 'Sent · Weather notes']);
    for (const title of titles) expect(title).not.toMatch(/檢舉|举报|report|crime|corruption/i);
  });

  it('shows placeholders naming the key to fill in when the operator has written no profile', async () => {
    const html = await receiptPage(withoutProfile, 'en');
    expect(html).toContain('class="placeholder"');
    expect(html).toContain('operator.name in its SITE_CONFIG file');
    expect(html).toContain('emergency in its SITE_CONFIG file');
    // The deadlines are the server's own, profile or not.
    expect(html).toContain('Within 7 days the team confirms');
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toBe('Sent · Information service');
  });
});

describe('times on the status page', () => {
  /** The status page without JavaScript for a new report, in `lang`: its received time as the page shows it, and as stored. */
  async function receivedTime(t: TestInstance, lang: string): Promise<{ shown: string; stored: Date }> {
    const sent = await t.app.request('/api/reports', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(FORM) });
    const { trackingCode } = (await sent.json()) as { trackingCode: string };
    const page = await postForm(t.app, '/api/status', { lang, trackingCode });
    expect(page.status).toBe(200);
    const match = /<time datetime="([^"]+)">([^<]+)<\/time>/.exec(await page.text());
    return { stored: new Date(match?.[1] ?? ''), shown: match?.[2] ?? '' };
  }

  it('are in the profile’s time zone, to the hour, with the zone named, in every language', async () => {
    for (const [lang, zone] of [['zh-hant', '（台北標準時間）'], ['zh-hans', '（台北标准时间）'], ['en', ' (Taiwan Standard Time)']] as const) {
      const { shown, stored } = await receivedTime(withProfile, lang);
      expect(stored.getUTCMinutes()).toBe(0);
      const taipei = new Date(stored.getTime() + 8 * 3_600_000); // UTC+8, no daylight saving
      expect(shown, lang).toContain(`${String(taipei.getUTCHours()).padStart(2, '0')}:00${zone}`);
      expect(shown, lang).toContain(String(taipei.getUTCDate()));
    }
  });

  it('are in UTC, named, when the profile sets no zone', async () => {
    const { shown, stored } = await receivedTime(withoutProfile, 'zh-hant');
    expect(shown).toContain(`${String(stored.getUTCHours()).padStart(2, '0')}:00（世界標準時間）`);
  });
});
