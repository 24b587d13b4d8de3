/**
 * Runs the fuzz tests' requests: sends each one, judges the answer
 * (fuzz.ts), and compares what is stored before and after, so that a
 * rejected request that stored anything fails with the request that did it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_TOKEN, answerProblems, describeRequest, ENDED_TOKEN, send, staffGuardProblems, type Answer, type FuzzRequest } from './fuzz';
import type { TestInstance } from './instance';

export const TABLES = [
  'reports',
  'report_messages',
  'report_files',
  'case_records',
  'report_links',
  'staff',
  'channels',
  'channel_grants',
  'audit_log',
] as const;
type Table = (typeof TABLES)[number];

/** What is stored: rows per table, every row change on the app's connection, and the files on disk. */
export interface StoreSnapshot {
  counts: Record<Table, number>;
  /** SQLite total_changes(): moves on any INSERT, UPDATE or DELETE, even one that keeps the counts. */
  changes: number;
  files: string;
}

export function snapshotStore(t: TestInstance): StoreSnapshot {
  const counts = {} as Record<Table, number>;
  for (const table of TABLES) counts[table] = t.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
  const changes = t.db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n ?? 0;
  const dir = path.join(t.dataDir, 'files');
  const files = [...readdirSync(dir).filter((name) => name !== 'incoming'), ...readdirSync(path.join(dir, 'incoming')).map((name) => `incoming/${name}`)]
    .sort()
    .join(',');
  return { counts, changes, files };
}

/** New audit actions since `afterId`. */
export function auditActionsAfter(t: TestInstance, afterId: number): string[] {
  return t.db
    .prepare<[number], { action: string }>('SELECT action FROM audit_log WHERE id > ? ORDER BY id')
    .all(afterId)
    .map((row) => row.action);
}

export function lastAuditId(t: TestInstance): number {
  return t.db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM audit_log').get()?.id ?? 0;
}

/**
 * fast-check settings for a property of `numRuns` requests. No shrinking:
 * the app keeps state between requests, so a shrunk request would not meet
 * the same instance; the failing request itself is reported, with the seed.
 */
export function runs(numRuns: number): { numRuns: number; endOnFailure: true } {
  return { numRuns, endOnFailure: true };
}

/** What Object.prototype holds before any request: a "__proto__" key must never add to it. */
const OBJECT_PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).join();

export class FuzzRunner {
  sent = 0;
  readonly statuses = new Map<number, number>();

  constructor(
    private readonly t: TestInstance,
    private readonly tokens: { admin: () => string; ended: string },
  ) {}

  /** Errors nobody handled (in a server process: a crash), seen while a request ran. */
  private readonly uncaught: string[] = [];
  private readonly onUncaught = (error: unknown): void => {
    this.uncaught.push(error instanceof Error ? error.message : String(error));
  };

  /** Send one request and judge it; throws with what went wrong. */
  async check(generated: FuzzRequest): Promise<void> {
    const req = this.withTokens(generated);
    const before = snapshotStore(this.t);
    const auditBefore = lastAuditId(this.t);
    process.on('uncaughtException', this.onUncaught);
    process.on('unhandledRejection', this.onUncaught);
    let answer: Answer;
    try {
      answer = await send(this.t, req);
      // Late stream errors surface on the next turns of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    } catch (error) {
      throw new Error(`${String(error)}\n  request: ${describeRequest(req)}`);
    } finally {
      process.off('uncaughtException', this.onUncaught);
      process.off('unhandledRejection', this.onUncaught);
    }
    this.sent += 1;
    this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
    const problems = [...answerProblems(req, answer), ...staffGuardProblems(generated, answer)];
    if (this.uncaught.length > 0) problems.push(`an unhandled error: ${this.uncaught.splice(0).join('; ')}`);
    if (Object.getOwnPropertyNames(Object.prototype).join() !== OBJECT_PROTOTYPE) problems.push('Object.prototype was changed');
    if (answer.status >= 400) problems.push(...this.storedProblems(before, auditBefore));
    if (problems.length > 0) {
      throw new Error(`${problems.join('; ')}\n  request: ${describeRequest(req)}\n  answer: ${answer.status} ${answer.text.slice(0, 400)}`);
    }
  }

  private withTokens(req: FuzzRequest): FuzzRequest {
    const cookie = req.headers['Cookie'];
    if (cookie === undefined) return req;
    const filled = cookie.replaceAll(ADMIN_TOKEN, this.tokens.admin()).replaceAll(ENDED_TOKEN, this.tokens.ended);
    return { ...req, headers: { ...req.headers, Cookie: filled } };
  }

  private storedProblems(before: StoreSnapshot, auditBefore: number): string[] {
    const after = snapshotStore(this.t);
    if (after.changes === before.changes && after.files === before.files) return [];
    const grew = TABLES.filter((table) => after.counts[table] !== before.counts[table]);
    const actions = auditActionsAfter(this.t, auditBefore);
    return [`a rejected request stored something: tables ${grew.join(',') || '(rows changed)'}, audit ${actions.join(',')}, files ${before.files} -> ${after.files}`];
  }
}
