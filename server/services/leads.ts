/**
 * Leads from other channels: staff type in a tip received by phone, letter
 * or visit, with any files handed over. It goes through the same intake as a
 * web report (same channel routing, encryption, file cleaning and
 * deadlines), records its source, and gets a tracking code for staff to
 * hand to the person.
 */
import type { StaffSession } from '../auth/session-store';
import type { Lead } from '../../contract/schemas/staff-reports';
import { findReportById } from '../data/reports';
import type { ReceivedFile } from '../files/receive-file';
import { auditCase } from './case-access';
import { prepareReport, storeReport, type IntakeDeps, type PreparedReport } from './intake';

/** Files received for a lead, with the code and key they were encrypted to. */
export interface ReceivedLeadFiles {
  prepared: PreparedReport;
  files: readonly ReceivedFile[];
}

/** Store the lead; returns its id and formatted tracking code. Audited as 'lead.entered' with its source and file count. */
export async function enterLead(
  deps: IntakeDeps,
  session: StaffSession,
  lead: Lead,
  now: Date,
  received?: ReceivedLeadFiles,
): Promise<{ id: number; trackingCode: string }> {
  const { source, ...submission } = lead;
  const prepared = received?.prepared ?? (await prepareReport(deps, submission.category));
  const files = received?.files ?? [];
  const { trackingCode, reportId } = await storeReport(deps, prepared, submission, files, { now, source });
  const channelId = findReportById(deps.db, reportId)?.channelId ?? null;
  if (channelId !== null) auditCase(deps.db, session, 'lead.entered', { id: reportId, channelId }, now, { source, files: files.length });
  return { id: reportId, trackingCode };
}
