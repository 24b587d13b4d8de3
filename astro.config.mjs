// @ts-check
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';

// The public site is fully static: the Hono server serves dist/ and fills the
// shell pages (dist/shell/<lang>/) for HTML responses to form posts.
/**
 * Modules every island needs (Preact, Astro's hydration, languages, the
 * message filler) and the parts the report and status islands share: one
 * chunk, so the report page loads few files (each file compresses on its own
 * and costs its own request; the page's JavaScript budget counts them all).
 */
const RUNTIME = new RegExp(
  [
    String.raw`/node_modules/preact/(dist|jsx-runtime)/`,
    String.raw`@astrojs/preact/dist/client`,
    String.raw`preload-helper`,
    String.raw`/web/i18n/(lang|fill|keys)\.ts$`,
    String.raw`/web/islands/(focus-after-render|page-messages)\.ts$`,
    String.raw`/web/lib/post-json\.ts$`,
    String.raw`/web/components/(report-problem-text|error-summary|form-send)\.tsx?$`,
    String.raw`/contract/(languages|vocabulary|report-fields)\.ts$`,
  ].join('|'),
);

export default defineConfig({
  srcDir: './web',
  publicDir: './web/public',
  outDir: './dist',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [preact()],
  // No network at build time or in the browser: no remote images, no prefetch.
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
  prefetch: false,
  vite: {
    // Catalogues are JSON (web/i18n/<lang>/*.json): each one a single JSON.parse, the smallest and fastest form.
    json: { namedExports: false, stringify: true },
    build: {
      // Islands await their own language's messages at the top of their module
      // (web/islands/page-messages.ts): top-level await needs ES2022. Tor
      // Browser and every browser the site supports have it.
      target: 'es2022',
      rollupOptions: {
        output: {
          manualChunks(id) {
            if (RUNTIME.test(id)) return 'runtime';
            // The staff part of the vocabulary: a chunk of its own, which only console islands load.
            if (/\/contract\/staff-vocabulary\.ts$/.test(id)) return 'staff-vocabulary';
            // Each language's catalogue file is a chunk of its own, named for it
            // (messages-zh-hant-report): islands load their page's language only.
            const catalogue = /\/web\/i18n\/([a-z-]+)\/(\w+)\.json$/.exec(id);
            if (catalogue !== null) return `messages-${catalogue[1]}-${catalogue[2]}`;
            return undefined;
          },
        },
      },
    },
  },
  devToolbar: { enabled: false },
  // Astro hashes its island bootstrap scripts and styles into a CSP <meta> on
  // every page (checked: islands hydrate under it). The server's header CSP
  // must allow the same hashes; frame-ancestors only works as a header.
  // 'wasm-unsafe-eval' lets the proof-of-work solver compile its WebAssembly
  // (web/lib/pow-solver.ts), and nothing else: JavaScript eval stays blocked.
  experimental: {
    csp: {
      directives: ["default-src 'self'", "base-uri 'none'", "object-src 'none'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
