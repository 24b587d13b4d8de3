// The server as compiled JavaScript (build/server.js, with a source map), so
// `npm start` runs no transpiler: esbuild bundles server/index.ts and what
// it imports from contract/ and web/ (the no-JavaScript pages), and leaves
// node_modules to Node. The sealing worker thread is a second entry,
// build/payload-worker.js, which the server starts from beside itself.
// build-if-needed.mjs runs it when stale.
import path from 'node:path';
import { build } from 'esbuild';

export const SERVER_BUNDLE = path.join('build', 'server.js');

/** Compile the server of the project at `root` into build/server.js. */
export async function buildServer(root) {
  await build({
    absWorkingDir: root,
    entryPoints: { server: 'server/index.ts', 'payload-worker': 'server/crypto/payload-worker.ts' },
    outdir: path.dirname(SERVER_BUNDLE),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    // The console's views render on the server with Preact, as in tsconfig.json.
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildServer(path.resolve(import.meta.dirname, '..'));
  console.log(`Compiled the server into ${SERVER_BUNDLE}`);
}
