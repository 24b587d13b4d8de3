/**
 * Configuration: environment variables, parsed once by one zod schema.
 * Bad configuration stops the process with a message naming each variable.
 */
import path from 'node:path';
import { z } from 'zod';
import type { UploadLimits } from '../contract/attachments';
import { CHANNEL_KEY_TYPES, type ChannelKeyType } from '../contract/vocabulary';
import type { SiteSettings } from '../contract/operator-profile';
import { ProfileError, readOperatorProfile, siteSettingsOf, SITE_ENV, type LoadedProfile } from '../contract/operator-profile-file';
import { concurrencyFor, type KdfLimits } from './crypto/kdf-limit';

const MiB = 1024 * 1024;

const integer = (fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): z.ZodDefault<z.ZodCoercedNumber<unknown>> =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer(8080, 0, 65_535),
  DATA_DIR: z.string().min(1).default('./data'),
  // Floors are OWASP's minimum for Argon2id (m=19 MiB, t=2, p=1).
  ARGON2_MEMORY_KIB: integer(19_456, 19_456, 4_194_304),
  ARGON2_TIME_COST: integer(2, 2, 100),
  ARGON2_PARALLELISM: integer(1, 1, 16),
  // Memory Argon2id may use at once on the reporter routes (submission, code
  // check, follow-up): sets how many derivations run together (budget /
  // ARGON2_MEMORY_KIB, at least one). Up to ARGON2_QUEUE more wait; beyond
  // that requests get 503 with Retry-After.
  ARGON2_MEMORY_BUDGET_MIB: integer(256, 19, 65_536),
  ARGON2_QUEUE: integer(64, 0, 100_000),
  // The same for the staff routes (sign-in, recovery, password change,
  // account creation) and the CLI, in a pool of their own: a flood of
  // sign-ins then fills only this small queue (503 for sign-ins) and never
  // takes a derivation slot from a reporter, nor the other way round.
  ARGON2_STAFF_MEMORY_BUDGET_MIB: integer(64, 19, 65_536),
  ARGON2_STAFF_QUEUE: integer(16, 0, 100_000),
  // ACK_DUE_DAYS, FEEDBACK_DUE_DAYS, RETENTION_DAYS, PUBLIC_ORIGIN, ONION_ORIGIN
  // and SITE_CONFIG: the pages state them, so the site's build parses them too.
  ...SITE_ENV,
  // Largest request body the reporter routes accept before parsing.
  MAX_BODY_BYTES: integer(256 * 1024, 16 * 1024, 64 * 1024 * 1024),
  // Admission per minute, never per client (server/abuse/admission-lane.ts):
  // the main share goes to the highest proof-of-work effort waiting; the
  // NOJS share is reserved for requests without a proof (browsers without
  // JavaScript), in arrival order.
  RATE_SUBMISSIONS_PER_MINUTE: integer(60, 1, 1_000_000),
  RATE_SUBMISSIONS_NOJS_PER_MINUTE: integer(20, 1, 1_000_000),
  RATE_CHECKS_PER_MINUTE: integer(240, 1, 1_000_000),
  RATE_CHECKS_NOJS_PER_MINUTE: integer(60, 1, 1_000_000),
  // Staff sign-ins and recoveries, all accounts together (the console always has JavaScript).
  RATE_SIGNINS_PER_MINUTE: integer(30, 1, 1_000_000),
  // Failed code checks per lookup tag per hour before that tag is refused.
  FAILED_CHECKS_PER_TAG_PER_HOUR: integer(20, 1, 1_000_000),
  // Evidence files: per submission (a report or one follow-up).
  MAX_FILES: integer(10, 0, 1_000),
  MAX_FILE_MIB: integer(100, 1, 64 * 1024),
  MAX_SUBMISSION_MIB: integer(300, 1, 64 * 1024),
  // An upload is cut after this many seconds without a byte (instead of a
  // total time, which would cut big files on slow links such as Tor).
  UPLOAD_IDLE_SECONDS: integer(60, 1, 3_600),
  // Staff sessions: idle and absolute timeouts; queue lease length.
  SESSION_IDLE_MINUTES: integer(30, 1, 24 * 60),
  SESSION_MAX_HOURS: integer(8, 1, 72),
  LEASE_MINUTES: integer(15, 1, 24 * 60),
  // The key type of the channels a new instance makes at its first start,
  // and of a channel an admin adds without choosing: x25519 (every age CLI
  // reads it) or pq, the hybrid ML-KEM-768 + X25519 (age 1.3 and later only;
  // see "Post-quantum channels" in SECURITY.md). Existing channels keep theirs.
  CHANNEL_KEY_TYPE: z.enum(CHANNEL_KEY_TYPES).default('x25519'),
  // The audit trail's head is signed (a checkpoint) after this many new
  // entries, and at least this often while entries are left uncovered.
  AUDIT_CHECKPOINT_ENTRIES: integer(100, 1, 1_000_000),
  AUDIT_CHECKPOINT_MINUTES: integer(10, 1, 24 * 60),
  // true: staff must enrol a second factor (TOTP) at their first login.
  REQUIRE_TOTP: z.enum(['true', 'false']).default('false'),
  // E-mail notifications to staff who opt in: at most one mail per person per
  // interval. Without SMTP_URL nothing is sent (settings are still kept).
  NOTIFY_INTERVAL_SECONDS: integer(300, 60, 7 * 86_400),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  // The sender: "tipline@example.org" or "Tipline <tipline@example.org>".
  MAIL_FROM: z
    .string()
    .max(320)
    .regex(/^[^\r\n]*@[^\r\n]*$/, 'must be an address, e.g. "Tipline <tipline@example.org>"')
    .optional(),
});

