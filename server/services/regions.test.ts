import { describe, expect, it } from 'vitest';
import { operatorProfileSchema } from '../../contract/operator-profile';
import { regionMatcher } from './regions';

const profile = operatorProfileSchema.parse({
  defaultLanguage: 'zh-Hant',
  regions: [
    {
      name: { 'zh-Hant': '臺北市', 'zh-Hans': '台北市', en: 'Taipei City' },
      aliases: ['台北', 'Taipei'],
    },
    { name: { 'zh-Hant': '新北市', en: 'New Taipei City' } },
  ],
});

describe('regions from the configured list', () => {
  const regions = regionMatcher(profile);

  it('stores every spelling of a listed place under its default-language name', () => {
    for (const typed of ['臺北市', '台北市', 'Taipei City', 'taipei city', 'ＴＡＩＰＥＩ　ＣＩＴＹ', ' 台北 ', 'Taipei', '臺北']) {
      expect(regions.canonical(typed)).toBe('臺北市');
    }
    expect(regions.canonical('新北市')).toBe('新北市');
    expect(regions.canonical('new taipei city')).toBe('新北市');
  });

  it('keeps a place that is not listed as typed, and nothing as nothing', () => {
    expect(regions.canonical(' 基隆市 ')).toBe('基隆市');
    expect(regions.canonical('')).toBeUndefined();
    expect(regions.canonical(undefined)).toBeUndefined();
  });

  it('keeps every text as typed when no list is configured', () => {
    expect(regionMatcher(operatorProfileSchema.parse({})).canonical(' 台北 ')).toBe('台北');
  });

  it('refuses a list that names a place twice or with a name too long to store', () => {
    const twice = operatorProfileSchema.safeParse({
      regions: [{ name: '臺北市' }, { name: { 'zh-Hant': '臺北市', en: 'Taipei' } }],
    });
    expect(twice.success).toBe(false);
    expect(JSON.stringify(twice.error?.issues)).toContain('listed twice');
    const long = operatorProfileSchema.safeParse({
      regions: [{ name: 'x'.repeat(65) }],
    });
    expect(long.success).toBe(false);
  });
});
