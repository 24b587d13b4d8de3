/**
 * Builds the Tipline app: API routes, the built static site, security
 * headers and the single error handler. Never listens and never reads the
 * environment: everything comes in as arguments, so tests can give it a
 * temporary database.
 */
import { Hono } from 'hono';
import { routePath } from 'hono/route';
import { DEFAULT_LANG, isLang, type Lang } from '../contract/languages';
import type { Config } from './config';
import { createKdfPools, type KdfPools } from './crypto/argon2';
import type { SigningKeyPair } from './crypto/signing';
import type { Db } from './data/database';
import type { FileStore } from './files/file-store';
import { errorPage } from './html/pages';
import { loadShells } from './html/shells';
import { DomainError, fail } from './errors';
import { asDomainError, bodyOf, headersOf, limitBody, statusOf } from './http/errors';
import { prefersHtml, type AppVariables } from './http/input';
import { inlineHashes, securityHeaders } from './http/security-headers';
import { FOLLOW_UP_SENT, RECEIPT, OneViewCookies } from './http/one-view-cookie';
import { isSecure } from './http/staff-auth';
import type { Logger } from './log';
import { challengeRoutes } from './routes/challenge';
import { healthRoutes } from './routes/health';
import { openApiRoutes } from './routes/openapi';
import { reportRoutes } from './routes/reports';
import { isStaffUpload } from './routes/uploads';
import type { RouteDeps } from './routes/deps';
import { staffAdminRoutes } from './routes/staff-admin';
import { staffReplyTemplateRoutes } from './routes/staff-reply-templates';
import { staffAuditRoutes } from './routes/staff-audit';
import { staffAuthorityRoutes } from './routes/staff-authorities';
import { staffReportsUpwardRoutes } from './routes/staff-reports-upward';
import { staffAuthRoutes } from './routes/staff-auth';
import { staffNotificationRoutes } from './routes/staff-notifications';
import { staffReportRoutes } from './routes/staff-reports';
import { statusRoutes } from './routes/status';
import { SessionStore } from './auth/session-store';
import { createSignInGuard } from './auth/sign-in-guard';
import { createAbuseGuards, type AbuseGuards } from './abuse/guards';
import { Checkpointer } from './services/audit-checkpoints';
import type { FailedSignInLog } from './services/failed-sign-ins';
import { SearchIndexer } from './services/search-indexer';
import { siteFiles } from './http/site-files';
import { packageSourcesFor, type PackageSources } from './referral/sources';
import { regionMatcher } from './services/regions';
import { AllowedMethods, methodNotAllowed, refuseHead } from './http/allowed-methods';

/** Staff requests are small JSON documents. */
const STAFF_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The API routes a browser without JavaScript posts a form to or is sent
 * to: their errors are a page in the site's layout when the browser asks
 * for HTML. Every other API answer, errors included, is JSON whatever
 * Accept says: a console or a script reads the code.
 */
const FORM_ROUTES = new Set(['/api/reports', '/api/reports/receipt', '/api/status', '/api/status/messages', '/api/status/sent']);

/** The language a page's path is in (`/en/...`), for an error page about it. */
function langOfPath(path: string): Lang {
  const first = path.split('/')[1];
  return isLang(first) ? first : DEFAULT_LANG;
}

/** Routes a reporter uses; see the request logger below. */
const REPORTER_ROUTES = new Set(['/api/reports', '/api/reports/receipt', '/api/status', '/api/status/messages', '/api/status/sent', '/api/challenge']);

export interface AppOptions {
  db: Db;
  config: Config;
  instanceKey: Uint8Array;
  /** The instance's Ed25519 signing key (DATA_DIR/instance-signing.key): signs audit checkpoints. */
  signingKey: SigningKeyPair;
  /** Signs the audit trail's checkpoints (the caller runs its timer); by default one over `db` that signs every AUDIT_CHECKPOINT_ENTRIES appends. */
  checkpointer?: Checkpointer;
  /** Where referral packages find signed records and the latest checkpoint; the instance's own by default (server/referral/sources.ts). */
  packageSources?: PackageSources;
  /** Directory of the built Astro site (dist/). */
  siteDir: string;
  log: Logger;
  /** The clock (tests move it); defaults to the real one. */
  now?: () => Date;
  /** Evidence files on disk (DATA_DIR/files). */
  files: FileStore;
  /** Staff sessions (tests pass their own to sign in directly); a fresh store by default. */
  sessions?: SessionStore;
  /** Proof of work and admission lanes (tests pass their own to watch or fill the lanes); from config by default. */
  guards?: AbuseGuards;
  /** The Argon2id pools (the caller's when it derives too, e.g. to make the first account); built from config by default. */
  kdf?: KdfPools;
  /** Failed sign-ins awaiting the audit trail: the caller flushes it on a timer and at shutdown. */
  failedSignIns: FailedSignInLog;
  /** The search indexer (tests pass their own to wait for it; the caller runs it on a timer); one over `sessions` by default. */
  searchIndexer?: SearchIndexer;
}

