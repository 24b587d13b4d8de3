import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProfileError, readOperatorProfile, type LoadedProfile } from './operator-profile-file';
import { EMPTY_PROFILE, missingProfileKeys, operatorProfileSchema, profileView, type SiteSettings } from './operator-profile';

const SETTINGS: SiteSettings = { ackDays: 7, feedbackDays: 90, retentionDays: 365, publicOrigin: null, onionOrigin: null };

describe('the operator profile', () => {
  it('takes a text per language in any case of the code, or one text for all', () => {
    const profile = operatorProfileSchema.parse({
      operator: { name: { 'zh-Hant': '專線辦公室', EN: 'Tip Line Office' } },
      reward: 'No reward.',
    });
    expect(profileView(profile, SETTINGS, 'zh-hant').operatorName).toBe('專線辦公室');
    expect(profileView(profile, SETTINGS, 'en').operatorName).toBe('Tip Line Office');
    for (const lang of ['zh-hant', 'zh-hans', 'en'] as const) expect(profileView(profile, SETTINGS, lang).reward).toBe('No reward.');
  });

  it('falls back to the default language, then to any language given, for a missing translation', () => {
    const profile = operatorProfileSchema.parse({
      defaultLanguage: 'en',
      operator: { name: { 'zh-Hant': '專線辦公室', en: 'Tip Line Office' }, independence: { 'zh-Hans': '独立于警方。' } },
    });
    expect(profileView(profile, SETTINGS, 'zh-hans').operatorName).toBe('Tip Line Office');
    expect(profileView(profile, SETTINGS, 'en').independence).toBe('独立于警方。');
  });

  it('leaves a key the operator did not write as null, for a placeholder, and lists it for the start-up warning', () => {
    const view = profileView(EMPTY_PROFILE, SETTINGS, 'en');
    expect(view.operatorName).toBeNull();
    expect(view.emergency).toBeNull();
    expect(view.timeZone).toBe('UTC');
    expect(missingProfileKeys(EMPTY_PROFILE)).toEqual(['operator.name', 'operator.independence', 'legalProtection', 'reward', 'emergency', 'verification']);
  });

  it('refuses unknown languages, unknown keys, empty texts, unknown time zones and numbers that are not numbers', () => {
    const problems = (input: unknown): string[] => {
      const parsed = operatorProfileSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(problems({ operator: { name: { fr: 'Bureau' } } }).join('\n')).toContain('unknown language "fr"');
    expect(problems({ operatr: {} }).join('\n')).toMatch(/operatr/);
    expect(problems({ reward: '   ' })).not.toEqual([]);
    expect(problems({ timeZone: 'Asia/Taipeh' }).join('\n')).toContain('timeZone: not a time zone');
    expect(problems({ emergency: [{ label: 'Police', number: 'javascript:alert(1)' }] }).join('\n')).toContain('emergency.0.number');
    expect(problems({ quickExitUrl: 'javascript:alert(1)' }).join('\n')).toContain('quickExitUrl');
    expect(problems({ timeZone: 'Asia/Hong_Kong', defaultLanguage: 'zh-Hans' })).toEqual([]);
  });
});

describe('the profile file', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'tipline-profile-unit-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const withLogo = (svg: string): (() => LoadedProfile) => {
    writeFileSync(path.join(folder, 'logo.svg'), svg);
    writeFileSync(path.join(folder, 'site.json'), JSON.stringify({ logo: 'logo.svg' }));
    return () => readOperatorProfile(path.join(folder, 'site.json'));
  };

  it('inlines a plain SVG logo, references within the file included, without its XML prolog', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><defs><path id="a" d="M0 0h1"/></defs><use href="#a"/></svg>';
    expect(withLogo(`<?xml version="1.0"?>\n${svg}`)().logoSvg).toBe(svg);
  });

  it('refuses a logo that would run or load anything, and a file that is not JSON', () => {
    for (const svg of [
      '<svg><script>alert(1)</script></svg>',
      '<svg onload="alert(1)"></svg>',
      '<svg><image href="https://tracker.example/pixel.png"/></svg>',
      "<svg><image xlink:href='//tracker.example/p.png'/></svg>",
      '<svg><foreignObject><p>x</p></foreignObject></svg>',
      '<html>not an svg</html>',
    ]) {
      expect(withLogo(svg), svg).toThrow(ProfileError);
    }
    writeFileSync(path.join(folder, 'broken.json'), '{ "operator": ');
    expect(() => readOperatorProfile(path.join(folder, 'broken.json'))).toThrow(/cannot read .* as JSON/);
  });
});
