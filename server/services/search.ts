/**
 * Staff search over the blind index, and a case's related leads.
 *
 * Search: the query goes through the same normaliser as the content, each
 * token is keyed with the search key of every channel the caller's session
 * holds, and a report is a result when it holds every token (AND: a name's
 * bigrams, a plate, all together). Since every result matches every token,
 * the order is newest first, which is also what lets the index answer in
 * one backward walk of the rarest token's reports and stop after 50 (the
 * 50 ms budget at 100,000 leads, bench/search.ts). A query that is a valid
 * tracking code is looked up as the reporter's status page does (lookup
 * tag, then Argon2id in the staff pool) and answers that report if it lies
 * in the caller's channels.
 *
 * Related leads: other reports of the same channel sharing tokens with this
 * one, each shared token weighted by its rarity (log(1 + N / reports
 * holding it)); tokens in more than 5% of the channel's reports (and more
 * than 10) say nothing and are skipped, as are tokens in more than 200
 * reports, which bounds the work.
 */
import type { StaffSession } from '../auth/session-store';
import { blindToken, channelSearchKey } from '../crypto/search-key';
import type { KdfPool } from '../crypto/argon2';
import type { Db } from '../data/database';
import { findReportMeta, type ReportMeta } from '../data/report-metadata';
import {
  countChannelReports,
  countUnindexed,
  findReportsWithAll,
  reportsWithToken,
  tokenFrequency,
  tokensOfReport,
} from '../data/search-tokens';
import { DomainError, fail } from '../errors';
import { queryTokens } from '../search/normalise';
import { hasValidCheckDigit, normalizeTrackingCode } from '../../contract/tracking-code';
import { RELATED_MAX, SEARCH_RESULTS_MAX, type RelatedAnswer, type SearchAnswer } from '../../contract/schemas/staff-search';
import { sessionChannelIds, type OpenCase } from './case-access';
import { openReportByCode } from './reporter-access';

export interface SearchDeps {
  db: Db;
  instanceKey: Uint8Array;
  /** The staff Argon2id pool: a tracking-code lookup derives like the status page. */
  kdf: KdfPool;
}

/**
 * A query holding more tokens than this (a pasted Chinese paragraph: one
 * per character) is refused: each token costs a count and a probe per
 * channel, and no lead is found by forty words at once.
 */
export const MAX_QUERY_TOKENS = 40;
/** Counting a token's reports stops here: enough to order tokens rarest first. */
const FREQUENCY_CAP = 1_000;
/**
 * Related leads: a token in more reports than this is too common to relate
 * anything (a name or a plate is in a handful); it also bounds the work to
 * a few hundred rows per token (bench/search.ts).
 */
const RELATED_MAX_POSTINGS = 200;
const RELATED_COMMON_SHARE = 0.05;
const RELATED_COMMON_FLOOR = 10;

/** Where the query came from: a tracking code never travels in a URL (DESIGN.md), so GET refuses one. */
export type QueryChannel = 'url' | 'body';

function rowOf(meta: ReportMeta): Omit<SearchAnswer['results'][number], 'matched'> {
  return { id: meta.id, channel: meta.channel, category: meta.category, status: meta.status, priority: meta.priority, receivedAt: meta.receivedAt };
}

/** The query's digits when it is a well-formed tracking code (check digit included), else null. */
export function trackingCodeIn(q: string): string | null {
  const digits = normalizeTrackingCode(q);
  return digits !== null && hasValidCheckDigit(digits) ? digits : null;
}

