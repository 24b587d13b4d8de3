/**
 * `npm run bench -- --search [--quick]`: staff search at 100,000 indexed
 * leads (DESIGN.md budget: p99 ≤ 50 ms), into bench-search-results.json.
 *
 * Reports are seeded as for the queue (bench/seed.ts), then given 100–300
 * blind tokens each (bench/search-seed.ts). A search is measured in this
 * process as the route does it minus HTTP: searchLeads (normalise, key
 * every token for each of the caller's channels, count, intersect, read
 * the metadata, count the unindexed) and the staff.searched audit entry
 * (one synchronous commit). The caller is the first admin, who holds all
 * five channels: the most work a search can take. Related leads are
 * measured beside it (no budget).
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { StaffSession } from '../server/auth/session-store';
import { loadConfig } from '../server/config';
import { createKdfPools } from '../server/crypto/argon2';
import { appendAudit } from '../server/data/audit';
import { openDatabase } from '../server/data/database';
import { findReportMeta } from '../server/data/report-metadata';
import { openDataDir } from '../server/instance-setup';
import { DATABASE_FILE, initialiseInstance } from '../server/services/instance';
import { relatedLeads, searchLeads } from '../server/services/search';
import { unlockStaff } from '../server/services/staff-keys';
import { toSecond } from '../server/time';
import type { LatencyFigure } from './results';
import { seedReports } from './seed';
import { seedSearchTokens, wordOf, zipfRank } from './search-seed';
import { BENCH_ENV } from './server';
import { median, percentile, prng } from './stats';
import { formatTable } from './table';

export const SEARCH_BUDGET_P99_MS = 50;

export interface SearchBenchOptions {
  reports: number;
  rounds: number;
  /** Searches per query length per round. */
  requests: number;
}

export const SEARCH_FULL: SearchBenchOptions = { reports: 100_000, rounds: 3, requests: 300 };
export const SEARCH_QUICK: SearchBenchOptions = { reports: 2_000, rounds: 1, requests: 30 };

export interface SearchBenchResults {
  meta: { mode: 'full' | 'quick'; startedAt: string; node: string };
  reports: number;
  tokenRows: number;
  databaseBytes: number;
  seedingSeconds: number;
  /** By query length (1, 2, 3 tokens): latency, and the median number of results. */
  searches: { tokens: number; latency: LatencyFigure; medianResults: number; perRound: LatencyFigure[] }[];
  related: LatencyFigure;
}

const ADMIN = { username: 'bench-admin', password: 'bench admin password 1234' };

