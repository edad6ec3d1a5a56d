// Turns the Chrome build (dist/) into the Firefox variant (dist-firefox/). crxjs writes only
// `background.service_worker`; Firefox runs MV3 backgrounds as event pages from `background.scripts`,
// and wants an add-on id and a data collection declaration.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const from = resolve(root, 'dist')
const to = resolve(root, 'dist-firefox')

rmSync(to, { recursive: true, force: true })
cpSync(from, to, { recursive: true })

const manifestPath = resolve(to, 'manifest.json')
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
const worker: string = manifest.background.service_worker

manifest.background = { scripts: [worker], type: 'module' }
manifest.browser_specific_settings = {
  gecko: {
    id: 'extension@tipline.app',
    strict_min_version: '140.0',
    // Tipline sends the tips a person makes (amount, recipient handle, the post's address) to its API.
    data_collection_permissions: { required: ['financialAndPaymentInfo', 'websiteContent'] },
  },
  // Firefox for Android learned data_collection_permissions in 142.
  gecko_android: { strict_min_version: '142.0' },
}
for (const entry of manifest.web_accessible_resources ?? []) delete entry.use_dynamic_url

writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n')
console.log(`Firefox build written to ${to}`)
