import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../contract/vocabulary';
import { submit } from '../support/casework';
import { ADMIN, createTestInstance, type TestInstance } from '../support/instance';
import { storeThroughIntake } from '../support/low-effort';
import { signIn, staffRequest } from '../support/staff';

let t: TestInstance;
beforeAll(async () => {
  t = await createTestInstance();
});
afterAll(() => t.close());

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, { enum?: string[] }>; required?: string[] } }> }; responses: Record<string, unknown> }>>;
}

describe('GET /api/openapi.json', () => {
  it('describes every reporter route', async () => {
    const res = await t.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as OpenApiDoc;
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/reports', '/api/status', '/api/status/messages']));
    expect(Object.keys(doc.paths['/api/status/messages']?.['post']?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '404']));
  });

  it('takes the report shape from the validating schema: the categories, required fields and all three content types', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as OpenApiDoc;
    const content = doc.paths['/api/reports']?.['post']?.requestBody?.content ?? {};
    expect(Object.keys(content).sort()).toEqual(['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data']);
    const schema = content['application/json']?.schema;
    expect(schema?.properties['category']?.enum).toEqual([...CATEGORIES]);
    expect(schema?.required?.sort()).toEqual(['category', 'details']);
    expect(Object.keys(schema?.properties ?? {})).toEqual(
      expect.arrayContaining(['region', 'location', 'subjects', 'occurredAt', 'officialsInvolved', 'officialsDetails', 'discouraged', 'contact']),
    );
  });
});

describe('the staff routes in the document', () => {
  it('list the background header, which keeps a request from restarting the idle timeout', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; description?: string }[] }>>;
    };
    const staffOperations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/staff/') && !['/api/staff/login', '/api/staff/recover'].includes(path))
      .flatMap(([, methods]) => Object.values(methods));
    expect(staffOperations.length).toBeGreaterThan(20);
    for (const operation of staffOperations) {
      const header = operation.parameters?.find((parameter) => parameter.name === 'X-Tipline-Background');
      expect(header?.in).toBe('header');
      expect(header?.description).toMatch(/idle timeout/);
    }
    // An operation's own parameters are kept beside it.
    expect(doc.paths['/api/staff/reports/{id}']?.['get']?.parameters?.map((parameter) => parameter.name)).toEqual(['id', 'X-Tipline-Background']);
  });
});

describe('the document and the app agree', () => {
  it('every documented operation is a route the app serves (none falls through to "No such API route")', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as OpenApiDoc;
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => [method, path] as const));
    expect(operations.length).toBeGreaterThan(15);
    for (const [method, path] of operations) {
      const res = await t.app.request(`http://localhost${path.replace(/\{[^}]+\}/g, '1')}`, {
        method: method.toUpperCase(),
        headers: { Origin: 'http://localhost', 'Content-Type': 'application/json' },
        ...(method === 'get' ? {} : { body: '{}' }),
      });
      const body = await res.text();
      expect(body, `${method.toUpperCase()} ${path}`).not.toContain('No such API route');
    }
  });
});

describe('unknown API routes', () => {
  it('answer 404 with the error shape', async () => {
    const res = await t.app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('documented response shapes match the answers', () => {
  type Schema = { properties?: Record<string, Schema>; items?: Schema; required?: string[] };
  const okSchema = (doc: { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }, path: string, method: string): Schema => {
    const response = doc.paths[path]?.[method]?.responses['200'] as { content: { 'application/json': { schema: Schema } } };
    return response.content['application/json'].schema;
  };

  it('queue rows, the case view and the low-effort batches carry exactly the documented fields, the marker among them', async () => {
    await submit(t);
    await storeThroughIntake(t, { lowEffort: true, at: new Date() });
    const admin = await signIn(t, ADMIN.username, ADMIN.password);
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as Parameters<typeof okSchema>[0];

    const rowSchema = okSchema(doc, '/api/staff/reports', 'get').properties?.['reports']?.items;
    expect(Object.keys(rowSchema?.properties ?? {})).toContain('lowEffort');
    const page = (await (await staffRequest(t, admin, 'GET', '/api/staff/reports')).json()) as { reports: Record<string, unknown>[] };
    expect(page.reports.map((row) => row['lowEffort']).sort()).toEqual([false, true]);
    for (const row of page.reports) expect(Object.keys(row).sort()).toEqual(Object.keys(rowSchema?.properties ?? {}).sort());

    const caseSchema = okSchema(doc, '/api/staff/reports/{id}', 'get');
    const view = (await (await staffRequest(t, admin, 'GET', `/api/staff/reports/${String(page.reports[0]?.['id'])}`)).json()) as Record<string, unknown>;
    expect(Object.keys(view).sort()).toEqual(Object.keys(caseSchema.properties ?? {}).sort());
    expect(Object.keys(okSchema(doc, '/api/staff/queue/claim', 'post').properties ?? {})).toContain('lowEffort');

    const batchSchema = okSchema(doc, '/api/staff/admin/low-effort', 'get');
    const batches = (await (await staffRequest(t, admin, 'GET', '/api/staff/admin/low-effort')).json()) as { batches: Record<string, unknown>[] };
    expect(Object.keys(batches).sort()).toEqual(Object.keys(batchSchema.properties ?? {}).sort());
    expect(Object.keys(batches.batches[0] ?? {}).sort()).toEqual(Object.keys(batchSchema.properties?.['batches']?.items?.properties ?? {}).sort());
  });
});
