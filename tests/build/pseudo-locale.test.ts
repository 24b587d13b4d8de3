/**
 * Adding a language is adding one folder (web/i18n/<code>/) and one entry in
 * one list (LANGS in contract/languages.ts): no island, page or layout
 * changes. Proven here by doing exactly that in a copy of the project, with a
 * test-only pseudo-locale (en-XA: English with accented letters, in brackets),
 * building the site, and finding its pages — public, console and the
 * server's no-JavaScript shells — in that language, with each island's
 * messages split into a chunk of their own.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PSEUDO = 'en-xa';

const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', A: 'Á', E: 'É', O: 'Ó' };

/** Every string of a catalogue accented and in brackets; {placeholders} kept as they are. */
function pseudo(value: unknown): unknown {
  if (typeof value === 'string') {
    const text = value
      .split(/(\{\w+\})/)
      .map((part) => (part.startsWith('{') ? part : part.replace(/[aeiouAEO]/g, (c) => ACCENTED[c] ?? c)))
      .join('');
    return `[${text}]`;
  }
  if (Array.isArray(value)) return value.map(pseudo);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudo(v)]));
  return value;
}

/** The pseudo-locale's folder, made the way a translator would: English's folder, every catalogue file translated. */
function writePseudoFolder(i18n: string): void {
  const english = path.join(i18n, 'en');
  const folder = path.join(i18n, PSEUDO);
  mkdirSync(folder);
  for (const file of readdirSync(english)) {
    const text = readFileSync(path.join(english, file), 'utf8');
    writeFileSync(path.join(folder, file), file.endsWith('.json') ? JSON.stringify(pseudo(JSON.parse(text)), null, 2) : text);
  }
  const site = path.join(folder, 'site.json');
  writeFileSync(site, JSON.stringify({ ...(JSON.parse(readFileSync(site, 'utf8')) as object), languageName: 'Pseudo' }));
}

let copy: string;

function page(route: string): string {
  return readFileSync(path.join(copy, 'dist', route, 'index.html'), 'utf8');
}

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'tipline-pseudo-'));
  for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'web', 'contract']) {
    cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');

  // The one folder…
  writePseudoFolder(path.join(copy, 'web/i18n'));
  // …and the one list entry.
  const languages = path.join(copy, 'contract/languages.ts');
  const source = readFileSync(languages, 'utf8');
  const withPseudo = source.replace(/export const LANGS = \[([^\]]*)\] as const;/, (_, list: string) => `export const LANGS = [${list}, '${PSEUDO}'] as const;`);
  expect(withPseudo).not.toBe(source);
  writeFileSync(languages, withPseudo);

  const build = spawnSync('npx', ['astro', 'build', '--silent'], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
}, 300_000);

afterAll(() => {
  if (copy !== undefined) rmSync(copy, { recursive: true, force: true });
});

describe('a language added as one folder and one list entry', () => {
  it('gets every public and console page, in its own language and under its own prefix', () => {
    for (const route of ['', 'report', 'status', 'staff', 'staff/queue', 'staff/intake', 'staff/report', 'staff/registers', 'staff/admin', 'staff/audit', 'staff/account']) {
      const html = page(path.join(PSEUDO, route));
      expect(html, route).toContain('<html lang="en-XA"');
      expect(html, route).toMatch(/\[[^\]<]*[áéíóú][^\]<]*\]/);
    }
    expect(page(`${PSEUDO}/report`)).toContain('[Máké á répórt]');
    expect(page(`${PSEUDO}/staff/admin`)).toContain('[Ádmínístrátíón]');
  });

  it('is offered in every other language’s language switch', () => {
    expect(page('en/report')).toMatch(new RegExp(`<a href="/${PSEUDO}/report/"[^>]*hreflang="en-XA"[^>]*>\\s*Pseudo`));
    expect(page('staff')).toContain(`href="/${PSEUDO}/staff/"`);
  });

  it('has a shell for the server’s no-JavaScript answers', () => {
    expect(existsSync(path.join(copy, 'dist/shell', PSEUDO, 'index.html'))).toBe(true);
  });

  it('gets a message chunk of its own for each catalogue file, beside the other languages’', () => {
    const chunks = readdirSync(path.join(copy, 'dist/_astro'));
    for (const file of ['report', 'status', 'upload', 'console']) {
      const perLanguage = chunks.filter((chunk) => new RegExp(`^messages-[a-z-]+-${file}\\.[\\w-]+\\.js$`).test(chunk));
      // zh-hant, zh-hans, en and the pseudo-locale.
      expect(perLanguage, file).toHaveLength(4);
      expect(perLanguage.filter((chunk) => chunk.startsWith(`messages-${PSEUDO}-${file}.`)), file).toHaveLength(1);
    }
  });

  it('hydrates its islands with its own messages in a browser', async () => {
    const server = await serveStatic(path.join(copy, 'dist'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/${PSEUDO}/report/`);
      await expect.poll(() => page.locator('astro-island[ssr]').count()).toBe(0);
      // The character counter exists only once the island runs, and speaks the page's language.
      await expect.poll(() => page.locator('#details-counter').textContent()).toMatch(/^\[0 .*chárá.*\]$/);
    } finally {
      await browser.close();
      server.close();
    }
  });
});

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

/** The built site as files, on a local port: enough for a page to load its scripts. */
async function serveStatic(root: string): Promise<{ origin: string; close: () => void }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = path.join(root, decodeURIComponent(url.pathname), url.pathname.endsWith('/') ? 'index.html' : '');
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
