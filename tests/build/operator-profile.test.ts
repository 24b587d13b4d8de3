/**
 * The operator profile (SITE_CONFIG) as the built site shows it: built in a
 * copy of the project with `scripts/build-if-needed.mjs`, exactly what
 * `npm start` runs first. Every language shows the operator's texts (a
 * missing translation in the default language's words, never an empty box
 * or a placeholder), the deadlines the server enforces, the onion address,
 * the display time zone, the logo and neutral titles; editing the file
 * rebuilds the site at the next start, and an unchanged one does not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProfileCopy, type ProfileCopy } from '../support/profile-copy';

const ONION = `http://${'a'.repeat(56)}.onion`;
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" id="operator-logo-marker"><rect width="10" height="10"/></svg>';

const PROFILE = {
  defaultLanguage: 'zh-Hant',
  timeZone: 'Asia/Taipei',
  operator: {
    name: { 'zh-Hant': '臺北市反黑檢舉專線辦公室', en: 'Taipei Anti-Gang Tip Line Office' },
    independence: { 'zh-Hant': '本辦公室直屬市議會，不隸屬警察局。', en: 'The office answers to the city council, not to the police.' },
  },
  legalProtection: { 'zh-Hant': '依證人保護法，您的身分受保護。', en: 'The Witness Protection Act protects your identity.' },
  reward: { 'zh-Hant': '經查證屬實者，依獎勵辦法發給獎金。', en: 'Substantiated leads are rewarded under the published rules.' },
  emergency: [{ label: { 'zh-Hant': '警察', en: 'Police' }, number: '110' }],
  verification: { 'zh-Hant': '請撥 1999 市民專線查證本網址。', en: 'Call the 1999 city line to check this address.' },
  logo: 'logo.svg',
  quickExitUrl: 'https://www.cwa.gov.tw/',
  neutralTitle: { 'zh-Hant': '天氣筆記', en: 'Weather notes' },
  regions: [{ name: { 'zh-Hant': '臺北市', 'zh-Hans': '台北市', en: 'Taipei City' }, aliases: ['台北'] }, { name: { 'zh-Hant': '高雄市', en: 'Kaohsiung City' } }],
};

let site: ProfileCopy;
let copy: string;
let profileFile: string;

function buildIfNeeded(env: Record<string, string>): { status: number | null; output: string } {
  return site.build(env);
}

function page(route: string): string {
  return readFileSync(path.join(copy, 'dist', route, 'index.html'), 'utf8');
}

const ENV = (): Record<string, string> => ({ SITE_CONFIG: profileFile, ACK_DUE_DAYS: '10', FEEDBACK_DUE_DAYS: '60', ONION_ORIGIN: ONION });

beforeAll(() => {
  site = makeProfileCopy(PROFILE, { 'logo.svg': LOGO });
  copy = site.root;
  profileFile = site.profileFile;
  const build = buildIfNeeded(ENV());
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
}, 300_000);

afterAll(() => site?.remove());

describe('a site built with an operator profile', () => {
  it('says who runs it, and how it is independent, on the home page in every language', () => {
    expect(page('')).toContain('臺北市反黑檢舉專線辦公室');
    expect(page('')).toContain('本辦公室直屬市議會，不隸屬警察局。');
    expect(page('en')).toContain('Taipei Anti-Gang Tip Line Office');
    expect(page('en')).toContain('The office answers to the city council, not to the police.');
    // No Simplified Chinese given: the default language's words, not an empty box.
    expect(page('zh-hans')).toContain('臺北市反黑檢舉專線辦公室');
  });

  it('shows legal protection, reward, emergency numbers and how to verify the site, and no placeholder anywhere', () => {
    for (const route of ['', 'zh-hans', 'en', 'report', 'zh-hans/report', 'en/report']) {
      expect(page(route), route).not.toContain('class="placeholder"');
      expect(page(route), route).toContain('href="tel:110"');
    }
    expect(page('en')).toContain('The Witness Protection Act protects your identity.');
    expect(page('en')).toContain('Substantiated leads are rewarded under the published rules.');
    expect(page('en')).toContain('Call the 1999 city line to check this address.');
    expect(page('zh-hans')).toContain('請撥 1999 市民專線查證本網址。');
  });

  it('builds "what happens after you send" from the deadlines the server enforces, beside the form too', () => {
    expect(page('en')).toContain('Within 10 days the team confirms that it has your report.');
    expect(page('en')).toContain('Within 60 days you are told what was done');
    expect(page('en/report')).toContain('Within 10 days the team confirms');
    expect(page('report')).toContain('承辦小組會在 10 天內確認收到您的檢舉');
    expect(page('zh-hans/report')).toContain('办理小组会在 10 天内确认收到您的举报');
    // The default retention, 365 days.
    expect(page('en')).toContain('365 days after a report is closed, it is deleted with its files.');
  });

  it('offers the listed regions on the report form in every language, each stored under its default-language name', () => {
    for (const [route, taipei, kaohsiung] of [
      ['report', '臺北市', '高雄市'],
      ['zh-hans/report', '台北市', '高雄市'],
      ['en/report', 'Taipei City', 'Kaohsiung City'],
    ] as const) {
      const html = page(route);
      expect(html).toMatch(/<select id="f-region" name="region"/);
      expect(html).toContain(`<option value="臺北市">${taipei}</option>`);
      expect(html).toContain(`<option value="高雄市">${kaohsiung}</option>`);
      expect(html).toMatch(/name="regionOther"/);
    }
    // The console suggests the same places wherever staff type a region.
    expect(page('staff/queue')).toMatch(/<datalist id="region-options">\s*<option value="臺北市">臺北市<\/option>/);
    expect(page('en/staff/intake')).toContain('<option value="臺北市">Taipei City</option>');
  });

  it('names the onion address on the home page', () => {
    for (const route of ['', 'zh-hans', 'en']) expect(page(route), route).toContain(ONION);
  });

  it('writes the display time zone into every page, public, console and the server’s shells', () => {
    for (const route of ['', 'en/report', 'zh-hans/status', 'staff', 'en/staff/report', 'shell/zh-hant', 'shell/en']) {
      expect(page(route), route).toContain('data-time-zone="Asia/Taipei"');
    }
  });

  it('inlines the operator’s logo and serves it as the favicon', () => {
    expect(page('')).toContain('id="operator-logo-marker"');
    expect(page('en/staff')).toContain('id="operator-logo-marker"');
    expect(readFileSync(path.join(copy, 'dist/favicon.svg'), 'utf8')).toBe(LOGO);
    expect(readFileSync(path.join(copy, 'dist/logo.svg'), 'utf8')).toBe(LOGO);
  });

  it('gives pages neutral titles with the operator’s neutral name, and quick exit goes to the operator’s page', () => {
    expect(page('')).toContain('<title>首頁｜天氣筆記</title>');
    expect(page('en/report')).toContain('<title>Form · Weather notes</title>');
    expect(page('zh-hans/status')).toContain('<title>查询｜天氣筆記</title>');
    expect(page('en/report')).toMatch(/<a class="quick-exit" href="https:\/\/www\.cwa\.gov\.tw\/"/);
  });

  it('is not rebuilt when nothing changed, and is rebuilt from an edited profile at the next start', () => {
    const again = buildIfNeeded(ENV());
    expect(again.status).toBe(0);
    expect(again.output).not.toContain('Building the site');

    writeFileSync(profileFile, JSON.stringify({ ...PROFILE, operator: { name: { en: 'Renamed Office' } } }));
    const edited = buildIfNeeded(ENV());
    expect(edited.status, edited.output).toBe(0);
    expect(edited.output).toContain('Building the site');
    expect(page('en')).toContain('Renamed Office');
    // A key left out now shows its placeholder, naming the key to fill in.
    expect(page('en')).toContain('operator.independence in its SITE_CONFIG file');

    const otherDeadline = buildIfNeeded({ ...ENV(), ACK_DUE_DAYS: '5' });
    expect(otherDeadline.output).toContain('Building the site');
    expect(page('en')).toContain('Within 5 days the team confirms');
  }, 300_000);

  it('stops with the reason when the profile is wrong', () => {
    writeFileSync(profileFile, JSON.stringify({ ...PROFILE, timeZone: 'Mars/Olympus', operator: { name: { fr: 'Bureau' } } }));
    const wrong = buildIfNeeded(ENV());
    expect(wrong.status).not.toBe(0);
    expect(wrong.output).toContain('timeZone');
    expect(wrong.output).toContain('unknown language "fr"');
  }, 300_000);
});
