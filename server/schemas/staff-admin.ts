/** Request shapes for the admin routes. */
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../services/staff-keys';

const slug = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);

export const newStaffSchema = z.object({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/i),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
  role: z.enum(['admin', 'triager', 'auditor']),
  channels: z.array(slug).max(100).default([]),
});

export const newChannelSchema = z.object({ slug, name: z.string().trim().min(1).max(100) });

export const grantSchema = z.object({ staffId: z.number().int().positive(), channel: slug });

export const idParamSchema = z.coerce.number().int().positive();
