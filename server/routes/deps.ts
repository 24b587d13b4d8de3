/** What the route modules need, passed down from createApp. */
import type { AbuseGuards } from '../abuse/guards';
import type { SessionStore } from '../auth/session-store';
import type { SignInGuard } from '../auth/sign-in-guard';
import type { Config } from '../config';
import type { KdfPools } from '../crypto/argon2';
import type { SigningKeyPair } from '../crypto/signing';
import type { Db } from '../data/database';
import type { FileStore } from '../files/file-store';
import type { Shells } from '../html/shells';
import type { OneViewCookies } from '../http/one-view-cookie';
import type { StaffAuthDeps } from '../http/staff-auth';
import type { Logger } from '../log';
import type { PackageSources } from '../referral/sources';
import type { Checkpointer } from '../services/audit-checkpoints';
import type { FailedSignInLog } from '../services/failed-sign-ins';
import type { SearchIndexer } from '../services/search-indexer';
import type { RegionMatcher } from '../services/regions';

export interface RouteDeps {
  db: Db;
  config: Config;
  instanceKey: Uint8Array;
  /** The instance's Ed25519 key: signs the audit trail's checkpoints. */
  signingKey: SigningKeyPair;
  /** Signs checkpoints of the audit trail (server/services/audit-checkpoints.ts). */
  checkpointer: Checkpointer;
  /** Signed records and the latest checkpoint for referral packages. */
  packageSources: PackageSources;
  shells: Shells;
  log: Logger;
  sessions: SessionStore;
  /** Proof of work and rate limits for the reporter routes. */
  guards: AbuseGuards;
  /** Argon2id parameters with the reporter routes' pool and the staff routes' pool. */
  kdf: KdfPools;
  /** The per-username slow-down and device tokens of staff sign-in. */
  signInGuard: SignInGuard;
  /** Failed sign-ins and recoveries, counted for the audit trail. */
  failedSignIns: FailedSignInLog;
  /** Evidence files on disk. */
  files: FileStore;
  /** Receipts of no-JavaScript reports, held for one view (POST-redirect-GET). */
  receipts: OneViewCookies;
  /** The same for the status page after a no-JavaScript follow-up. */
  followUpsSent: OneViewCookies;
  /** Indexes unindexed reports with the keys of live sessions (server/services/search-indexer.ts). */
  searchIndexer: SearchIndexer;
  /** The operator's regions (SITE_CONFIG): the stored value for any spelling of a listed place. */
  regions: RegionMatcher;
  /** The clock; tests move it to expire leases and sessions. */
  now: () => Date;
}

/** What the staff guards need, from the route deps. */
export function staffAuthDeps(deps: RouteDeps): StaffAuthDeps {
  return {
    sessions: deps.sessions,
    publicOrigin: deps.config.publicOrigin,
    now: deps.now,
    maxSessionSeconds: deps.config.staff.maxHours * 3600,
  };
}
