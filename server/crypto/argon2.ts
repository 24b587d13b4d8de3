/**
 * Argon2id key derivation. Parameters travel with every record that uses
 * them (as JSON), so the instance can raise them later without locking
 * anyone out of older reports or accounts.
 */
import { randomBytes } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';
import { KdfLimiter, type KdfLimits } from './kdf-limit';

export const kdfParamsSchema = z.object({
  /** Memory in KiB. */
  m: z.number().int().min(19_456),
  /** Passes. */
  t: z.number().int().min(2),
  /** Lanes. */
  p: z.number().int().min(1).max(16),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

/**
 * What a caller needs to derive with Argon2id: the parameters new records
 * get, and the bounded pool its derivations run in (reporter or staff).
 */
export interface KdfPool {
  params: KdfParams;
  limiter: KdfLimiter;
}

/** The two pools of a process: reporter routes, and staff routes (sign-in, recovery, accounts). */
export interface KdfPools {
  reporter: KdfPool;
  staff: KdfPool;
}

/** Both pools, with the same parameters and their own limits. */
export function createKdfPools(params: KdfParams, limits: { reporter: KdfLimits; staff: KdfLimits }): KdfPools {
  return {
    reporter: { params, limiter: new KdfLimiter(limits.reporter) },
    staff: { params, limiter: new KdfLimiter(limits.staff) },
  };
}

export const SALT_BYTES = 16;

/** A fresh random salt. */
export function newSalt(): Buffer {
  return randomBytes(SALT_BYTES);
}

/** Parse parameters stored beside a record; throws on anything malformed. */
export function parseKdfParams(json: string): KdfParams {
  return kdfParamsSchema.parse(JSON.parse(json));
}

/**
 * Derive 32 bytes with Argon2id (the library's default algorithm), within
 * the given pool's bound on concurrent derivations (503 when overloaded).
 */
export async function deriveKey(secret: string, salt: Uint8Array, params: KdfParams, limiter: KdfLimiter): Promise<Buffer> {
  // `algorithm` is left out on purpose: the library's Algorithm is a const
  // enum that is undefined at run time under tsx, and Argon2id is the default.
  return limiter.run(() =>
    hashRaw(secret, {
      salt: Buffer.from(salt),
      memoryCost: params.m,
      timeCost: params.t,
      parallelism: params.p,
      outputLen: 32,
    }),
  );
}
