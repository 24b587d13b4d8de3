/** Request shapes for the admin routes. */
import { z } from 'zod';
import { MAX_DISCARD_HOURS } from '../low-effort';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../limits';
import { CHANNEL_KEY_TYPES } from '../vocabulary';

const slug = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);

export const newStaffSchema = z.object({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/i),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
  role: z.enum(['admin', 'triager', 'auditor']),
  channels: z.array(slug).max(100).default([]),
});

export const newChannelSchema = z.object({
  slug,
  name: z.string().trim().min(1).max(100),
  keyType: z
    .enum(CHANNEL_KEY_TYPES)
    .optional()
    .meta({
      description:
        'x25519 (age1…, read by every age CLI) or pq, the post-quantum hybrid ML-KEM-768 + X25519 (age1pq1…, age 1.3 and later). The server\'s CHANNEL_KEY_TYPE when left out.',
    }),
});

export const grantSchema = z.object({ staffId: z.number().int().positive(), channel: slug });

export const BATCH_PAGE = { default: 168, max: 1000 } as const;

const HOUR_MS = 3_600_000;
/** An hour as the database keeps it: "2026-11-28T06:00:00Z" (a real date). */
const isoHour = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/)
  .refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value.replace('Z', '.000Z'))
  .meta({ description: 'An hour, ISO 8601 in UTC: "2026-11-28T06:00:00Z".' });

/** POST /admin/low-effort/discard: received hours `from` to `to`, both included. */
export const lowEffortDiscardSchema = z
  .object({ from: isoHour, to: isoHour })
  .refine((range) => range.from <= range.to, { path: ['to'], message: 'to is before from' })
  .refine((range) => (Date.parse(range.to) - Date.parse(range.from)) / HOUR_MS < MAX_DISCARD_HOURS, {
    path: ['to'],
    message: `at most ${MAX_DISCARD_HOURS} hours`,
  });
export type LowEffortDiscard = z.output<typeof lowEffortDiscardSchema>;

/** GET /admin/low-effort query. */
export const lowEffortBatchesQuerySchema = z.object({
  before: isoHour.optional().meta({ description: 'The nextBefore of the previous page: only hours before this one.' }),
  limit: z.coerce.number().int().min(1).max(BATCH_PAGE.max).default(BATCH_PAGE.default),
});
