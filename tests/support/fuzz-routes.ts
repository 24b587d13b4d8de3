/**
 * What the fuzz tests send requests to: the reporter routes, every staff
 * route of the OpenAPI document, the built site's pages and some assets,
 * and paths that lead nowhere; each with a valid body to start from.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { CATEGORIES, INTERFERENCE_METHODS, INTERNAL_STATUSES } from '../../contract/vocabulary';
import { nastyString } from './fuzz-values';
import { reportWithMarker } from './instance';

export type Area = 'reporter' | 'staff' | 'page';

export interface RouteSpec {
  method: string;
  /** The path with {id} and {fileId} left to fill. */
  template: string;
  area: Area;
  /** Takes evidence files as multipart. */
  upload?: boolean;
  /** A valid body (or close to one), the start of every mutation. */
  base: fc.Arbitrary<Record<string, unknown>>;
}

/** What exists in the instance, so some generated ids and codes hit real things. */
export interface FuzzWorld {
  reportIds: number[];
  fileIds: number[];
  staffIds: number[];
  channelSlugs: string[];
  trackingCodes: string[];
  limits: { reporterBytes: number; staffBytes: number };
}

const none = fc.constant<Record<string, unknown>>({});

/** A tracking code: a real one, one with a valid check digit, a typo, or nonsense. */
function trackingCode(world: FuzzWorld): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...world.trackingCodes) },
    { weight: 2, arbitrary: fc.stringMatching(/^\d{20}$/) },
    { weight: 1, arbitrary: fc.stringMatching(/^(\d{4} ){4}\d{4}$/) },
    { weight: 2, arbitrary: nastyString },
  );
}

/** The reporter routes with their valid bodies. */
export function reporterRoutes(world: FuzzWorld): RouteSpec[] {
  const report = fc.record({ category: fc.constantFrom(...CATEGORIES), marker: fc.string({ maxLength: 8 }) }).map(({ category, marker }) => ({
    ...reportWithMarker(marker),
    category,
  }));
  const code = trackingCode(world);
  return [
    { method: 'POST', template: '/api/reports', area: 'reporter', upload: true, base: report },
    { method: 'POST', template: '/api/status', area: 'reporter', base: code.map((trackingCode) => ({ trackingCode })) },
    {
      method: 'POST',
      template: '/api/status/messages',
      area: 'reporter',
      upload: true,
      base: fc.record({ trackingCode: code, body: fc.constantFrom('The racket moved to the harbour.', 'x') }),
    },
    { method: 'GET', template: '/api/health', area: 'reporter', base: none },
    { method: 'GET', template: '/api/openapi.json', area: 'reporter', base: none },
  ];
}

