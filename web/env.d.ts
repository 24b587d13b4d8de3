// Vite's `import.meta.glob` and `import.meta.env` for the islands (islands/page-messages.ts), also for a bare `tsc`.
/// <reference types="astro/client" />
