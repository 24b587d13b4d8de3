import { afterEach, describe, expect, it } from 'vitest';
import { formatTime } from './format';

/** The console's pages carry the operator profile's zone in <html data-time-zone> (web/layouts/StaffLayout.astro). */
function pageWithZone(timeZone: string): void {
  Object.assign(globalThis, { document: { documentElement: { dataset: { timeZone } } } });
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'document');
});

describe('times in the console', () => {
  it('are shown in the display time zone, named, not in the browser’s own', () => {
    pageWithZone('Asia/Taipei');
    // 18:00 UTC on 27 November is 02:00 on 28 November in Taipei.
    const shown = formatTime('zh-hant', '2026-11-27T18:00:00Z');
    expect(shown).toContain('28');
    expect(shown).toContain('02:00');
    expect(shown).toContain('GMT+8');
    pageWithZone('Asia/Shanghai');
    expect(formatTime('en', '2026-11-27T18:00:00Z')).toMatch(/Nov 28, 2026.*02:00.*GMT\+8/);
  });

  it('give a date alone in that zone', () => {
    pageWithZone('Asia/Hong_Kong');
    expect(formatTime('en', '2026-11-27T18:00:00Z', false)).toBe('Nov 28, 2026');
  });
});