/** The search's answer for a session; the caller audits it (never with the query). */
export async function searchLeads(deps: SearchDeps, session: StaffSession, q: string, from: QueryChannel): Promise<SearchAnswer> {
  const channelIds = sessionChannelIds(session);
  const digits = trackingCodeIn(q);
  if (digits !== null) {
    if (from === 'url') {
      throw new DomainError('invalid_input', {
        fields: { q: 'invalid' },
        message: 'Look tracking codes up with POST /api/staff/search: a code never travels in a URL.',
      });
    }
    return { results: await findByTrackingCode(deps, session, digits), unindexed: countUnindexed(deps.db, channelIds) };
  }
  const tokens = queryTokens(q);
  if (tokens.length === 0) throw fail('invalid_input', { q: 'too_short' });
  if (tokens.length > MAX_QUERY_TOKENS) throw fail('invalid_input', { q: 'too_long' });
  const found = channelIds.flatMap((channelId) => {
    const identity = session.channelIdentities.get(channelId);
    return identity === undefined ? [] : searchChannel(deps.db, channelId, identity, tokens);
  });
  const newest = found.sort((a, b) => b - a).slice(0, SEARCH_RESULTS_MAX);
  return {
    results: newest
      .map((id) => findReportMeta(deps.db, id))
      .filter((meta): meta is ReportMeta => meta !== null && session.channelIdentities.has(meta.channelId))
      .map((meta) => ({ ...rowOf(meta), matched: tokens.length })),
    unindexed: countUnindexed(deps.db, channelIds),
  };
}

/**
 * The newest reports of one channel holding every token. With several
 * tokens, the rarest leads (counting stops at FREQUENCY_CAP: past it, any
 * token finds its 50 quickly enough); one token needs no counting at all.
 */
function searchChannel(db: Db, channelId: number, identity: string, tokens: readonly string[]): number[] {
  const key = channelSearchKey(identity);
  const blind = tokens.map((token) => blindToken(key, token));
  if (blind.length === 1) return findReportsWithAll(db, channelId, blind, SEARCH_RESULTS_MAX);
  const counted = blind.map((bytes) => ({ bytes, count: tokenFrequency(db, channelId, bytes, FREQUENCY_CAP) }));
  if (counted.some((token) => token.count === 0)) return [];
  counted.sort((a, b) => a.count - b.count);
  return findReportsWithAll(db, channelId, counted.map((token) => token.bytes), SEARCH_RESULTS_MAX);
}

/** The report a tracking code opens, if it lies in the caller's channels. */
async function findByTrackingCode(deps: SearchDeps, session: StaffSession, digits: string): Promise<SearchAnswer['results']> {
  const opened = await openReportByCode({ db: deps.db, instanceKey: deps.instanceKey, kdf: deps.kdf }, digits);
  const meta = opened ? findReportMeta(deps.db, opened.report.id) : null;
  if (!meta || !session.channelIdentities.has(meta.channelId)) return [];
  return [{ ...rowOf(meta), matched: 1 }];
}

/** Reports of the same channel sharing rare tokens with an opened one, best first. */
export function relatedLeads(db: Db, opened: OpenCase): RelatedAnswer {
  const { id, channelId } = opened.meta;
  const total = countChannelReports(db, channelId);
  const common = Math.min(RELATED_MAX_POSTINGS, Math.max(RELATED_COMMON_FLOOR, Math.ceil(total * RELATED_COMMON_SHARE)));
  const scores = new Map<number, { score: number; shared: number }>();
  for (const token of tokensOfReport(db, id)) {
    const holders = reportsWithToken(db, channelId, token, common + 1);
    if (holders.length > common || holders.length < 2) continue;
    const weight = Math.log(1 + total / holders.length);
    for (const other of holders) {
      if (other === id) continue;
      const entry = scores.get(other) ?? { score: 0, shared: 0 };
      entry.score += weight;
      entry.shared += 1;
      scores.set(other, entry);
    }
  }
  const ranked = [...scores]
    .sort(([idA, a], [idB, b]) => b.score - a.score || b.shared - a.shared || idB - idA)
    .slice(0, RELATED_MAX);
  return {
    related: ranked.flatMap(([otherId, { shared }]) => {
      const meta = findReportMeta(db, otherId);
      return meta && meta.channelId === channelId ? [{ ...rowOf(meta), shared }] : [];
    }),
    unindexed: countUnindexed(db, [channelId]),
  };
}
