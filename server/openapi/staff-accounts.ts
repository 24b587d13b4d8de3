/** Staff sign-in, account, admin and audit routes in the OpenAPI document. */
import { BACKGROUND_HEADER, IDLE_ENDS_HEADER } from '../../contract/staff-session-headers';
import { renameChannelSchema } from '../../contract/schemas/channels';
import { grantSchema, newChannelSchema, newStaffSchema } from '../../contract/schemas/staff-admin';
import {
  loginSchema,
  passwordChangedSchema,
  passwordChangeSchema,
  recoverSchema,
  recoveryCodeSchema,
  sessionInfoSchema,
  totpCodeSchema,
  totpEnrolmentSchema,
} from '../../contract/schemas/staff-auth';
import {
  auditPageSchema,
  auditTrailPageSchema,
  channelCreatedSchema,
  channelListSchema,
  channelRenamedSchema,
  grantListSchema,
  staffCreatedSchema,
  staffListSchema,
  statisticsQuerySchema,
  statisticsSchema,
} from '../../contract/schemas/staff-oversight-views';
import { errors, jsonBody, jsonResponse, queryParameters, type Operation, type Paths } from './helpers';

const backgroundHeader = {
  name: BACKGROUND_HEADER,
  in: 'header',
  required: false,
  description:
    '`1` when the console sends the request by itself (lease renewal, polling, its own session checks) rather than for something ' +
    'a person did: it does not restart the idle timeout (SESSION_IDLE_MINUTES). Renewing a lease never does, with or without it. ' +
    `Every answer to a live session carries ${IDLE_ENDS_HEADER}: when the idle timeout ends the session (ISO time).`,
  schema: { type: 'string', enum: ['1'] },
};

/** An operation behind the session cookie, for the given roles. */
export function staffOperation(operationId: string, roles: string, operation: Operation): Operation {
  const parameters = Array.isArray(operation['parameters']) ? (operation['parameters'] as unknown[]) : [];
  return {
    operationId,
    tags: ['staff'],
    security: [{ staffSession: [] }],
    description: `Roles: ${roles}. State-changing requests must be same-origin (Sec-Fetch-Site or Origin).`,
    ...operation,
    parameters: [...parameters, backgroundHeader],
  };
}

const noContent = { description: 'Done.' };

