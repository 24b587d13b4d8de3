/**
 * JSON bodies for the staff API: parsed (strict UTF-8), validated by a zod
 * schema, exposed as `c.get('input')`. 415 for another content type, 400
 * with field problems for bad input.
 */
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { fail } from '../errors';
import { fieldProblems, readJsonBody, type AppVariables } from './input';

/** Middleware: the request body must be JSON matching `schema`. */
export function jsonInput<S extends z.ZodType>(schema: S): MiddlewareHandler<{ Variables: AppVariables & { input: z.output<S> } }> {
  return async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (type !== 'application/json') throw fail('unsupported_media_type');
    const parsed = schema.safeParse(await readJsonBody(c), { reportInput: true });
    if (!parsed.success) throw fail('invalid_input', fieldProblems(parsed.error));
    c.set('input', parsed.data);
    await next();
    return undefined;
  };
}
