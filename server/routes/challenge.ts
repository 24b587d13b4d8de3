/** GET /api/challenge?purpose=report|status: a proof-of-work challenge for a JavaScript client. */
import { Hono } from 'hono';
import { z } from 'zod';
import { rateLimited } from '../abuse/reporter-guard';
import { POW_PURPOSES } from '../abuse/proof-of-work';
import { queryInput } from '../http/query-input';
import type { RouteDeps } from './deps';

export const challengeQuerySchema = z.object({ purpose: z.enum(POW_PURPOSES) });

export function challengeRoutes(deps: RouteDeps): Hono {
  return new Hono().get('/', queryInput(challengeQuerySchema), (c) => {
    const token = deps.guards.challenges.take();
    if (!token.ok) throw rateLimited(token.retryAfterSeconds);
    return c.json(deps.guards.pow.issue(c.get('query').purpose), 200);
  });
}
