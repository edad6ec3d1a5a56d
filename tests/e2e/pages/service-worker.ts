// The extension's service worker, stopped the way the browser stops it when idle: through CDP on
// one of the extension's own pages (ServiceWorker.stopWorker). The next message starts a fresh
// worker with empty memory; only IndexedDB, storage and alarms remain.
import { expect, type BrowserContext } from '@playwright/test'

interface WorkerVersion {
  versionId: string
  scriptURL: string
  runningStatus: string
}

export async function stopServiceWorker(context: BrowserContext, extensionId: string): Promise<void> {
  // A page of the extension that sends no message, so it does not wake the worker itself.
  const page = await context.newPage()
  await page.goto(`chrome-extension://${extensionId}/manifest.json`)
  const cdp = await context.newCDPSession(page)
  const running = new Map<string, WorkerVersion>()
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
    for (const version of versions) running.set(version.versionId, version)
  })
  await cdp.send('ServiceWorker.enable')
  const ours = () => [...running.values()].filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && v.runningStatus === 'running')
  await expect.poll(() => ours().length).toBeGreaterThan(0)
  for (const version of ours()) await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId })
  await expect.poll(() => ours().length).toBe(0)
  await cdp.detach()
  await page.close()
}
