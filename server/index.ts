/**
 * `npm start`: read the configuration, open the data directory (initialising
 * an empty one with a generated first account), and serve.
 */
import { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { allStorageNames } from './data/report-files';
import { applyRequestTimeouts, DEFAULT_REQUEST_MS } from './http/timeouts';
import { openDataDir } from './instance-setup';
import { isUploadRequest } from './routes/uploads';
import { createLogger } from './log';
import { generatePassword, initialiseInstance, isInitialised } from './services/instance';
import { purgeClosedReports } from './services/retention';

const SITE_DIR = fileURLToPath(new URL('../dist/', import.meta.url));
const FIRST_USERNAME = 'admin';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createLogger();
  const { db, instanceKey, files } = openDataDir(config);
  // Leftovers of uploads cut short by a crash: half-received files, and files
  // moved into place whose rows were never committed. Counts only, no names.
  const swept = files.sweep(allStorageNames(db));
  if (swept.incoming + swept.orphans > 0) log.info('files swept', swept);

  if (!isInitialised(db)) {
    const password = generatePassword();
    const { recoveryCode } = await initialiseInstance(db, config.argon2, { username: FIRST_USERNAME, password });
    // Printed once, to the operator's terminal only; never written to the log.
    process.stdout.write(
      [
        '',
        'Tipline initialised a new instance in ' + config.dataDir,
        'First staff account (admin, holds every channel key). Store this now; it is not shown again:',
        `  username: ${FIRST_USERNAME}`,
        `  password: ${password}`,
        `  recovery code (resets a forgotten password): ${recoveryCode}`,
        '',
      ].join('\n') + '\n',
    );
  }

  const app = createApp({ db, config, instanceKey, siteDir: SITE_DIR, log, files });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    log.info('listening', { host: config.host, port: info.port });
    process.stdout.write(`Tipline is running on http://${config.host}:${info.port}/\n`);
  });
  if (!(server instanceof Server)) throw new Error('expected an HTTP/1.1 server');
  // Uploads get an idle timeout instead of Node's total one; everything else keeps a total bound.
  applyRequestTimeouts(server, {
    uploadIdleMs: config.uploadIdleSeconds * 1000,
    requestMs: DEFAULT_REQUEST_MS,
    isUpload: isUploadRequest,
  });

  // Retention runs at start and every hour after.
  const purge = async (): Promise<void> => {
    if (config.retentionDays === 0) return;
    try {
      const summary = await purgeClosedReports(db, files, { retentionDays: config.retentionDays, now: new Date() });
      if (summary.purged + summary.heldBack > 0) log.info('retention', { purged: summary.purged, heldBack: summary.heldBack });
    } catch (error) {
      log.error('retention failed', { kind: error instanceof Error ? error.name : 'unknown' });
    }
  };
  void purge();
  setInterval(() => void purge(), 3_600_000).unref();

  const shutdown = (): void => {
    server.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : 'unknown error';
  process.stderr.write(`tipline: ${message}\n`);
  process.exit(1);
});
