import { describe, expect, it } from 'vitest';
import { messagesFor } from '../i18n';
import { interferenceEntry } from './interference-entry';

const m = messagesFor('en').console.report.interference;
const filled = {
  'who.name': ' Li Ming ',
  'who.position': 'Deputy director',
  'who.unit': '',
  'when.date': '2026-11-17',
  'when.note': 'around noon',
  how: 'through_someone',
  asked: 'To slow the case down.',
  reportedToSuperior: 'on',
  followUp: '',
};

describe('an interference entry from the form', () => {
  it('becomes the API body: trimmed, empty optional parts left out, the ticked box true', () => {
    expect(interferenceEntry(filled, m)).toEqual({
      body: {
        who: { name: 'Li Ming', position: 'Deputy director', unit: undefined },
        when: { date: '2026-11-17', note: 'around noon' },
        how: 'through_someone',
        asked: 'To slow the case down.',
        reportedToSuperior: true,
        followUp: undefined,
      },
    });
  });

  it('reads an unticked box (absent from the form values) as not reported', () => {
    const { reportedToSuperior: _ticked, ...unticked } = filled;
    const entry = interferenceEntry(unticked, m);
    expect('body' in entry && entry.body.reportedToSuperior).toBe(false);
  });

  it('names the fields to fix by the API’s field names, with their labels', () => {
    expect(interferenceEntry({ ...filled, 'who.name': ' ', 'when.date': '17 Nov', how: 'telepathy', asked: '' }, m)).toEqual({
      invalid: [
        { name: 'who.name', label: m.name },
        { name: 'when.date', label: m.date },
        { name: 'how', label: m.how },
        { name: 'asked', label: m.asked },
      ],
    });
  });
});
