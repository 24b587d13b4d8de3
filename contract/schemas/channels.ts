/**
 * A channel as every answer names it: its slug (stable, for scripts and
 * URLs), the name a language without its own shows, and its name and
 * description in each language that has one. Admins rename a channel with
 * POST /api/staff/admin/channels/{id}/names.
 */
import { z } from 'zod';
import { LANGS } from '../languages';

export const CHANNEL_NAME_MAX = 100;
export const CHANNEL_DESCRIPTION_MAX = 500;

/** One text per language; a language left out has none. */
const perLanguage = (text: z.ZodString) => z.partialRecord(z.enum(LANGS), text);

export const channelNamesSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string().meta({ description: 'The name shown in a language that has none of its own.' }),
  names: perLanguage(z.string()).meta({ description: 'The name in each language that has one.' }),
  descriptions: perLanguage(z.string()).meta({ description: 'What the channel is for, in each language that has it.' }),
});
export type ChannelNames = z.infer<typeof channelNamesSchema>;

/** The channel's names and descriptions as they are to be from now on: an empty text, or a language left out, has none. */
export const renameChannelSchema = z.object({
  name: z.string().trim().min(1).max(CHANNEL_NAME_MAX),
  names: perLanguage(z.string().trim().max(CHANNEL_NAME_MAX)).default({}),
  descriptions: perLanguage(z.string().trim().max(CHANNEL_DESCRIPTION_MAX)).default({}),
});
export type RenameChannelRequest = z.infer<typeof renameChannelSchema>;
