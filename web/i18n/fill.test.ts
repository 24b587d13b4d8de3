import { describe, expect, it } from 'vitest';
import { fill, waitAbout } from './fill';
import { messagesFor } from './index';

describe('fill', () => {
  it('puts values in {name} placeholders and leaves a placeholder without a value as it is', () => {
    expect(fill('en', 'Report {id} is held by {name} until {time}', { id: '12045', name: 'mlee' })).toBe('Report 12045 is held by mlee until {time}');
  });

  it('writes numbers the language’s way, and identifiers given as strings as they are', () => {
    expect(fill('en', '{count} of {max}', { count: 1234, max: 20000 })).toBe('1,234 of 20,000');
    expect(fill('zh-hant', '線索 {id}', { id: '12045' })).toBe('線索 12045');
  });

  it('picks the plural form the language’s rules choose for {count}', () => {
    const shown = messagesFor('en').console.registers.interference.shown;
    expect(fill('en', shown, { count: 1 })).toBe('1 record shown.');
    expect(fill('en', shown, { count: 0 })).toBe('0 records shown.');
    expect(fill('en', shown, { count: 3 })).toBe('3 records shown.');
    // Chinese has one form: a plain string serves every count.
    expect(fill('zh-hant', messagesFor('zh-hant').console.registers.interference.shown, { count: 1 })).toBe('已顯示 1 筆紀錄。');
  });

  it('falls back to the "other" form when a language gives no form for a category', () => {
    expect(fill('en', { other: '{count} items' }, { count: 1 })).toBe('1 items');
  });
});

describe('waitAbout', () => {
  it('rounds seconds up to tens (at least ten), then to whole minutes', () => {
    const m = messagesFor('en').report.waitAbout;
    expect(waitAbout('en', m, 3)).toBe('about 10 seconds');
    expect(waitAbout('en', m, 41)).toBe('about 50 seconds');
    expect(waitAbout('en', m, 60)).toBe('about a minute');
    expect(waitAbout('en', m, 61)).toBe('about 2 minutes');
    expect(waitAbout('zh-hans', messagesFor('zh-hans').report.waitAbout, 125)).toBe('约 3 分钟');
  });
});
