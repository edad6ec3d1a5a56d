// Each Stripe event is processed once: its id is inserted in the same DB transaction as its
// effect, so a redelivery finds it and does nothing, and a failure rolls both back.
import type { Tx } from '../db/index.ts'

export interface EventRef {
  id: string
  type: string
}

/** False when this event was already processed. */
export async function firstDelivery(tx: Tx, event: EventRef): Promise<boolean> {
  const { rowCount } = await tx.query('INSERT INTO stripe_events (id, type) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    event.id,
    event.type,
  ])
  return rowCount === 1
}
