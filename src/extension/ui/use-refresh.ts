// Asks the background to refresh the cache when a page opens. The page already shows what is
// cached, so there is no spinner: only a problem, in words, if the refresh fails.
import { useCallback, useEffect, useState } from 'preact/hooks'
import { errorCode } from './send-error.ts'

/** ready: false holds the first refresh back, e.g. until the page has painted from the cache. */
export function useRefresh(refresh: () => Promise<unknown>, ready = true): { problem: string | null; retry: () => void } {
  const [problem, setProblem] = useState<string | null>(null)
  const retry = useCallback(() => {
    setProblem(null)
    refresh().catch((error: unknown) => setProblem(errorCode(error)))
  }, [refresh])
  useEffect(() => {
    if (ready) retry()
  }, [retry, ready])
  return { problem, retry }
}