export const staffAccountPaths: Paths = {
  '/api/staff/login': {
    post: {
      operationId: 'staffLogin',
      tags: ['staff'],
      description:
        'Sets the HttpOnly, SameSite=Strict session cookie, and the device cookie (path /api/staff) with which this browser skips the per-username slow-down next time. `totp` is required once a second factor is enabled. 429 with Retry-After while the username is slowed down (known and unknown usernames alike).',
      requestBody: jsonBody(loginSchema),
      responses: { 200: jsonResponse('Signed in.', sessionInfoSchema), ...errors(400, 401, 403, 429, 503) },
    },
  },
  '/api/staff/logout': { post: staffOperation('staffLogout', 'any', { responses: { 204: noContent, ...errors(401) } }) },
  '/api/staff/me': {
    get: staffOperation('staffMe', 'any', {
      summary: 'The session, and when the idle timeout ends it; with the background header, asking does not extend it.',
      responses: { 200: jsonResponse('The session.', sessionInfoSchema), ...errors(401) },
    }),
  },
  '/api/staff/password': {
    post: staffOperation('changePassword', 'any', {
      requestBody: jsonBody(passwordChangeSchema),
      responses: { 200: jsonResponse('Changed; the session as it now stands and a new recovery code, shown once.', passwordChangedSchema), ...errors(400, 401) },
    }),
  },
  '/api/staff/recover': {
    post: {
      operationId: 'recoverAccount',
      tags: ['staff'],
      description: 'Never slowed down per username (a recovery code has about 124 bits). Sets the device cookie, so this browser can sign in with the new password even while the username is slowed down.',
      requestBody: jsonBody(recoverSchema),
      responses: { 200: jsonResponse('Password reset; a new recovery code, shown once.', recoveryCodeSchema), ...errors(400, 401, 503) },
    },
  },
  '/api/staff/totp/enrol': {
    post: staffOperation('enrolTotp', 'any', {
      responses: { 200: jsonResponse('A new secret and its otpauth:// URI, to confirm.', totpEnrolmentSchema), ...errors(401, 409) },
    }),
  },
  '/api/staff/totp/confirm': {
    post: staffOperation('confirmTotp', 'any', { requestBody: jsonBody(totpCodeSchema), responses: { 200: jsonResponse('Enabled.', sessionInfoSchema), ...errors(400, 401, 409) } }),
  },
  '/api/staff/totp/disable': {
    post: staffOperation('disableTotp', 'any (not when REQUIRE_TOTP)', { requestBody: jsonBody(totpCodeSchema), responses: { 200: jsonResponse('Disabled.', sessionInfoSchema), ...errors(400, 401, 403, 409) } }),
  },
  '/api/staff/admin/staff': {
    get: staffOperation('listStaff', 'admin', { responses: { 200: jsonResponse('Accounts and their channels; no key material.', staffListSchema), ...errors(401, 403) } }),
    post: staffOperation('addStaff', 'admin', {
      requestBody: jsonBody(newStaffSchema),
      responses: { 201: jsonResponse('Created; the member changes the password at first sign-in.', staffCreatedSchema), ...errors(400, 401, 403, 409) },
    }),
  },
  '/api/staff/admin/staff/{id}/disable': { post: staffOperation('disableStaff', 'admin', { responses: { 204: noContent, ...errors(401, 403, 404, 409) } }) },
  '/api/staff/admin/staff/{id}/enable': { post: staffOperation('enableStaff', 'admin', { responses: { 204: noContent, ...errors(401, 403, 404, 409) } }) },
  '/api/staff/admin/channels': {
    get: staffOperation('listChannels', 'admin', { responses: { 200: jsonResponse('Channels with holder and report counts.', channelListSchema), ...errors(401, 403) } }),
    post: staffOperation('addChannel', 'admin', {
      requestBody: jsonBody(newChannelSchema),
      responses: { 201: jsonResponse('Created and held by the caller.', channelCreatedSchema), ...errors(400, 401, 403, 409) },
    }),
  },
  '/api/staff/admin/channels/{id}/names': {
    post: staffOperation('renameChannel', 'admin', {
      requestBody: jsonBody(renameChannelSchema),
      responses: { 200: jsonResponse('Renamed: the default name, and the name and description in each language (an empty text clears it).', channelRenamedSchema), ...errors(400, 401, 403, 404) },
    }),
  },
  '/api/staff/admin/grants': {
    get: staffOperation('listGrants', 'admin', { responses: { 200: jsonResponse('Who holds which channel key.', grantListSchema), ...errors(401, 403) } }),
    post: staffOperation('grantChannel', 'admin holding the channel', { requestBody: jsonBody(grantSchema), responses: { 204: noContent, ...errors(400, 401, 403, 404, 409) } }),
  },
  '/api/staff/audit': {
    get: staffOperation('listAudit', 'auditor, admin', { responses: { 200: jsonResponse('Entries newest first (`limit`, `before`) and the chain verification.', auditTrailPageSchema), ...errors(400, 401, 403) } }),
  },
  '/api/staff/stats': {
    get: staffOperation('statistics', 'auditor, admin', {
      parameters: queryParameters(statisticsQuerySchema),
      responses: {
        200: jsonResponse(
          'For leads received (and register entries recorded) from `from` to `to`: counts by channel, category, region, status and month; median hours to acknowledge; overdue counts; referrals, outcomes, interference entries and overdue leads by channel and region.',
          statisticsSchema,
        ),
        ...errors(400, 401, 403),
      },
    }),
  },
  '/api/staff/reports/{id}/audit': {
    get: staffOperation('reportAudit', 'triager or admin of the report\'s channel', { responses: { 200: jsonResponse('The report\'s audit entries.', auditPageSchema), ...errors(401, 403, 404) } }),
  },
};
