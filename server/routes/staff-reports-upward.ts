/**
 * /api/staff/reports-upward: what auditors and admins hand a supervising
 * body (督導 / 報上級) — the signed statistics report for a range of days and
 * the audit trail's export — each as a file to download, each audited.
 */
import { Hono } from 'hono';
import { auditExportQuerySchema } from '../../contract/reports-upward';
import { statisticsQuerySchema } from '../../contract/schemas/staff-oversight-views';
import { appendAudit } from '../data/audit';
import { fail } from '../errors';
import { attachmentDisposition, DOWNLOAD_CSP } from '../http/download';
import { fieldProblems } from '../http/input';
import { requireStaff, type StaffVariables } from '../http/staff-auth';
import { auditExportChunks, signedStatisticsReport } from '../services/reports-upward';
import { signCheckpointIfPossible } from '../services/audit-checkpoints';
import { toSecond } from '../time';
import { staffAuthDeps, type RouteDeps } from './deps';

const fileHeaders = (name: string, type: string): Record<string, string> => ({
  'Content-Type': type,
  'Content-Disposition': attachmentDisposition(name),
  'Content-Security-Policy': DOWNLOAD_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
});

/** A lazily read text generator as a byte stream: one chunk per pull, so a long export never sits whole in memory. */
function streamOf(chunks: Generator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel() {
      chunks.return(undefined);
    },
  });
}

export function staffReportsUpwardRoutes(deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  const overseers = requireStaff(staffAuthDeps(deps), { roles: ['auditor', 'admin'] });

  return new Hono<{ Variables: StaffVariables }>()
    .get('/reports-upward/statistics', overseers, (c) => {
      const range = statisticsQuerySchema.safeParse(c.req.query());
      if (!range.success) throw fail('invalid_input', fieldProblems(range.error));
      const staff = c.get('staff');
      const now = toSecond(deps.now());
      const signed = signedStatisticsReport({ db: deps.db, signingKey: deps.signingKey, now, generatedBy: staff.username }, range.data);
      appendAudit(deps.db, { at: now, actorStaffId: staff.staffId, action: 'upward.statistics_signed', detail: { from: range.data.from ?? null, to: range.data.to ?? null } });
      const name = `tipline-statistics-${range.data.from ?? 'start'}-${range.data.to ?? now.slice(0, 10)}.json`;
      return c.body(`${JSON.stringify(signed, null, 2)}\n`, 200, fileHeaders(name, 'application/json; charset=utf-8'));
    })
    .get('/reports-upward/audit-export', overseers, (c) => {
      const range = auditExportQuerySchema.safeParse(c.req.query());
      if (!range.success) throw fail('invalid_input', fieldProblems(range.error));
      const staff = c.get('staff');
      const now = toSecond(deps.now());
      const fromId = range.data.fromId ?? null;
      const toId = range.data.toId ?? null;
      // Recorded first, so an export of the whole trail holds its own entry.
      appendAudit(deps.db, { at: now, actorStaffId: staff.staffId, action: 'upward.audit_exported', detail: { fromId, toId } });
      signCheckpointIfPossible(deps.checkpointer);
      const chunks = auditExportChunks({ db: deps.db, signingKey: deps.signingKey, now, generatedBy: staff.username }, { fromId, toId });
      return c.body(streamOf(chunks), 200, fileHeaders(`tipline-audit-${now.slice(0, 10)}.jsonl`, 'application/x-ndjson; charset=utf-8'));
    });
}