/** Valid (or nearly valid) bodies for the staff routes, varied where the value decides what the server does. */
function staffBase(path: string, world: FuzzWorld): fc.Arbitrary<Record<string, unknown>> {
  const reportId = fc.oneof(fc.constantFrom(...world.reportIds), fc.constantFrom(999_999, 0, -1));
  const staffId = fc.oneof(fc.constantFrom(...world.staffIds), fc.constantFrom(999_999, 0));
  const slug = fc.oneof(fc.constantFrom(...world.channelSlugs), fc.constantFrom('nope', 'Other', ''));
  const text = fc.constantFrom('We are looking into it.', 'A councillor phoned twice.', ' ');
  const bodies: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
    '/api/staff/login': fc.record({ username: fc.constantFrom('admin', 'nobody', 'fuzz-staff'), password: fc.constantFrom('wrong password 1234', ''), totp: fc.constantFrom('123456', '') }),
    '/api/staff/recover': fc.record({ username: fc.constantFrom('admin', 'nobody'), recoveryCode: fc.constantFrom('AAAA-BBBB-CCCC-DDDD', 'x'), newPassword: fc.constantFrom('a long new password 123', 'short') }),
    '/api/staff/password': fc.record({ currentPassword: fc.constant('not the password 123'), newPassword: fc.constantFrom('another long password 1', 'short') }),
    '/api/staff/totp/confirm': fc.record({ code: fc.constantFrom('000000', '12345678901234567') }),
    '/api/staff/totp/disable': fc.record({ code: fc.constant('000000') }),
    '/api/staff/admin/staff': fc.record({
      username: fc.oneof(fc.constantFrom('admin', 'fuzz-staff'), fc.stringMatching(/^[a-z][a-z0-9]{3,8}$/)),
      password: fc.constantFrom('a long enough password 1', 'short'),
      role: fc.constantFrom('admin', 'triager', 'auditor', 'root'),
      channels: fc.subarray([...world.channelSlugs, 'nope']),
    }),
    '/api/staff/admin/channels': fc.record({ slug: fc.oneof(fc.constantFrom(...world.channelSlugs), fc.stringMatching(/^[a-z][a-z0-9_]{2,12}$/)), name: text }),
    '/api/staff/admin/grants': fc.record({ staffId, channel: slug }),
    '/api/staff/me/notifications': fc.record({
      email: fc.constantFrom('lin@example.org', null, 'not an address', 'a@b', ''),
      events: fc.subarray(['new_lead', 'reporter_replied', 'deadline_soon', 'overdue', 'everything']),
    }),
    '/api/staff/admin/low-effort/discard': fc.record({
      from: fc.constantFrom('2026-11-28T06:00:00Z', '2026-11-28T06:30:00Z', '2026-02-30T00:00:00Z', '1970-01-01T00:00:00Z', 'yesterday'),
      to: fc.constantFrom('2026-11-28T06:00:00Z', '2026-11-28T05:00:00Z', '2099-12-31T23:00:00Z', ''),
    }),
    '/api/staff/leads': fc.record({
      source: fc.constantFrom('phone', 'letter', 'fax'),
      category: fc.constantFrom(...CATEGORIES),
      details: fc.constant('A lead entered from a phone call, long enough.'),
    }),
    '/api/staff/search': fc.record({ q: fc.oneof(fc.constantFrom('黑社會', 'ABC-1234', '0912 345 678', 'a', ''), fc.constantFrom(...world.trackingCodes), nastyString) }),
    '/api/staff/reports/bulk': fc.record({
      ids: fc.oneof(fc.array(reportId, { maxLength: 3 }), fc.constant([]), fc.constant([1, 1])),
      action: fc.constantFrom('assign', 'close', 'tag', 'untag', 'delete'),
      staffId: fc.option(staffId),
      outcome: fc.constantFrom('spam', 'duplicate', 'substantiated'),
      tagId: fc.constantFrom(1, 0, 999_999),
    }),
    '/api/staff/admin/reply-templates': fc.record({
      language: fc.constantFrom('en', 'zh-hant', 'zh-hans', 'fr', ''),
      title: fc.oneof(text, fc.constantFrom('Thanks', '謝謝', '', 'x'.repeat(81))),
      body: fc.oneof(text, fc.constantFrom('Thank you, we have received your report.', '')),
    }),
    '/api/staff/admin/reply-templates/{id}': fc.record({
      language: fc.constantFrom('en', 'zh-hant', 'zh-hans', 'fr', ''),
      title: fc.oneof(text, fc.constantFrom('Thanks', '謝謝', '', 'x'.repeat(81))),
      body: fc.oneof(text, fc.constantFrom('Thank you, we have received your report.', '')),
    }),
    '/api/staff/tags': fc.record({ channel: slug, name: fc.oneof(text, fc.constantFrom('same gang', '黑社會', '')) }),
    '/api/staff/reports/{id}/lease': fc.record({ action: fc.constantFrom('renew', 'release', 'take_over', 'steal') }),
    '/api/staff/reports/{id}/status': fc.record({ status: fc.constantFrom(...INTERNAL_STATUSES, 'deleted') }),
    '/api/staff/reports/{id}/priority': fc.record({ priority: fc.integer({ min: -1, max: 4 }) }),
    '/api/staff/reports/{id}/assignee': fc.record({ staffId: fc.option(staffId) }),
    '/api/staff/reports/{id}/public-message': fc.record({ body: text }),
    '/api/staff/reports/{id}/replies': fc.record({ body: text }),
    '/api/staff/reports/{id}/notes': fc.record({ body: text }),
    '/api/staff/reports/{id}/referrals': fc.record({ agency: text, date: fc.constantFrom('2026-11-20', '2026-02-31', '0000-00-00', '99999-01-01') }),
    '/api/staff/reports/{id}/interference': fc.record({
      who: fc.record({ name: text }, { requiredKeys: [] }),
      when: fc.record({ date: fc.constantFrom('2026-11-20', '2026-02-31', 'yesterday') }),
      how: fc.constantFrom(...INTERFERENCE_METHODS, 'telepathy'),
      asked: text,
      reportedToSuperior: fc.constantFrom(true, false, 'yes'),
    }),
    '/api/staff/reports/{id}/links': fc.record({ relatedId: reportId }),
    '/api/staff/reports/{id}/close': fc.record({ outcome: fc.constantFrom('duplicate', 'spam', 'nope') }),
    '/api/staff/reports/{id}/reveal-contact': fc.record({ reason: fc.constantFrom('We need to call the reporter back.', 'short') }),
    '/api/staff/reports/{id}/move': fc.record({ channel: slug }),
    '/api/staff/authorities': fc.record({
      name: text,
      jurisdiction: text,
      recipient: fc.constantFrom('age1lx7r0srg0yjqazy059wszcsr8euzfnmqnmtd2v4x22muhadft3us77pvdm', 'age1pq1qqqq', 'age1tag1qqqq', 'ssh-ed25519 AAAA', ''),
    }),
    '/api/staff/reports/{id}/referral-package': fc.record(
      {
        authorityId: fc.constantFrom(1, 2, 0, -1, 999_999, 1.5),
        language: fc.constantFrom('en', 'zh-hant', 'zh-hans', 'fr', ''),
        includeContact: fc.record({ reason: fc.constantFrom('The authority must interview the reporter.', 'short', '') }),
        tellReporter: fc.constantFrom(true, false, 'yes'),
      },
      { requiredKeys: ['authorityId', 'language'] },
    ),
  };
  return bodies[path] ?? none;
}

