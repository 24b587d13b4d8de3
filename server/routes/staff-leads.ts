/**
 * POST /leads: a tip taken by phone, letter or visit, entered by staff;
 * answers with the tracking code to hand over. JSON, or multipart with
 * evidence files received exactly as the web form's are (same limits,
 * metadata removal, encryption to the channel and the lead's reporter key).
 */
import { Hono, type Context, type MiddlewareHandler, type Next } from 'hono';
import { jsonInput } from '../http/json-input';
import { validUpload } from '../http/input';
import { requireStaff, type StaffVariables } from '../http/staff-auth';
import { leadSchema, type Lead } from '../../contract/schemas/staff-reports';
import type { ReceivedFile } from '../files/receive-file';
import { fail } from '../errors';
import { enterLead } from '../services/leads';
import { prepareReport, type IntakeDeps, type PreparedReport } from '../services/intake';
import { staffAuthDeps, type RouteDeps } from './deps';
import { limitUploadBody, uploadRoute } from './uploads';

type LeadVariables = StaffVariables & { input: Lead; prepared?: PreparedReport; files?: ReceivedFile[] };

export function staffLeadRoutes(deps: RouteDeps): Hono<{ Variables: StaffVariables }> {
  const caseworkers = requireStaff(staffAuthDeps(deps), { roles: ['triager', 'admin'] });
  const intake: IntakeDeps = {
    db: deps.db,
    instanceKey: deps.instanceKey,
    kdf: deps.kdf.staff,
    deadlines: deps.config.deadlines,
    files: deps.files,
    regions: deps.regions,
  };
  return new Hono<{ Variables: StaffVariables }>().post('/leads', caseworkers, leadInput(deps, intake), async (c) => {
    const prepared = c.get('prepared');
    const received = prepared === undefined ? undefined : { prepared, files: c.get('files') ?? [] };
    return c.json(await enterLead(intake, c.get('staff'), c.get('input'), deps.now(), received), 201);
  });
}

/** JSON as before; multipart through the reporter's upload pipeline, answering JSON errors only. */
function leadInput(deps: RouteDeps, intake: IntakeDeps): MiddlewareHandler<{ Variables: LeadVariables }> {
  const json = jsonInput(leadSchema);
  // JSON keeps the staff API's body limit (app.ts); multipart gets the web form's.
  const uploadLimit = limitUploadBody(deps.config);
  const multipart = validUpload(
    leadSchema,
    (_c, invalid) => {
      throw fail('invalid_input', invalid.fields);
    },
    uploadRoute(deps, {
      // The code and reporter key come first: files are encrypted to them as they arrive.
      prepare: async (_c, input) => {
        const prepared = await prepareReport(intake, input.category);
        return { value: prepared, recipients: prepared.recipients };
      },
      renderUploadProblem: (_c, { error }) => {
        throw error;
      },
    }),
  );
  // One of two readers by content type; each sets `input` (and, for multipart, `prepared` and `files`).
  return async (c: Context, next: Next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'multipart/form-data') return json(c, next);
    let answer: Response | void = undefined;
    await uploadLimit(c, async () => {
      answer = await multipart(c, next);
    });
    return answer;
  };
}
