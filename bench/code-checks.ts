/**
 * Part 2: tracking-code checks per second (POST /api/status) for real codes
 * (hits, 200) and well-formed codes with a valid check digit that match
 * nothing (misses, 404), against bare Argon2id.
 */
import { randomInt } from 'node:crypto';
import type { KdfParams } from '../server/crypto/argon2';
import { dammCheckDigit } from '../contract/tracking-code';
import { argon2Rate, throughputRow } from './argon2';
import { postJson, type HttpClient } from './http-client';
import type { BenchOptions } from './options';
import type { CodeCheckRow } from './results';
import { runLoad, type LoadResult } from './stats';

/** 19 random digits and their Damm check digit: passes the format check, matches no report. */
export function wellFormedCode(): string {
  let digits = '';
  for (let i = 0; i < 19; i += 1) digits += String(randomInt(10));
  return digits + dammCheckDigit(digits);
}

/** Check one code; true when the answer is the expected one (200 for a hit, 404 for a miss). */
async function checkOne(client: HttpClient, code: string, expected: 200 | 404): Promise<boolean> {
  const res = await postJson(client, '/api/status', { trackingCode: code });
  return res.status === expected;
}

export async function benchCodeChecks(client: HttpClient, kdf: KdfParams, options: BenchOptions, codes: readonly string[]): Promise<CodeCheckRow[]> {
  if (codes.length === 0) throw new Error('code checks need the tracking codes of part 1');
  const hit = (): Promise<boolean> => checkOne(client, codes[randomInt(codes.length)] ?? '', 200);
  const miss = (): Promise<boolean> => checkOne(client, wellFormedCode(), 404);
  await runLoad({ concurrency: 2, durationMs: 60_000, maxTasks: 10, task: hit });
  const results = new Map<string, LoadResult[]>();
  const add = (key: string, result: LoadResult): void => void results.set(key, [...(results.get(key) ?? []), result]);
  for (let round = 0; round < options.rounds; round += 1) {
    for (const concurrency of options.concurrencies) {
      const window = { concurrency, durationMs: options.windowMs, maxTasks: Number.MAX_SAFE_INTEGER };
      add(`argon2:${concurrency}`, await argon2Rate(kdf, concurrency, options.windowMs));
      add(`hit:${concurrency}`, await runLoad({ ...window, task: hit }));
      add(`miss:${concurrency}`, await runLoad({ ...window, task: miss }));
    }
  }
  return (['hit', 'miss'] as const).flatMap((kind) =>
    options.concurrencies.map((c) => ({
      kind,
      ...throughputRow(c, results.get(`${kind}:${c}`) ?? [], results.get(`argon2:${c}`) ?? []),
    })),
  );
}
