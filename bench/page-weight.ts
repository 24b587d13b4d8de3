/**
 * Part 5: what a page costs to load, read from the built site (dist/): its
 * HTML file, every stylesheet it links (and their @imports), every script it
 * loads — <script src>, modulepreload, Astro island component-url,
 * renderer-url and before-hydration-url — and every module those import
 * statically, and the message chunks of the page's language that those
 * modules import dynamically (an island awaits its language's messages
 * before it hydrates: web/islands/page-messages.ts). Other modules reachable
 * only through a dynamic import() are counted apart (lazyJs): they load only
 * if that code path runs. Raw and gzip -9 bytes, each file compressed on its
 * own as it is sent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PageWeightRow, Weight } from './results';

export const PAGES = ['/', '/report/', '/status/', '/staff/queue/'] as const;

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);

/** URLs of the stylesheets and scripts an HTML document loads. */
export function htmlReferences(html: string): { css: string[]; js: string[] } {
  const css: string[] = [];
  const js: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel.includes('stylesheet')) css.push(href);
    if (rel.includes('modulepreload')) js.push(href);
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src) js.push(src);
  }
  for (const [tag] of html.matchAll(/<astro-island\b[^>]*>/gi)) {
    for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) {
      const url = attr(tag, name);
      if (url) js.push(url);
    }
  }
  return { css, js };
}

/**
 * Module specifiers a (minified) ES module imports: static ones
 * (`import … from "x"`, `import "x"`, `export … from "x"`), which load with
 * it, and dynamic ones (`import("x")`), which load only when that code runs.
 */
export function jsImports(source: string): { static: string[]; dynamic: string[] } {
  const found = (pattern: RegExp): string[] => [...new Set([...source.matchAll(pattern)].flatMap((m) => (m[1] ? [m[1]] : [])))];
  return {
    static: found(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"'\n]+)["']/g),
    dynamic: found(/\bimport\s*\(\s*["']([^"'\n]+)["']\s*\)/g),
  };
}

/** `@import "x"` / `@import url(x)` in a stylesheet. */
function cssImports(source: string): string[] {
  return [...source.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)].flatMap((m) => (m[1] ? [m[1]] : []));
}

/** A URL as referenced from `fromFile` (a file in dist), as a path relative to dist; null for other origins. */
function resolveUrl(dist: string, fromFile: string, url: string): string | null {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return null;
  const clean = url.split(/[?#]/)[0] ?? '';
  const absolute = clean.startsWith('/') ? path.join(dist, clean) : path.resolve(path.dirname(fromFile), clean);
  return path.relative(dist, absolute);
}

function weigh(dist: string, files: Iterable<string>): Weight {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/**
 * Walk from `roots` (URLs as referenced from `fromFile`) through
 * `importsOf`, collecting every file reached (relative to dist) that is not
 * already in `known`.
 */
function closure(
  dist: string,
  roots: { from: string; url: string }[],
  importsOf: (source: string) => string[],
  known: ReadonlySet<string> = new Set(),
): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const file = resolveUrl(dist, next.from, next.url);
    if (file === null || seen.has(file) || known.has(file)) continue;
    const full = path.join(dist, file);
    if (!existsSync(full)) throw new Error(`${next.url} (referenced from ${path.relative(dist, next.from)}) is not in dist/`);
    seen.add(file);
    for (const url of importsOf(readFileSync(full, 'utf8'))) queue.push({ from: full, url });
  }
  return seen;
}

/** The page's language code as its catalogue folder names it: <html lang="zh-Hant"> → zh-hant. */
function pageLanguage(html: string): string {
  return (attr(/<html\b[^>]*>/i.exec(html)?.[0] ?? '', 'lang') ?? '').toLowerCase();
}

/** A message chunk of this language (astro.config.mjs names them messages-<lang>-<file>.<hash>.js). */
function isMessagesOf(lang: string, url: string): boolean {
  return lang !== '' && path.basename(url).startsWith(`messages-${lang}-`) && /^messages-[a-z-]+-\w+\.[\w-]+\.js$/.test(path.basename(url));
}

/** The weight of one page of the built site. */
export function pageWeight(dist: string, pagePath: string): PageWeightRow {
  const htmlFile = path.join(pagePath.replace(/^\//, ''), 'index.html');
  const htmlPath = path.join(dist, htmlFile);
  if (!existsSync(htmlPath)) throw new Error(`${htmlFile} is not in dist/: build the site first`);
  const html = readFileSync(htmlPath, 'utf8');
  const refs = htmlReferences(html);
  const fromPage = (urls: string[]): { from: string; url: string }[] => urls.map((url) => ({ from: htmlPath, url }));
  const css = closure(dist, fromPage(refs.css), cssImports);
  const staticJs = closure(dist, fromPage(refs.js), (source) => jsImports(source).static);
  const lang = pageLanguage(html);
  const ownMessages = [...staticJs].flatMap((file) => {
    const full = path.join(dist, file);
    return jsImports(readFileSync(full, 'utf8'))
      .dynamic.filter((url) => isMessagesOf(lang, url))
      .map((url) => ({ from: full, url }));
  });
  const js = new Set([...staticJs, ...closure(dist, ownMessages, (source) => jsImports(source).static, staticJs)]);
  // What dynamic imports of those modules could add (e.g. Preact signals, only for islands given signal props).
  const dynamicRoots = [...js].flatMap((file) => {
    const full = path.join(dist, file);
    return jsImports(readFileSync(full, 'utf8')).dynamic.map((url) => ({ from: full, url }));
  });
  const lazy = closure(dist, dynamicRoots, (source) => [...jsImports(source).static, ...jsImports(source).dynamic], js);
  return {
    path: pagePath,
    html: weigh(dist, [htmlFile]),
    css: weigh(dist, css),
    js: weigh(dist, js),
    lazyJs: weigh(dist, lazy),
    files: [htmlFile, ...css, ...js],
    lazyFiles: [...lazy],
  };
}

export function benchPageWeight(dist: string): PageWeightRow[] {
  return PAGES.map((page) => pageWeight(dist, page));
}
