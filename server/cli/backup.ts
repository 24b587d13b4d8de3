/** `tipline backup <file>` and `tipline restore <file>`. */
import type { Config } from '../config';
import { openDataDir } from '../instance-setup';
import { BackupError, createBackup, restoreBackup } from '../services/backup';
import type { CommandContext } from './commands';
import { CliError } from './stdin';

export async function backupCommand(ctx: CommandContext, file: string): Promise<string> {
  try {
    const manifest = await createBackup({ db: ctx.db, files: ctx.files, dataDir: ctx.config.dataDir }, file);
    return `backed up ${manifest.reports} report(s) and ${manifest.files} evidence file(s) to ${file}\nit holds instance.key: keep it as safe as the data directory`;
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message);
    throw error;
  }
}

export async function restoreCommand(config: Config, file: string): Promise<string> {
  let manifest;
  try {
    manifest = await restoreBackup(file, config.dataDir);
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message);
    throw error;
  }
  // Opening applies any newer migrations and loads the restored instance key.
  const { db } = openDataDir(config, { mustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new CliError(`the restored database fails its integrity check: ${String(integrity)}`);
  } finally {
    db.close();
  }
  return `restored ${manifest.reports} report(s) and ${manifest.files} evidence file(s) into ${config.dataDir}`;
}
