/**
 * Generated requests for the fuzz tests: a route (fuzz-routes.ts) with odd
 * ids and path tricks filled in, a query, a body (fuzz-bodies.ts,
 * fuzz-multipart.ts) and the headers around it (fuzz-headers.ts).
 */
import fc from 'fast-check';
import { describeRequest, type FuzzRequest } from './fuzz';
import { contentTypeArb, formBody, jsonBody, jsonOfLength, rawBody, type Body } from './fuzz-bodies';
import { acceptArb, cookieArb, csrfArb, deliveryArb, extraHeaderArb } from './fuzz-headers';
import { multipartBody } from './fuzz-multipart';
import type { FuzzWorld, RouteSpec } from './fuzz-routes';
import { nastyString, sometimes } from './fuzz-values';

/** Ids for {id} and {fileId}: real ones, missing, negative, huge, non-numeric, encoded. */
function idArb(valid: readonly number[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...valid).map(String) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '0',
        '-1',
        '999999',
        '9007199254740993',
        '9999999999999999',
        '99999999999999999999',
        '1e3',
        '0x10',
        '0b1',
        'abc',
        '%2e%2e',
        '..',
        '.',
        '%2F',
        '1%2F2',
        '1%00',
        '%201',
        '1.5',
        '+1',
        '%D9%A3',
        '%EF%BC%91',
        '%',
        '%E0%A4%A',
        '9'.repeat(1_000),
        'null',
        '1;2',
        '1,2',
        '__proto__',
        'constructor',
      ),
    },
    { weight: 1, arbitrary: fc.integer().map(String) },
  );
}

/** Changes to a path that should never open a back door. */
const PATH_TRICKS: ((path: string) => string)[] = [
  (p) => `${p}/`,
  (p) => p.replace('/api/', '/api//'),
  (p) => p.replace('/api/', '/API/'),
  (p) => p.replace('/api/', '/api/./'),
  (p) => p.replace('/api/', '/api/x/../'),
  (p) => p.replace('/api/', '/api/%2e%2e/api/'),
  (p) => p.replace('/api/', '/api/%2e/'),
  (p) => p.replace(/\/([^/]*)$/, '/%2F$1'),
  (p) => p.replace(/\/([^/]*)$/, '/..%2F$1'),
  (p) => `${p}%00`,
  (p) => `${p}/..%2f..%2f`,
  (p) => p.replace('r', '%72'),
  (p) => `${p};x=1`,
  (p) => `/..${p}`,
  (p) => `${p}/../../..`,
  (p) => `${p}.json`,
  (p) => `${p}#fragment`,
];

const QUERY_KEYS = ['limit', 'before', 'cursor', 'channel', 'status', 'category', 'region', 'overdue', 'assignee', 'lang', 'id', '__proto__', 'constructor[prototype][x]'];
const QUERY_VALUES = ['%zz', '%', '%E0%A4', '1', '-1', '0', '201', '501', '1e3', 'true', 'me', 'none', '9'.repeat(30), 'MTox', Buffer.from('999:1').toString('base64url'), Buffer.from('1:99999999999999999').toString('base64url'), 'closed', 'other', '%00'];

const queryArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), fc.oneof(fc.constantFrom(...QUERY_VALUES), nastyString.map((value) => encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ''))))), {
    minLength: 1,
    maxLength: 4,
  })
  .map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join('&'));

/** Bodies just over the route's limit. */
function oversizeArb(route: RouteSpec, world: FuzzWorld): fc.Arbitrary<Body> {
  const limit = route.area === 'staff' ? world.limits.staffBytes : world.limits.reporterBytes;
  return fc.constantFrom<Body>(
    { bytes: jsonOfLength(limit + 1), contentType: 'application/json' },
    { bytes: jsonOfLength(limit + 1), contentType: 'application/x-www-form-urlencoded' },
    { bytes: jsonOfLength(limit + 1) },
  );
}

function bodyArb(route: RouteSpec, oversize: fc.Arbitrary<Body>): fc.Arbitrary<Body> {
  return fc.oneof(
    { weight: route.area === 'staff' ? 10 : 5, arbitrary: jsonBody(route.base) },
    { weight: route.area === 'reporter' ? 4 : 1, arbitrary: formBody(route.base) },
    { weight: route.upload ? 6 : 1, arbitrary: multipartBody(route.base) },
    { weight: 1, arbitrary: rawBody },
    { weight: 1, arbitrary: fc.constant<Body>({}) },
    { weight: 1, arbitrary: oversize },
  );
}

export interface RequestOptions {
  caller: 'admin' | 'anonymous';
  /** How often a path trick or an odd method is used (0..1). */
  trickRate?: number;
  /** Weight of multipart bodies over all others (upload-heavy runs). */
  multipartOnly?: boolean;
}

/** A request to one of `routes`, built as `options` says. */
export function requestArb(routes: readonly RouteSpec[], world: FuzzWorld, options: RequestOptions): fc.Arbitrary<FuzzRequest> {
  const trickRate = options.trickRate ?? 0.1;
  const trickWeight = Math.round(trickRate * 100);
  // Built once per route: the oversize bodies are big.
  const bodies = new Map(routes.map((route) => [route, options.multipartOnly ? multipartBody(route.base) : bodyArb(route, oversizeArb(route, world))]));
  return fc.constantFrom(...routes).chain((route) =>
    fc
      .record({
        method: fc.oneof(
          { weight: 100 - trickWeight, arbitrary: fc.constant(route.method) },
          { weight: trickWeight, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD') },
        ),
        id: idArb(world.reportIds),
        fileId: idArb(world.fileIds),
        trick: fc.oneof({ weight: 100 - trickWeight, arbitrary: fc.constant(-1) }, { weight: trickWeight, arbitrary: fc.nat(PATH_TRICKS.length - 1) }),
        query: sometimes(queryArb, route.method === 'GET' ? 2 : 6),
        body: bodies.get(route) ?? fc.constant<Body>({}),
        contentType: sometimes(contentTypeArb.map((value) => ({ value })), 6),
        accept: acceptArb,
        cookie: cookieArb(options.caller),
        csrf: csrfArb,
        extra: extraHeaderArb,
        delivery: deliveryArb,
      })
      .map(({ method, id, fileId, trick, query, body, contentType, accept, cookie, csrf, extra, delivery }): FuzzRequest => {
        let path = route.template.replace('{id}', id).replace('{fileId}', fileId);
        const applyTrick = PATH_TRICKS[trick];
        if (applyTrick) path = applyTrick(path);
        const headers: Record<string, string> = {};
        for (const [name, value] of extra) headers[name] = value;
        if (route.area === 'staff' || options.caller === 'admin') Object.assign(headers, csrf);
        if (accept !== null) headers['Accept'] = accept;
        if (cookie !== null) headers['Cookie'] = cookie;
        // The body's own content type, or one that may not fit it (or none at all).
        const type = contentType === null ? body.contentType : (contentType.value ?? undefined);
        if (type !== undefined) headers['Content-Type'] = type;
        const target = query === null ? path : `${path}${path.includes('?') ? '&' : '?'}${query}`;
        const req: FuzzRequest = body.bytes === undefined ? { method, target, headers } : { method, target, headers, body: body.bytes, delivery };
        // fast-check prints a counterexample with this: readable, bodies cut short.
        return Object.assign(req, { [fc.toStringMethod]: () => describeRequest(req) });
      }),
  );
}
