/**
 * Building a report's search tokens from its decrypted content, under its
 * channel's search key. The server cannot do this at intake (it holds only
 * the channel's recipient), so it happens wherever a session holding the
 * channel decrypts the report anyway: viewing or claiming it, after a move,
 * and the background indexer (search-indexer.ts).
 *
 * What is searchable: the report's text fields and region, the reporter's
 * follow-ups, and the channel's case records (notes, referrals, interference
 * entries): all of it content only the channel's staff read. Never the
 * contact details (their own ciphertext, revealed only in an audited
 * action), a contact reveal's reason, nor staff replies (staff wrote them;
 * they add no lead).
 */
import type { StaffSession } from '../auth/session-store';
import { decryptText } from '../crypto/age';
import { blindToken, channelSearchKey } from '../crypto/search-key';
import type { Db } from '../data/database';
import { readReportCiphertexts } from '../data/report-ciphertexts';
import { findReportById } from '../data/reports';
import { indexSnapshotOf, replaceReportTokens, type IndexSnapshot } from '../data/search-tokens';
import { documentTokens } from '../search/normalise';
import type { CaseView } from '../../contract/schemas/staff-views';
import type { CaseRecordBody } from './case-record-bodies';
import type { ReportContent } from './intake';

/** The index version tokens are made with; db/migrations/011 names it in reports_unindexed. */
export const SEARCH_INDEX_VERSION = 1;

/** The decrypted pieces a report's tokens come from. */
export interface SearchableContent {
  content: Partial<Record<keyof ReportContent, unknown>>;
  region: string | null;
  reporterMessages: string[];
  /** Decrypted case record bodies (the JSON inside each ciphertext). */
  caseRecords: Partial<CaseRecordBody>[];
}

/** The texts to tokenise: every string field, minus what is never searchable. */
export function searchableTexts(source: SearchableContent): string[] {
  const { version: _version, officialsInvolved: _yesNo, ...fields } = source.content;
  const records = source.caseRecords
    .filter((record) => record.type !== 'contact_reveal')
    // A signed decision's nonce is random, not words: never a token.
    .flatMap(({ type: _type, version: _v, nonce: _nonce, ...rest }) => Object.values(rest));
  return [...Object.values(fields), source.region, ...source.reporterMessages, ...records].filter((text): text is string => typeof text === 'string');
}

/** The blind tokens of some texts under a channel identity's search key. */
export function blindTokensOf(channelIdentity: string, texts: readonly string[]): Buffer[] {
  const key = channelSearchKey(channelIdentity);
  const tokens = new Set<string>();
  for (const text of texts) for (const token of documentTokens(text)) tokens.add(token);
  return [...tokens].map((token) => blindToken(key, token));
}

/** Store the tokens unless the report changed since `snapshot`; true when stored. */
export function storeSearchTokens(db: Db, reportId: number, snapshot: IndexSnapshot, channelIdentity: string, source: SearchableContent): boolean {
  return replaceReportTokens(db, reportId, snapshot, blindTokensOf(channelIdentity, searchableTexts(source)), SEARCH_INDEX_VERSION);
}

/** Index a case view a session just decrypted (no second decryption); `snapshot` was taken before it was read. */
export function indexCaseView(db: Db, view: CaseView, snapshot: IndexSnapshot, channelIdentity: string): boolean {
  return storeSearchTokens(db, view.id, snapshot, channelIdentity, {
    content: view.content,
    region: view.region,
    reporterMessages: view.messages.filter((message) => message.from === 'reporter').map((message) => message.body),
    // Only the record's own fields: its id, author and hour are not content.
    caseRecords: view.caseRecords.map(({ kind, id: _id, by: _by, at: _at, signature: _signature, ...fields }) => ({ ...fields, type: kind }) as Partial<CaseRecordBody>),
  });
}

/**
 * Decrypt a report of the channel `channelIdentity` opens and index it.
 * False when it is gone, in another channel, or changed while being read.
 */
export async function indexReport(db: Db, reportId: number, channelId: number, channelIdentity: string): Promise<boolean> {
  const snapshot = indexSnapshotOf(db, reportId);
  const report = findReportById(db, reportId);
  const ciphertexts = readReportCiphertexts(db, reportId);
  if (!snapshot || !report || !ciphertexts || snapshot.channelId !== channelId) return false;
  const open = (ciphertext: Uint8Array): Promise<string> => decryptText([channelIdentity], ciphertext);
  const authors = new Map(
    db.prepare<[number], { id: number; author: string }>('SELECT id, author FROM report_messages WHERE report_id = ?').all(reportId).map((row) => [row.id, row.author]),
  );
  const reporterMessages = ciphertexts.messages.filter((message) => authors.get(message.id) === 'reporter');
  return storeSearchTokens(db, reportId, snapshot, channelIdentity, {
    content: JSON.parse(await open(ciphertexts.content)) as ReportContent,
    region: report.region,
    reporterMessages: await Promise.all(reporterMessages.map((message) => open(message.body))),
    caseRecords: await Promise.all(ciphertexts.caseRecords.map(async (record) => JSON.parse(await open(record.body)) as CaseRecordBody)),
  });
}

/**
 * After a move (which dropped the report's tokens, db/migrations/011), index
 * it under the new channel's key, which the mover holds. Best effort: a
 * failure leaves it unindexed for the background indexer.
 */
export async function indexAfterMove(db: Db, session: StaffSession, reportId: number): Promise<void> {
  const channelId = indexSnapshotOf(db, reportId)?.channelId;
  const identity = channelId === undefined ? undefined : session.channelIdentities.get(channelId);
  if (channelId === undefined || identity === undefined) return;
  try {
    await indexReport(db, reportId, channelId, identity);
  } catch {
    // Counted as unindexed until the indexer manages.
  }
}
