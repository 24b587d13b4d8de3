/**
 * Reply templates admins manage and caseworkers pick from when answering a
 * reporter. Each change is audited with the template's id only: the text is
 * in the table, and the audit log never holds prose.
 */
import type { StaffSession } from '../auth/session-store';
import { appendAudit } from '../data/audit';
import type { Db } from '../data/database';
import { deleteReplyTemplate, insertReplyTemplate, updateReplyTemplate } from '../data/reply-templates';
import { fail } from '../errors';
import type { ReplyTemplateInput } from '../../contract/schemas/reply-templates';
import { toSecond } from '../time';

/** A new template; audited as reply_template.created. */
export function createReplyTemplate(db: Db, admin: StaffSession, input: ReplyTemplateInput, now: Date): { id: number } {
  const at = toSecond(now);
  return db
    .transaction(() => {
      const id = insertReplyTemplate(db, input, admin.staffId, at);
      appendAudit(db, { at, actorStaffId: admin.staffId, action: 'reply_template.created', detail: { templateId: id } });
      return { id };
    })
    .immediate();
}

/** Rewrite a template (404 when there is none); audited as reply_template.changed. */
export function changeReplyTemplate(db: Db, admin: StaffSession, id: number, input: ReplyTemplateInput, now: Date): void {
  const at = toSecond(now);
  db.transaction(() => {
    if (!updateReplyTemplate(db, id, input, at)) throw fail('not_found');
    appendAudit(db, { at, actorStaffId: admin.staffId, action: 'reply_template.changed', detail: { templateId: id } });
  }).immediate();
}

/** Delete a template (404 when there is none); audited as reply_template.deleted. */
export function removeReplyTemplate(db: Db, admin: StaffSession, id: number, now: Date): void {
  const at = toSecond(now);
  db.transaction(() => {
    if (!deleteReplyTemplate(db, id)) throw fail('not_found');
    appendAudit(db, { at, actorStaffId: admin.staffId, action: 'reply_template.deleted', detail: { templateId: id } });
  }).immediate();
}
