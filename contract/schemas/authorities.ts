/**
 * Authorities and referral packages (POST/GET /authorities,
 * POST /reports/:id/referral-package): the request and answer shapes.
 */
import { z } from 'zod';
import { LANGS } from '../languages';
import { CHANNEL_KEY_TYPES } from '../staff-vocabulary';

const text = (min: number, max: number): z.ZodString => z.string().trim().min(min).max(max);

/** A hybrid post-quantum recipient is about 1,950 characters; this leaves room and refuses anything absurd. */
export const RECIPIENT_MAX = 4_000;

/** POST /authorities. */
export const newAuthoritySchema = z.object({
  name: text(1, 200).meta({ description: 'The authority, as staff choose it when referring (e.g. "City Prosecutors Office").' }),
  jurisdiction: text(1, 200).meta({ description: 'What it has jurisdiction over (area, kind of case).' }),
  recipient: z
    .string()
    .trim()
    .min(1)
    .max(RECIPIENT_MAX)
    .meta({ description: 'The authority\'s age recipient: X25519 (`age1…`) or post-quantum hybrid (`age1pq1…`). Anything else is 400 invalid_recipient.' }),
});
export type NewAuthority = z.output<typeof newAuthoritySchema>;

export const authoritySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  jurisdiction: z.string(),
  recipient: z.string(),
  keyType: z.enum(CHANNEL_KEY_TYPES),
  createdAt: z.string(),
  disabled: z.boolean(),
});
export type Authority = z.infer<typeof authoritySchema>;

/** GET /authorities: by name; disabled ones only for admins. */
export const authorityListSchema = z.object({ authorities: z.array(authoritySchema) });
export type AuthorityList = z.infer<typeof authorityListSchema>;

/** POST /reports/:id/referral-package. */
export const referralPackageSchema = z.object({
  authorityId: z.number().int().positive(),
  language: z.enum(LANGS).meta({ description: 'The language of case.html: zh-hant, zh-hans or en.' }),
  includeContact: z
    .object({
      reason: text(10, 2_000).meta({ description: 'Why the authority needs the reporter\'s identity; stored encrypted as a case record, audited like a contact reveal.' }),
    })
    .optional()
    .meta({ description: 'Put the reporter\'s contact details in case.html. Without it they are left out.' }),
  tellReporter: z
    .boolean()
    .default(true)
    .meta({ description: 'Show the reporter the authority\'s name, as POST /reports/{id}/referrals does. Default true.' }),
});
export type ReferralPackageRequest = z.output<typeof referralPackageSchema>;
