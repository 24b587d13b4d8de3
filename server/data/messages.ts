/** Messages between staff and a reporter, each an age ciphertext. */
import type { Db } from './database';
import type { MessageAuthor } from '../../contract/vocabulary';


export interface MessageRecord {
  id: number;
  author: MessageAuthor;
  body: Buffer;
  /** Hour-truncated. */
  createdAt: string;
}

/** Append a message to a report; returns its id. */
export function insertMessage(
  db: Db,
  message: { reportId: number; author: MessageAuthor; staffId: number | null; body: Uint8Array; createdAt: string },
): number {
  const result = db
    .prepare('INSERT INTO report_messages (report_id, author, staff_id, body, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(message.reportId, message.author, message.staffId, message.body, message.createdAt);
  return Number(result.lastInsertRowid);
}

/** A report's messages in the order they were written. */
export function listMessages(db: Db, reportId: number): MessageRecord[] {
  return db
    .prepare<[number], MessageRecord>(
      'SELECT id, author, body, created_at AS createdAt FROM report_messages WHERE report_id = ? ORDER BY id',
    )
    .all(reportId);
}
