// After a top-up starts, the money arrives through Stripe's webhook to the API, not through the
// extension. So the worker polls the wallet until the balance rises (or three minutes pass), and
// the popup, reading the cache live, shows the new balance without anyone pressing refresh, and
// tips that waited for the money (top up and tip) are sent.
// A timer polls every 2 s while the worker lives; an alarm restarts the polling if it is stopped.
import browser from 'webextension-polyfill'
import { releaseFundedTips, waitingTipsCovered } from './outbox.ts'
import { syncAll, syncWallet } from './sync.ts'

export const TOPUP_ALARM = 'topup.watch'
const WATCH_KEY = 'topupWatch'
const POLL_INTERVAL_MS = 2_000
const WATCH_DURATION_MS = 3 * 60_000

interface TopupWatch {
  until: number
  /** The last balance seen; null until the first poll reads it. */
  balance: number | null
}

let timer: ReturnType<typeof setTimeout> | undefined
// The alarm may fire while the timer's poll is still waiting on the API, and a top-up may start
// meanwhile: polls run one after another, none dropped, so a watch started meanwhile gets its look.
let polls: Promise<void> = Promise.resolve()

export async function watchTopup(): Promise<void> {
  const watch: TopupWatch = { until: Date.now() + WATCH_DURATION_MS, balance: null }
  await browser.storage.session.set({ [WATCH_KEY]: watch })
  await browser.alarms.create(TOPUP_ALARM, { periodInMinutes: 0.5 })
  await pollTopup()
}

/** One look at the wallet, after any still under way; schedules the next unless the watch is over. */
export function pollTopup(): Promise<void> {
  const poll = polls.then(pollOnce)
  polls = poll.catch(() => undefined)
  return poll
}

async function pollOnce(): Promise<void> {
  clearTimeout(timer)
  const watch = await currentWatch()
  if (!watch || watch.until <= Date.now()) return stopWatching(watch)
  try {
    const { balance } = await syncWallet()
    if (watch.balance !== null && balance > watch.balance) {
      await stopWatching(watch)
      await releaseFundedTips()
      await syncAll()
      return
    }
    // Money that landed before this watch first looked (a second checkout opened over a tip panel's
    // stale balance) pays for the waiting tips too: they go now, and the watch goes on for the checkout still open.
    if (await waitingTipsCovered(balance)) await releaseFundedTips()
    // A newer watch (another checkout) that replaced this one meanwhile keeps its own starting balance.
    if ((await currentWatch())?.until === watch.until) await browser.storage.session.set({ [WATCH_KEY]: { ...watch, balance } satisfies TopupWatch })
  } catch (error) {
    console.warn('Tipline: checking the wallet after a top-up failed', error)
  }
  timer = setTimeout(() => void pollTopup(), POLL_INTERVAL_MS)
}

async function currentWatch(): Promise<TopupWatch | undefined> {
  return (await browser.storage.session.get(WATCH_KEY))[WATCH_KEY] as TopupWatch | undefined
}

/** Ends the watch this poll read, unless a newer one (another checkout) has started since: that one goes on. */
async function stopWatching(watch: TopupWatch | undefined): Promise<void> {
  const current = await currentWatch()
  if (current && current.until !== watch?.until) return
  clearTimeout(timer)
  await browser.storage.session.remove(WATCH_KEY)
  await browser.alarms.clear(TOPUP_ALARM)
}
