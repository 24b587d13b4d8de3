/**
 * Seeding the blind index for the search benchmark: every seeded report
 * gets 100–300 distinct tokens straight into search_tokens (no decryption:
 * the content bench/seed.ts stores is one reused ciphertext), keyed with
 * its channel's real search key, so the searches measured are the real ones.
 *
 * Token popularity follows Zipf's law (rank r drawn with probability about
 * 1/r): a few tokens are in nearly every report (like 的人 or "the"), most
 * are rare (names, plates). Rows go in primary-key order per channel and
 * the by-report index is built afterwards: tens of millions of random
 * B-tree inserts would take the seeding from a minute to an hour.
 */
import { blindToken, channelSearchKey } from '../server/crypto/search-key';
import type { Db } from '../server/data/database';
import { SEARCH_INDEX_VERSION } from '../server/services/search-index';
import { prng } from './stats';

/** Distinct tokens a channel's reports draw from. */
export const VOCABULARY = 200_000;
export const TOKENS_PER_REPORT = { min: 100, max: 300 } as const;
const REPORT_ID_BITS = 2 ** 21;

/** The vocabulary's words: letters only, so the normaliser keeps each one whole ("qbaa", "qbab", ...). */
export function wordOf(rank: number): string {
  let word = '';
  let n = rank;
  do {
    word = String.fromCharCode(97 + (n % 26)) + word;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `q${word}`;
}

/** A Zipf-like rank in [0, VOCABULARY): log-uniform, so P(rank r) is about 1 / (r ln V). */
export function zipfRank(random: () => number): number {
  return Math.min(VOCABULARY - 1, Math.floor(Math.exp(random() * Math.log(VOCABULARY + 1)) - 1));
}

/** Give every report of the database its tokens and mark it indexed; returns the rows written. */
export function seedSearchTokens(db: Db, channelIdentities: ReadonlyMap<number, string>, seed: number): number {
  const random = prng(seed);
  const reports = db.prepare<[], { id: number; channelId: number }>('SELECT id, channel_id AS channelId FROM reports ORDER BY id').all();
  db.exec('DROP INDEX IF EXISTS search_tokens_by_report');
  const insert = db.prepare('INSERT INTO search_tokens (channel_id, token, report_id) VALUES (?, ?, ?)');
  let rows = 0;
  for (const [channelId, identity] of channelIdentities) {
    const ids = reports.filter((report) => report.channelId === channelId).map((report) => report.id);
    if (ids.length === 0) continue;
    const key = channelSearchKey(identity);
    const tokens = Array.from({ length: VOCABULARY }, (_, rank) => blindToken(key, wordOf(rank)));
    // Insert in (token, report) order: rank the vocabulary by its blind bytes.
    const byBytes = tokens.map((_, rank) => rank).sort((a, b) => Buffer.compare(tokens[a] ?? Buffer.alloc(0), tokens[b] ?? Buffer.alloc(0)));
    const place = new Uint32Array(VOCABULARY);
    byBytes.forEach((rank, at) => (place[rank] = at));
    const keys: number[] = [];
    for (const id of ids) {
      const count = TOKENS_PER_REPORT.min + Math.floor(random() * (TOKENS_PER_REPORT.max - TOKENS_PER_REPORT.min + 1));
      const mine = new Set<number>();
      while (mine.size < count) mine.add(zipfRank(random));
      for (const rank of mine) keys.push((place[rank] ?? 0) * REPORT_ID_BITS + id);
    }
    const sorted = Float64Array.from(keys).sort();
    db.transaction(() => {
      for (const packed of sorted) {
        const id = packed % REPORT_ID_BITS;
        insert.run(channelId, tokens[byBytes[(packed - id) / REPORT_ID_BITS] ?? 0], id);
      }
    })();
    rows += sorted.length;
  }
  db.exec('CREATE INDEX search_tokens_by_report ON search_tokens (report_id)');
  db.prepare('UPDATE reports SET search_version = ?').run(SEARCH_INDEX_VERSION);
  return rows;
}
