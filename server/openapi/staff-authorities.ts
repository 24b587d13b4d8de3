/** Authorities and referral packages in the OpenAPI document. */
import { authorityListSchema, authoritySchema, newAuthoritySchema, referralPackageSchema } from '../../contract/schemas/authorities';
import { errors, jsonBody, jsonResponse, type Paths } from './helpers';
import { staffOperation } from './staff-accounts';

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };

export const staffAuthorityPaths: Paths = {
  '/api/staff/authorities': {
    get: staffOperation('listAuthorities', 'triager, admin', {
      summary: 'The authorities a lead can be referred to with a referral package, by name. Admins see disabled ones too (disabled: true).',
      responses: { 200: jsonResponse('The authorities.', authorityListSchema), ...errors(401, 403) },
    }),
    post: staffOperation('registerAuthority', 'admin', {
      summary:
        'Register an authority: name, jurisdiction and its age recipient, X25519 (age1…) or post-quantum hybrid (age1pq1…), checked by parsing it ' +
        'with the age library; anything else is 400 invalid_recipient. Audited as authority.registered with the id and key type.',
      requestBody: jsonBody(newAuthoritySchema),
      responses: { 201: jsonResponse('The new authority.', authoritySchema), ...errors(400, 401, 403) },
    }),
  },
  '/api/staff/authorities/{id}/disable': {
    post: staffOperation('disableAuthority', 'admin', {
      summary: 'Stop offering an authority for referral packages; it stays in the records that name it. Audited as authority.disabled.',
      parameters: [idParameter],
      responses: { 204: { description: 'Disabled.' }, ...errors(401, 403, 404) },
    }),
  },
  '/api/staff/reports/{id}/referral-package': {
    post: staffOperation('makeReferralPackage', 'triager, admin', {
      summary:
        'Refer the lead to a registered authority with a referral package, downloaded as one age file encrypted to that authority alone: a plain tar holding case.html ' +
        '(the case file in `language`), evidence/<n>-<name> (every evidence file, decrypted), records/<id>.json (the signed case records), manifest.json (every file\'s ' +
        'SHA-256 and size, the signatures, the latest audit checkpoint, the instance public key) and manifest.sig (Ed25519 over manifest.json by the instance signing key). ' +
        'Contact details go in only with includeContact.reason (recorded and audited as report.contact_revealed). The referral is recorded as by POST /reports/{id}/referrals ' +
        '(the reporter sees the authority unless tellReporter is false) and the package\'s SHA-256 is audited as report.package_exported. Open it with ' +
        '`age -d -i KEY FILE | tar x`; check it with `tipline verify-package`. 400 for an unknown or disabled authority, 409 on a closed lead or while someone else holds its lease.',
      parameters: [idParameter],
      requestBody: jsonBody(referralPackageSchema),
      responses: {
        200: {
          description: 'The package (referral-<id>-<yyyymmdd>.tar.age); its SHA-256 also in the X-Tipline-Package-Sha256 header.',
          headers: { 'X-Tipline-Package-Sha256': { schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } } },
          content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
        },
        ...errors(400, 401, 403, 404, 409),
      },
    }),
  },
};
