/**
 * `npm start` runs compiled JavaScript (build/server.js, made by the build
 * step `prestart` already runs), with no transpiler at run time, and that
 * server is the whole Tipline: the API, the pages without JavaScript in
 * every language (the web's views and catalogues compiled in), the site.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dataDir: string;
let server: ServerProcess;

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  dataDir = mkdtempSync(path.join(tmpdir(), 'tipline-compiled-'));
  server = await startServer(dataDir, {}, 'compiled');
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled start', () => {
  it('is what npm start runs, with no transpiler', () => {
    const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['start']).toContain('build/server.js');
    expect(scripts['start']).not.toMatch(/tsx|ts-node|--import|--loader/);
    expect(scripts['prestart']).toContain('build-if-needed');
    expect(readFileSync(path.join(ROOT, 'build/server.js'), 'utf8')).not.toMatch(/from ["']tsx/);
  });

  it('answers the API, takes a report, and renders the pages without JavaScript in every language', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const report = await fetch(`${server.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ category: 'other', details: 'Sent to the compiled server, in one piece.' }),
    });
    expect(report.status).toBe(201);
    for (const [lang, title] of [['zh-hant', '查詢處理進度'], ['zh-hans', '查询办理进度'], ['en', 'Check your report']]) {
      const page = await fetch(`${server.url}/api/status`, { method: 'POST', headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: `lang=${lang}` });
      expect(page.status, lang).toBe(400);
      expect(await page.text(), lang).toContain(title);
    }
  });

  it('serves the built site, compressed', async () => {
    const page = await fetch(`${server.url}/report/`, { headers: { 'accept-encoding': 'br' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-encoding')).toBe('br');
  });
});
