/**
 * What a supervising body runs on what it received (`tipline verify-upward
 * FILE`): offline, with nothing but the file (and, best, the instance's
 * public key obtained separately). Says which kind of document it is and
 * names every problem found; `ok` only when there is none.
 */
import {
  auditCheckpointText,
  auditExportHeaderSchema,
  auditExportSignedTrailerSchema,
  exportedAuditEntrySchema,
  signedStatisticsReportSchema,
  STATISTICS_REPORT_FORMAT,
  type AuditExportTrailer,
  type ExportedAuditEntry,
} from '../../contract/reports-upward';
import { keyIdOf, verifyMessage } from '../crypto/signing';
import { auditEntryHash, sha256Hex, verifyCanonical } from '../crypto/upward';
import type { z } from 'zod';

export interface UpwardVerification {
  kind: 'statistics' | 'audit-export' | 'unknown';
  ok: boolean;
  /** What fails, one sentence each. */
  problems: string[];
  /** What holds, and what was not checked. */
  notes: string[];
}

/** Problems past this many are counted, not listed: one altered entry early on should not print a million lines. */
const MAX_PROBLEMS = 20;
const GENESIS_HASH = '0'.repeat(64);

/** Verify a statistics report or an audit export; `expectedKey` is the instance's raw base64 public key, when known. */
export function verifyUpward(bytes: Buffer, expectedKey: string | null = null): UpwardVerification {
  const text = bytes.toString('utf8');
  const whole = parseJson(text.trim());
  if (whole !== undefined && typeof whole === 'object' && whole !== null && 'report' in whole) return verifyStatistics(whole, expectedKey);
  const firstLine = parseJson(text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n')));
  if (auditExportHeaderSchema.safeParse(firstLine).success) return verifyAuditExport(bytes, expectedKey);
  return { kind: 'unknown', ok: false, problems: [`not a ${STATISTICS_REPORT_FORMAT} or tipline-audit-export file`], notes: [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const firstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}`;
};

/** The instance key named in a document, against its key id and the key the receiver expects. */
function keyProblems(instance: { publicKey: string; keyId: string }, expectedKey: string | null, notes: string[]): string[] {
  const problems: string[] = [];
  if (keyIdOf(instance.publicKey) !== instance.keyId) problems.push(`the key id ${instance.keyId} is not that of the public key given`);
  if (expectedKey !== null && expectedKey !== instance.publicKey) {
    problems.push(`signed by key ${instance.keyId}, not by the key you expected (${keyIdOf(expectedKey)})`);
  }
  if (expectedKey === null) notes.push(`signed by key id ${instance.keyId}: check it against the key the instance gave you (--key)`);
  return problems;
}

function verifyStatistics(raw: object, expectedKey: string | null): UpwardVerification {
  const parsed = signedStatisticsReportSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'statistics', ok: false, problems: [`not a valid statistics report (${firstIssue(parsed.error)})`], notes: [] };
  const notes: string[] = [];
  const { report, signature } = parsed.data;
  const problems = keyProblems(report.instance, expectedKey, notes);
  // The signature covers the document as received (unknown keys included), not what the schema kept of it.
  if (!verifyCanonical(report.instance.publicKey, (raw as { report: unknown }).report, signature)) {
    problems.push('the signature does not match the report: its numbers, range, times or key were changed after signing');
  }
  const range = `${report.range.from ?? 'the first day'} to ${report.range.to ?? 'the last day'}`;
  notes.unshift(`statistics report for ${range}, generated at ${report.generatedAt} by ${report.generatedBy}`);
  return { kind: 'statistics', ok: problems.length === 0, problems, notes };
}

function verifyAuditExport(bytes: Buffer, expectedKey: string | null): UpwardVerification {
  const problems: string[] = [];
  const notes: string[] = [];
  const result = (): UpwardVerification => {
    const listed = problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS), `and ${problems.length - MAX_PROBLEMS} more problems`] : problems;
    return { kind: 'audit-export', ok: problems.length === 0, problems: listed, notes };
  };
  // The trailer is the last line; everything before it is what its sha256 covers.
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0a ? bytes.length - 1 : bytes.length;
  const trailerStart = bytes.lastIndexOf(0x0a, end - 1) + 1;
  const signed = auditExportSignedTrailerSchema.safeParse(parseJson(bytes.subarray(trailerStart, end).toString('utf8')));
  if (!signed.success) {
    problems.push(`the last line is not a signed trailer (${firstIssue(signed.error)}): the export was cut or its end was changed`);
    return result();
  }
  const rawTrailer = (JSON.parse(bytes.subarray(trailerStart, end).toString('utf8')) as { trailer: unknown }).trailer;
  const { trailer, signature } = signed.data;
  problems.push(...keyProblems(trailer.instance, expectedKey, notes));
  if (!verifyCanonical(trailer.instance.publicKey, rawTrailer, signature)) {
    problems.push('the trailer\'s signature does not match: its counts, hashes or key were changed after signing');
  }
  if (sha256Hex(bytes.subarray(0, trailerStart)) !== trailer.sha256) {
    problems.push('the lines before the trailer are not the ones signed (SHA-256 differs): an entry was changed, added or removed');
  }
  const entries = entryLines(bytes.subarray(0, trailerStart).toString('utf8'), problems);
  checkChain(entries, trailer, problems);
  checkCheckpoint(entries, trailer, problems, notes);
  const made = `generated at ${trailer.generatedAt} by ${trailer.generatedBy}`;
  notes.unshift(trailer.entries > 0 ? `audit export of entries ${trailer.firstId}-${trailer.lastId} (${trailer.entries}), ${made}` : `audit export with no entries, ${made}`);
  return result();
}

function entryLines(text: string, problems: string[]): ExportedAuditEntry[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (!auditExportHeaderSchema.safeParse(parseJson(lines[0] ?? '')).success) problems.push('line 1 is not the export\'s header');
  const entries: ExportedAuditEntry[] = [];
  for (const [index, line] of lines.slice(1).entries()) {
    const entry = exportedAuditEntrySchema.safeParse(parseJson(line));
    if (entry.success) entries.push(entry.data);
    else problems.push(`line ${index + 2} is not an audit entry (${firstIssue(entry.error)})`);
  }
  return entries;
}

/** Recompute every hash and link, as server/data/audit.ts wrote them. */
function checkChain(entries: readonly ExportedAuditEntry[], trailer: AuditExportTrailer, problems: string[]): void {
  let previous: ExportedAuditEntry | null = null;
  for (const entry of entries) {
    if (previous === null) {
      if (entry.id === 1 && entry.prev_hash !== GENESIS_HASH) problems.push('entry 1: prev_hash is not the genesis hash (64 zeros)');
    } else if (entry.id !== previous.id + 1) {
      const missing = entry.id - previous.id === 2 ? `entry ${previous.id + 1} is` : `entries ${previous.id + 1}-${entry.id - 1} are`;
      problems.push(
        entry.id > previous.id + 1
          ? `${missing} missing (entry ${entry.id} follows entry ${previous.id})`
          : `entry ${entry.id} is out of order (it follows entry ${previous.id})`,
      );
    } else if (entry.prev_hash !== previous.hash) {
      problems.push(`entry ${entry.id}: prev_hash is not the hash of entry ${previous.id}: the chain is broken here`);
    }
    if (auditEntryHash(entry) !== entry.hash) problems.push(`entry ${entry.id}: its hash does not match its content (changed after it was written)`);
    previous = entry;
  }
  const first = entries[0] ?? null;
  if (entries.length !== trailer.entries) problems.push(`the trailer says ${trailer.entries} entries, the file holds ${entries.length}`);
  if ((first?.id ?? null) !== trailer.firstId || (previous?.id ?? null) !== trailer.lastId) {
    problems.push(`the trailer says entries ${trailer.firstId ?? '-'} to ${trailer.lastId ?? '-'}, the file holds ${first?.id ?? '-'} to ${previous?.id ?? '-'}`);
  }
  if ((previous?.hash ?? null) !== trailer.head) problems.push('the last entry\'s hash is not the head the trailer signed');
}

/** The checkpoint's own signature, and that the chain at its size has its head. */
function checkCheckpoint(entries: readonly ExportedAuditEntry[], trailer: AuditExportTrailer, problems: string[], notes: string[]): void {
  const checkpoint = trailer.checkpoint;
  if (checkpoint === null) {
    notes.push('no signed checkpoint within these entries: the chain is checked against the export\'s own signed trailer only');
    return;
  }
  const { signature, ...fields } = checkpoint;
  const name = `checkpoint ${checkpoint.sequence}`;
  if (checkpoint.keyId !== trailer.instance.keyId) problems.push(`${name} names key ${checkpoint.keyId}, not the instance's key ${trailer.instance.keyId}`);
  if (!verifyMessage(trailer.instance.publicKey, auditCheckpointText(fields), signature)) problems.push(`${name}: its signature does not verify`);
  const at = entries.find((entry) => entry.id === checkpoint.entries);
  if (at === undefined) problems.push(`${name} covers entry ${checkpoint.entries}, which the export does not hold`);
  else if (at.hash !== checkpoint.head) problems.push(`${name}: entry ${checkpoint.entries}'s hash is not the signed head: the trail was rewritten`);
  else notes.push(`${name} (signed ${checkpoint.time}) matches the chain at entry ${checkpoint.entries}`);
}