/** Every operation of the OpenAPI document under /api/staff/. */
export function staffRoutes(doc: { paths: Record<string, Record<string, unknown>> }, world: FuzzWorld): RouteSpec[] {
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/staff/'))
    .flatMap(([path, methods]) =>
      Object.keys(methods).map((method): RouteSpec => ({ method: method.toUpperCase(), template: path, area: 'staff', base: staffBase(path, world) })),
    );
}

/** Every page of the built site (its index.html files), a few of its assets, and paths that lead nowhere. */
export function pageRoutes(siteDir: string): RouteSpec[] {
  const entries = readdirSync(siteDir, { recursive: true, encoding: 'utf8' });
  const pages = entries.filter((name) => name.endsWith('index.html')).map((name) => `/${name.slice(0, -'index.html'.length)}`);
  const assets = entries.filter((name) => /\.(css|js|svg|ico|txt)$/.test(name)).slice(0, 5).map((name) => `/${name}`);
  const nowhere = [
    '/nope',
    '/api',
    '/api/',
    '/api/nope',
    '/api/staff',
    '/api/staff/',
    '/api/staff/nope',
    '/api/reports/1',
    '/api/status/1',
    '/shell/en',
    '/shell/../../../etc/passwd',
    '/.env',
    '/.git/config',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e%2f%2e%2e%2fpackage.json',
    '/..%5c..%5cpackage.json',
    '//etc/passwd',
    '/report/index.html',
    '/staff/report/?id=../../1',
    '/index.html%00.txt',
    `/${'a'.repeat(5_000)}`,
  ];
  return [...pages, ...assets, ...nowhere].map((template) => ({ method: 'GET', template, area: 'page', base: none }));
}
