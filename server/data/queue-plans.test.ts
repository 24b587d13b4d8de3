/**
 * The queue stays index-driven (DESIGN.md: claim ≤ 5 ms and first page
 * ≤ 20 ms at a million reports): every statement behind the claim, each
 * listing filter (with and without a cursor) and the low-effort batches
 * seeks an index and never sorts in a temporary B-tree or scans a table.
 * SQLite plans from the schema alone here (Tipline never runs ANALYZE), so
 * an empty database plans exactly as a full one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, openDatabase, type Db } from './database';
import { LOW_EFFORT_QUERIES } from './low-effort';
import type { KeyValue, QueueSort, SortOrder } from './queue-sorts';
import { channelPageQueries, UNREAD_SQL, type ReportListFilter } from './report-list';
import { NEXT_IN_CHANNEL } from './report-queue';

let dir: string;
let db: Db;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tipline-plans-'));
  db = openDatabase(path.join(dir, 'test.db'));
  applyMigrations(db);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The plan's lines, e.g. "SEARCH r USING INDEX reports_claimable (channel_id=? AND low_effort=?)". */
function plan(sql: string, params: unknown = {}): string[] {
  const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (Array.isArray(params) ? statement.all(...(params as unknown[])) : statement.all(params)) as { detail: string }[];
  return rows.map((row) => row.detail);
}

/** No sort, no full scan of any table; the reports row `r` is found through an index. */
function expectIndexDriven(lines: string[], reports: RegExp): void {
  const text = lines.join('\n');
  expect(text, text).not.toMatch(/TEMP B-TREE/);
  for (const line of lines) expect(line, text).not.toMatch(/^SCAN \w+$/);
  expect(lines.some((line) => reports.test(line)), text).toBe(true);
}

const SEEK_CHANNEL = /^SEARCH r USING (COVERING )?INDEX \w+ \(channel_id=\?/;

const FILTERS: Record<string, Omit<ReportListFilter, 'channelIds' | 'limit'>> = {
  none: {},
  status: { status: 'new' },
  category: { category: 'organised_crime' },
  region: { region: 'Taipei' },
  assignee: { assigneeId: 3 },
  unassigned: { assigneeId: null },
  overdue: { overdueAt: '2026-11-28T06:10:00Z' },
  'marked only': { lowEffort: true },
  'unmarked only': { lowEffort: false },
  'status, marked only': { status: 'new', lowEffort: true },
  'region, unmarked only': { region: 'Taipei', lowEffort: false },
  'unassigned, marked only': { assigneeId: null, lowEffort: true },
  'overdue, marked only': { overdueAt: '2026-11-28T06:10:00Z', lowEffort: true },
};
const CURSORS = { 'first page': undefined, 'after an unmarked row': [0, 1, 500], 'after a marked row': [1, 0, 900] } as const;

const NOW = '2026-11-28T06:10:00Z';
/** The filters added with sorting (issue 14 item 2), each read in every sort. */
const MORE_FILTERS: Record<string, Omit<ReportListFilter, 'channelIds' | 'limit'>> = {
  'default (open only)': {},
  'every status': { status: 'all' },
  closed: { status: 'closed' },
  source: { source: 'phone' },
  priority: { priority: 2 },
  'needs action': { needsActionAt: NOW },
  unread: { unreadFor: 3 },
  tag: { tagId: 7 },
  'date range': { receivedFrom: '2026-11-01T00:00:00Z', receivedBefore: '2026-11-08T00:00:00Z' },
  'status, region, overdue': { status: 'new', region: 'Taipei', overdueAt: NOW },
};
const SORTS: { sort: QueueSort; order: SortOrder; after: KeyValue[] }[] = [
  { sort: 'priority', order: 'desc', after: [0, 1, 500] },
  { sort: 'priority', order: 'asc', after: [1, 2, 500] },
  { sort: 'received', order: 'desc', after: [500] },
  { sort: 'received', order: 'asc', after: [500] },
  { sort: 'deadline', order: 'asc', after: ['2026-12-01T06:00:00Z', 500] },
  { sort: 'deadline', order: 'desc', after: ['2026-12-01T06:00:00Z', 500] },
];

describe('query plans', () => {
  it('the claim reads reports_claimable in queue order', () => {
    const lines = plan(NEXT_IN_CHANNEL, [1, '2026-11-28T06:10:00Z']);
    expectIndexDriven(lines, /^SEARCH r USING INDEX reports_claimable \(channel_id=\?\)$/);
  });

  it('the default first page (open leads, queue order) reads the partial index of open reports', () => {
    const [query] = channelPageQueries(1, { channelIds: [1], limit: 51 });
    expect(query).toBeDefined();
    if (query) expectIndexDriven(plan(query.sql, query.params), /^SEARCH r USING INDEX reports_open_by_channel \(channel_id=\?/);
  });

  for (const [filterName, filter] of Object.entries(FILTERS)) {
    for (const [cursorName, after] of Object.entries(CURSORS)) {
      it(`the listing (${filterName}, ${cursorName}) seeks an index in queue order`, () => {
        const queries = channelPageQueries(1, { ...filter, after, channelIds: [1], limit: 51 });
        expect(queries.length).toBeGreaterThan(0);
        for (const query of queries) {
          const lines = plan(query.sql, query.params);
          expectIndexDriven(lines, SEEK_CHANNEL);
          // The marker filter is part of the seek, not a check on every row read.
          if (filter.lowEffort !== undefined) expect(lines.join('\n')).toMatch(/^SEARCH r USING .*low_effort=\?/m);
        }
      });
    }
  }

  for (const [filterName, filter] of Object.entries(MORE_FILTERS)) {
    for (const { sort, order, after } of SORTS) {
      for (const cursor of [undefined, after]) {
        it(`the listing (${filterName}, by ${sort} ${order}, ${cursor ? 'after a row' : 'first page'}) seeks an index in that order`, () => {
          const queries = channelPageQueries(1, { ...filter, sort, order, after: cursor, channelIds: [1], limit: 51 });
          expect(queries.length).toBeGreaterThan(0);
          for (const query of queries) expectIndexDriven(plan(query.sql, query.params), SEEK_CHANNEL);
        });
      }
    }
  }

  it('the unread marker of a page reads each report and view by key', () => {
    const lines = plan(`SELECT r.id FROM reports r WHERE r.id IN (SELECT value FROM json_each(@ids)) AND ${UNREAD_SQL}`, { viewer: 3, ids: '[1,2]' });
    const text = lines.join('\n');
    expect(text, text).toMatch(/SEARCH r USING INTEGER PRIMARY KEY/);
    expect(text, text).toMatch(/SEARCH v USING PRIMARY KEY \(staff_id=\? AND report_id=\?\)/);
  });

  it('the low-effort batches and the discard read only marked reports, by hour', () => {
    const byHour = /^(SEARCH|SCAN) r USING INDEX reports_low_effort_by_hour/;
    expectIndexDriven(plan(LOW_EFFORT_QUERIES.batches, { limit: 169 }), byHour);
    expectIndexDriven(plan(LOW_EFFORT_QUERIES.batchesBefore, { before: '2026-11-28T06:00:00Z', limit: 169 }), /^SEARCH r USING INDEX reports_low_effort_by_hour \(received_at<\?\)/);
    expectIndexDriven(
      plan(LOW_EFFORT_QUERIES.discardable, { from: '2026-11-28T06:00:00Z', to: '2026-11-28T09:00:00Z', limit: 5001 }),
      /^SEARCH r USING INDEX reports_low_effort_by_hour \(received_at>\? AND received_at<\?\)/,
    );
  });
});
