/**
 * `tipline audit verify`, second part: staff signatures on decisions
 * (server/services/signed-decisions-audit.ts). Kept apart from the hash
 * chain's check so each can grow on its own.
 */
import type { Db } from '../data/database';
import { auditSignedDecisions } from '../services/signed-decisions-audit';
import { CliError } from './stdin';

/** The line saying every signed decision verifies; a CliError naming each one that does not. */
export function signedDecisionsLine(db: Db): string {
  const result = auditSignedDecisions(db);
  if (result.problems.length > 0) {
    throw new CliError(`signed decisions FAIL (${result.problems.length} problem(s)): ${result.problems.join('; ')}`);
  }
  return `signed decisions intact: ${result.records} signed record(s) verify under ${result.keys} staff signing key(s) registered in the audit trail`;
}
