// Dexie's liveQuery as a Preact hook: the page paints from the cache as soon as IndexedDB
// answers and repaints whenever the background writes what the query read.
import { liveQuery } from 'dexie'
import { useLayoutEffect, useState } from 'preact/hooks'

/** undefined until the first answer; after that, the latest result. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[] = []): T | undefined {
  const [result, setResult] = useState<{ value: T } | undefined>(undefined)
  // A layout effect subscribes right after the render; a plain effect would wait for the next
  // frame, and the cache's answer with it.
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ value }),
      error: (error: unknown) => console.error('Tipline: reading the local cache failed', error),
    })
    return () => subscription.unsubscribe()
    // The query closes over deps; the caller lists them as it would for useLayoutEffect.
  }, deps)
  return result?.value
}
