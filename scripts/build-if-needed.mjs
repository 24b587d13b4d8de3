// Builds what `npm start` runs when it is missing or older than its sources,
// so `npm ci && npm start` works on a fresh clone without a separate build
// step: the static site (dist/, with its brotli and gzip copies) and the
// compiled server (build/server.js).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildServer, SERVER_BUNDLE } from './build-server.mjs';
import { compressSite } from './compress-site.mjs';
import { recordSiteInputs, siteInputsChanged } from './site-inputs.mjs';

const root = path.resolve(import.meta.dirname, '..');

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when `output` is missing or older than any of `sources` (paths relative to the project). */
function isStale(output, sources) {
  const built = existsSync(path.join(root, output)) ? statSync(path.join(root, output)).mtimeMs : 0;
  return built < Math.max(...sources.map((source) => newestMtime(path.join(root, source))));
}

const shared = ['contract', 'web', 'package-lock.json', 'scripts/build-if-needed.mjs'];

// Beside the site, not in it: dist/ is served.
const siteInputsStamp = path.join(root, 'build', 'site-inputs.sha256');
const siteSources = [...shared, 'astro.config.mjs', 'scripts/compress-site.mjs', 'scripts/site-inputs.mjs'];

if (isStale('dist/shell/zh-hant/index.html', siteSources) || siteInputsChanged(siteInputsStamp, process.env)) {
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
  mkdirSync(path.dirname(siteInputsStamp), { recursive: true });
  recordSiteInputs(siteInputsStamp, process.env);
}

// The server renders the web's views and catalogues for browsers without JavaScript, so web/ counts too.
if (isStale(SERVER_BUNDLE, [...shared, 'server', 'tsconfig.json', 'scripts/build-server.mjs'])) {
  console.log('Compiling the server (esbuild)...');
  await buildServer(root);
}
