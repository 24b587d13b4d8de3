/**
 * GET /api/challenge?purpose=report|status|signin: a proof-of-work challenge
 * and the effort its lane suggests now (0 when calm: then no work is needed).
 * Stateless and cheap, so asking for challenges drains nothing.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { POW_PURPOSES } from '../abuse/proof-of-work';
import { queryInput } from '../http/query-input';
import type { RouteDeps } from './deps';

export const challengeQuerySchema = z.object({ purpose: z.enum(POW_PURPOSES) });

export function challengeRoutes(deps: RouteDeps): Hono {
  return new Hono().get('/', queryInput(challengeQuerySchema), (c) => {
    const { purpose } = c.get('query');
    return c.json(deps.guards.pow.issue(purpose, deps.guards.lanes[purpose].suggested.current()), 200);
  });
}
