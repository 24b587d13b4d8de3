/**
 * A throwaway Tipline instance for one test file: a temporary data directory
 * with migrations applied, initialised with a known first account, and the
 * app built around it (no network listener).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAbuseGuards, type AbuseGuards } from '../../server/abuse/guards';
import { createApp, createCheckpointer, createSessionStore } from '../../server/app';
import type { SessionStore } from '../../server/auth/session-store';
import { loadConfig, type Config } from '../../server/config';
import { createKdfPools, type KdfPools } from '../../server/crypto/argon2';
import type { SigningKeyPair } from '../../server/crypto/signing';
import type { Db } from '../../server/data/database';
import type { Checkpointer } from '../../server/services/audit-checkpoints';
import type { FileStore } from '../../server/files/file-store';
import { openDataDir } from '../../server/instance-setup';
import { createLogger } from '../../server/log';
import { FailedSignInLog } from '../../server/services/failed-sign-ins';
import { initialiseInstance } from '../../server/services/instance';
import { SearchIndexer } from '../../server/services/search-indexer';
import type { PackageSources } from '../../server/referral/sources';
import { TEST_ENV } from './test-env';

export const SITE_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));
export const ADMIN = { username: 'admin', password: 'correct horse battery staple' } as const;

export interface TestInstance {
  app: ReturnType<typeof createApp>;
  db: Db;
  config: Config;
  instanceKey: Buffer;
  /** The instance's Ed25519 key, which signs the audit trail's checkpoints. */
  signingKey: SigningKeyPair;
  /** The app's checkpointer: `checkpointer.checkpointNow()` signs the trail's head as it is. */
  checkpointer: Checkpointer;
  dataDir: string;
  /** Evidence files on disk. */
  files: FileStore;
  /** Every log line the app wrote, for leak checks. */
  logLines: string[];
  /** The app's staff sessions (tests/support/staff.ts signs in through it). */
  sessions: SessionStore;
  /** The app's proof of work and admission lanes, to look into or pump after moving the clock. */
  guards: AbuseGuards;
  /** The app's clock: `clock.advance(ms)` moves it forward (leases, timeouts, deadlines). */
  clock: { now: () => Date; advance: (ms: number) => void };
  /** The app's Argon2id pools (reporter and staff); helpers that derive use the staff one. */
  kdf: KdfPools;
  /** Failed sign-ins awaiting the audit trail; `failedSignIns.flush(t.clock.now())` writes closed windows. */
  failedSignIns: FailedSignInLog;
  /** The app's search indexer: `await searchIndexer.run()` indexes what the live sessions can open. */
  searchIndexer: SearchIndexer;
  close(): void;
}

/** Create, initialise and wrap an instance in a fresh temporary directory. */
export async function createTestInstance(env: Record<string, string> = {}, options: { packageSources?: PackageSources } = {}): Promise<TestInstance> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tipline-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, ...TEST_ENV, ...env });
  const { db, instanceKey, signingKey, files } = openDataDir(config);
  const kdf = createKdfPools(config.argon2, config.kdfLimits);
  await initialiseInstance(db, kdf.staff, ADMIN, { channelKeyType: config.channelKeyType });
  const logLines: string[] = [];
  let offsetMs = 0;
  const clock = { now: (): Date => new Date(Date.now() + offsetMs), advance: (ms: number): void => void (offsetMs += ms) };
  const sessions = createSessionStore(config);
  const log = createLogger((line) => logLines.push(line));
  const guards = createAbuseGuards(config, instanceKey, clock.now);
  const failedSignIns = new FailedSignInLog(db);
  // Passive: tests run it when they mean to, so no background write races a check.
  const searchIndexer = new SearchIndexer(db, sessions, clock.now, { background: false });
  const checkpointer = createCheckpointer(db, config, signingKey, clock.now);
  const app = createApp({ db, config, instanceKey, signingKey, checkpointer, ...options, siteDir: SITE_DIR, log, now: clock.now, sessions, files, guards, kdf, failedSignIns, searchIndexer });
  return {
    app,
    db,
    config,
    instanceKey,
    signingKey,
    checkpointer,
    dataDir,
    files,
    logLines,
    sessions,
    guards,
    clock,
    kdf,
    failedSignIns,
    searchIndexer,
    close() {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A valid report body with a marker in every free-text field. */
export function reportWithMarker(marker: string): Record<string, unknown> {
  return {
    category: 'official_protection',
    details: `The district officer takes payments to ignore the gambling den. ${marker}-details`,
    region: 'Taipei',
    location: `Back room behind the noodle shop ${marker}-location`,
    subjects: `Officer Lin and the den owner ${marker}-subjects`,
    occurredAt: `Every Friday since spring ${marker}-when`,
    officialsInvolved: 'yes',
    officialsDetails: `Precinct captain ${marker}-officials`,
    discouraged: `A colleague told me to keep quiet ${marker}-discouraged`,
    contact: { name: `Chen ${marker}-name`, phone: '0912345678', email: `${marker.toLowerCase()}@example.org` },
  };
}

/** POST JSON to the app. */
export function postJson(app: TestInstance['app'], url: string, body: unknown): Promise<Response> {
  return Promise.resolve(
    app.request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

/** POST a urlencoded form as a browser does (Accept: text/html). */
export function postForm(app: TestInstance['app'], url: string, fields: Record<string, string>): Promise<Response> {
  return Promise.resolve(
    app.request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html,application/xhtml+xml' },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

/** Number of rows in a table. */
export function countRows(db: Db, table: 'reports' | 'report_messages' | 'audit_log' | 'report_files'): number {
  return db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
}
