/**
 * Bad input never hurts, part 1: generated requests to the reporter routes,
 * the pages, the built assets and paths that lead nowhere. Every answer is
 * below 500, a stable JSON error or a page, never a stack trace; a rejected
 * request stores nothing (tests/support/fuzz.ts judges each one).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestArb } from '../support/fuzz-requests';
import { pageRoutes, reporterRoutes } from '../support/fuzz-routes';
import { startFuzzing, type Fuzzing } from '../support/fuzz-world';
import { answerProblems, type Answer, type FuzzRequest } from '../support/fuzz';
import { FuzzRunner, runs } from '../support/fuzz-runner';
import { SITE_DIR, type TestInstance } from '../support/instance';

const RUNS = { reporter: 3_000, uploads: 1_500, pages: 1_500 } as const;

let f: Fuzzing;
beforeAll(async () => {
  f = await startFuzzing();
});
afterAll(() => f.t.close());

describe('the judge', () => {
  const api: FuzzRequest = { method: 'POST', target: '/api/status', headers: { 'Content-Type': 'application/json', Accept: 'application/json' } };
  const json = (status: number, body: unknown): Answer => ({ status, contentType: 'application/json', text: JSON.stringify(body) });

  it('refuses a 5xx, a stack trace, a code outside the stable set, extra keys, a page for an API client', () => {
    expect(answerProblems(api, json(400, { error: { code: 'invalid_input', message: 'Some fields are missing or invalid.' } }))).toEqual([]);
    expect(answerProblems(api, json(500, { error: { code: 'internal_error', message: 'Something went wrong.' } }))).not.toEqual([]);
    expect(answerProblems(api, json(400, { error: { code: 'made_up', message: 'x' } }))).not.toEqual([]);
    expect(answerProblems(api, json(400, { error: { code: 'invalid_input', message: 'x', stack: 'y' } }))).not.toEqual([]);
    expect(answerProblems(api, { status: 400, contentType: 'text/plain', text: 'TypeError: x\n    at f (/srv/app/x.ts:1:2)' })).not.toEqual([]);
    expect(answerProblems(api, { status: 404, contentType: 'text/html', text: '<!doctype html><p>Not found</p>' })).not.toEqual([]);
  });

  it('refuses a rejected request that changed a row', async () => {
    const storing = {
      ...f.t,
      app: {
        request: (): Response => {
          f.t.db.prepare('UPDATE reports SET priority = priority WHERE id = ?').run(f.world.reportIds[0]);
          return Response.json({ error: { code: 'invalid_input', message: 'Some fields are missing or invalid.' } }, { status: 400 });
        },
      },
    } as unknown as TestInstance;
    const runner = new FuzzRunner(storing, { admin: () => 'token', ended: 'ended' });
    await expect(runner.check(api)).rejects.toThrow(/stored something/);
  });
});

describe('bad input never hurts: reporter routes and pages', () => {
  it('reporter routes answer wrong types, missing, extra and huge fields, invalid UTF-8 and wrong content types with a 4xx and store nothing', async () => {
    const routes = reporterRoutes(f.world).filter((route) => route.method === 'POST');
    const requests = requestArb(routes, f.world, { caller: 'anonymous', trickRate: 0.05 });
    await fc.assert(fc.asyncProperty(requests, (req) => f.runner.check(req)), runs(RUNS.reporter));
  }, 240_000);

  it('upload routes survive malformed multipart: no boundary, truncated, files before fields, bogus part headers, damaged images', async () => {
    const routes = reporterRoutes(f.world).filter((route) => route.upload);
    const requests = requestArb(routes, f.world, { caller: 'anonymous', trickRate: 0.02, multipartOnly: true });
    await fc.assert(fc.asyncProperty(requests, (req) => f.runner.check(req)), runs(RUNS.uploads));
  }, 240_000);

  it('pages, assets and unknown paths survive path tricks, odd methods and stray bodies', async () => {
    const routes = [...pageRoutes(SITE_DIR), ...reporterRoutes(f.world)];
    const requests = requestArb(routes, f.world, { caller: 'anonymous', trickRate: 0.5 });
    await fc.assert(fc.asyncProperty(requests, (req) => f.runner.check(req)), runs(RUNS.pages));
  }, 240_000);

  it('sent every generated request', () => {
    expect(f.runner.sent).toBeGreaterThanOrEqual(RUNS.reporter + RUNS.uploads + RUNS.pages);
  });
});
