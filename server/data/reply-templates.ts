/** Reply templates: generic phrases in clear, one language each. */
import type { Lang } from '../../contract/languages';
import type { ReplyTemplate, ReplyTemplateInput } from '../../contract/schemas/reply-templates';
import type { Db } from './database';

const COLUMNS = 'SELECT id, language, title, body FROM reply_templates';

/** The templates of one language, or of all, by language and title. */
export function listReplyTemplates(db: Db, language: Lang | undefined): ReplyTemplate[] {
  return language === undefined
    ? db.prepare<[], ReplyTemplate>(`${COLUMNS} ORDER BY language, title, id`).all()
    : db.prepare<[string], ReplyTemplate>(`${COLUMNS} WHERE language = ? ORDER BY title, id`).all(language);
}

/** Store a template; returns its id. */
export function insertReplyTemplate(db: Db, template: ReplyTemplateInput, createdBy: number, at: string): number {
  return Number(
    db
      .prepare('INSERT INTO reply_templates (language, title, body, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(template.language, template.title, template.body, createdBy, at, at).lastInsertRowid,
  );
}

/** Rewrite a template; false when there is none with that id. */
export function updateReplyTemplate(db: Db, id: number, template: ReplyTemplateInput, at: string): boolean {
  return (
    db.prepare('UPDATE reply_templates SET language = ?, title = ?, body = ?, updated_at = ? WHERE id = ?').run(template.language, template.title, template.body, at, id)
      .changes === 1
  );
}

/** Delete a template; false when there is none with that id. */
export function deleteReplyTemplate(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM reply_templates WHERE id = ?').run(id).changes === 1;
}
