import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../web/lib/report-fields';
import { createTestInstance, type TestInstance } from '../support/instance';

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
