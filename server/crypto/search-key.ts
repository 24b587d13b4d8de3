/**
 * The blind index's keys. A channel's search key is derived with
 * HKDF-SHA256 from the channel's age identity, which exists unwrapped only
 * in the memory of sessions that hold the channel: whoever can read the
 * channel's reports can search them, and the key is never stored anywhere.
 * Deriving it again costs microseconds, so nothing caches it.
 *
 * A token in the index is the first 16 bytes of HMAC-SHA256(search key,
 * normalised token): 128 bits leave no collisions worth counting at any
 * realistic index size, and halve the index against a full MAC.
 */
import { createHmac, hkdfSync } from 'node:crypto';

/** Bytes kept of each token's MAC. */
export const SEARCH_TOKEN_BYTES = 16;

/** Salt and info of the derivation: a new index version would derive new keys (v2). */
const HKDF_SALT = 'tipline search index';
const HKDF_INFO = 'tipline search key v1';

/** A channel's search key, from its identity (AGE-SECRET-KEY-1… or a post-quantum hybrid identity). */
export function channelSearchKey(channelIdentity: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(channelIdentity, 'utf8'), HKDF_SALT, HKDF_INFO, 32));
}

/** The blind token stored for a normalised token under a channel's search key. */
export function blindToken(searchKey: Uint8Array, token: string): Buffer {
  return createHmac('sha256', searchKey).update(token, 'utf8').digest().subarray(0, SEARCH_TOKEN_BYTES);
}
