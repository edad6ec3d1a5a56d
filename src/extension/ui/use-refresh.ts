// Asks the background to refresh the cache when a page opens. The page already shows what is
// cached, so there is no spinner: only a problem, in words, if the refresh fails.
import { useCallback, useEffect, useState } from 'preact/hooks'
import { errorCode } from './send-error.ts'

export function useRefresh(refresh: () => Promise<unknown>): { problem: string | null; retry: () => void } {
  const [problem, setProblem] = useState<string | null>(null)
  const retry = useCallback(() => {
    setProblem(null)
    refresh().catch((error: unknown) => setProblem(errorCode(error)))
  }, [refresh])
  useEffect(retry, [retry])
  return { problem, retry }
}
