/**
 * Keyed tags for usernames. The sign-in slow-down keeps state for every
 * name tried, known or unknown alike, and the audit trail counts distinct
 * unknown names, without holding any name in clear: an "unknown username"
 * is often a password typed into the wrong field.
 */
import { createHmac, randomBytes } from 'node:crypto';

export type UsernameTagger = (username: string) => string;

/** How usernames compare: NFKC, trimmed, lower case (the database compares them case-insensitively). */
export function normalizeUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

/**
 * A tagger with a fresh random key. The tags only ever live in this
 * process's memory (the slow-down state dies with the process), so the key
 * does too: nothing stored or logged can be matched against a guessed name.
 */
export function createUsernameTagger(): UsernameTagger {
  const key = randomBytes(32);
  // 128 bits: no two names share a tag in practice.
  return (username) => createHmac('sha256', key).update(normalizeUsername(username), 'utf8').digest('base64url').slice(0, 22);
}
