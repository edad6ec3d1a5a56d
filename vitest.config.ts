import { defineConfig, type Plugin } from 'vitest/config'

/**
 * crxjs turns `import path from './x.ts?script'` into the built script's file name at build time.
 * Under vitest there is no build: the import yields the source path, which is all a test can check.
 */
const crxScriptImports: Plugin = {
  name: 'crx-script-imports',
  enforce: 'pre',
  resolveId: (id) => (id.endsWith('?script') ? `\0crx-script:${id.slice(0, -'?script'.length)}` : null),
  load: (id) => (id.startsWith('\0crx-script:') ? `export default ${JSON.stringify(id.slice('\0crx-script:'.length))}` : null),
}

// Unit and integration tests (*.test.ts). Browser end-to-end tests are Playwright's (*.spec.ts).
export default defineConfig({
  plugins: [crxScriptImports],
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
