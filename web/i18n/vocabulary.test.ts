/**
 * One vocabulary on every screen: the words officers and reporters read for
 * the same thing are the same words. Reads every string of the console's
 * catalogues (and the reporter's status names) in each Chinese language.
 */
import { describe, expect, it } from 'vitest';
import { INTERFERENCE_METHODS } from '../../contract/vocabulary';
import { messagesFor } from './index';

const enLabels = messagesFor('en').console.labels;
const hansLabels = messagesFor('zh-hans').console.labels;
const hantLabels = messagesFor('zh-hant').console.labels;

/** Every string in a catalogue (plain data: strings, plural forms, lists). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

function consoleStrings(lang: 'zh-hant' | 'zh-hans'): string[] {
  return strings(messagesFor(lang).console);
}

const CHINESE = {
  'zh-hant': { labels: hantLabels, lead: '線索', channelWord: /頻道/, register: '請託關說登錄簿', twoStep: '兩步驟驗證', ack: '受理' },
  'zh-hans': { labels: hansLabels, lead: '线索', channelWord: /频道/, register: '过问、干预、插手登记簿', twoStep: '两步验证', ack: '受理' },
} as const;

describe.each(Object.entries(CHINESE))('the %s console', (lang, words) => {
  it(`calls a tip ${words.lead}, never 案件 (except the category about interference in a case)`, async () => {
    const all = consoleStrings(lang as 'zh-hant' | 'zh-hans');
    const caseWord = all.filter((s) => s.replace(/干[預预]案件/g, '').includes('案件'));
    expect(caseWord).toEqual([]);
    expect(all.some((s) => s.includes(words.lead))).toBe(true);
  });

  it('names the channel a 受理分組, the register and the second factor with the terms officers use', async () => {
    const all = consoleStrings(lang as 'zh-hant' | 'zh-hans');
    expect(all.filter((s) => words.channelWord.test(s))).toEqual([]);
    expect(all).toContain(words.register);
    expect(all.some((s) => s.includes(words.twoStep))).toBe(true);
    expect(all.filter((s) => /第二重/.test(s))).toEqual([]);
  });

  it('uses full-width punctuation next to Chinese text, and priorities without numbers', async () => {
    const all = consoleStrings(lang as 'zh-hant' | 'zh-hans');
    const halfWidth = all.filter((s) => /[\u4e00-\u9fff][,:;?!()/]|[,:;?!(/][\u4e00-\u9fff]/.test(s));
    expect(halfWidth).toEqual([]);
    expect(words.labels.priorities.filter((label) => /\d/.test(label))).toEqual([]);
  });

  it('gives a referred report the same name for the reporter and for staff', () => {
    const reporter = messagesFor(lang as 'zh-hant' | 'zh-hans').status.details.statuses;
    expect(reporter.referred.label).toBe(words.labels.statuses.referred);
    expect(reporter.closed.label).toBe(words.labels.statuses.closed);
    expect(reporter.acknowledged.label).toContain(words.ack);
  });
});

describe('every language', () => {
  it('has one label for every status, category, outcome, priority, source and interference method', () => {
    for (const labels of [enLabels, hansLabels, hantLabels]) {
      for (const set of [labels.statuses, labels.categories, labels.outcomes, labels.sources, labels.interferenceMethods]) {
        expect(Object.values(set).every((label) => label.trim().length > 0)).toBe(true);
      }
      expect(Object.keys(labels.interferenceMethods)).toEqual([...INTERFERENCE_METHODS]);
      expect(labels.priorities).toHaveLength(4);
    }
  });
});
