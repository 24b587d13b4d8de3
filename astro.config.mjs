// @ts-check
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';

// The public site is fully static: the Hono server serves dist/ and fills the
// shell pages (dist/shell/<lang>/) for HTML responses to form posts.
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
    build: {
      rollupOptions: {
        output: {
          manualChunks(id) {
            if (/\/node_modules\/preact\/(dist|jsx-runtime)\/|@astrojs\/preact\/dist\/client|preload-helper|\/web\/(i18n\/lang|islands\/focus-after-render)\.ts$|\/contract\/(languages|vocabulary|report-fields)\.ts$/.test(id)) return 'runtime';
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