export interface Config {
  host: string;
  port: number;
  /** Absolute path of the data directory (database, instance key, files). */
  dataDir: string;
  argon2: { m: number; t: number; p: number };
  /** How many Argon2id derivations run at once, and how many may wait: reporter routes, and staff routes with the CLI. */
  kdfLimits: { reporter: KdfLimits; staff: KdfLimits };
  deadlines: { ackDays: number; feedbackDays: number };
  maxBodyBytes: number;
  uploads: UploadLimits;
  /** Seconds an upload may send nothing before it is cut. */
  uploadIdleSeconds: number;
  rates: {
    submissionsPerMinute: number;
    submissionsWithoutProofPerMinute: number;
    checksPerMinute: number;
    checksWithoutProofPerMinute: number;
    signinsPerMinute: number;
    failedChecksPerTagPerHour: number;
  };
  /** Days after closing before a report is purged; 0 keeps everything. */
  retentionDays: number;
  /** The key type of new channels unless an admin chooses (CHANNEL_KEY_TYPE). */
  channelKeyType: ChannelKeyType;
  staff: {
    idleMinutes: number;
    maxHours: number;
    leaseMinutes: number;
    requireTotp: boolean;
  };
  /** e.g. "https://tips.example.org", without a trailing slash; null when not set. */
  publicOrigin: string | null;
  /** e.g. "http://….onion", without a trailing slash; null when not set. */
  onionOrigin: string | null;
  /** The operator profile (SITE_CONFIG) and the settings the pages state. */
  site: LoadedProfile & { settings: SiteSettings };
  /** How often the audit trail's head is signed: after `entries` new entries, and every `minutes` while some are uncovered. */
  auditCheckpoints: { entries: number; minutes: number };
  notify: {
    intervalSeconds: number;
    /** null when SMTP_URL is not set: notifications are off. The URL may hold a password: never log it. */
    smtp: { url: string; from: string } | null;
  };
}

export class ConfigError extends Error {}

/** Parse configuration from an environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const vars = parsed.data;
  let profile: LoadedProfile;
  try {
    profile = readOperatorProfile(vars.SITE_CONFIG);
  } catch (error) {
    if (error instanceof ProfileError) throw new ConfigError(error.message);
    throw error;
  }
  const settings = siteSettingsOf(vars);
  if (vars.MAX_SUBMISSION_MIB < vars.MAX_FILE_MIB) {
    throw new ConfigError('Invalid configuration:\n  MAX_SUBMISSION_MIB: must be at least MAX_FILE_MIB (one whole file)');
  }
  if (vars.SMTP_URL !== undefined && vars.MAIL_FROM === undefined) {
    throw new ConfigError('Invalid configuration:\n  MAIL_FROM: required with SMTP_URL (the address notification mails come from)');
  }
  return {
    host: vars.HOST,
    port: vars.PORT,
    dataDir: path.resolve(vars.DATA_DIR),
    argon2: { m: vars.ARGON2_MEMORY_KIB, t: vars.ARGON2_TIME_COST, p: vars.ARGON2_PARALLELISM },
    kdfLimits: {
      reporter: { concurrency: concurrencyFor(vars.ARGON2_MEMORY_BUDGET_MIB, vars.ARGON2_MEMORY_KIB), queue: vars.ARGON2_QUEUE },
      staff: { concurrency: concurrencyFor(vars.ARGON2_STAFF_MEMORY_BUDGET_MIB, vars.ARGON2_MEMORY_KIB), queue: vars.ARGON2_STAFF_QUEUE },
    },
    deadlines: { ackDays: vars.ACK_DUE_DAYS, feedbackDays: vars.FEEDBACK_DUE_DAYS },
    maxBodyBytes: vars.MAX_BODY_BYTES,
    retentionDays: vars.RETENTION_DAYS,
    channelKeyType: vars.CHANNEL_KEY_TYPE,
    rates: {
      submissionsPerMinute: vars.RATE_SUBMISSIONS_PER_MINUTE,
      submissionsWithoutProofPerMinute: vars.RATE_SUBMISSIONS_NOJS_PER_MINUTE,
      checksPerMinute: vars.RATE_CHECKS_PER_MINUTE,
      checksWithoutProofPerMinute: vars.RATE_CHECKS_NOJS_PER_MINUTE,
      signinsPerMinute: vars.RATE_SIGNINS_PER_MINUTE,
      failedChecksPerTagPerHour: vars.FAILED_CHECKS_PER_TAG_PER_HOUR,
    },
    uploads: {
      maxFiles: vars.MAX_FILES,
      maxFileBytes: vars.MAX_FILE_MIB * MiB,
      maxSubmissionBytes: vars.MAX_SUBMISSION_MIB * MiB,
    },
    uploadIdleSeconds: vars.UPLOAD_IDLE_SECONDS,
    staff: {
      idleMinutes: vars.SESSION_IDLE_MINUTES,
      maxHours: vars.SESSION_MAX_HOURS,
      leaseMinutes: vars.LEASE_MINUTES,
      requireTotp: vars.REQUIRE_TOTP === 'true',
    },
    publicOrigin: settings.publicOrigin,
    onionOrigin: settings.onionOrigin,
    site: { ...profile, settings },
    auditCheckpoints: { entries: vars.AUDIT_CHECKPOINT_ENTRIES, minutes: vars.AUDIT_CHECKPOINT_MINUTES },
    notify: {
      intervalSeconds: vars.NOTIFY_INTERVAL_SECONDS,
      smtp: vars.SMTP_URL !== undefined && vars.MAIL_FROM !== undefined ? { url: vars.SMTP_URL, from: vars.MAIL_FROM } : null,
    },
  };
}
