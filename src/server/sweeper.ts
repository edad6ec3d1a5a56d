// Background work on a timer: returning expired escrow to tippers. Safe to run on every instance
// at once (each tip is re-checked under its handle lock), so there is no leader to elect.
import type { Db } from './db/index.ts'
import { returnExpiredTips } from './ledger/index.ts'
import type { Logger } from './services.ts'

export const SWEEP_EVERY_MS = 10 * 60_000

export function startEscrowSweeper(db: Db, log: Logger, everyMs = SWEEP_EVERY_MS): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve()
  const sweep = () => {
    running = running.then(async () => {
      try {
        const returned = await returnExpiredTips(db)
        if (returned > 0) log({ msg: 'expired tips returned', returned })
      } catch (error) {
        log({ msg: 'escrow sweep failed', error: String(error) })
      }
    })
  }
  const timer = setInterval(sweep, everyMs)
  timer.unref()
  sweep()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
