/** Request shapes for staff sign-in, password, recovery and TOTP routes. */
import { z } from 'zod';
import { channelNamesSchema } from './channels';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../limits';
import { SESSION_RESTRICTIONS, STAFF_ROLES } from '../vocabulary';

const username = z.string().trim().min(1).max(64);
const newPassword = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);

export const loginSchema = z.object({
  username,
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  totp: z.string().max(16).optional(),
});

// A forced change (a generated or admin-set password) means nothing if the same password comes back.
export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
    newPassword,
  })
  .refine((body) => body.newPassword !== body.currentPassword, { path: ['newPassword'], message: 'same as the current password' });

export const recoverSchema = z.object({
  username,
  recoveryCode: z.string().min(1).max(64),
  newPassword,
});

export const totpCodeSchema = z.object({ code: z.string().min(1).max(16) });

export const sessionInfoSchema = z.object({
  username: z.string(),
  role: z.enum(STAFF_ROLES),
  channels: z.array(channelNamesSchema),
  totpEnabled: z.boolean(),
  restriction: z.enum(SESSION_RESTRICTIONS).nullable(),
  idleTimeoutSeconds: z.number().int().meta({ description: 'SESSION_IDLE_MINUTES in seconds.' }),
  idleEndsAt: z.iso.datetime().meta({ description: 'When the idle timeout ends the session unless a person does something first.' }),
  idleSecondsLeft: z.number().int().min(0).meta({ description: 'Seconds until idleEndsAt, by the server\'s clock.' }),
});
/** GET /api/staff/me and the sign-in answers. */
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** POST /api/staff/recover: the new recovery code, shown once. */
export const recoveryCodeSchema = z.object({ recoveryCode: z.string() });
/** POST /api/staff/password: the session as it now stands, and a new recovery code, shown once. */
export const passwordChangedSchema = sessionInfoSchema.extend({ recoveryCode: z.string() });
/** POST /api/staff/totp/enrol: a new secret and its otpauth:// URI, to confirm with a code. */
export const totpEnrolmentSchema = z.object({ secret: z.string(), uri: z.string() });
