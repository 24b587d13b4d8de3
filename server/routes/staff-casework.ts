/**
 * The case workflow: POST /reports/:id/{status,priority,assignee,
 * public-message,replies,notes,referrals,interference,links,close,
 * reveal-contact,move}, GET /reports/:id/assignees and GET /interference. Every route opens the report
 * first, so one outside the caller's channels answers 404 like a missing one,
 * and every one of them is a write that someone else's live lease refuses
 * (409 lease_held, server/services/case-lease.ts): checked here before any
 * work, and again inside each write's transaction.
 * State changes answer with the report's updated queue row.
 */
import { Hono } from 'hono';
import type { StaffSession } from '../auth/session-store';
import { listChannelMembers } from '../data/assignees';
import { findReportMeta } from '../data/report-metadata';
import { jsonInput } from '../http/json-input';
import { queryInput } from '../http/query-input';
import { requireStaff, type StaffVariables } from '../http/staff-auth';
import {
  assigneeSchema,
  closeSchema,
  interferenceQuerySchema,
  interferenceSchema,
  linkSchema,
  messageSchema,
  moveSchema,
  noteSchema,
  prioritySchema,
  referralSchema,
  revealContactSchema,
  statusChangeSchema,
} from '../../contract/schemas/staff-reports';
import { openCase, parseReportId, reportNotFound, type OpenCase } from '../services/case-access';
import { assertLeaseAllows } from '../services/case-lease';
import { addInterference, addNote, addReferral, closeWithOutcome, interferenceRegister, revealContact } from '../services/case-notes';
import { reply, setPublicMessage } from '../services/case-messages';
import { summaryOf } from '../services/case-view';
import type { ReportSummary } from '../../contract/schemas/staff-views';
import { changeAssignee, changePriority, changeStatus, link } from '../services/casework';
import { moveReport } from '../services/report-move';
import { indexAfterMove } from '../services/search-index';
import { staffAuthDeps, type RouteDeps } from './deps';

export function staffCaseworkRoutes(deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  const caseworkers = requireStaff(staffAuthDeps(deps), { roles: ['triager', 'admin'] });
  const { db } = deps;
  // Takes the context's parts, not the context: each route's context type carries its own input.
  const open = (c: { get(key: 'staff'): StaffSession; req: { param(key: 'id'): string } }): OpenCase => {
    const opened = openCase(db, c.get('staff'), parseReportId(c.req.param('id')));
    assertLeaseAllows(db, c.get('staff'), opened.meta.id, deps.now());
    return opened;
  };
  const summary = (id: number, session: StaffSession): ReportSummary => {
    const meta = findReportMeta(db, id);
    if (!meta) throw reportNotFound();
    return summaryOf(meta, deps.now(), session.staffId);
  };

  return new Hono<{ Variables: StaffVariables }>()
    .post('/reports/:id/status', caseworkers, jsonInput(statusChangeSchema), (c) => {
      const opened = open(c);
      changeStatus(db, c.get('staff'), opened, c.get('input').status, deps.now());
      return c.json(summary(opened.meta.id, c.get('staff')), 200);
    })
    .post('/reports/:id/priority', caseworkers, jsonInput(prioritySchema), (c) => {
      const opened = open(c);
      changePriority(db, c.get('staff'), opened, c.get('input').priority, deps.now());
      return c.json(summary(opened.meta.id, c.get('staff')), 200);
    })
    // A read, so another member's lease does not refuse it; the report must be in the caller's channels (404 otherwise).
    .get('/reports/:id/assignees', caseworkers, (c) => {
      const opened = openCase(db, c.get('staff'), parseReportId(c.req.param('id')));
      return c.json({ assignees: listChannelMembers(db, opened.meta.channelId) }, 200);
    })
    .post('/reports/:id/assignee', caseworkers, jsonInput(assigneeSchema), (c) => {
      const opened = open(c);
      changeAssignee(db, c.get('staff'), opened, c.get('input').staffId, deps.now());
      return c.json(summary(opened.meta.id, c.get('staff')), 200);
    })
    .post('/reports/:id/public-message', caseworkers, jsonInput(messageSchema), async (c) => {
      const opened = open(c);
      await setPublicMessage(db, c.get('staff'), opened, c.get('input').body, deps.now());
      return c.json(summary(opened.meta.id, c.get('staff')), 200);
    })
    .post('/reports/:id/replies', caseworkers, jsonInput(messageSchema), async (c) => {
      const id = await reply(db, c.get('staff'), open(c), c.get('input').body, deps.now());
      return c.json({ id }, 201);
    })
    .post('/reports/:id/notes', caseworkers, jsonInput(noteSchema), async (c) => {
      const { id, signature } = await addNote(db, c.get('staff'), open(c), c.get('input'), deps.now());
      return c.json({ id, signature }, 201);
    })
    .post('/reports/:id/referrals', caseworkers, jsonInput(referralSchema), async (c) => {
      const opened = open(c);
      const { id, signature } = await addReferral(db, c.get('staff'), opened, c.get('input'), deps.now());
      return c.json({ id, signature, report: summary(opened.meta.id, c.get('staff')) }, 201);
    })
    .post('/reports/:id/interference', caseworkers, jsonInput(interferenceSchema), async (c) => {
      const { id, signature } = await addInterference(db, c.get('staff'), open(c), c.get('input'), deps.now());
      return c.json({ id, signature }, 201);
    })
    .post('/reports/:id/links', caseworkers, jsonInput(linkSchema), (c) => {
      const opened = open(c);
      const { relatedId } = c.get('input');
      const related = link(db, c.get('staff'), opened, relatedId, deps.now());
      return c.json({ reportId: opened.meta.id, relatedId, related }, 201);
    })
    .post('/reports/:id/close', caseworkers, jsonInput(closeSchema), async (c) => {
      const opened = open(c);
      const { outcome } = c.get('input');
      const record = await closeWithOutcome(db, c.get('staff'), opened, outcome, deps.now());
      return c.json({ ...summary(opened.meta.id, c.get('staff')), closingRecord: record }, 200);
    })
    .post('/reports/:id/reveal-contact', caseworkers, jsonInput(revealContactSchema), async (c) => {
      const { contact, record } = await revealContact(db, c.get('staff'), open(c), c.get('input').reason, deps.now());
      return c.json({ contact, record }, 200);
    })
    .post('/reports/:id/move', caseworkers, jsonInput(moveSchema), async (c) => {
      const opened = open(c);
      await moveReport(db, deps.files, c.get('staff'), opened, c.get('input').channel, deps.now());
      await indexAfterMove(db, c.get('staff'), opened.meta.id);
      return c.json(summary(opened.meta.id, c.get('staff')), 200);
    })
    .get('/interference', caseworkers, queryInput(interferenceQuerySchema), async (c) =>
      c.json(await interferenceRegister(db, c.get('staff'), c.get('query'), deps.now()), 200),
    );
}
