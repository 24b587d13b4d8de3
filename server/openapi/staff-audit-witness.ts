/** The witness route of the audit trail in the OpenAPI document. */
import { consistencyRequestSchema, consistencyResponseSchema } from '../../contract/audit-checkpoint';
import { errors, jsonBody, jsonResponse, type Paths } from './helpers';
import { staffOperation } from './staff-accounts';

export const staffAuditWitnessPaths: Paths = {
  '/api/staff/audit/consistency': {
    post: staffOperation('auditConsistency', 'any staff member', {
      summary:
        'A console asks, at sign-in, whether the audit trail still holds the signed checkpoint it remembers (null the first time). ' +
        'Answers the current signed checkpoint (signed now if entries are uncovered), the instance public key, and `result`: ' +
        'first_sight, consistent, fork (the entry at the remembered size has another hash), cut (the trail is shorter) or bad_signature. ' +
        'Anything but consistent is audited as audit.witness_mismatch.',
      requestBody: jsonBody(consistencyRequestSchema),
      responses: {
        200: jsonResponse('The current checkpoint and what the trail says of the remembered one.', consistencyResponseSchema),
        ...errors(400, 401, 403),
      },
    }),
  },
};