/** Seed, then time searches of 1, 2 and 3 tokens and related leads. */
export async function runSearchBench(options: SearchBenchOptions, scratch: string, progress: (line: string) => void): Promise<SearchBenchResults> {
  const startedAt = new Date();
  const dataDir = path.join(scratch, 'search');
  mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({ ...BENCH_ENV, DATA_DIR: dataDir });
  const kdf = createKdfPools(config.argon2, config.kdfLimits);
  const opened = openDataDir(config);
  await initialiseInstance(opened.db, kdf.staff, ADMIN);
  const admin = await unlockStaff(opened.db, kdf.staff, ADMIN.username, ADMIN.password);
  opened.db.close();
  if (!admin) throw new Error('the bench admin should unlock');

  progress(`seeding ${options.reports.toLocaleString('en-US')} reports`);
  const begin = performance.now();
  await seedReports(dataDir, { from: 0, to: options.reports, total: options.reports }, { kdf: config.argon2, deadlines: config.deadlines, seed: 7 });
  const file = path.join(dataDir, DATABASE_FILE);
  const db = openDatabase(file);
  try {
    progress('seeding the search index');
    db.pragma('cache_size = -262144');
    const tokenRows = seedSearchTokens(db, admin.channelIdentities, 11);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('cache_size = -2000'); // back to SQLite's default: measure what the server has
    const seedingSeconds = (performance.now() - begin) / 1000;
    const session: StaffSession = {
      tokenHash: '',
      staffId: admin.id,
      username: admin.username,
      role: admin.role,
      personalIdentity: admin.personalIdentity,
      personalRecipient: admin.recipient,
      channelIdentities: admin.channelIdentities,
      signingKey: admin.signingKey,
      restriction: null,
      createdAt: Date.now(),
      lastActivityAt: Date.now(),
    };
    const deps = { db, instanceKey: opened.instanceKey, kdf: kdf.staff };
    const random = prng(23);
    const searchOnce = async (tokens: number): Promise<{ ms: number; results: number }> => {
      const q = Array.from({ length: tokens }, () => wordOf(zipfRank(random))).join(' ');
      const start = performance.now();
      const answer = await searchLeads(deps, session, q, 'body');
      appendAudit(db, { at: toSecond(new Date()), actorStaffId: admin.id, action: 'staff.searched', detail: { results: answer.results.length, trackingCode: false } });
      return { ms: performance.now() - start, results: answer.results.length };
    };
    const searches: SearchBenchResults['searches'] = [];
    for (const tokens of [1, 2, 3]) {
      progress(`searches of ${tokens} token${tokens === 1 ? '' : 's'}`);
      for (let i = 0; i < options.requests; i += 1) await searchOnce(tokens); // warm-up
      const perRound: LatencyFigure[] = [];
      const counts: number[] = [];
      for (let round = 0; round < options.rounds; round += 1) {
        const samples: number[] = [];
        for (let i = 0; i < options.requests; i += 1) {
          const { ms, results } = await searchOnce(tokens);
          samples.push(ms);
          counts.push(results);
        }
        perRound.push({ p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) });
      }
      searches.push({ tokens, perRound, medianResults: median(counts), latency: figureOf(perRound) });
    }
    progress('related leads');
    const maxId = db.prepare<[], { id: number }>('SELECT max(id) AS id FROM reports').get()?.id ?? 1;
    const related: LatencyFigure[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      const samples: number[] = [];
      for (let i = 0; i < Math.min(options.requests, 100); i += 1) {
        const meta = findReportMeta(db, 1 + Math.floor(random() * maxId));
        const identity = meta ? admin.channelIdentities.get(meta.channelId) : undefined;
        if (!meta || identity === undefined) continue;
        const start = performance.now();
        relatedLeads(db, { meta, identity });
        samples.push(performance.now() - start);
      }
      related.push({ p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) });
    }
    return {
      meta: { mode: options === SEARCH_QUICK ? 'quick' : 'full', startedAt: startedAt.toISOString(), node: process.version },
      reports: options.reports,
      tokenRows,
      databaseBytes: statSync(file).size,
      seedingSeconds,
      searches,
      related: figureOf(related),
    };
  } finally {
    db.close();
  }
}

function figureOf(rounds: readonly LatencyFigure[]): LatencyFigure {
  return { p50Ms: median(rounds.map((r) => r.p50Ms)), p99Ms: median(rounds.map((r) => r.p99Ms)) };
}

/** The search results as a table, with the budget beside each p99. */
export function formatSearchResults(results: SearchBenchResults): string {
  const ms = (n: number): string => `${n.toFixed(2)} ms`;
  const rows = results.searches.map((row) => [
    `${row.tokens}`,
    ms(row.latency.p50Ms),
    ms(row.latency.p99Ms),
    row.latency.p99Ms <= SEARCH_BUDGET_P99_MS ? 'ok' : 'OVER',
    String(row.medianResults),
  ]);
  return [
    `Search at ${results.reports.toLocaleString('en-US')} reports, ${results.tokenRows.toLocaleString('en-US')} index rows, ` +
      `database ${(results.databaseBytes / 1024 / 1024).toFixed(0)} MiB (seeded in ${results.seedingSeconds.toFixed(0)} s)`,
    formatTable(['query tokens', 'p50', 'p99', `p99 ≤ ${SEARCH_BUDGET_P99_MS} ms`, 'median results'], rows),
    `related leads: p50 ${ms(results.related.p50Ms)}, p99 ${ms(results.related.p99Ms)} (no budget)`,
  ].join('\n');
}
