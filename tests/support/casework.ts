/** Helpers for the queue and casework API tests: submit reports, read JSON, move the queue out of the way. */
import { expect } from 'vitest';
import { postJson, type TestInstance } from './instance';

export interface Submitted {
  id: number;
  trackingCode: string;
}

/** Submit a report through the public API; returns its id and tracking code. */
export async function submit(t: TestInstance, fields: Record<string, unknown> = {}): Promise<Submitted> {
  const res = await postJson(t.app, '/api/reports', {
    category: 'official_protection',
    details: 'The district officer takes payments to ignore the gambling den.',
    ...fields,
  });
  expect(res.status).toBe(201);
  const { trackingCode } = (await res.json()) as { trackingCode: string };
  const id = t.db.prepare<[], { id: number }>('SELECT max(id) AS id FROM reports').get()?.id ?? 0;
  return { id, trackingCode };
}

/** The JSON body of a response, after checking its status. */
export async function jsonOf<T = Record<string, unknown>>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/** Close every report directly in the database, so a test starts with an empty queue. */
export function emptyQueue(t: TestInstance): void {
  t.db.prepare("UPDATE reports SET status = 'closed', lease_staff_id = NULL, lease_expires_at = NULL").run();
}

/** What the reporter sees with their code. */
export async function reporterView(
  t: TestInstance,
  trackingCode: string,
): Promise<{ status: string; publicMessage?: string; referral?: { agency: string }; messages: { from: string; body: string }[] }> {
  return jsonOf(await postJson(t.app, '/api/status', { trackingCode }), 200);
}

/** Audit entries of one action, detail parsed. */
export function auditEntries(t: TestInstance, action: string): { reportId: number | null; actorStaffId: number | null; detail: Record<string, unknown> }[] {
  return t.db
    .prepare<[string], { reportId: number | null; actorStaffId: number | null; detail: string }>(
      'SELECT report_id AS reportId, actor_staff_id AS actorStaffId, detail FROM audit_log WHERE action = ? ORDER BY id',
    )
    .all(action)
    .map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}

/** A valid structured interference entry (POST /reports/{id}/interference), with any fields replaced. */
export function interferenceEntry(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    who: { name: 'A city councillor', position: 'Deputy chair', unit: 'Planning committee' },
    when: { date: '2026-11-17', note: 'in the afternoon' },
    how: 'call',
    asked: 'To drop the case against his cousin.',
    reportedToSuperior: true,
    followUp: 'Refused; the call was noted.',
    ...fields,
  };
}
