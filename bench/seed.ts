/**
 * Seeding reports for the queue benchmark through the data layer
 * (insertReport and the workflow updates), in big transactions, while the
 * server is stopped. Metadata is realistic; the content is one small age
 * ciphertext per channel, reused — claiming decrypts it with the channel key,
 * the listing never reads it.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Statement } from 'better-sqlite3';
import { encryptTo, generateKeyPair } from '../server/crypto/age';
import type { KdfParams } from '../server/crypto/argon2';
import { listChannelNames, type Channel } from '../server/data/channels';
import { openDatabase, type Db } from '../server/data/database';
import { insertReport } from '../server/data/reports';
import { CLOSE_OUTCOMES, type InternalStatus, type ReportSource } from '../contract/vocabulary';
import { acknowledgeReport, closeReport, markReferred, updateAssignee, updatePriority, updateStatus } from '../server/data/report-updates';
import { DATABASE_FILE } from '../server/services/instance';
import { addDays, toHour } from '../server/time';
import type { SeedingRow } from './results';
import { REGIONS } from './submissions';
import { prng, weighted } from './stats';

const ROWS_PER_TRANSACTION = 25_000;
/** Seeded reports arrive evenly over this many days before now (inside the default retention, so start-up purges none). */
const SPAN_DAYS = 330;
const HOUR_MS = 3_600_000;

// Where reports go: organised crime is the busiest channel.
const CHANNEL_WEIGHTS: Record<string, number> = {
  organised_crime: 40,
  official_protection: 20,
  case_interference: 10,
  sector_disorder: 20,
  other: 10,
};
const PRIORITIES = [[0, 60], [1, 25], [2, 10], [3, 5]] as const;
const SOURCES: readonly (readonly [ReportSource, number])[] = [['web', 90], ['phone', 5], ['letter', 3], ['visit', 2]];
const LOW_EFFORT_SHARE = 0.03;
// Reports from the last fortnight are mostly untouched; older ones mostly done.
const RECENT_STATUSES: readonly (readonly [InternalStatus, number])[] = [['new', 50], ['triage', 30], ['investigating', 20]];
const OLDER_STATUSES: readonly (readonly [InternalStatus, number])[] = [
  ['new', 2], ['triage', 4], ['investigating', 14], ['awaiting_reporter', 5], ['referred', 10], ['closed', 65],
];

/**
 * The data layer prepares its statements on every call; a seeder making a
 * million calls reuses them instead (same SQL, same behaviour).
 */
function withStatementCache(db: Db): Db {
  const cache = new Map<string, Statement>();
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string): Statement => {
          let statement = cache.get(sql);
          if (!statement) {
            statement = target.prepare(sql);
            cache.set(sql, statement);
          }
          return statement;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

interface SeedContext {
  db: Db;
  now: number;
  /** Reports the run will hold at most: spreads arrival times. */
  total: number;
  kdf: string;
  reporterRecipient: string;
  channels: { channel: Channel; weight: number; content: Uint8Array }[];
  staffId: number;
  deadlines: { ackDays: number; feedbackDays: number };
  random: () => number;
}

/** One report, then the workflow it went through, all through the data layer. */
function seedOne(ctx: SeedContext, index: number): void {
  const { db, random } = ctx;
  const { channel, content } = weighted(ctx.channels.map((c) => [c, c.weight] as const), random());
  const received = new Date(ctx.now - SPAN_DAYS * 24 * HOUR_MS + Math.floor((index / ctx.total) * SPAN_DAYS * 24) * HOUR_MS);
  const recent = ctx.now - received.getTime() < 14 * 24 * HOUR_MS;
  const status = weighted(recent ? RECENT_STATUSES : OLDER_STATUSES, random());
  const source = weighted(SOURCES, random());
  const id = insertReport(db, {
    channelId: channel.id,
    category: channel.slug,
    region: random() < 0.9 ? (REGIONS[Math.floor(random() * REGIONS.length)] ?? null) : null,
    lookupTag: Math.floor(random() * 2 ** 24),
    codeSalt: randomBytes(16),
    codeKdf: ctx.kdf,
    reporterRecipient: ctx.reporterRecipient,
    content,
    contact: null,
    source,
    // Some web reports came in at low effort during floods: the queue indexes carry them too.
    lowEffort: source === 'web' && random() < LOW_EFFORT_SHARE,
    receivedAt: toHour(received),
    ackDueAt: toHour(addDays(received, ctx.deadlines.ackDays)),
    feedbackDueAt: toHour(addDays(received, ctx.deadlines.feedbackDays)),
  });
  const priority = weighted(PRIORITIES, random());
  const later = (days: number): string => toHour(new Date(Math.min(ctx.now - HOUR_MS, received.getTime() + days * 24 * HOUR_MS)));
  if (priority > 0) updatePriority(db, id, priority, toHour(received));
  if (status === 'new') return;
  acknowledgeReport(db, id, later(1 + random() * 5));
  if (status === 'triage') return;
  if (random() < 0.7) updateAssignee(db, id, ctx.staffId, later(2));
  if (status === 'closed') closeReport(db, id, CLOSE_OUTCOMES[Math.floor(random() * CLOSE_OUTCOMES.length)] ?? 'spam', later(10 + random() * 50));
  else if (status === 'referred') markReferred(db, id, later(5 + random() * 30));
  else updateStatus(db, id, 'triage', status, later(3));
}

/** Grow the database in `dataDir` from `from` to `to` reports. */
export async function seedReports(
  dataDir: string,
  range: { from: number; to: number; total: number },
  settings: { kdf: KdfParams; deadlines: { ackDays: number; feedbackDays: number }; seed: number },
): Promise<SeedingRow> {
  const file = path.join(dataDir, DATABASE_FILE);
  const raw = openDatabase(file);
  try {
    // A bigger page cache for this connection only: index inserts at a million rows.
    raw.pragma('cache_size = -262144');
    const reporter = await generateKeyPair();
    const channels = await Promise.all(
      listChannelNames(raw).map(async (channel) => ({
        channel,
        weight: CHANNEL_WEIGHTS[channel.slug] ?? 10,
        content: await encryptTo(
          [channel.recipient, reporter.recipient],
          JSON.stringify({ version: 1, details: 'Seeded report for the queue benchmark: envelopes collected from shops every Friday.' }),
        ),
      })),
    );
    const staff = raw.prepare<[], { id: number }>('SELECT id FROM staff ORDER BY id LIMIT 1').get();
    if (!staff || channels.length === 0) throw new Error('seed an initialised instance (start the server once first)');
    const db = withStatementCache(raw);
    const ctx: SeedContext = {
      db,
      now: Date.now(),
      total: range.total,
      kdf: JSON.stringify(settings.kdf),
      reporterRecipient: reporter.recipient,
      channels,
      staffId: staff.id,
      deadlines: settings.deadlines,
      random: prng(settings.seed + range.from),
    };
    const begin = performance.now();
    for (let start = range.from; start < range.to; start += ROWS_PER_TRANSACTION) {
      const end = Math.min(range.to, start + ROWS_PER_TRANSACTION);
      db.transaction(() => {
        for (let index = start; index < end; index += 1) seedOne(ctx, index);
      })();
    }
    raw.pragma('wal_checkpoint(TRUNCATE)');
    const seconds = (performance.now() - begin) / 1000;
    const added = range.to - range.from;
    return { reports: range.to, added, seconds, reportsPerSecond: added / seconds, databaseBytes: statSync(file).size };
  } finally {
    raw.close();
  }
}
