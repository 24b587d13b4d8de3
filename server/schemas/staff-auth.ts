/** Request shapes for staff sign-in, password, recovery and TOTP routes. */
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../services/staff-keys';

const username = z.string().trim().min(1).max(64);
const newPassword = z.string().min(MIN_PASSWORD_LENGTH).max(1024);

export const loginSchema = z.object({
  username,
  password: z.string().min(1).max(1024),
  totp: z.string().max(16).optional(),
});

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword,
});

export const recoverSchema = z.object({
  username,
  recoveryCode: z.string().min(1).max(64),
  newPassword,
});

export const totpCodeSchema = z.object({ code: z.string().min(1).max(16) });

export const sessionInfoSchema = z.object({
  username: z.string(),
  role: z.enum(['admin', 'triager', 'auditor']),
  channels: z.array(z.object({ id: z.number(), slug: z.string(), name: z.string() })),
  totpEnabled: z.boolean(),
  restriction: z.enum(['change_password', 'enrol_totp']).nullable(),
  idleTimeoutSeconds: z.number().int().meta({ description: 'SESSION_IDLE_MINUTES in seconds.' }),
  idleEndsAt: z.iso.datetime().meta({ description: 'When the idle timeout ends the session unless a person does something first.' }),
  idleSecondsLeft: z.number().int().min(0).meta({ description: 'Seconds until idleEndsAt, by the server\'s clock.' }),
});
