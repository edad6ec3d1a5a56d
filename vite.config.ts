import { defineConfig } from 'vite'
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin'
import preact from '@preact/preset-vite'
import baseManifest from './manifest.json' with { type: 'json' }
import { apiBaseUrl } from './scripts/build-config.ts'

// The API origin is build configuration: it goes into the bundle as a constant and into
// host_permissions, so the worker can reach it and nothing else beyond the supported sites.
const api = apiBaseUrl()
const manifest = {
  ...baseManifest,
  host_permissions: [...baseManifest.host_permissions, `${new URL(api).origin}/*`],
} as ManifestV3Export

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  define: { __TIPLINE_API__: JSON.stringify(api) },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // crxjs copies a web-accessible HTML page unbundled unless it is also an input.
    rollupOptions: { input: { panel: 'src/extension/panel/index.html' } },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
})
