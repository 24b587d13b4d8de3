/**
 * Reports with the low-effort marker for API tests, made the way the
 * admission layer will make them: through the intake service with
 * `lowEffort: true` (optionally with evidence files, received as the upload
 * route receives them), at a chosen received hour.
 */
import { Readable } from 'node:stream';
import { receiveFile, UploadBudget } from '../../server/files/receive-file';
import { prepareReport, storeReport, type IntakeDeps } from '../../server/services/intake';
import type { Category } from '../../contract/vocabulary';
import type { TestInstance } from './instance';
import { noise } from './uploads';

export const HOUR_MS = 3_600_000;

/** The hour `hoursAgo` before the test clock's now, as the database keeps it. */
export function hourAgo(t: TestInstance, hoursAgo: number): { at: Date; hour: string } {
  const at = new Date(t.clock.now().getTime() - hoursAgo * HOUR_MS);
  return { at, hour: `${at.toISOString().slice(0, 13)}:00:00Z` };
}

/** Store a report through the intake service; returns its id and tracking code. */
export async function storeThroughIntake(
  t: TestInstance,
  options: { lowEffort: boolean; at: Date; category?: Category; region?: string; files?: number },
): Promise<{ id: number; trackingCode: string }> {
  const deps: IntakeDeps = { db: t.db, instanceKey: t.instanceKey, kdf: t.kdf.reporter, deadlines: t.config.deadlines, files: t.files };
  const category = options.category ?? 'organised_crime';
  const prepared = await prepareReport(deps, category);
  const budget = new UploadBudget(t.config.uploads);
  const files = [];
  for (let i = 0; i < (options.files ?? 0); i += 1) {
    files.push(await receiveFile(t.files, Readable.from([Buffer.from(noise(3000, i + 1))]), { name: `scan-${i}.bin`, recipients: prepared.recipients, keepMetadata: false, budget }));
  }
  const submission = { category, details: 'Flyers for a gambling site, the same text again and again.', ...(options.region ? { region: options.region } : {}) };
  const { reportId, trackingCode } = await storeReport(deps, prepared, submission, files, { now: options.at, lowEffort: options.lowEffort });
  return { id: reportId, trackingCode };
}
