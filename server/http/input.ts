/**
 * Reading a reporter request: JSON, urlencoded or multipart bodies with the
 * same field names (`contact.name` nests as `contact: { name }`), validated
 * by one zod schema. Also decides whether the answer is JSON or an HTML page:
 * a form post from a browser gets HTML, everything else JSON.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { DEFAULT_LANG, isLang, type Lang } from '../../contract/languages';
import { FIELD_PROBLEMS, type FieldProblem } from '../../contract/report-fields';
import type { UploadLimits } from '../../contract/attachments';
import type { FileStore } from '../files/file-store';
import { UnreadableImageError } from '../files/metadata-cleaner';
import { UploadLimitError, type ReceivedFile } from '../files/receive-file';
import { uploadProblemError } from './errors';
import { DomainError, fail, type FieldProblems } from '../errors';
import { ClientAbortError, FilesBeforeFieldsError, readMultipart, type FieldsVerdict, type MultipartOutcome } from './multipart';

export interface AppVariables {
  lang: Lang;
  wantsHtml: boolean;
}

export type RawFields = Record<string, string>;

export interface InvalidForm {
  lang: Lang;
  /** What the person typed, flattened by field name, to fill the form again. */
  values: RawFields;
  fields: FieldProblems;
}

type FormContentType = 'json' | 'form' | null;

function contentTypeOf(c: Context): FormContentType | 'other' {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') return 'form';
  return type === '' ? null : 'other';
}

/** True when the client is a browser posting a plain form (so it should get a page, not JSON). */
export function prefersHtml(c: Context): boolean {
  return contentTypeOf(c) !== 'json' && (c.req.header('accept') ?? '').includes('text/html');
}

/**
 * Middleware: parse and validate the body with `schema`, then expose it as
 * `c.get('input')`. Invalid input from a browser form goes to `renderInvalid`
 * (the form again, with errors); everything else gets a JSON 4xx.
 */
export function validInput<S extends z.ZodType>(
  schema: S,
  renderInvalid: (c: Context, invalid: InvalidForm) => Response | Promise<Response>,
): MiddlewareHandler<{ Variables: AppVariables & { input: z.output<S> } }> {
  return async (c, next) => {
    const type = startReading(c);
    const raw = type === 'json' ? await readJsonObject(c) : await readFormObject(c);
    const checked = checkFields(c, schema, raw);
    if (!checked.ok) return renderInvalid(c, checked.invalid);
    c.set('input', checked.input);
    await next();
    return undefined;
  };
}

/** What `prepare` learns besides the valid input. */
export interface SentFields {
  /** The fields as typed, for a page that shows them again. */
  values: RawFields;
  /** Whether evidence files follow the fields (never for JSON or urlencoded bodies). */
  filesFollow: boolean;
}

/** What a route with file uploads does once the text fields are valid, before any file is read. */
export interface UploadRoute<I, P> {
  store: FileStore;
  limits: UploadLimits;
  /** Bytes of all text fields together. */
  maxFieldBytes: number;
  /** Bytes of the whole multipart body, counted as it streams (a declared length is checked before). */
  maxBodyBytes: number;
  /**
   * E.g. wait for admission, then open the report the tracking code names
   * (`values` are the fields as typed, for a page that shows them again). Returns the value the
   * handler needs and the recipients files are encrypted to, or a Response
   * to answer instead (nothing is stored then).
   */
  prepare: (c: Context, input: I, sent: SentFields) => Promise<{ value: P; recipients: readonly string[] } | Response>;
  /** The page a browser gets when its files broke a rule (the form again, naming the limit). */
  renderUploadProblem: (c: Context, problem: { lang: Lang; values: RawFields; error: DomainError }) => Response | Promise<Response>;
}

/**
 * validInput for routes that also take evidence files: JSON, urlencoded or
 * multipart with `files` parts after the text fields. Sets `input`,
 * `prepared` (what `prepare` returned) and `files` (received into incoming/,
 * encrypted; the handler commits them). Files the handler did not commit
 * are deleted when it returns or throws.
 */
export function validUpload<S extends z.ZodType, P>(
  schema: S,
  renderInvalid: (c: Context, invalid: InvalidForm) => Response | Promise<Response>,
  route: UploadRoute<z.output<S>, P>,
): MiddlewareHandler<{ Variables: AppVariables & { input: z.output<S>; prepared: P; files: ReceivedFile[] } }> {
  return async (c, next) => {
    const type = startReading(c);
    let input: z.output<S> | undefined;
    let prepared: P | undefined;
    const onFields = async (raw: Record<string, unknown>, filesFollow: boolean): Promise<FieldsVerdict> => {
      const checked = checkFields(c, schema, raw);
      if (!checked.ok) return { respond: await renderInvalid(c, checked.invalid) };
      const outcome = await route.prepare(c, checked.input, { values: flattenStrings(raw), filesFollow });
      if (outcome instanceof Response) return { respond: outcome };
      input = checked.input;
      prepared = outcome.value;
      return { recipients: outcome.recipients };
    };

    let files: ReceivedFile[] = [];
    if (isMultipart(c)) {
      const fields: Record<string, unknown> = {};
      let outcome: MultipartOutcome;
      try {
        outcome = await readMultipart(c, {
          store: route.store,
          limits: route.limits,
          maxFieldBytes: route.maxFieldBytes,
          maxBodyBytes: route.maxBodyBytes,
          onFields: (raw, filesFollow) => onFields(Object.assign(fields, raw), filesFollow),
        });
      } catch (error) {
        const known = uploadError(error, route.limits);
        if (known && c.get('wantsHtml') && known.fields?.['files'] !== undefined) {
          return route.renderUploadProblem(c, { lang: c.get('lang'), values: flattenStrings(fields), error: known });
        }
        throw known ?? error;
      }
      if (outcome.response) return outcome.response;
      files = outcome.files;
    } else {
      const verdict = await onFields(type === 'json' ? await readJsonObject(c) : await readFormObject(c), false);
      if ('respond' in verdict) return verdict.respond;
    }
    if (input === undefined || prepared === undefined) throw new Error('fields were never checked');
    c.set('input', input);
    c.set('prepared', prepared);
    c.set('files', files);
    try {
      await next();
    } finally {
      await route.store.discardIncoming(files.map((file) => file.storageName));
    }
    return undefined;
  };
}

