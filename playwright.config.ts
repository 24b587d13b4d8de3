import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium (Playwright cannot download browsers here). CHROMIUM_PATH
// overrides it, e.g. on a machine with Playwright's own browser.
const executablePath =
  process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium');

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  timeout: 60_000,
  reporter: [['list']],
  use: {
    ...devices['Pixel 7'],
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    },
    trace: 'off',
  },
  projects: [
    // Tor Browser "Safest": every reporter flow must work with no JavaScript at all.
    // (axe and the staff console need JavaScript, so only the reporter flows run here.)
    {
      name: 'javascript-disabled',
      testMatch: ['reporter.spec.ts', 'status-answers.spec.ts', 'evidence-*.spec.ts', 'busy-form.spec.ts', 'receipt-reload.spec.ts', 'safety.spec.ts'],
      use: { javaScriptEnabled: false },
    },
    // The no-JavaScript busy page and receipt reloads are the other project's alone.
    { name: 'javascript-enabled', testIgnore: ['busy-form.spec.ts', 'receipt-reload.spec.ts'], use: { javaScriptEnabled: true } },
  ],
});
