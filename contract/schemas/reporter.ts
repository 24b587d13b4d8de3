/**
 * Request shapes for the reporter routes: the only definition, shared by the
 * JSON API, the plain HTML forms (same field names) and the OpenAPI document.
 * Limits and choices come from web/lib/report-fields.ts, which the browser
 * islands use too.
 */
import { z } from 'zod';
import { LIMITS, OFFICIALS_INVOLVED, REGION_OTHER_FIELD } from '../report-fields';
import { CATEGORIES, CLOSE_OUTCOMES, PUBLIC_STATUSES } from '../vocabulary';
import { hasValidCheckDigit, normalizeTrackingCode } from '../tracking-code';

const optionalText = (max: number): z.ZodOptional<z.ZodString> => z.string().trim().max(max).optional();

export const contactSchema = z
  .object({
    name: optionalText(LIMITS.contactName.max),
    phone: optionalText(LIMITS.contactPhone.max),
    email: z.email().max(LIMITS.contactEmail.max).optional(),
  })
  .meta({ description: 'Optional: leave out to stay anonymous. Encrypted separately; revealing it is an audited staff action.' });

/**
 * The report's fields as sent (what the OpenAPI document shows). Validate with
 * reportSubmissionSchema, which first takes the free-text region box when no
 * listed region was chosen.
 */
export const reportFieldsSchema = z
  .object({
    category: z.enum(CATEGORIES),
    details: z.string().trim().min(LIMITS.details.min).max(LIMITS.details.max),
    region: optionalText(LIMITS.region.max).meta({
      description:
        'Stored in clear for routing: a city or county, nothing finer. A spelling of a place the operator lists (SITE_CONFIG regions) is stored as that place.',
    }),
    [REGION_OTHER_FIELD]: optionalText(LIMITS.region.max).meta({
      description: 'The HTML form’s free-text box beside the region list: used as the region when `region` is empty.',
    }),
    location: optionalText(LIMITS.location.max),
    subjects: optionalText(LIMITS.subjects.max).meta({ description: 'Who is involved.' }),
    occurredAt: optionalText(LIMITS.occurredAt.max).meta({ description: 'When it happened, free text.' }),
    officialsInvolved: z.enum(OFFICIALS_INVOLVED).optional(),
    officialsDetails: optionalText(LIMITS.officialsDetails.max),
    discouraged: optionalText(LIMITS.discouraged.max).meta({
      description: 'Has anyone tried to hide this or discourage the reporter?',
    }),
    contact: contactSchema.optional(),
  });

/**
 * A form posts both the region list (`region`) and the box for a place the
 * list lacks (`regionOther`): the box counts when nothing is chosen, and is
 * checked as `region` (so a problem is reported on the field people see).
 */
export function withRegionFromBox(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const { [REGION_OTHER_FIELD]: box, ...rest } = raw as Record<string, unknown>;
  const chosen = rest['region'];
  const empty = chosen === undefined || (typeof chosen === 'string' && chosen.trim() === '');
  return empty && box !== undefined ? { ...rest, region: box } : rest;
}

export const reportSubmissionSchema = z.preprocess(withRegionFromBox, reportFieldsSchema);
export type ReportSubmission = z.output<typeof reportSubmissionSchema>;

/**
 * A tracking code as typed: full-width digits, spaces, dashes and dots are
 * accepted; the check digit is verified here, before any server work.
 * The output is the 20 normalised digits.
 */
export const trackingCodeSchema = z
  .string()
  .max(200)
  .transform((input, ctx) => {
    const digits = normalizeTrackingCode(input);
    if (digits === null || !hasValidCheckDigit(digits)) {
      ctx.addIssue({
        code: 'custom',
        message: digits === null ? 'A tracking code is 20 digits.' : 'The check digit does not match: a digit is mistyped.',
        params: { problem: digits === null ? 'tracking_code_format' : 'tracking_code_check_digit' },
      });
      return z.NEVER;
    }
    return digits;
  })
  .meta({ description: 'Five groups of four digits; the last digit is a Damm check digit.', example: '1234 5678 9012 3456 7890' });

export const statusRequestSchema = z.object({ trackingCode: trackingCodeSchema });

export const followUpSchema = z
  .object({
    trackingCode: trackingCodeSchema,
    // Optional here: a follow-up may be only files. Without files the route requires it.
    body: z.string().trim().min(LIMITS.followUp.min).max(LIMITS.followUp.max).optional(),
  });

export const submissionResponseSchema = z
  .object({
    trackingCode: z.string().regex(/^\d{4}( \d{4}){4}$/),
    status: z.literal('received'),
  })
  ;

const hour = (description: string): z.ZodString => z.string().meta({ description: `ISO 8601, truncated to the hour: ${description}` });

export const statusViewSchema = z.object({
  status: z.enum(PUBLIC_STATUSES).meta({ description: '`awaiting_reporter`: the handling team asked the reporter a question (the latest staff message).' }),
  publicMessage: z.string().optional(),
  publicMessageAt: hour('when the public message was set. Absent for messages set before this was kept.').optional(),
  referral: z
    .object({ agency: z.string() })
    .optional()
    .meta({ description: 'The agency the lead was referred to, when staff chose to tell the reporter.' }),
  outcome: z.enum(CLOSE_OUTCOMES).optional().meta({ description: 'How the report ended; present when the status is `closed`.' }),
  receivedAt: hour('when the report arrived.'),
  deadlines: z
    .object({
      acknowledgeBy: hour('the report is to be acknowledged by then.'),
      acknowledgeMet: z.boolean().meta({ description: 'Acknowledged on or before acknowledgeBy.' }),
      feedbackBy: hour('the reporter is to hear back by then.'),
      feedbackMet: z.boolean().meta({
        description: 'A reply, the public message, a referral told to the reporter or closing came on or before feedbackBy.',
      }),
    })
    .meta({ description: 'The commitments made to the reporter, and whether each was kept.' }),
  messages: z.array(
    z.object({
      from: z.enum(['staff', 'reporter']),
      body: z.string(),
      at: hour('when it was written.'),
      new: z.boolean().meta({ description: 'A staff message written after the reporter last wrote (or after the report arrived).' }),
    }),
  ),
  files: z
    .array(z.object({ name: z.string(), size: z.number().int(), at: z.string().meta({ description: 'Hour precision.' }) }))
    .meta({ description: 'Evidence files the reporter sent, with the report and with follow-ups (size after metadata removal).' }),
  report: z
    .object({
      category: z.enum(CATEGORIES),
      details: z.string(),
      region: z.string().optional(),
      location: z.string().optional(),
      subjects: z.string().optional(),
      occurredAt: z.string().optional(),
      officialsInvolved: z.enum(OFFICIALS_INVOLVED).optional(),
      officialsDetails: z.string().optional(),
      discouraged: z.string().optional(),
      followUps: z.array(z.object({ body: z.string(), at: hour('when it was sent.') })),
    })
    .meta({ description: 'What the reporter sent, decrypted with the key their code re-creates; never the contact details.' }),
});

export const healthSchema = z.object({ status: z.literal('ok') });
