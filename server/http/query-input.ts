/** Query strings for the staff API, validated by a zod schema and exposed as `c.get('query')`. */
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { fail } from '../errors';
import { fieldProblems } from './input';

/** Middleware: validate the query string with `schema`; 400 invalid_input with field problems otherwise. */
export function queryInput<S extends z.ZodType>(schema: S): MiddlewareHandler<{ Variables: { query: z.output<S> } }> {
  return async (c, next) => {
    // reportInput: without the offending value an issue cannot tell "missing" from "wrong" (fieldProblems).
    const parsed = schema.safeParse(c.req.query(), { reportInput: true });
    if (!parsed.success) throw fail('invalid_input', fieldProblems(parsed.error));
    c.set('query', parsed.data);
    await next();
  };
}
