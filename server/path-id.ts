/**
 * The one reading of an id in a staff route's path (`/reports/:id`,
 * `.../files/:fileId`, `/admin/staff/:id`): the decimal digits of a
 * positive integer, nothing else. `0x10`, `1e1`, `1.0`, `+1`, `01` or ` 1`
 * are 400 invalid_input naming the parameter, never read as 16 or 10
 * (Number() and zod's coerce would). A well-formed id beyond any row is
 * 404 like any other id that names nothing.
 */
import { fail } from './errors';

const ID = /^[1-9][0-9]*$/;

/** The id `raw` names; throws 400 for anything but canonical decimal digits, 404 past the largest id a row can have. */
export function pathId(raw: string | undefined, name: string): number {
  if (raw === undefined || !ID.test(raw)) throw fail('invalid_input', { [name]: 'invalid' });
  const id = Number(raw);
  if (!Number.isSafeInteger(id)) throw fail('not_found');
  return id;
}

/** True for a path parameter that names a record by id (`id`, `fileId`, `reportId`, …). */
export function isIdParam(name: string): boolean {
  return name === 'id' || name.endsWith('Id');
}

/** Reads every id parameter of a route's path, so that a malformed one is refused before anything else is read. */
export function checkPathIds(params: Record<string, string>): void {
  for (const [name, value] of Object.entries(params)) if (isIdParam(name)) pathId(value, name);
}
