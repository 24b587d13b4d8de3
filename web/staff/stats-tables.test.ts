import { describe, expect, it } from 'vitest';
import { messagesFor } from '../i18n';
import { auditCsvRows } from './audit-trail';
import { toCsv } from './csv';
import { statisticsCsvRows, statisticsTables } from './stats-tables';
import type { Statistics } from '../../contract/schemas/staff-oversight-views';

const none = { total: 0, byChannel: [], byRegion: [] };
const stats: Statistics = {
  range: { from: '2026-01-01', to: null },
  total: 2,
  byChannel: [{ key: 'organised_crime', count: 2 }],
  byCategory: [],
  byRegion: [{ key: '=HYPERLINK("http://x")', count: 1 }, { key: '', count: 1 }],
  byStatus: [],
  byMonth: [],
  medianHoursToAcknowledge: null,
  overdue: { acknowledgement: 1, feedback: 0 },
  channels: [{ id: 1, slug: 'organised_crime', name: 'Organised crime', names: {}, descriptions: {} }],
  interference: { ...none, byMonth: [] },
  referrals: { total: 1, byChannel: [{ key: 'organised_crime', count: 1 }], byRegion: [{ key: '', count: 1 }] },
  outcomes: { total: 1, byOutcome: [{ key: 'spam', count: 1 }], byChannel: [{ key: 'organised_crime', outcome: 'spam', count: 1 }], byRegion: [] },
  overdueLeads: none,
};

describe('the statistics export', () => {
  const m = messagesFor('en').console;
  const tables = statisticsTables('en', m.audit.stats, m.labels, stats);
  const rows = statisticsCsvRows(m.audit.stats, stats.range, [...tables.leads, ...tables.registers]);

  it('has a row per table row, naming the table, the item as on screen and the days counted', () => {
    expect(rows[0]).toEqual(['Table', 'Item', 'Count', 'From', 'To']);
    expect(rows).toContainEqual(['Reports by channel', 'Organised crime', 2, '2026-01-01', null]);
    expect(rows).toContainEqual(['Referrals by region', 'Not given', 1, '2026-01-01', null]);
    expect(rows).toContainEqual(['Closed leads by channel and outcome', 'Organised crime — Spam', 1, '2026-01-01', null]);
    expect(rows).toContainEqual(['Overdue reports', 'Overdue acknowledgements', 1, '2026-01-01', null]);
  });

  it('leaves out empty tables rather than writing zeros', () => {
    expect(rows.some((row) => row[0] === 'Interference entries by region')).toBe(false);
  });

  it('neutralises a region a reporter typed as a spreadsheet formula', () => {
    expect(toCsv(rows)).toContain(`Reports by region,"'=HYPERLINK(""http://x"")",1,2026-01-01,\r\n`);
  });
});

describe('the audit trail export', () => {
  it('writes each entry with its time, actor, sentence, code, detail and hash, neutralising formulas', () => {
    const c = messagesFor('en').console;
    const entry = {
      id: 7,
      at: '2026-11-30T10:00:00Z',
      actorStaffId: null,
      actorUsername: null,
      action: 'login.failed',
      reportId: null,
      channelId: null,
      detail: { since: '2026-11-30T09:00:00Z', failures: 3 },
      hash: 'ab12',
    };
    const rows = auditCsvRows('en', c, [entry, { ...entry, id: 8, actorUsername: '=cmd|calc', actorStaffId: 3, action: 'logout', detail: {} }]);
    expect(rows[0]).toEqual(['Entry', 'Time', 'Staff member', 'Action', 'Action code', 'Report', 'Channel', 'Detail', 'Hash']);
    expect(rows[1]).toEqual([7, '2026-11-30T10:00:00Z', 'Unknown or disabled usernames', expect.stringContaining('Failed sign-ins'), 'login.failed', null, null, '{"since":"2026-11-30T09:00:00Z","failures":3}', 'ab12']);
    expect(toCsv(rows)).toContain("8,2026-11-30T10:00:00Z,'=cmd|calc,Signed out,logout,,,{},ab12\r\n");
  });
});
