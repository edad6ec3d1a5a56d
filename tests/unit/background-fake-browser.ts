// The few extension APIs the background's modules call, as plain in-memory objects, installed as
// the `browser` global before webextension-polyfill loads (it then passes the global through).
// Import this first in a background test. Only the browser is fake: Dexie runs on
// fake-indexeddb, and the worker's own modules are the real ones.
export const EXTENSION_ID = 'tiplinetestextension'
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`

const sessionStorage = new Map<string, unknown>()
const localStorage = new Map<string, unknown>()
export const alarms = new Map<string, { when?: number; periodInMinutes?: number }>()
export const sentToTabs: Array<{ tabId: number; message: unknown }> = []
export const openedTabs: string[] = []

/** storage.session and storage.local: the same small API over two maps. */
function storageArea(items: Map<string, unknown>) {
  const keysOf = (keys: string | string[] | null | undefined): string[] => {
    if (keys === null || keys === undefined) return [...items.keys()]
    return typeof keys === 'string' ? [keys] : keys
  }
  return {
    async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
      const found: Record<string, unknown> = {}
      for (const key of keysOf(keys)) if (items.has(key)) found[key] = structuredClone(items.get(key))
      return found
    },
    async set(values: Record<string, unknown>): Promise<void> {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value))
    },
    async remove(keys: string | string[]): Promise<void> {
      for (const key of keysOf(keys)) items.delete(key)
    },
  }
}

export const fakeBrowser = {
  runtime: {
    id: EXTENSION_ID,
    getURL: (path: string) => `${EXTENSION_ORIGIN}/${path.replace(/^\//, '')}`,
  },
  storage: {
    session: storageArea(sessionStorage),
    local: storageArea(localStorage),
  },
  alarms: {
    async create(name: string, info: { when?: number; periodInMinutes?: number }): Promise<void> {
      alarms.set(name, info)
    },
    async clear(name: string): Promise<boolean> {
      return alarms.delete(name)
    },
  },
  tabs: {
    async query(): Promise<Array<{ id?: number }>> {
      return []
    },
    async sendMessage(tabId: number, message: unknown): Promise<void> {
      sentToTabs.push({ tabId, message })
    },
    async create({ url }: { url: string }): Promise<{ id: number }> {
      openedTabs.push(url)
      return { id: 1000 + openedTabs.length }
    },
  },
}

export function resetFakeBrowser(): void {
  sessionStorage.clear()
  localStorage.clear()
  alarms.clear()
  sentToTabs.length = 0
  openedTabs.length = 0
}

Object.assign(globalThis, { chrome: { runtime: { id: EXTENSION_ID } }, browser: fakeBrowser })
