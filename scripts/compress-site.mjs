// Brotli and gzip copies of the built site's text files (dist/*.br, dist/*.gz),
// made once at build time at the highest levels, so the server sends them by
// content negotiation without compressing anything per request.
// `node scripts/compress-site.mjs [dist]`; also run by build-if-needed.mjs.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|txt|xml|webmanifest|wasm)$/;

/** Files below `dir`, as paths. */
function filesBelow(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Write `<file>.br` and `<file>.gz` beside each compressible file of `dist`, when smaller. Returns how many were written. */
export function compressSite(dist) {
  let written = 0;
  for (const file of filesBelow(dist)) {
    // The shells are the server's templates (read at start), never sent as they are.
    if (!COMPRESSIBLE.test(file) || file.startsWith(path.join(dist, 'shell') + path.sep)) continue;
    const bytes = readFileSync(file);
    const variants = {
      br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      gz: gzipSync(bytes, { level: 9 }),
    };
    for (const [extension, compressed] of Object.entries(variants)) {
      if (compressed.length >= bytes.length) continue;
      writeFileSync(`${file}.${extension}`, compressed);
      written += 1;
    }
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', 'dist'));
  console.log(`Compressed the site: ${compressSite(dist)} files (brotli and gzip) in ${dist}`);
}
