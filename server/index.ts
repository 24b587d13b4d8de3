/**
 * `npm start`: read the configuration, open the data directory (initialising
 * an empty one with a generated first account), and serve. Started as
 * `node --require ./server/threadpool-preload.cjs --import tsx server/index.ts`
 * (what `npm start` runs through tsx), so that libuv's thread pool is sized
 * for both Argon2id pools before anything uses it (see server/threadpool.ts).
 */
import { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, createCheckpointer, createSessionStore } from './app';
import { ConfigError, loadConfig } from './config';
import { createKdfPools } from './crypto/argon2';
import { warmPayloadWorkers } from './crypto/payload-pool';
import { allStorageNames } from './data/report-files';
import { applyRequestTimeouts, DEFAULT_REQUEST_MS } from './http/timeouts';
import { openDataDir } from './instance-setup';
import { isUploadRequest } from './routes/uploads';
import { createLogger } from './log';
import { FailedSignInLog } from './services/failed-sign-ins';
import { generatePassword, initialiseInstance, isInitialised } from './services/instance';
import { purgeClosedReports } from './services/retention';
import { Notifier, TICK_MS } from './services/notifier';
import { createSmtpMailer } from './mail/smtp';
import { SearchIndexer } from './services/search-indexer';
import { startedThreadPoolSize, wantedThreadPoolSize } from './threadpool';
import { SITE_DIR } from './paths';
import { missingProfileKeys } from '../contract/operator-profile';
import type { Config } from './config';

const FIRST_USERNAME = 'admin';

/**
 * Until the operator writes a profile, the pages show placeholders where a
 * wary reporter looks for who runs the service and whom to call: say so
 * where the operator will see it.
 */
function warnOfMissingProfile(config: Config): void {
  const { file, profile } = config.site;
  const missing = missingProfileKeys(profile);
  if (file !== null && missing.length === 0) return;
  const where = file === null ? 'SITE_CONFIG is not set' : `${file} leaves out ${missing.join(', ')}`;
  process.stderr.write(
    `Warning: ${where}. The pages show placeholders asking you to fill these in: who runs the service, ` +
      'its independence, legal protection, reward, emergency numbers and how to verify the site. ' +
      'Write an operator profile (README, "The operator profile") and start again.\n',
  );
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createLogger();
  warnOfMissingProfile(config);
  // Setting UV_THREADPOOL_SIZE here would come too late: the ES module loader
  // has already started libuv's pool (at its default of 4 threads) before this
  // line runs. The preload sets it, unless the operator did; with too few
  // threads, staff derivations could hold them all and reporters would wait
  // behind a sign-in flood despite their separate Argon2id pool.
  const threads = startedThreadPoolSize(process.env);
  const wanted = wantedThreadPoolSize(config);
  if (threads < wanted) log.info('thread pool smaller than the Argon2id pools', { threads, wanted });
  const kdf = createKdfPools(config.argon2, config.kdfLimits);
  const { db, instanceKey, signingKey, files } = openDataDir(config);
  // Leftovers of uploads cut short by a crash: half-received files, and files
  // moved into place whose rows were never committed. Counts only, no names.
  const swept = files.sweep(allStorageNames(db));
  if (swept.incoming + swept.orphans > 0) log.info('files swept', swept);

  if (!isInitialised(db)) {
    const password = generatePassword();
    // Printed, so possibly kept in a scrollback or a journal: the first sign-in must replace it.
    const { recoveryCode } = await initialiseInstance(
      db,
      kdf.staff,
      { username: FIRST_USERNAME, password, mustChangePassword: true },
      { channelKeyType: config.channelKeyType },
    );
    // Printed once, to the operator's terminal only; never written to the log.
    process.stdout.write(
      [
        '',
        'Tipline initialised a new instance in ' + config.dataDir,
        'First staff account (admin, holds every channel key). It is not shown again:',
        `  username: ${FIRST_USERNAME}`,
        `  password: ${password}`,
        `  recovery code (resets a forgotten password): ${recoveryCode}`,
        'Sign in at /staff/ and choose your own password: the console asks for it first, and then',
        'shows a new recovery code to store (this one stops working). Until then, keep both safe.',
        '',
      ].join('\n') + '\n',
    );
  }

  const failedSignIns = new FailedSignInLog(db);
  const sessions = createSessionStore(config);
  const searchIndexer = new SearchIndexer(db, sessions, () => new Date());
  const checkpointer = createCheckpointer(db, config, signingKey, () => new Date(), log);
  const app = createApp({ db, config, instanceKey, signingKey, checkpointer, siteDir: SITE_DIR, log, files, kdf, failedSignIns, sessions, searchIndexer });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    log.info('listening', { host: config.host, port: info.port });
    process.stdout.write(`Tipline is running on http://${config.host}:${info.port}/\n`);
  });
  if (!(server instanceof Server)) throw new Error('expected an HTTP/1.1 server');
  warmPayloadWorkers();
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

  // E-mail notifications (SMTP_URL): a tick every TICK_MS sends whatever is
  // due, so the first mail after a quiet spell leaves within a minute.
  const smtp = config.notify.smtp;
  if (smtp !== null) {
    const notifier = new Notifier({
      db,
      mailer: createSmtpMailer(smtp.url, smtp.from),
      log,
      now: () => new Date(),
      intervalSeconds: config.notify.intervalSeconds,
      consoleUrl: config.publicOrigin === null ? null : `${config.publicOrigin}/staff/`,
    });
    const notify = async (): Promise<void> => {
      try {
        await notifier.tick();
      } catch (error) {
        log.error('notifier failed', { kind: error instanceof Error ? error.name : 'unknown' });
      }
    };
    setInterval(() => void notify(), TICK_MS).unref();
  }

  // Failed sign-ins reach the audit trail as one entry per account and
  // window: written once a minute for the windows that have closed.
  const flushFailures = (everything: boolean): void => {
    try {
      failedSignIns.flush(new Date(), { everything });
    } catch (error) {
      log.error('audit flush failed', { kind: error instanceof Error ? error.name : 'unknown' });
    }
  };
  setInterval(() => flushFailures(false), 60_000).unref();

  // Reporter follow-ups and reports nobody has opened yet are indexed while
  // a session holding their channel is alive (it runs after sign-in and
  // searches too); a few seconds late is soon enough for search.
  setInterval(() => searchIndexer.kick(), 15_000).unref();

  // The audit trail's head is signed at least every AUDIT_CHECKPOINT_MINUTES
  // while entries are uncovered (the entries rule signs on append). A look
  // costs two indexed reads.
  const checkpoint = (): void => {
    try {
      checkpointer.tick();
    } catch (error) {
      log.error('audit checkpoint failed', { kind: error instanceof Error ? error.name : 'unknown' });
    }
  };
  checkpoint();
  setInterval(checkpoint, 30_000).unref();

  const shutdown = (): void => {
    server.close();
    flushFailures(true);
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
