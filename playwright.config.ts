import { defineConfig } from '@playwright/test'

// End-to-end tests drive Debian's Chromium with the built extension (src/devkit/chromium.ts), and the
// Firefox build in Debian's Firefox ESR (src/devkit/firefox.ts).
// One worker: the extension is built against one API origin, so the local stack runs on fixed ports.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
})
