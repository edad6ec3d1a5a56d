// A dashboard section read fresh from the API through the background, never from the cache: when
// the section opens, whenever the creator comes back to this tab (buyers pay, and Stripe onboards
// creators, in another one), and when the section asks again. A failed read says why and keeps
// what was shown.
import { useCallback, useEffect, useState } from 'preact/hooks'
import { errorCode } from '../ui/send-error.ts'

/** read must be the same function on every render (a module constant), or every render reads again. */
export function useFreshRead<T>(read: () => Promise<T>): { view: T | null; problem: string | null; reload: () => void } {
  const [view, setView] = useState<T | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const reload = useCallback(() => {
    read().then(
      (fresh) => {
        setView(fresh)
        setProblem(null)
      },
      (error: unknown) => setProblem(errorCode(error)),
    )
  }, [read])
  useEffect(reload, [reload])
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && reload()
    document.addEventListener('visibilitychange', onVisible)
    return () => document.removeEventListener('visibilitychange', onVisible)
  }, [reload])
  return { view, problem, reload }
}
