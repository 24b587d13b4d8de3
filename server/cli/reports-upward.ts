/**
 * Reports upward from the command line: the signed statistics report, the
 * audit-trail export, and the receiver's offline check of either
 * (server/services/reports-upward.ts, upward-verify.ts).
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { auditExportQuerySchema } from '../../contract/reports-upward';
import { signCheckpointIfPossible } from '../services/audit-checkpoints';
import { cliCheckpointer } from './audit';
import { statisticsQuerySchema } from '../../contract/schemas/staff-oversight-views';
import { publicKeyFromBase64 } from '../crypto/signing';
import { appendAudit } from '../data/audit';
import { auditExportChunks, signedStatisticsReport } from '../services/reports-upward';
import { verifyUpward } from '../services/upward-verify';
import { toSecond } from '../time';
import type { CommandContext } from './commands';
import { CliError } from './stdin';

/** What the CLI names as the author of a document it makes. */
const CLI_AUTHOR = 'cli';

/** Write chunks to a new file (never over an existing one: an export is evidence, not scratch). */
function writeNewFile(file: string, chunks: Iterable<string>): void {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw new CliError(code === 'EEXIST' ? `${file} already exists: choose a new file` : `cannot create ${file} (${code || 'error'})`);
  }
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** `report-upward statistics`: the signed statistics report for a range of days. */
export function statisticsReportCommand(ctx: CommandContext, options: { from: string | undefined; to: string | undefined; out: string }): string {
  const range = statisticsQuerySchema.safeParse({ from: options.from, to: options.to });
  if (!range.success) {
    const issue = range.error.issues[0];
    throw new CliError(`invalid --${String(issue?.path[0] ?? 'from')}: use YYYY-MM-DD, a day that exists, and --from no later than --to`);
  }
  const now = toSecond(new Date());
  const signed = signedStatisticsReport({ db: ctx.db, signingKey: ctx.signingKey, now, generatedBy: CLI_AUTHOR }, range.data);
  writeNewFile(options.out, [`${JSON.stringify(signed, null, 2)}\n`]);
  appendAudit(ctx.db, { at: now, actorStaffId: null, action: 'upward.statistics_signed', detail: { from: range.data.from ?? null, to: range.data.to ?? null } });
  return `Wrote the statistics report (${signed.report.statistics['total'] as number} leads) to ${options.out}, signed by key ${ctx.signingKey.keyId}.`;
}

/** `audit export`: the audit trail (or an id range) as JSON lines with a signed trailer. */
export function auditExportCommand(ctx: CommandContext, options: { fromId: string | undefined; toId: string | undefined; out: string }): string {
  const range = auditExportQuerySchema.safeParse({ fromId: options.fromId, toId: options.toId });
  if (!range.success) throw new CliError('invalid --from-id or --to-id: use whole numbers from 1, --from-id no larger than --to-id');
  const now = toSecond(new Date());
  const fromId = range.data.fromId ?? null;
  const toId = range.data.toId ?? null;
  // Recorded first, so an export of the whole trail holds its own entry.
  appendAudit(ctx.db, { at: now, actorStaffId: null, action: 'upward.audit_exported', detail: { fromId, toId } });
  signCheckpointIfPossible(cliCheckpointer(ctx));
  writeNewFile(options.out, auditExportChunks({ db: ctx.db, signingKey: ctx.signingKey, now, generatedBy: CLI_AUTHOR }, { fromId, toId }));
  return `Wrote the audit trail export to ${options.out}, signed by key ${ctx.signingKey.keyId}. Check it with \`tipline verify-upward ${options.out}\`.`;
}

/** `verify-upward FILE`: the receiver's check; a failure is an error naming every problem. */
export function verifyUpwardCommand(file: string, key: string | null): string {
  if (key !== null && publicKeyFromBase64(key) === null) throw new CliError('--key must be a raw Ed25519 public key in base64 (44 characters)');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new CliError(`cannot read ${file}`);
  }
  const result = verifyUpward(bytes, key);
  if (!result.ok) throw new CliError(`${file} FAILS verification: ${result.problems.join('; ')}`);
  return [`${file} verifies:`, ...result.notes.map((note) => `  ${note}`)].join('\n');
}
