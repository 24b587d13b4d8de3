/**
 * Where the project's own files are: the built site (dist/) and the SQL
 * migrations (db/migrations/), found from the project root — the nearest
 * folder above this module holding package.json — so the same code works
 * from its TypeScript source and from the compiled bundle in build/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = projectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const SITE_DIR = path.join(PROJECT_ROOT, 'dist');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'db', 'migrations');
