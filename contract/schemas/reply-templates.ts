/** Reply templates (GET /reply-templates, /admin/reply-templates): the request and answer shapes. */
import { z } from 'zod';
import { LANGS } from '../languages';
import { LIMITS } from '../report-fields';

/** The longest template title. */
export const TEMPLATE_TITLE_MAX = 80;

const language = z.enum(LANGS).meta({ description: 'One of the site\'s languages: zh-hant, zh-hans or en.' });

/** POST /admin/reply-templates and PUT /admin/reply-templates/:id. */
export const replyTemplateSchema = z.object({
  language,
  title: z.string().trim().min(1).max(TEMPLATE_TITLE_MAX),
  body: z.string().trim().min(LIMITS.followUp.min).max(LIMITS.followUp.max),
});
export type ReplyTemplateInput = z.output<typeof replyTemplateSchema>;

/** GET /reply-templates query: one language, or all when left out. */
export const replyTemplatesQuerySchema = z.object({ language: language.optional() });

export const replyTemplateRowSchema = z.object({ id: z.number().int(), language, title: z.string(), body: z.string() });
export type ReplyTemplate = z.infer<typeof replyTemplateRowSchema>;

/** GET /reply-templates: by language, then title. */
export const replyTemplateListSchema = z.object({ templates: z.array(replyTemplateRowSchema) });
export type ReplyTemplateList = z.infer<typeof replyTemplateListSchema>;
