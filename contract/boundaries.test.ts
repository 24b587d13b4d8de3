/**
 * The layering the contract exists for: the server and the web import the
 * contract and never each other (two exceptions, both in server/html/: the
 * server renders the web's Preact views for browsers without JavaScript, in
 * pages.tsx, and a referral package's case file with the console's labels,
 * in case-file.ts);
 * the contract imports neither; services and the data layer know nothing of
 * HTTP. Tests may import across, so they are not checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|astro|mjs)$/.test(file) && !/\.test\.ts$|\.spec\.ts$/.test(file))
    .map((file) => path.join(dir, file));
}

/** Every relative import of a source file, resolved to a path from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1] ?? '');
  return specifiers.map((specifier) => path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier)));
}

function crossings(dir: string, forbidden: (target: string) => boolean, allowed: readonly string[] = []): string[] {
  return sources(dir)
    .filter((file) => !allowed.includes(file))
    .flatMap((file) => importsOf(file).filter(forbidden).map((target) => `${file} -> ${target}`));
}

describe('module boundaries', () => {
  it('the server imports web/ only to render pages for browsers without JavaScript and case files', () => {
    expect(crossings('server', (target) => target.startsWith('web/'), ['server/html/pages.tsx', 'server/html/case-file.ts'])).toEqual([]);
  });

  it('the web never imports server/', () => {
    expect(crossings('web', (target) => target.startsWith('server/'))).toEqual([]);
  });

  it('the contract imports neither the server nor the web', () => {
    expect(crossings('contract', (target) => target.startsWith('server/') || target.startsWith('web/'))).toEqual([]);
  });

  it('services and the data layer import nothing from http/', () => {
    const http = (target: string): boolean => target.startsWith('server/http/');
    expect([...crossings('server/services', http), ...crossings('server/data', http)]).toEqual([]);
  });
});
