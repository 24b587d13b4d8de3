/**
 * Bad input never hurts, part 2: generated requests to every staff route of
 * the OpenAPI document, as a signed-in admin (with and without the
 * same-origin headers) and as anyone else (no cookie, malformed, forged and
 * ended sessions), with odd ids and path tricks. tests/support/fuzz.ts
 * judges each answer and checks that a rejected request stored nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestArb } from '../support/fuzz-requests';
import { staffRoutes, type RouteSpec } from '../support/fuzz-routes';
import { runs } from '../support/fuzz-runner';
import { startFuzzing, type Fuzzing } from '../support/fuzz-world';

const RUNS = { admin: 3_500, anonymous: 1_500, tricks: 1_000 } as const;

let f: Fuzzing;
let routes: RouteSpec[];
beforeAll(async () => {
  f = await startFuzzing();
  routes = staffRoutes(f.doc, f.world);
});
afterAll(() => f.t.close());

describe('bad input never hurts: staff routes', () => {
  it('covers every staff route of the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
  });

  it('as a signed-in admin: bad bodies, content types and CSRF headers get a 4xx and change nothing', async () => {
    const requests = requestArb(routes, f.world, { caller: 'admin', trickRate: 0.05 });
    await fc.assert(fc.asyncProperty(requests, (req) => f.runner.check(req)), runs(RUNS.admin));
  }, 240_000);

  it('without a valid session (none, malformed, forged, ended): a 4xx and nothing changed', async () => {
    const requests = requestArb(routes, f.world, { caller: 'anonymous', trickRate: 0.1 });
    await fc.assert(fc.asyncProperty(requests, (req) => f.runner.check(req)), runs(RUNS.anonymous));
  }, 240_000);

  it('as an admin: path tricks, odd ids and odd methods open nothing', async () => {
    const requests = requestArb(routes, f.world, { caller: 'admin', trickRate: 0.6 });
    await fc.assert(fc.asyncProperty(requests, (req) => f.runner.check(req)), runs(RUNS.tricks));
  }, 240_000);

  it('sent every generated request', () => {
    expect(f.runner.sent).toBeGreaterThanOrEqual(RUNS.admin + RUNS.anonymous + RUNS.tricks);
  });
});
