/**
 * `tipline <command>`: administration on the data directory named by
 * DATA_DIR. Secrets come on standard input (--password-stdin), never as
 * arguments, which other users of the machine can read in `ps`.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { createKdfPools } from '../crypto/argon2';
import { openDataDir } from '../instance-setup';
import { DataDirError } from '../services/instance';
import { channelsListCommand, initCommand, reportShowCommand, staffAddCommand, type CommandContext } from './commands';
import { auditCheckpointCommand, auditVerifyCommand } from './audit';
import { backupCommand, restoreCommand } from './backup';
import { purgeCommand } from './purge';
import { auditExportCommand, statisticsReportCommand, verifyUpwardCommand } from './reports-upward';
import { CliError, readStdinLines } from './stdin';
import { verifyPackageCommand } from './verify-package';

const USAGE = `Usage: tipline <command> [options]   (data directory: $DATA_DIR, default ./data)

  init --username U --password-stdin
      Initialise an empty data directory: default channels and a first admin holding every channel key.
  staff add --username U --role admin|triager|auditor --channels all|none|slug,slug --password-stdin [--granted-by G]
      Add a staff member. Standard input: line 1 the new member's password; when channels are
      granted, line 2 the password of --granted-by G, who must hold those channel keys.
  channels list
      Channels with their holders, report counts and public keys.
  report show <id> --username U --password-stdin
      Decrypt and print one report of your channels (audited).
  audit verify [--against FILE]
      Recompute the audit trail's hash chain and check every signed checkpoint (signature under the
      instance signing key, their own chain, the trail's head at each one's size, the latest one in
      DATA_DIR/audit-checkpoint.txt); with --against, also a checkpoint kept off-site; and check every
      signed decision under the signing key the audit trail registered for its signer. Exits non-zero
      naming what fails.
  audit checkpoint --out FILE
      Write the latest signed checkpoint of the audit trail (signing one now if the newest entries are
      not covered yet) with the instance public key, to keep off-site or print.
  backup <file>
      Write a consistent copy of the whole instance (database, instance key, evidence files) to
      <file> while the server runs. It holds instance.key: keep it as safe as the data directory.
  restore <file>
      Unpack a backup into $DATA_DIR, which must not hold an instance yet, and check it.
  purge [--dry-run] [--include-unacknowledged]
      Delete reports closed more than RETENTION_DAYS ago, with their files (audited). Reports
      closed without ever being acknowledged are kept unless --include-unacknowledged.
  report-upward statistics [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE
      Write the statistics of a range of days (UTC, both included) as a report for a supervising
      body, signed by the instance signing key (audited).
  audit export --out FILE [--from-id N] [--to-id N]
      Write the audit trail (or entries N..M) as JSON lines for a supervising body, with the latest
      signed checkpoint within it and a trailer signed by the instance signing key (audited).
  verify-upward FILE [--key BASE64]
      Check a statistics report or an audit export offline (no data directory needed): signatures,
      the hash chain and the checkpoint; --key is the instance public key you were given. Exits
      non-zero naming what fails.
  verify-package <file> [--identity KEYFILE] [--instance-key BASE64 | --checkpoint FILE]
      Check a referral package offline (no data directory needed): the decrypted tar, or the
      .tar.age file with the authority's age key. Checks manifest.sig, every file's SHA-256 and
      size, no missing or extra files, every signed record and the checkpoint; exits 1 naming each
      failure. Without a pinned instance key it proves integrity, not origin.`;

const OPTIONS = {
  username: { type: 'string' },
  role: { type: 'string' },
  channels: { type: 'string' },
  'granted-by': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'include-unacknowledged': { type: 'boolean' },
  identity: { type: 'string' },
  'instance-key': { type: 'string' },
  checkpoint: { type: 'string' },
  against: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  from: { type: 'string' },
  to: { type: 'string' },
  'from-id': { type: 'string' },
  'to-id': { type: 'string' },
  key: { type: 'string' },
} as const;

async function passwords(wanted: boolean, count: number): Promise<string[]> {
  if (!wanted) throw new CliError('pass the password on standard input with --password-stdin');
  const lines = await readStdinLines();
  const found = lines.slice(0, count);
  if (found.length < count || found.some((line) => line === '')) {
    throw new CliError(`expected ${count} password line(s) on standard input`);
  }
  return found;
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new CliError(`missing --${flag}`);
  return value;
}

async function run(argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [command, sub, arg] = positionals;
  if (values.help || command === undefined || command === 'help') return USAGE;
  // A supervising body verifies what it received without any Tipline instance.
  if (command === 'verify-upward') return verifyUpwardCommand(required(sub, 'file (tipline verify-upward FILE)'), values.key ?? null);

  // An authority runs this on its own machine: no configuration, no data directory.
  if (command === 'verify-package') {
    const { output, ok } = await verifyPackageCommand({
      file: required(sub, 'file (tipline verify-package <file>)'),
      identity: values.identity,
      instanceKey: values['instance-key'],
      checkpoint: values.checkpoint,
    });
    if (!ok) process.exitCode = 1;
    return output;
  }

  const config = loadConfig(process.env);
  if (command === 'restore') return restoreCommand(config, required(sub, 'file (tipline restore <file>)'));
  const { db, files, signingKey } = openDataDir(config, { mustExist: command !== 'init' });
  const ctx: CommandContext = { db, config, files, signingKey, kdf: createKdfPools(config.argon2, config.kdfLimits).staff };
  try {
    if (command === 'init') {
      const [password = ''] = await passwords(values['password-stdin'] ?? false, 1);
      return await initCommand(ctx, required(values.username, 'username'), password);
    }
    if (command === 'staff' && sub === 'add') {
      const channels = values.channels ?? 'none';
      const needsGranter = channels !== 'none';
      const [password = '', granterPassword] = await passwords(values['password-stdin'] ?? false, needsGranter ? 2 : 1);
      return await staffAddCommand(ctx, {
        username: required(values.username, 'username'),
        role: required(values.role, 'role'),
        channels,
        password,
        ...(values['granted-by'] === undefined ? {} : { grantedBy: values['granted-by'] }),
        ...(granterPassword === undefined ? {} : { granterPassword }),
      });
    }
    if (command === 'channels' && sub === 'list') return channelsListCommand(ctx);
    if (command === 'audit' && sub === 'verify') return auditVerifyCommand(ctx, values.against);
    if (command === 'audit' && sub === 'checkpoint') return auditCheckpointCommand(ctx, required(values.out, 'out FILE'));
    if (command === 'backup') return await backupCommand(ctx, required(sub, 'file (tipline backup <file>)'));
    if (command === 'purge' && sub === undefined) {
      return await purgeCommand(ctx, { dryRun: values['dry-run'] ?? false, includeUnacknowledged: values['include-unacknowledged'] ?? false });
    }
    if (command === 'report-upward' && sub === 'statistics') {
      return statisticsReportCommand(ctx, { from: values.from, to: values.to, out: required(values.out, 'out FILE') });
    }
    if (command === 'audit' && sub === 'export') {
      return auditExportCommand(ctx, { fromId: values['from-id'], toId: values['to-id'], out: required(values.out, 'out FILE') });
    }
    if (command === 'report' && sub === 'show') {
      const id = Number(arg);
      if (!Number.isSafeInteger(id) || id <= 0) throw new CliError('usage: tipline report show <id> --username U --password-stdin');
      const [password = ''] = await passwords(values['password-stdin'] ?? false, 1);
      return await reportShowCommand(ctx, id, required(values.username, 'username'), password);
    }
    throw new CliError(`unknown command "${positionals.join(' ')}"; see \`tipline --help\``);
  } finally {
    db.close();
  }
}

run(process.argv.slice(2)).then(
  (output) => {
    process.stdout.write(`${output}\n`);
  },
  (error: unknown) => {
    const known = error instanceof CliError || error instanceof ConfigError || error instanceof DataDirError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    // Unknown errors show their kind and code (e.g. SqliteError SQLITE_BUSY, EACCES), never a message
    // that could carry data.
    const kind = error instanceof Error ? `${error.name}${'code' in error ? ` ${String(error.code)}` : ''}` : typeof error;
    const message = known && error instanceof Error ? error.message.split('\n').join(' ') : `unexpected error (${kind})`;
    process.stderr.write(`tipline: ${message}\n`);
    process.exitCode = known ? 2 : 1;
  },
);
