/** Reading secrets from standard input, one per line (for --password-stdin). */

/** All of standard input as lines, without their line endings. */
export async function readStdinLines(): Promise<string[]> {
  if (process.stdin.isTTY) {
    throw new CliError('--password-stdin reads the password from standard input; pipe it in (e.g. from a password manager)');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
}

/** An error whose message is the one line the CLI prints before exiting non-zero. */
export class CliError extends Error {}
