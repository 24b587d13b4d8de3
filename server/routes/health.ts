/** GET /api/health: liveness, for monitors and the start-up check. */
import { Hono } from 'hono';

export function healthRoutes(): Hono {
  return new Hono().get('/', (c) => c.json({ status: 'ok' as const }));
}
