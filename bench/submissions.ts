/** Part 1: report submissions per second (POST /api/reports, JSON) against bare Argon2id. */
import { CATEGORIES } from '../contract/vocabulary';
import type { KdfParams } from '../server/crypto/argon2';
import { argon2Rate, throughputRow } from './argon2';
import { postJson, type HttpClient } from './http-client';
import type { BenchOptions } from './options';
import type { ThroughputRow } from './results';
import { runLoad, type LoadResult } from './stats';

export const REGIONS = [
  'Taipei', 'New Taipei', 'Taoyuan', 'Taichung', 'Tainan', 'Kaohsiung', 'Keelung', 'Hsinchu', 'Miaoli', 'Changhua',
  'Nantou', 'Yunlin', 'Chiayi', 'Pingtung', 'Yilan', 'Hualien', 'Taitung', 'Penghu', 'Kinmen', 'Lienchiang',
] as const;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** A submission of realistic size (a few hundred characters of text). */
export function sampleSubmission(): Record<string, string> {
  return {
    category: pick(CATEGORIES),
    region: pick(REGIONS),
    details:
      'Every Friday night two vans unload crates behind the seafood wholesaler near the harbour. The same men collect ' +
      'envelopes from the shops on the street, and shopkeepers who refused say their windows were broken the next week. ' +
      `A patrol car stops by but never gets out. Reference ${Math.random().toString(36).slice(2)}.`,
    location: 'Behind the wholesale market, lane 3',
    subjects: 'Two men in their forties, a white van, a patrol car',
    occurredAt: 'Fridays since March',
    officialsInvolved: 'unknown',
  };
}

/** Submit one report; pushes its tracking code to `codes`. True on 201. */
export async function submitOne(client: HttpClient, codes: string[]): Promise<boolean> {
  const res = await postJson(client, '/api/reports', sampleSubmission());
  if (res.status !== 201) return false;
  const { trackingCode } = JSON.parse(res.body.toString()) as { trackingCode: string };
  codes.push(trackingCode);
  return true;
}

/**
 * Rates at each concurrency, each a median over rounds; within a round the
 * bare Argon2id window runs right before the HTTP window, so both see the
 * same machine. Tracking codes go to `codes` (part 2 checks them).
 */
export async function benchSubmissions(client: HttpClient, kdf: KdfParams, options: BenchOptions, codes: string[]): Promise<ThroughputRow[]> {
  // Warm up the JIT, the connection pool and the database file.
  await runLoad({ concurrency: 2, durationMs: 60_000, maxTasks: 10, task: () => submitOne(client, codes) });
  const http = new Map<number, LoadResult[]>();
  const argon2 = new Map<number, LoadResult[]>();
  for (let round = 0; round < options.rounds; round += 1) {
    for (const concurrency of options.concurrencies) {
      const bare = await argon2Rate(kdf, concurrency, options.windowMs);
      const served = await runLoad({
        concurrency,
        durationMs: options.windowMs,
        maxTasks: Number.MAX_SAFE_INTEGER,
        task: () => submitOne(client, codes),
      });
      argon2.set(concurrency, [...(argon2.get(concurrency) ?? []), bare]);
      http.set(concurrency, [...(http.get(concurrency) ?? []), served]);
    }
  }
  return options.concurrencies.map((c) => throughputRow(c, http.get(c) ?? [], argon2.get(c) ?? []));
}
