/**
 * Part 3's yardstick: the same claim and first page through the data layer
 * alone (claimNextReport, listReportMeta) on the same file, in this process,
 * with the server stopped — no HTTP, session, audit entries or decryption.
 * The difference to the HTTP figures is what the route adds.
 */
import path from 'node:path';
import { listChannelNames } from '../server/data/channels';
import { openDatabase } from '../server/data/database';
import { listReportMeta } from '../server/data/report-list';
import { claimNextReport, releaseLease } from '../server/data/report-queue';
import { LIST_LIMIT } from '../contract/schemas/staff-reports';
import { DATABASE_FILE } from '../server/services/instance';
import { toSecond } from '../server/time';
import type { LatencyFigure } from './results';
import { median, percentile } from './stats';

/** p50 and p99 of data-layer claims and first pages, medians over rounds. */
export function measureQueueData(dataDir: string, rounds: number, requests: number): { claim: LatencyFigure; firstPage: LatencyFigure } {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  try {
    const channelIds = listChannelNames(db).map((channel) => channel.id);
    const staff = db.prepare<[], { id: number }>('SELECT id FROM staff ORDER BY id LIMIT 1').get();
    if (!staff) throw new Error('no staff member to claim for');
    const claimOnce = (): number => {
      const now = new Date();
      const lease = { staffId: staff.id, now: toSecond(now), until: toSecond(new Date(now.getTime() + 60_000)) };
      const begin = performance.now();
      const id = claimNextReport(db, channelIds, lease);
      const ms = performance.now() - begin;
      if (id === null) throw new Error('the seeded queue is empty');
      releaseLease(db, id, staff.id, lease.now);
      return ms;
    };
    const pageOnce = (): number => {
      const begin = performance.now();
      listReportMeta(db, { channelIds, limit: LIST_LIMIT.default + 1 });
      return performance.now() - begin;
    };
    const sample = (once: () => number): number[] => Array.from({ length: requests }, once);
    sample(claimOnce);
    sample(pageOnce);
    const claims: number[][] = [];
    const pages: number[][] = [];
    for (let round = 0; round < rounds; round += 1) {
      claims.push(sample(claimOnce));
      pages.push(sample(pageOnce));
    }
    const figure = (samples: number[][]): LatencyFigure => ({
      p50Ms: median(samples.map((s) => percentile(s, 50))),
      p99Ms: median(samples.map((s) => percentile(s, 99))),
    });
    return { claim: figure(claims), firstPage: figure(pages) };
  } finally {
    db.close();
  }
}