/** The whole application as a Hono app (use `app.fetch` or `app.request`). */
export function createApp(options: AppOptions): Hono<{ Variables: AppVariables }> {
  const { db, config, instanceKey, siteDir, log, files } = options;
  const shells = loadShells(siteDir, config.site);
  const now = options.now ?? ((): Date => new Date());
  const sessions = options.sessions ?? createSessionStore(config);
  const guards = options.guards ?? createAbuseGuards(config, instanceKey, now);
  const kdf = options.kdf ?? createKdfPools(config.argon2, config.kdfLimits);
  const signInGuard = createSignInGuard(instanceKey);
  const searchIndexer = options.searchIndexer ?? new SearchIndexer(db, sessions, now);
  const checkpointer = options.checkpointer ?? createCheckpointer(db, config, options.signingKey, now, log);
  const secure = isSecure({ publicOrigin: config.publicOrigin });
  const receipts = new OneViewCookies(secure, now, RECEIPT);
  const followUpsSent = new OneViewCookies(secure, now, FOLLOW_UP_SENT);
  const deps: RouteDeps = {
    db,
    config,
    instanceKey,
    signingKey: options.signingKey,
    packageSources: options.packageSources ?? packageSourcesFor(db),
    checkpointer,
    shells,
    log,
    sessions,
    files,
    receipts,
    followUpsSent,
    guards,
    kdf,
    signInGuard,
    failedSignIns: options.failedSignIns,
    searchIndexer,
    regions: regionMatcher(config.site.profile),
    now,
  };
  const app = new Hono<{ Variables: AppVariables }>();
  const allowed = new AllowedMethods(() => app.routes, (path) => !path.startsWith('/api/staff/'));

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // The reporter routes write no log line at all: its timestamp would be a
    // precise submission or lookup time, which the database deliberately
    // rounds to the hour. Other lines carry the route pattern, never the path.
    // Page and asset views are not logged either: on a quiet instance their
    // times would narrow down when someone opened the report form.
    const route = routePath(c);
    if (REPORTER_ROUTES.has(route) || !c.req.path.startsWith('/api/')) return;
    log.info('request', { method: c.req.method, route, status: c.res.status, ms: Math.round(performance.now() - started) });
  });
  app.use('*', securityHeaders(inlineHashes(siteDir), { publicOrigin: config.publicOrigin, onionOrigin: config.onionOrigin }));

  app.route('/api/health', healthRoutes());
  app.route('/api/reports', reportRoutes(deps));
  app.route('/api/status', statusRoutes(deps));
  app.route('/api/challenge', challengeRoutes(deps));
  app.route('/api/openapi.json', openApiRoutes());
  app.use('/api/staff/*', refuseHead(allowed));
  const staffBody = limitBody(STAFF_MAX_BODY_BYTES);
  // A lead with files is bounded like a report's upload, by its own route.
  app.use('/api/staff/*', (c, next) => (isStaffUpload(c.req.path, c.req.header('content-type')) ? next() : staffBody(c, next)));
  app.route('/api/staff', staffAuthRoutes(deps));
  app.route('/api/staff', staffAdminRoutes(deps));
  app.route('/api/staff', staffReplyTemplateRoutes(deps));
  app.route('/api/staff', staffNotificationRoutes(deps));
  app.route('/api/staff', staffAuditRoutes(deps));
  app.route('/api/staff', staffReportsUpwardRoutes(deps));
  app.route('/api/staff', staffReportRoutes(deps));
  app.route('/api/staff', staffAuthorityRoutes(deps));
  app.all('/api/*', (c) => {
    // A path some route answers, asked with another method: say which methods it takes.
    const allow = allowed.of(c.req.path);
    if (allow.length > 0) throw methodNotAllowed(allow);
    throw new DomainError('not_found', { message: 'No such API route.' });
  });

  // The site is static: its pages answer GET and HEAD only.
  app.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.path.startsWith('/api/')) return next();
    c.set('lang', langOfPath(c.req.path));
    throw methodNotAllowed(['GET', 'HEAD']);
  });

  // The server renders its own pages from these shells; they are not pages to visit.
  app.get('/shell/*', (c) => errorPage(c, shells, DEFAULT_LANG, 'not_found_page', 404));
  // Browsers and tools that ask for the old name get the SVG favicon, not a 404 page.
  app.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));
  app.use('*', ...siteFiles(siteDir));
  app.notFound((c) => errorPage(c, shells, DEFAULT_LANG, 'not_found_page', 404));

  app.onError((err, c) => {
    const known = asDomainError(err);
    if (!known) {
      // Log the kind of failure only: a message could carry report content.
      log.error('unhandled', { route: routePath(c), kind: err.name });
    }
    const error = known ?? fail('internal_error');
    const page = prefersHtml(c) && (!c.req.path.startsWith('/api/') || FORM_ROUTES.has(c.req.path));
    const response = page
      ? errorPage(c, shells, c.get('lang') ?? DEFAULT_LANG, error.code, statusOf(error))
      : c.json(bodyOf(error), statusOf(error));
    for (const [name, value] of Object.entries(headersOf(error))) response.headers.set(name, value);
    return response;
  });

  return app;
}

/**
 * The checkpointer of an instance: signs the audit trail's head after every
 * AUDIT_CHECKPOINT_ENTRIES entries appended through `db`, keeps the latest in
 * DATA_DIR; `tick()` applies AUDIT_CHECKPOINT_MINUTES (the server's timer).
 */
export function createCheckpointer(db: Db, config: Config, signingKey: SigningKeyPair, now: () => Date, log?: Logger): Checkpointer {
  const checkpointer = new Checkpointer({
    db,
    signingKey,
    dataDir: config.dataDir,
    everyEntries: config.auditCheckpoints.entries,
    everyMinutes: config.auditCheckpoints.minutes,
    now,
    // The kind only: the message names entries and files, which belongs on the operator's screen, not in a log.
    onRefused: (error) => log?.error('audit checkpoint refused', { problem: error.code }),
  });
  checkpointer.watchAppends();
  return checkpointer;
}

/** The session store for a configuration's timeouts. */
export function createSessionStore(config: Config): SessionStore {
  return new SessionStore({ idleMs: config.staff.idleMinutes * 60_000, maxMs: config.staff.maxHours * 3_600_000 });
}
