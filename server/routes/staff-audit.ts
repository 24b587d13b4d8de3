/**
 * /api/staff/audit and /api/staff/stats for auditors and admins, and one
 * report's audit entries for the staff of its channel.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { listAudit } from '../data/audit';
import { verifyAuditTrail } from '../services/audit-verify';
import { findReportById } from '../data/reports';
import { computeStatistics } from '../data/statistics';
import { fail } from '../errors';
import { fieldProblems } from '../http/input';
import { jsonInput } from '../http/json-input';
import { checkWitness } from '../services/audit-witness';
import { consistencyRequestSchema } from '../../contract/audit-checkpoint';
import { requireStaff, type StaffVariables } from '../http/staff-auth';
import { pathId } from '../path-id';
import { toSecond } from '../time';
import { staffAuthDeps, type RouteDeps } from './deps';
import { statisticsQuerySchema, type AuditPage } from '../../contract/schemas/staff-oversight-views';

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});

export function staffAuditRoutes(deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  const auth = staffAuthDeps(deps);
  const overseers = requireStaff(auth, { roles: ['auditor', 'admin'] });
  const caseworkers = requireStaff(auth, { roles: ['triager', 'admin'] });
  // Every console is a witness, whatever its role.
  const anyone = requireStaff(auth);

  const page = (query: Record<string, string>, reportId: number | null): AuditPage => {
    const parsed = listQuery.safeParse(query);
    if (!parsed.success) throw fail('invalid_input');
    const entries = listAudit(deps.db, { limit: parsed.data.limit, beforeId: parsed.data.before ?? null, reportId });
    const last = entries.at(-1);
    return { entries, nextBefore: entries.length === parsed.data.limit && last ? last.id : null };
  };

  return new Hono<{ Variables: StaffVariables }>()
    .get('/audit', overseers, (c) => {
      const listed = page(c.req.query(), null);
      const { chain, checkpoints, latest, problems } = verifyAuditTrail(deps.db, { publicKey: deps.signingKey.publicKeyBase64, dataDir: deps.config.dataDir });
      const status = { count: checkpoints, ok: problems.length === 0, latest: latest && { sequence: latest.sequence, entries: latest.entries, time: latest.time } };
      return c.json({ chain, checkpoints: status, ...listed }, 200);
    })
    .post('/audit/consistency', anyone, jsonInput(consistencyRequestSchema), (c) =>
      c.json(checkWitness({ db: deps.db, signingKey: deps.signingKey, checkpointer: deps.checkpointer, now: deps.now() }, c.get('staff').staffId, c.get('input').remembered), 200),
    )
    .get('/stats', overseers, (c) => {
      const range = statisticsQuerySchema.safeParse(c.req.query());
      if (!range.success) throw fail('invalid_input', fieldProblems(range.error));
      return c.json(computeStatistics(deps.db, toSecond(deps.now()), range.data), 200);
    })
    .get('/reports/:id/audit', caseworkers, (c) => {
      const report = findReportById(deps.db, pathId(c.req.param('id'), 'id'));
      // Outside the caller's channels answers exactly like a missing report.
      if (!report || !c.get('staff').channelIdentities.has(report.channelId)) throw fail('not_found');
      return c.json(page(c.req.query(), report.id), 200);
    });
}
