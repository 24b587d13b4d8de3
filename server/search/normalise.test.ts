import { describe, expect, it } from 'vitest';
import { documentTokens, normaliseText, queryTokens } from './normalise';

/** Whether every token of the query is among the document's: how the index answers. */
function finds(document: string, query: string): boolean {
  const tokens = documentTokens(document);
  const wanted = queryTokens(query);
  return wanted.length > 0 && wanted.every((token) => tokens.has(token));
}

describe('normaliseText', () => {
  it('makes Traditional and Simplified Chinese the same text', () => {
    expect(normaliseText('黑社會')).toBe(normaliseText('黑社会'));
    expect(normaliseText('臺灣銅鑼灣')).toBe('台湾铜锣湾');
  });

  it('makes full-width letters and digits half-width and lower case', () => {
    expect(normaliseText('ＡＢＣ－１２３４')).toBe(normaliseText('abc-1234'));
    expect(normaliseText('Chen WEI')).toBe('chen wei');
  });
});

describe('documentTokens and queryTokens', () => {
  it('finds Traditional text with a Simplified query and the reverse', () => {
    expect(finds('他是黑社會的人', '黑社会')).toBe(true);
    expect(finds('他是黑社会的人', '黑社會')).toBe(true);
  });

  it('gives CJK bigrams, all of which a query needs', () => {
    expect(queryTokens('黑社會')).toEqual(['黑社', '社会']);
    expect(finds('黑社会', '社会党')).toBe(false);
    expect(finds('林志明在收钱', '林志明')).toBe(true);
    expect(finds('林志强在收钱', '林志明')).toBe(false);
  });

  it('ignores case and width in Latin words', () => {
    expect(finds('Golden Dragon Trading Ltd', 'ＧＯＬＤＥＮ dragon')).toBe(true);
    expect(finds('Golden Dragon Trading Ltd', 'silver dragon')).toBe(false);
  });

  it('drops one-character Latin words', () => {
    expect(queryTokens('a b Chen')).toEqual(['chen']);
    expect(documentTokens('a b c').size).toBe(0);
  });

  it('finds a plate however it is written', () => {
    for (const written of ['Plate ABC-1234 seen twice', 'plate abc 1234', 'ABC1234', 'ＡＢＣ．１２３４']) {
      for (const typed of ['ABC-1234', 'abc 1234', 'ABC1234', 'abc.1234']) expect(finds(written, typed), `${written} / ${typed}`).toBe(true);
    }
    expect(finds('ABC-1235', 'ABC-1234')).toBe(false);
  });

  it('finds a phone number however it is grouped', () => {
    for (const written of ['Call 0912-345-678 after ten', '電話 0912 345 678', '0912345678', '０９１２．３４５．６７８']) {
      for (const typed of ['0912345678', '0912-345-678', '0912 345 678']) expect(finds(written, typed), `${written} / ${typed}`).toBe(true);
    }
    expect(finds('0912 345 679', '0912345678')).toBe(false);
  });

  it('finds a phone number inside a longer query by its digit groups', () => {
    expect(queryTokens('call him on 0912 345 678 tonight')).toContain('0912345678');
    expect(finds('call him on 0912-345-678 tonight, he said', 'call him on 0912 345 678 tonight')).toBe(true);
  });

  it('does not join words across two separators or other punctuation', () => {
    expect(documentTokens('ABC, 1234').has('abc1234')).toBe(false);
    expect(documentTokens('ABC -- 1234').has('abc1234')).toBe(false);
  });

  it('gives nothing to search for in punctuation alone', () => {
    expect(queryTokens(' -- ,. ')).toEqual([]);
  });
});
