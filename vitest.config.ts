import { defineConfig } from 'vitest/config'

// Unit and integration tests (*.test.ts). Browser end-to-end tests are Playwright's (*.spec.ts).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
