// Payouts left pending (Stripe's answer never came and the creator did not retry, nor did
// transfer.created arrive) are asked for again on a timer with the same transfer key: a transfer
// Stripe already made is answered again, one it never saw is made now. Safe on every instance at
// once: the key makes one transfer, and the payout's status only moves forward.
import type { Services } from '../services.ts'
import { payoutById } from '../ledger/payout.ts'
import { sendTransfer } from './withdraw.ts'

export const RESUME_EVERY_MS = 60_000
/** Younger payouts may still have their first request in flight. */
export const PENDING_AT_LEAST_MS = 60_000

type Needs = Pick<Services, 'db' | 'stripe' | 'log'>

/** Returns how many pending payouts were tried. */
export async function resumePendingPayouts(s: Needs, pendingAtLeastMs = PENDING_AT_LEAST_MS): Promise<number> {
  const { rows } = await s.db.query<{ id: string; account_id: string }>(
    `SELECT id, account_id FROM payouts WHERE status = 'pending' AND created_at <= now() - make_interval(secs => $1)
     ORDER BY created_at LIMIT 100`,
    [pendingAtLeastMs / 1000],
  )
  for (const row of rows) {
    const payout = await payoutById(s.db, row.id)
    if (payout?.status === 'pending') await sendTransfer(s, row.account_id, payout)
  }
  return rows.length
}

export function startPayoutResumer(s: Needs, everyMs = RESUME_EVERY_MS): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve()
  const resume = () => {
    running = running.then(async () => {
      try {
        const tried = await resumePendingPayouts(s)
        if (tried > 0) s.log({ msg: 'pending payouts resumed', tried })
      } catch (error) {
        s.log({ msg: 'payout resume failed', error: String(error) })
      }
    })
  }
  const timer = setInterval(resume, everyMs)
  timer.unref()
  resume()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