/** Decide JSON or HTML and check the content type; the language until the body says otherwise. */
function startReading(c: Context): 'json' | 'form' {
  c.set('wantsHtml', prefersHtml(c));
  c.set('lang', DEFAULT_LANG);
  const type = contentTypeOf(c);
  if (type !== 'json' && type !== 'form') throw fail('unsupported_media_type');
  return type;
}

function isMultipart(c: Context): boolean {
  return (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() === 'multipart/form-data';
}

type Checked<T> = { ok: true; input: T } | { ok: false; invalid: InvalidForm };

/**
 * Validate raw fields with `schema`. A browser gets the InvalidForm to show
 * the form again; an API client gets the JSON 400 (thrown).
 */
function checkFields<S extends z.ZodType>(c: Context, schema: S, raw: Record<string, unknown>): Checked<z.output<S>> {
  const lang = isLang(raw['lang']) ? raw['lang'] : DEFAULT_LANG;
  c.set('lang', lang);
  // reportInput lets problemOf tell a missing field from a wrong one.
  const parsed = schema.safeParse(withoutBlankFields(raw), { reportInput: true });
  if (parsed.success) return { ok: true, input: parsed.data };
  const fields = fieldProblems(parsed.error);
  if (c.get('wantsHtml')) return { ok: false, invalid: { lang, values: flattenStrings(raw), fields } };
  const onlyCode = Object.keys(fields).every((name) => name === 'trackingCode');
  throw fail(onlyCode && 'trackingCode' in fields ? 'invalid_tracking_code' : 'invalid_input', fields);
}

/** A multipart failure as the API error it stands for, or null for an unexpected one. */
function uploadError(error: unknown, limits: UploadLimits): DomainError | null {
  if (error instanceof DomainError) return error;
  if (error instanceof UploadLimitError) return uploadProblemError(error.problem, limits);
  if (error instanceof UnreadableImageError) return uploadProblemError('file_not_cleanable', limits);
  if (error instanceof FilesBeforeFieldsError) return uploadProblemError('files_before_fields', limits);
  // Nobody is left to read the answer; this keeps it out of the error log.
  if (error instanceof ClientAbortError) return fail('invalid_input');
  return null;
}

/** The body parsed as JSON; invalid UTF-8 is refused (400 invalid_json) rather than stored as U+FFFD. */
export async function readJsonBody(c: Context): Promise<unknown> {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer()));
  } catch {
    throw fail('invalid_json');
  }
}

async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const value = await readJsonBody(c);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail('invalid_input');
  return value as Record<string, unknown>;
}

async function readFormObject(c: Context): Promise<Record<string, unknown>> {
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    throw fail('invalid_input');
  }
  const result: Record<string, unknown> = {};
  const contact: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name.endsWith('__proto__')) continue; // never a field; assigning it would swap the prototype
    // Only `contact.` names nest. A bare `contact` field is not part of the
    // form; anything else dotted stays flat and is ignored by the schema.
    if (name.startsWith('contact.')) contact[name.slice('contact.'.length)] = value;
    else if (name !== 'contact') result[name] = value;
  }
  if (Object.keys(contact).length > 0) result['contact'] = contact;
  return result;
}

/**
 * An empty field means "not given": the plain form sends every field. Only
 * the top level and one level of nesting (`contact`) are looked at, so a
 * deeply nested body costs nothing here; the schema rejects it.
 */
function withoutBlankFields(raw: Record<string, unknown>): Record<string, unknown> {
  // fromEntries defines own properties, so a "__proto__" key stays inert data.
  return Object.fromEntries(
    Object.entries(raw)
      .map(([key, value]) => [key, isPlainObject(value) ? withoutBlankStrings(value) : blankToUndefined(value)] as const)
      .filter(([, kept]) => kept !== undefined),
  );
}

function withoutBlankStrings(object: Record<string, unknown>): Record<string, unknown> | undefined {
  const entries = Object.entries(object).filter(([, inner]) => blankToUndefined(inner) !== undefined);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flattenStrings(raw: Record<string, unknown>, prefix = ''): RawFields {
  const out: RawFields = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string') out[prefix + key] = value;
    else if (typeof value === 'object' && value !== null && !Array.isArray(value) && prefix === '') {
      Object.assign(out, flattenStrings(value as Record<string, unknown>, `${key}.`));
    }
  }
  return out;
}

/** zod issues -> { "contact.email": "invalid_email", ... }, first problem per field. */
export function fieldProblems(error: z.ZodError): FieldProblems {
  const fields: FieldProblems = {};
  for (const issue of error.issues) {
    const name = issue.path.map(String).join('.') || '_body';
    fields[name] ??= problemOf(issue);
  }
  return fields;
}

function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) return 'required';
  switch (issue.code) {
    case 'invalid_type':
      return 'invalid';
    case 'too_small':
      return 'too_short';
    case 'too_big':
      return 'too_long';
    case 'invalid_value':
      return 'invalid_choice';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid_email' : 'invalid';
    case 'custom': {
      const problem: unknown = issue.params?.['problem'];
      return FIELD_PROBLEMS.find((known) => known === problem) ?? 'invalid';
    }
    default:
      return 'invalid';
  }
}
