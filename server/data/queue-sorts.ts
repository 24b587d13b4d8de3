/**
 * The orders the queue listing can be read in. Each is a list of keys ending
 * in the id, so a row's values for those keys place it exactly (the keyset
 * cursor), and each has an index that SQLite reads in that order
 * (db/migrations/006_low_effort.sql, 012_queue_work.sql).
 */
import type { ReportMeta } from './report-metadata';
import type { QueueSort } from '../../contract/vocabulary';

export type { QueueSort };
export type SortOrder = 'asc' | 'desc';

/** The next deadline of a report: acknowledgement until acknowledged, then feedback. Matches the index expression. */
export const DEADLINE_SQL = '(CASE WHEN r.acknowledged_at IS NULL THEN r.ack_due_at ELSE r.feedback_due_at END)';

export type KeyValue = number | string;
interface SortKey {
  sql: string;
  /** The direction in the sort's natural order. */
  desc: boolean;
  of: (row: ReportMeta) => KeyValue;
}
interface SortSpec {
  keys: SortKey[];
  /** Which of asc/desc the keys' natural order is. */
  natural: SortOrder;
}

const id: SortKey = { sql: 'r.id', desc: false, of: (row) => row.id };
const SPECS: Record<QueueSort, SortSpec> = {
  // Queue order: unmarked before low-effort marked, highest priority first, then oldest.
  priority: {
    natural: 'desc',
    keys: [{ sql: 'r.low_effort', desc: false, of: (row) => row.lowEffort }, { sql: 'r.priority', desc: true, of: (row) => row.priority }, id],
  },
  // Ids grow with arrival; received_at is only an hour.
  received: { natural: 'asc', keys: [id] },
  deadline: {
    natural: 'asc',
    keys: [{ sql: DEADLINE_SQL, desc: false, of: (row) => (row.acknowledgedAt === null ? row.ackDueAt : row.feedbackDueAt) }, id],
  },
};

/** The default direction of each sort: the queue's own order, newest arrivals first, soonest deadline first. */
export const DEFAULT_ORDER: Record<QueueSort, SortOrder> = { priority: 'desc', received: 'desc', deadline: 'asc' };

export interface ResolvedKey {
  sql: string;
  desc: boolean;
  of: (row: ReportMeta) => KeyValue;
}

/** The keys of a sort in the asked direction. */
export function sortKeys(sort: QueueSort, order: SortOrder): ResolvedKey[] {
  const spec = SPECS[sort];
  const flip = order !== spec.natural;
  return spec.keys.map((key) => ({ ...key, desc: key.desc !== flip }));
}

/** The ORDER BY for a sort. */
export function orderBySql(keys: readonly ResolvedKey[]): string {
  return `ORDER BY ${keys.map((key) => `${key.sql}${key.desc ? ' DESC' : ''}`).join(', ')}`;
}

/** Compare two rows in a sort's order (negative when `a` comes first). */
export function compareBy(keys: readonly ResolvedKey[]): (a: ReportMeta, b: ReportMeta) => number {
  return (a, b) => {
    for (const key of keys) {
      const x = key.of(a);
      const y = key.of(b);
      if (x !== y) return (x < y ? -1 : 1) * (key.desc ? -1 : 1);
    }
    return 0;
  };
}
