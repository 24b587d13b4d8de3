/**
 * Staff search and related leads (issue 14 item 1): the query and the
 * answers, the only definition. Results are queue metadata (clear columns),
 * never content.
 */
import { z } from 'zod';
import { INTERNAL_STATUSES } from '../vocabulary';

/** The longest query: a name, a plate, a phone number or a tracking code, with room to spare. */
export const SEARCH_QUERY_MAX = 100;
export const SEARCH_RESULTS_MAX = 50;
export const RELATED_MAX = 10;

/** GET ?q= and POST { q }. */
export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(SEARCH_QUERY_MAX)
    .meta({ description: 'Names, phone numbers, plates, company names, places (every token must match; at most 40 tokens, or 400 too_long), or a tracking code (POST only).' }),
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

const leadRow = {
  id: z.number().int(),
  channel: z.string(),
  category: z.string(),
  status: z.enum(INTERNAL_STATUSES),
  priority: z.number().int().min(0).max(3),
  receivedAt: z.string().meta({ description: 'ISO 8601, truncated to the hour.' }),
};

export const searchResultSchema = z.object({
  ...leadRow,
  matched: z.number().int().meta({ description: 'Distinct query tokens the report matched (all of them: a report must match every token); 1 for a tracking code.' }),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchAnswerSchema = z.object({
  results: z.array(searchResultSchema).max(SEARCH_RESULTS_MAX).meta({ description: 'Newest first, at most 50, only from the caller\'s channels.' }),
  unindexed: z.number().int().meta({ description: 'Reports in the caller\'s channels not indexed yet: while above 0, results may be incomplete.' }),
});
export type SearchAnswer = z.infer<typeof searchAnswerSchema>;

export const relatedLeadSchema = z.object({
  ...leadRow,
  shared: z.number().int().meta({ description: 'Rare tokens the two reports share.' }),
});
export type RelatedLead = z.infer<typeof relatedLeadSchema>;

export const relatedAnswerSchema = z.object({
  related: z.array(relatedLeadSchema).max(RELATED_MAX).meta({ description: 'Ranked by shared tokens weighted by rarity; at most 10.' }),
  unindexed: z.number().int().meta({ description: 'Reports of this report\'s channel not indexed yet (this one included, if so).' }),
});
export type RelatedAnswer = z.infer<typeof relatedAnswerSchema>;
