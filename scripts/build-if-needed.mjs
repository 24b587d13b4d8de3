// Builds the static site when dist/ is missing or older than its sources,
// so `npm start` works on a fresh clone without a separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { compressSite } from './compress-site.mjs';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist', 'shell', 'zh-hant', 'index.html');
const sources = ['web', 'contract', 'astro.config.mjs', 'package-lock.json', 'scripts/build-if-needed.mjs', 'scripts/compress-site.mjs'].map((p) => path.join(root, p));

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(...sources.map(newestMtime));
if (built >= changed) process.exit(0);

console.log('Building the site (astro build)...');
const result = spawnSync('npx', ['astro', 'build', '--silent'], {
  cwd: root,
  stdio: 'inherit',
  // NODE_ENV=production even when called from vitest (which sets "test"):
  // otherwise the islands are built with Preact's development JSX runtime.
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
});
if (result.status !== 0) process.exit(result.status ?? 1);
compressSite(path.join(root, 'dist'));
