/** `tipline purge`: retention on demand (the server also runs it hourly). */
import { purgeClosedReports } from '../services/retention';
import type { CommandContext } from './commands';
import { CliError } from './stdin';

export async function purgeCommand(ctx: CommandContext, options: { dryRun: boolean; includeUnacknowledged: boolean }): Promise<string> {
  if (ctx.config.retentionDays === 0) throw new CliError('RETENTION_DAYS is 0: retention is off, nothing is purged');
  const summary = await purgeClosedReports(ctx.db, ctx.files, {
    retentionDays: ctx.config.retentionDays,
    now: new Date(),
    includeUnacknowledged: options.includeUnacknowledged,
    dryRun: options.dryRun,
  });
  const verb = options.dryRun ? 'would purge' : 'purged';
  const lines = [`${verb} ${summary.purged} report(s) closed before ${summary.closedBefore}`];
  if (summary.heldBack > 0) {
    lines.push(`kept ${summary.heldBack} closed report(s) that were never acknowledged; add --include-unacknowledged to purge them too`);
  }
  return lines.join('\n');
}
