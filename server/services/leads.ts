/**
 * Leads from other channels: staff type in a tip received by phone, letter
 * or visit. It goes through the same intake as a web report (same channel
 * routing, encryption and deadlines), records its source, and gets a
 * tracking code for staff to hand to the person.
 */
import type { StaffSession } from '../auth/session-store';
import type { z } from 'zod';
import type { leadSchema } from '../../contract/schemas/staff-reports';
import { findReportById } from '../data/reports';
import { auditCase } from './case-access';
import { submitReport, type IntakeDeps } from './intake';

/** Store the lead; returns its id and formatted tracking code. Audited as 'lead.entered'. */
export async function enterLead(
  deps: IntakeDeps,
  session: StaffSession,
  lead: z.output<typeof leadSchema>,
  now: Date,
): Promise<{ id: number; trackingCode: string }> {
  const { source, ...submission } = lead;
  const { trackingCode, reportId } = await submitReport(deps, submission, { now, source });
  const channelId = findReportById(deps.db, reportId)?.channelId ?? null;
  if (channelId !== null) auditCase(deps.db, session, 'lead.entered', { id: reportId, channelId }, now, { source });
  return { id: reportId, trackingCode };
}
