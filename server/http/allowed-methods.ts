/**
 * Which methods a path answers, read from the app's own route table, for
 * the `Allow` header of a 405: an API path asked with a method it does not
 * take, a HEAD on the staff API, or anything but GET and HEAD on a page.
 */
import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../errors';

interface RouteEntry {
  method: string;
  path: string;
}

/** A Hono path pattern as a regular expression: `:name` (with or without `{pattern}`) is one segment, `*` anything. */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/** The methods routes answer by path; built on first use, once every route is registered. */
export class AllowedMethods {
  #table: { pattern: RegExp; method: string }[] | null = null;

  constructor(
    private readonly routes: () => readonly RouteEntry[],
    /** Whether a GET at `path` is also served as HEAD (Hono's default; not on the staff API, see refuseHead). */
    private readonly headWithGet: (path: string) => boolean,
  ) {}

  /** The methods some route answers at `path` (HEAD with GET where it is served); empty when no route has the path. */
  of(path: string): string[] {
    this.#table ??= this.routes()
      // Middleware (`use`) and catch-alls are registered as ALL: they answer no method of their own.
      .filter((route) => route.method !== 'ALL')
      .map((route) => ({ pattern: patternOf(route.path), method: route.method }));
    const methods = new Set(this.#table.filter((route) => route.pattern.test(path)).map((route) => route.method));
    if (methods.has('GET') && this.headWithGet(path)) methods.add('HEAD');
    return [...methods].sort();
  }
}

/** 405 method_not_allowed naming what `path` does answer (the Allow header and `allow` in the body). */
export function methodNotAllowed(allow: readonly string[]): DomainError {
  return new DomainError('method_not_allowed', { allow });
}

/**
 * The staff API answers no HEAD. Hono would run the GET route and drop its
 * body, so a HEAD of a report would decrypt it, mark it read and audit
 * `report.viewed` for an answer nobody sees. A 405 names the methods the
 * path does answer; a path nothing answers is a 404 as with any method.
 */
export function refuseHead(allowed: AllowedMethods): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'HEAD') return next();
    const allow = allowed.of(c.req.path);
    if (allow.length === 0) throw new DomainError('not_found', { message: 'No such API route.' });
    throw methodNotAllowed(allow);
  };
}
